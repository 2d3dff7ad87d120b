package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report that asks whether anything failed at all ("is it expected that ...", "这算泄漏吗") is
 * discounted like a weaker "not a bug": its causes from words alone fall under the no-answer
 * threshold unless the words point to them strongly. A report naming the mechanism in full and
 * asking only what to call it ("... never call ticker.Stop(). is this a leak?") keeps its cause.
 */
class ADoubtingReportIsAnsweredWithLessConfidenceTest {

  @Test
  void askingWhetherTheGrowthIsExpectedGetsNoAnswer() {
    assertThat(causes("the goroutine count grows by a few hundred during the load test")).isNotEmpty();
    assertThat(causes("Is it expected that the goroutine count grows by a few hundred during the load test?")).isEmpty();
  }

  @Test
  void askingWhetherItIsALeakInChineseGetsNoAnswer() {
    assertThat(causes("压测的时候 goroutine 数量从两百涨到了三千")).isNotEmpty();
    assertThat(causes("这算泄漏吗?压测的时候 goroutine 数量从两百涨到了三千")).isEmpty();
  }

  @Test
  void aMechanismNamedInFullKeepsItsCauseAndItsScore() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(
        "each worker builds a time.NewTicker and we never call ticker.Stop() when it exits. is this a leak?"));
    Diagnosis.RankedCause first = d.causes().get(0);
    assertThat(first.id()).isEqualTo("ticker-not-stopped");
    assertThat(first.evidence()).extracting(Diagnosis.CauseEvidence::kind).doesNotContain("doubt");
    assertThat(d.causes().get(1).evidence()).extracting(Diagnosis.CauseEvidence::kind).contains("doubt");
  }

  @Test
  void aDoubtAddsToACauseThePlacedElsewhere() {
    // a count that stays flat places the cause outside concurrency; asking whether it is normal says more
    String flat = "空闲的时候 pprof 里总有几个 goroutine 停在 select 上,数量一直保持不变";
    assertThat(causes(flat)).isNotEmpty();
    assertThat(causes("这正常吗?" + flat)).isEmpty();
  }

  private static List<String> causes(String text) {
    return RealKnowledge.service().diagnose(DiagnosisRequest.of(text)).causes().stream().map(Diagnosis.RankedCause::id).toList();
  }
}
