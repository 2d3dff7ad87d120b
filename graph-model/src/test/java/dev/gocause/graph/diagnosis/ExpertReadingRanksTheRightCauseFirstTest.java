package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The failure classes that plain signature matching got wrong, on real Go 1.19 output (and the
 * handmade newer forms): with the analyzers' facts the right cause is first, and the evidence
 * cites the goroutines.
 */
class ExpertReadingRanksTheRightCauseFirstTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "real/ab-ba.txt, ab-ba-lock-order",
      "real/recursive-rlock.txt, recursive-rlock-with-pending-writer",
      "real/double-lock.txt, double-locking",
      "real/chan-lock-deadlock.txt, channel-and-lock-deadlock",
      "real/sigquit-server-chan-lock.txt, channel-and-lock-deadlock",
      "real/race-defer-goroutine.txt, goroutine-in-defer-outlives-frame",
      "real/race-mutex-copy.txt, mutex-copied-by-value",
      "real/race-loopvar.txt, loop-variable-capture",
      "handmade/go124-rwmutex.txt, rwmutex-read-to-write-upgrade"})
  void theRightCauseIsFirst(String input, String cause) {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(RealKnowledge.read("inputs/" + input)));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo(cause);
  }

  @Test
  void analysisEvidenceCitesTheGoroutinesAndTheAnswerGroupsThem() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(RealKnowledge.read("inputs/real/ab-ba.txt")));
    var analysis = d.causes().get(0).evidence().stream().filter(e -> e.kind().equals("analysis")).findFirst().orElseThrow();
    assertThat(analysis.goroutines()).containsExactlyInAnyOrder("17", "18");
    assertThat(analysis.lines()).isNotEmpty();
    assertThat(analysis.symptom().id()).isEqualTo("lock-wait-cycle");
    assertThat(d.groups()).isNotEmpty();
    assertThat(DiagnosisRenderer.text(d, "en")).contains("goroutine groups").contains("main.transfer main.go:19");
  }

  @Test
  void twoWaitingOnALockHeldByAThirdIsNotDiagnosedAsAbBa() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(RealKnowledge.read("inputs/real/lock-held-by-third.txt")));
    assertThat(d.causes()).isNotEmpty();
    assertThat(d.causes().get(0).id()).as(d.message()).isNotEqualTo("ab-ba-lock-order");
  }

  @Test
  void aSendRacingWithACloseIsTheSendOnClosedOwnershipBug() {
    String text = """
        ==================
        WARNING: DATA RACE
        Write at 0x00c000090010 by goroutine 8:
          runtime.closechan()
              /usr/local/go/src/runtime/chan.go:357 +0x0
          main.stop()
              /src/main.go:20 +0x2e

        Previous read at 0x00c000090010 by goroutine 7:
          runtime.chansend()
              /usr/local/go/src/runtime/chan.go:160 +0x0
          main.produce()
              /src/main.go:12 +0x4a
        ==================
        Found 1 data race(s)
        """;
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(text));
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("send-on-closed-channel");
  }
}
