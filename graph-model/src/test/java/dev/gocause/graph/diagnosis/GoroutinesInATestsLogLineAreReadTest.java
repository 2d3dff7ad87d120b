package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.ParsedInput.Goroutine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Leak checkers that report through {@code t.Errorf} put the goroutine header at the end of a
 * test's log line: {@code leaktest.go:150: leaktest: leaked goroutine: goroutine 19 [chan receive]:},
 * its stack indented under it by {@code go test}. The file is real {@code go test} output of Go 1.19
 * for {@code go-output/leaktest/leak_test.go.txt} with github.com/fortytw2/leaktest (Debian's
 * golang-github-fortytw2-leaktest-dev).
 */
class GoroutinesInATestsLogLineAreReadTest {
  private static String captured() throws IOException {
    try (InputStream in = GoroutinesInATestsLogLineAreReadTest.class.getResourceAsStream("/go-output/leaktest/go-test.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theLeakedGoroutineHasTheStateAndStackItsHeaderAndLinesGive() throws IOException {
    ParsedInput p = GoOutputParser.parse(captured());
    assertThat(p.all()).hasSize(1);
    Goroutine leaked = p.all().get(0);
    assertThat(leaked.id()).isEqualTo("19");
    assertThat(leaked.state()).isEqualTo("chan receive");
    assertThat(leaked.userFrame().function()).isEqualTo("leakdemo.startWorker.func1");
    assertThat(leaked.userFrame().location()).isEqualTo("leak_test.go:12");
    assertThat(leaked.createdBy().function()).isEqualTo("leakdemo.startWorker");
    assertThat(p.messages()).extracting(ParsedInput.MessageLine::text)
        .contains("leaktest.go:132: leaktest: timed out checking goroutines", "leaktest.go:150: leaktest: leaked goroutine:");
  }

  @Test
  void theDiagnosisSeesAReceiverNobodySendsTo() throws IOException {
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(captured(), 3, null));
    assertThat(d.observedSymptoms()).extracting(Diagnosis.ObservedSymptom::id).contains("goroutines-blocked-chan-receive");
    assertThat(d.causes()).as(d.message()).extracting(Diagnosis.RankedCause::id)
        .contains("receive-without-sender", "range-over-channel-never-closed");
  }
}
