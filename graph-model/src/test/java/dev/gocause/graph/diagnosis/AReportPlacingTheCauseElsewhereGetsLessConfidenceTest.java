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
}
