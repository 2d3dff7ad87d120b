package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the two best causes are close, the answer asks for the observation (from the graph) that separates them. */
class AskBackNamesWhatSeparatesTheLeadingCausesTest {

  private static final String CLOSE_CALL = "程序卡住了,读写锁";

  @Test
  void closeCausesGetAQuestionFromTheGraphAboutUnobservedSymptoms() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(CLOSE_CALL));
    assertThat(d.causes()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(d.causes().get(0).score() - d.causes().get(1).score()).isLessThanOrEqualTo(AskBacks.CLOSE);
    Diagnosis.AskBack a = d.askBack();
    assertThat(a).as(d.message()).isNotNull();
    assertThat(a.between()).containsExactly(d.causes().get(0).id(), d.causes().get(1).id());
    assertThat(a.observations()).isNotEmpty().allSatisfy(o -> {
      assertThat(a.between()).contains(o.favours());
      assertThat(o.weight()).isGreaterThanOrEqualTo(AskBacks.MIN_SEPARATION);
      assertThat(d.observedSymptoms()).noneMatch(s -> s.nameEn().equals(o.symptom().nameEn()));
    });
    assertThat(a.questionZh()).contains(d.causes().get(0).nameZh());
    assertThat(a.questionEn()).contains(d.causes().get(0).nameEn());
  }

  @Test
  void theQuestionIsRenderedInTextAndMarkdown() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(CLOSE_CALL));
    assertThat(d.askBack()).isNotNull();
    assertThat(DiagnosisRenderer.text(d, "en")).contains(d.askBack().questionEn());
    assertThat(DiagnosisRenderer.markdown(d, "zh")).contains(d.askBack().questionZh());
  }

  @Test
  void aClearLeaderGetsNoQuestion() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of("panic: close of closed channel"));
    assertThat(d.causes()).isNotEmpty();
    if (d.causes().size() > 1) {
      assertThat(d.causes().get(0).score() - d.causes().get(1).score()).isGreaterThan(AskBacks.CLOSE);
    }
    assertThat(d.askBack()).isNull();
  }
}
