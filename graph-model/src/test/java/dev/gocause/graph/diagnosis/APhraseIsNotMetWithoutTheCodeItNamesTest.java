package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A phrase met only in part must still hold the code it names: "Done not called" is about
 * {@code wg.Done}, and "the unlock calls will not occur" says nothing of it, though two of the
 * phrase's three words are there. Go methods named like English stop words ({@code Done},
 * {@code Do}) are read as members, so such a phrase keeps its telling word.
 */
class APhraseIsNotMetWithoutTheCodeItNamesTest {

  private final ReportWords words = ReportWords.packaged();

  @Test
  void aMethodNamedLikeAStopWordIsTheMemberTokenInAPhrase() {
    assertThat(TextTokens.phrase("Done never called")).containsExactly(".done", "never", "call");
    assertThat(TextTokens.phrase("Do called again inside Do")).contains(".do");
    assertThat(TextTokens.phrase("wg.Done missing")).containsExactly(".done", "wg.done", "miss");
  }

  @Test
  void otherCapitalisedStopWordsStayOut() {
    assertThat(TextTokens.phrase("After running for hours")).containsExactly("run", "hour");
    assertThat(TextTokens.phrase("Doneness and Dogs")).containsExactly("doneness", "dog");
  }

  @Test
  void inProseOnlyDoneIsReadAsTheMethod() {
    assertThat(NegatedText.of("Done is never called on the error path", words).affirmed()).contains(".done");
    assertThat(NegatedText.of("Do you know why it hangs", words).affirmed()).doesNotContain(".do");
    assertThat(NegatedText.of("when done, the worker returns", words).affirmed()).doesNotContain(".done");
  }

  @Test
  void anIdentifierIsHeldByItsMemberOrItsNameToo() {
    assertThat(TextTokens.holdsIdentifier(java.util.Set.of(".add", "m.add", "add"), "wg.add")).isTrue();
    assertThat(TextTokens.holdsIdentifier(java.util.Set.of("wait", "never"), "wg.wait")).isTrue();
    assertThat(TextTokens.holdsIdentifier(TextTokens.input("close the channel"), "close(")).isTrue();
    assertThat(TextTokens.holdsIdentifier(java.util.Set.of("not", "call"), ".done")).isFalse();
  }

  @Test
  void aPartialMatchMissingTheNamedCodeIsNoEvidence() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(
        "If a handler panics the unlock calls will not occur, and every later Lock() call blocks."));
    assertThat(symptoms(d)).doesNotContain("waitgroup-done-not-reached");
    Diagnosis said = RealKnowledge.service().diagnose(DiagnosisRequest.of("The worker never calls Done on the error path."));
    assertThat(symptoms(said)).contains("waitgroup-done-not-reached");
  }

  private static List<String> symptoms(Diagnosis d) {
    return d.observedSymptoms().stream().map(Diagnosis.ObservedSymptom::id).toList();
  }
}
