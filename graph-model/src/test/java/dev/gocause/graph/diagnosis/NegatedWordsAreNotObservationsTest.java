package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Negation: "no deadlock", "并没有泄漏" say the opposite of the words after the cue, for a few words only. */
class NegatedWordsAreNotObservationsTest {

  private final ReportWords words = ReportWords.packaged();

  @Test
  void theWordsRightAfterANegationAreNegatedNotStated() {
    NegatedText t = NegatedText.of("there is no deadlock, but the counter value is wrong", words);
    assertThat(t.negated()).contains("deadlock");
    assertThat(t.affirmed()).doesNotContain("deadlock").contains("counter", "wrong");
  }

  @Test
  void chineseNegationCoversTheFollowingCharacters() {
    NegatedText t = NegatedText.of("内存一直在涨,但是并没有泄漏", words);
    assertThat(t.negated()).contains("泄漏");
    assertThat(t.affirmed()).doesNotContain("泄漏").contains("内存");
  }

  @Test
  void aContrastWordEndsTheNegationEvenWithoutPunctuation() {
    NegatedText en = NegatedText.of("not leaking but hanging forever", words);
    assertThat(en.negated()).contains("leak");
    assertThat(en.affirmed()).contains("hang").doesNotContain("leak");
    NegatedText zh = NegatedText.of("没有泄漏但是卡住了", words);
    assertThat(zh.negated()).contains("泄漏");
    assertThat(zh.affirmed()).contains("卡住").doesNotContain("泄漏");
  }

  @Test
  void aNegationReachesOnlyAFewWords() {
    NegatedText t = NegatedText.of("the lock is not released after the handler panics", words);
    assertThat(t.negated()).contains("releas");
    assertThat(t.affirmed()).contains("panic");
  }

  @Test
  void aNegatedSymptomIsNotObservedWhileTheStatedOneIs() {
    DiagnosisService service = RealKnowledge.service();
    Diagnosis stated = service.diagnose(DiagnosisRequest.of("the service has a goroutine leak"));
    Diagnosis negated = service.diagnose(DiagnosisRequest.of("the service has no goroutine leak"));
    assertThat(stated.observedSymptoms()).as(stated.message()).isNotEmpty();
    assertThat(negated.observedSymptoms()).extracting(Diagnosis.ObservedSymptom::id)
        .as(negated.message()).doesNotContainAnyElementsOf(stated.observedSymptoms().stream().map(Diagnosis.ObservedSymptom::id).toList());
  }
}
