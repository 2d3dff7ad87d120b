package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A real 1,200-goroutine SIGQUIT dump and a synthetic 10,000-goroutine one. */
class ThousandGoroutineDumpTest {

  @Test
  void the_1200_goroutine_dump_is_summarised_and_diagnosed() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(RealKnowledge.read("inputs/real/bigdump-send-gave-up.txt")));
    var g = d.input().goroutines();
    assertThat(d.input().kind()).isEqualTo("dump");
    assertThat(g.total()).isGreaterThanOrEqualTo(1200);
    assertThat(g.byState().get("chan send")).isEqualTo(1200);
    assertThat(g.topFrames().get(0).frame()).isEqualTo("main.lookupPrice");
    assertThat(g.topFrames().get(0).count()).isEqualTo(1200);
    assertThat(d.causes()).extracting(Diagnosis.RankedCause::id).first()
        .isIn("unbuffered-send-no-receiver", "send-blocked-after-receiver-gave-up");
    assertThat(d.causes().subList(0, 3)).extracting(Diagnosis.RankedCause::id).contains("send-blocked-after-receiver-gave-up");
    var evidence = d.causes().get(0).evidence().stream().filter(e -> e.kind().equals("wait-reason")).findFirst().orElseThrow();
    assertThat(evidence.occurrences()).isEqualTo(1200);
    assertThat(evidence.text()).isEqualTo("1200 goroutines in [chan send]");
  }

  @Test
  // Its speed is measured by bench/run.sh (scenario: 5,000-goroutine dump), not timed here.
  void ten_thousand_goroutines_are_all_read_and_diagnosed() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(Dumps.synthetic(10_000)));
    assertThat(d.input().goroutines().total()).isEqualTo(10_001);
    assertThat(d.causes()).isNotEmpty();
  }
}
