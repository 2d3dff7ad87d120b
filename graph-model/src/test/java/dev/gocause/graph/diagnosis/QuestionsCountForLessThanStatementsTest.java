package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "is this a leak?", "是不是泄漏?" ask rather than state: their words count for less, so the answer is less sure. */
class QuestionsCountForLessThanStatementsTest {

  private final ReportWords words = ReportWords.packaged();

  @Test
  void aQuestionsWordsAreAskedNotStated() {
    NegatedText en = NegatedText.of("is this a goroutine leak?", words);
    assertThat(en.questioned()).contains("leak");
    assertThat(en.affirmed()).doesNotContain("leak");
    NegatedText zh = NegatedText.of("这是不是协程泄漏?", words);
    assertThat(zh.questioned()).contains("泄漏");
    assertThat(zh.affirmed()).doesNotContain("泄漏");
  }

  @Test
  void aClauseEndingInAQuestionMarkAsksWhateverItsWords() {
    NegatedText en = NegatedText.of("the goroutines leak under load?", words);
    assertThat(en.questioned()).contains("leak");
    assertThat(en.affirmed()).doesNotContain("leak");
    NegatedText zh = NegatedText.of("协程泄漏?内存一直在涨", words);
    assertThat(zh.questioned()).contains("泄漏");
    assertThat(zh.affirmed()).contains("内存").doesNotContain("泄漏");
  }

  @Test
  void askingGivesALowerScoreThanStating() {
    DiagnosisService service = RealKnowledge.service();
    for (String[] pair : new String[][] {
        {"the goroutine leak grows under load", "is this a goroutine leak that grows under load?"},
        {"程序里有 goroutine 泄漏", "程序里是不是有 goroutine 泄漏?"}}) {
      Diagnosis stated = service.diagnose(DiagnosisRequest.of(pair[0]));
      Diagnosis asked = service.diagnose(DiagnosisRequest.of(pair[1]));
      assertThat(stated.causes()).as(stated.message()).isNotEmpty();
      double askedTop = asked.causes().isEmpty() ? 0 : asked.causes().get(0).score();
      assertThat(askedTop).as(pair[1]).isLessThan(stated.causes().get(0).score());
    }
  }

  @Test
  void aReportConcludingItIsNotABugLowersEveryWordsOnlyCause() {
    DiagnosisService service = RealKnowledge.service();
    Diagnosis plain = service.diagnose(DiagnosisRequest.of("the server hangs at startup"));
    Diagnosis notABug = service.diagnose(DiagnosisRequest.of("the server hangs at startup; address already in use, so not a bug"));
    assertThat(plain.causes()).isNotEmpty();
    double after = notABug.causes().isEmpty() ? 0 : notABug.causes().get(0).score();
    // extra words alone move a score a little; the conclusion takes off more than a third
    assertThat(after).as(notABug.message()).isLessThan(plain.causes().get(0).score() * 0.6);
    assertThat(notABug.causes()).allSatisfy(c -> assertThat(c.evidence()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("not-a-bug");
      assertThat(e.contribution()).isNegative();
    }));
  }
}
