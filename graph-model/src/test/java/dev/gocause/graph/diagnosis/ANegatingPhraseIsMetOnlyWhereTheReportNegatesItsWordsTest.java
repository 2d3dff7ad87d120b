package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "never" negates the words after it, like "not": "we never call Stop" states no call of Stop.
 * A phrase holding a negation ("never returns", "Done never called") is met only where the
 * report's own negation reaches the phrase's words: "we never call ticker.Stop() when the handler
 * returns" says nothing of a call that never returns, though "never" and "returns" are both there.
 */
class ANegatingPhraseIsMetOnlyWhereTheReportNegatesItsWordsTest {

  private final ReportWords words = ReportWords.packaged();

  @Test
  void neverNegatesTheWordsAfterIt() {
    NegatedText t = NegatedText.of("the results channel is never closed by the producer", words);
    assertThat(t.negated()).contains("clos");
    assertThat(t.reached()).contains("clos");
  }

  @Test
  void aWordNegatedHereAndStatedThereIsStillReached() {
    NegatedText t = NegatedText.of("Wait never returns, although the handler returns", words);
    assertThat(t.negated()).doesNotContain("return");
    assertThat(t.reached()).contains("return");
  }

  @Test
  void aNegationAboutOtherWordsDoesNotMeetAPhraseOfAHang() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(
        "each request builds a time.NewTicker for progress and we never call ticker.Stop() when the handler returns"));
    assertThat(symptoms(d)).doesNotContain("program-hangs-no-output", "goroutines-blocked-waitgroup");
    assertThat(d.causes().get(0).id()).isEqualTo("ticker-not-stopped");
  }

  @Test
  void aNegationAboutThePhrasesWordsStillMeetsIt() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of("after the deploy wg.Wait never returns"));
    assertThat(symptoms(d)).contains("waitgroup-done-not-reached");
    Diagnosis hang = RealKnowledge.service().diagnose(DiagnosisRequest.of("the request never returns"));
    assertThat(symptoms(hang)).contains("program-hangs-no-output");
  }

  private static List<String> symptoms(Diagnosis d) {
    return d.observedSymptoms().stream().map(Diagnosis.ObservedSymptom::id).toList();
  }
}
