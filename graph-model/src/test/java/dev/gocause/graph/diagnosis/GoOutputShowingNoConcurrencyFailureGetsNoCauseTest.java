package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Go output that is not a concurrency failure (a passing test run, a network error, a runtime that
 * reports a corrupted stack): no cause, and the answer names what it saw. Real Go 1.19 output
 * from eval/programs (port-in-use, test-passes); the corrupted-stack form is written from
 * src/runtime/traceback.go's print ("runtime: g N: unexpected return pc for F called from PC").
 */
class GoOutputShowingNoConcurrencyFailureGetsNoCauseTest {

  private static Diagnosis diagnose(String text) {
    return RealKnowledge.service().diagnose(DiagnosisRequest.of(text));
  }

  @Test
  void aPassingTestRunIsNamedAndGetsNoCause() {
    String run = RealKnowledge.read("inputs/real/test-passes.txt");
    Diagnosis d = diagnose(run);
    assertThat(d.causes()).as(d.message()).isEmpty();
    assertThat(d.message()).contains("a passing test run").contains("line 5");
    // words describing a failure the run did not show are still read: the clean run alone does not silence them
    Diagnosis described = diagnose(run + "in production the pool sometimes hangs, a goroutine is stuck forever\n");
    assertThat(described.causes()).as(described.message()).isNotEmpty();
  }

  @Test
  void aPortAlreadyInUseOrARefusedConnectionIsANetworkError() {
    Diagnosis d = diagnose(RealKnowledge.read("inputs/real/port-in-use.txt"));
    assertThat(d.causes()).isEmpty();
    assertThat(d.message()).contains("a network or port error").contains("address already in use");
    Diagnosis refused = diagnose("""
        panic: Get "http://127.0.0.1:9000/v1/items": dial tcp 127.0.0.1:9000: connect: connection refused

        goroutine 1 [running]:
        main.main()
        \t/home/me/app/main.go:21 +0x1c5
        exit status 2
        """);
    assertThat(refused.causes()).isEmpty();
    assertThat(refused.message()).contains("a network or port error");
  }

  @Test
  void aCorruptedStackMakesTheRestOfTheTraceUntrustworthy() {
    Diagnosis d = diagnose("""
        fatal error: sync: unlock of unlocked mutex

        goroutine 31 [running]:
        sync.fatal({0x8b2f1a?, 0x0?})
        \t/usr/local/go/src/runtime/panic.go:1031 +0x18
        sync.(*Mutex).Unlock(0xc000120000)
        \t/usr/local/go/src/sync/mutex.go:229 +0x7e
        net/http.(*conn).serve(0xc000120000, {0x9c1f28, 0xc0000a2000})
        \t/usr/local/go/src/net/http/server.go:2039 +0x1f2
        runtime: g 31: unexpected return pc for net/http.(*conn).serve called from 0x7f3a9c01e590
        stack: frame={sp:0xc0001e9ef0, fp:0xc0001e9fb0} stack=[0xc0001e6000,0xc0001ea000)
        """);
    assertThat(d.causes()).as(d.message()).isEmpty();
    assertThat(d.message()).contains("corrupted stack or heap").contains("unexpected return pc");
  }

  @Test
  void aFailureNextToThoseLinesIsStillDiagnosed() {
    // a passing package next to a failing one with a real fatal error: the failure wins
    String text = RealKnowledge.read("inputs/real/double-lock.txt") + "ok  \texample.com/other\t0.02s\n";
    Diagnosis d = diagnose(text);
    assertThat(d.causes()).isNotEmpty();
    assertThat(d.causes().get(0).id()).isEqualTo(diagnose(RealKnowledge.read("inputs/real/double-lock.txt")).causes().get(0).id());
    // and the same unlock of an unlocked mutex without the corrupted stack is the misuse it says
    Diagnosis plain = diagnose(RealKnowledge.read("inputs/real/unlock-unlocked.txt"));
    assertThat(plain.causes()).extracting(Diagnosis.RankedCause::id).first().isEqualTo("unlock-of-unlocked-mutex");
  }
}
