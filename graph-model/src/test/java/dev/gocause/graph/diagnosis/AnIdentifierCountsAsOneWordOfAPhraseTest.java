package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A phrase keeps a qualified identifier as two tokens, the pair ({@code once.do}) and its member
 * ({@code .do}), so a report naming {@code x.Do} meets it too; a report naming the pair meets both.
 * Counted so, "Once.Do deadlock" was two thirds met by any report that calls {@code once.Do}, and
 * "stuck in wg.Wait" by any that calls {@code wg.Wait()}. The identifier is one word of the phrase:
 * met in full by the pair, half by the member alone.
 */
class AnIdentifierCountsAsOneWordOfAPhraseTest {

  @Test
  void aPhraseKnowsWhichOfItsTokensNameOneIdentifier() {
    DiagnosisModel.Phrases p = new DiagnosisModel.Phrases(List.of(
        new DiagnosisModel.Phrase("s", "Once.Do deadlock", TextTokens.phrase("Once.Do deadlock")),
        new DiagnosisModel.Phrase("t", "lock order", TextTokens.phrase("lock order"))));
    assertThat(p.twins(0)).containsExactly("once.do", ".do");
    assertThat(p.twins(1)).isNull();
  }

  @Test
  void theIdentifierAloneMeetsHalfOfAPhraseOfTwoWords() {
    String[] twins = {"once.do", ".do"};
    assertThat(TextEvidence.identifierOnce(twins, 2, 3, Set.of("once.do", ".do"), Set.of())).isEqualTo(0.5);
    assertThat(TextEvidence.identifierOnce(twins, 3, 3, Set.of("once.do", ".do", "deadlock"), Set.of())).isEqualTo(1.0);
    // another receiver's Do: the member stands for half the identifier
    assertThat(TextEvidence.identifierOnce(twins, 2, 3, Set.of("o.do", ".do", "deadlock"), Set.of())).isEqualTo(0.75);
  }

  @Test
  void aReportThatOnlyCallsTheIdentifierDoesNotMeetThePhraseAboutItsFailure() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(
        "our loader runs once.Do(func(){ go fill() }) and readers right after it find the map still empty"));
    assertThat(symptoms(d)).doesNotContain("goroutines-blocked-once");
    Diagnosis w = RealKnowledge.service().diagnose(DiagnosisRequest.of(
        "main calls wg.Wait() after starting the workers and the totals printed are fine"));
    assertThat(symptoms(w)).doesNotContain("goroutines-blocked-waitgroup");
  }

  @Test
  void aReportSayingThePhraseStillMeetsIt() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of("we hit a Once.Do deadlock during start-up"));
    assertThat(symptoms(d)).contains("goroutines-blocked-once");
    Diagnosis w = RealKnowledge.service().diagnose(DiagnosisRequest.of("the main goroutine is stuck in wg.Wait forever"));
    assertThat(symptoms(w)).contains("goroutines-blocked-waitgroup");
  }

  private static List<String> symptoms(Diagnosis d) {
    return d.observedSymptoms().stream().map(Diagnosis.ObservedSymptom::id).toList();
  }
}
