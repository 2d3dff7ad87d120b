package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A fatal error prints every goroutine as it was when the program died: in a server that is the
 * HTTP client's and server's connection loops, parked in {@code IO wait} and {@code select}. Those
 * wait states are bystanders of the crash, not part of the failure, so a cause is not asked to
 * explain them: "concurrent map writes" (real Go 1.19 output of an HTTP handler writing a shared
 * map) is the map, not the net/http goroutines that happened to be alive.
 */
class AFatalErrorInABusyServerIsNotOutweighedByItsBystandersTest {

  @Test
  void theMapIsFirstAndWellAheadOfTheConnectionLoops() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(RealKnowledge.read("inputs/real/fatal-map-writes-server.txt")));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("concurrent-map-access");
    assertThat(d.causes().get(0).score()).isGreaterThanOrEqualTo(0.9);
    assertThat(d.causes().get(0).coverage()).isEqualTo(1.0);
  }

  @Test
  void onlyARunningGoroutinesPanicOrFatalErrorIsACrash() {
    String crash = RealKnowledge.read("inputs/real/fatal-map-writes-server.txt");
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(crash));
    assertThat(DiagnosisEngine.crashed(RealKnowledge.service().model(), GoOutputParser.parse(crash), d.observedSymptoms())).isTrue();
    // a deadlock is a fatal error too, but nothing runs: its wait states are the failure
    String deadlock = RealKnowledge.read("inputs/real/chan-wg-deadlock.txt");
    Diagnosis dd = RealKnowledge.service().diagnose(DiagnosisRequest.of(deadlock));
    assertThat(DiagnosisEngine.crashed(RealKnowledge.service().model(), GoOutputParser.parse(deadlock), dd.observedSymptoms())).isFalse();
    // a test's time-out runs its alarm goroutine, but a time-out is no panic of the program
    String timeout = RealKnowledge.read("inputs/real/timeout-withdraw-relock.txt");
    Diagnosis dt = RealKnowledge.service().diagnose(DiagnosisRequest.of(timeout));
    assertThat(DiagnosisEngine.crashed(RealKnowledge.service().model(), GoOutputParser.parse(timeout), dt.observedSymptoms())).isFalse();
    // ... nor when the blocked goroutines' states read as a deadlock's: a hang's symptoms are no crash
    String hang = RealKnowledge.read("inputs/handmade/go125-waitgroup-durable.txt");
    Diagnosis dh = RealKnowledge.service().diagnose(DiagnosisRequest.of(hang));
    assertThat(DiagnosisEngine.crashed(RealKnowledge.service().model(), GoOutputParser.parse(hang), dh.observedSymptoms())).isFalse();
  }
}
