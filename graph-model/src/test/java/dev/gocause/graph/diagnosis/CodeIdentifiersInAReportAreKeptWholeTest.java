package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The facet extractor for API identifiers: a report's {@code wg.Done}, {@code mu.RLock}, {@code close(ch)} stay whole. */
class CodeIdentifiersInAReportAreKeptWholeTest {

  @Test
  void aQualifiedCallKeepsItsMemberAndItsReceiverBesideThePlainWords() {
    assertThat(TextTokens.input("after wg.Done() the wg.Wait never returns"))
        .contains("wg.done", ".done", "wg.wait", ".wait", "wg");
    assertThat(TextTokens.input("s.mu.RLock() 之后又 s.mu.Lock()")).contains("mu.rlock", ".rlock", "mu.lock", ".lock");
    assertThat(TextTokens.input("time.After in a loop")).contains("time.after");
  }

  @Test
  void aBuiltinCallIsACallToken() {
    assertThat(TextTokens.input("close(ch) twice")).contains("close(", "clos");
    // the reading of a report keeps it too: a call's parenthesis does not end a clause
    assertThat(NegatedText.of("the panic comes when close(ch) runs a second time", ReportWords.packaged()).affirmed())
        .contains("close(", "clos", "panic");
  }

  @Test
  void anAliasNamingAnIdentifierWeighsAsOneTokenSoPastedCodeCannotFillItsCoverage() {
    assertThat(TextTokens.phrase("wg.Add inside the goroutine")).contains("wg.add", "goroutin").doesNotContain("wg", "add");
    assertThat(TextTokens.phrase(".RUnlock twice")).contains(".runlock").doesNotContain("runlock");
    assertThat(TextTokens.phrase("close(ch)")).contains("close(").doesNotContain("clos", "close");
  }

  @Test
  void aSentenceEndingWithADotIsNotAnIdentifier() {
    assertThat(TextTokens.input("it hangs. Then nothing")).doesNotContain("hangs.then", ".then", "hang.then");
    // a phrase drops the receiver of an identifier ("wg" of wg.Done); the word before a full stop is no receiver
    assertThat(TextTokens.phrase("it hangs. Then nothing")).contains("hang", "noth");
    assertThat(TextTokens.phrase("wg.Done. Then")).contains("wg.done").doesNotContain("wg");
  }
}
