package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A report whose own words place the cause outside concurrency (a resource never released, a wrong
 * setting, a question about what a checker reports: Symptoms of kind {@code cause-elsewhere}) gets
 * every words-only cause it does not point to discounted, said in the evidence.
 */
class AReportPlacingTheCauseElsewhereGetsLessConfidenceTest {

  @Test
  void aResourceNeverReleasedDiscountsTheConcurrencyCausesButNotTheOneItPointsTo() {
    DiagnosisService service = RealKnowledge.service();
    Diagnosis plain = service.diagnose(new DiagnosisRequest("the service leaks goroutines over time", 10, null));
    Diagnosis elsewhere = service.diagnose(
        new DiagnosisRequest("the service leaks goroutines over time; the database connections are never closed", 10, null));
    assertThat(plain.causes()).as(plain.message()).isNotEmpty();
    Diagnosis.RankedCause before = plain.causes().get(0);
    Diagnosis.RankedCause after = elsewhere.causes().stream().filter(c -> c.id().equals(before.id())).findFirst().orElse(null);
    if (after != null) {
      assertThat(after.score()).isLessThan(before.score());
      assertThat(after.evidence()).anySatisfy(e -> {
        assertThat(e.kind()).isEqualTo("cause-elsewhere");
        assertThat(e.contribution()).isNegative();
      });
    }
    assertThat(elsewhere.causes()).filteredOn(c -> c.id().equals("pooled-object-holds-unclosed-body"))
        .allSatisfy(c -> assertThat(c.evidence()).noneMatch(e -> e.kind().equals("cause-elsewhere")));
  }

  @Test
  void aWrongSettingInChineseLowersTheAnswer() {
    DiagnosisService service = RealKnowledge.service();
    Diagnosis plain = service.diagnose(DiagnosisRequest.of("服务运行一段时间后 goroutine 越来越多"));
    Diagnosis setting = service.diagnose(DiagnosisRequest.of("服务运行一段时间后 goroutine 越来越多,后来发现是配置写错了"));
    assertThat(plain.causes()).as(plain.message()).isNotEmpty();
    double after = setting.causes().isEmpty() ? 0 : setting.causes().get(0).score();
    assertThat(after).as(setting.message()).isLessThan(plain.causes().get(0).score() * 0.6);
  }

  @Test
  void cpuThrottledByTheContainersQuotaIsNoConcurrencyCause() {
    DiagnosisService service = RealKnowledge.service();
    Diagnosis plain = service.diagnose(DiagnosisRequest.of("服务每隔一段时间延迟就飙高,看起来像是 goroutine 卡住了"));
    Diagnosis quota = service.diagnose(DiagnosisRequest.of(
        "服务每隔一段时间延迟就飙高,看起来像是 goroutine 卡住了。排查后发现 GOMAXPROCS 等于节点核数 32,而 limits.cpu 只有 4,CPU 被限流。"));
    assertThat(plain.causes()).as(plain.message()).isNotEmpty();
    double after = quota.causes().isEmpty() ? 0 : quota.causes().get(0).score();
    assertThat(after).as(quota.message()).isLessThan(plain.causes().get(0).score() * 0.6);
    Diagnosis en = service.diagnose(DiagnosisRequest.of(
        "p99 latency spikes every 100ms and goroutines look stuck; the pod shows CPU throttling, GOMAXPROCS is 64 on a 2 CPU limit"));
    assertThat(en.causes().isEmpty() ? 0 : en.causes().get(0).score()).as(en.message()).isLessThan(0.5);
  }
}
