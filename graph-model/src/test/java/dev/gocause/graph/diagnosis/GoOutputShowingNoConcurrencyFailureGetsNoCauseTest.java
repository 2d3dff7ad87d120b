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
  void aDialThatRanOutOfLocalPortsIsANetworkError() {
    Diagnosis d = diagnose("2026/12/07 10:02:11 fetch inventory: dial tcp 10.0.4.7:6379: connect: cannot assign requested address\n"
        + "exit status 1\n");
    assertThat(d.causes()).isEmpty();
    assertThat(d.message()).contains("a network or port error");
  }

  @Test
  void aSignalDuringACgoCallIsACrashInCCode() {
    Diagnosis d = diagnose("""
        SIGABRT: abort
        PC=0x7f2e4a1c8a7c m=3 sigcode=18446744073709551610
        signal arrived during cgo execution

        goroutine 21 [syscall]:
        runtime.cgocall(0x4b6f10, 0xc00005ee10)
        \t/usr/lib/go-1.19/src/runtime/cgocall.go:158 +0x5c fp=0xc00005ede8 sp=0xc00005edb0 pc=0x40635c
        main._Cfunc_decode_frame(0x7f2e3c000b60, 0x400)
        \t_cgo_gotypes.go:61 +0x4c fp=0xc00005ee10 sp=0xc00005ede8 pc=0x4b6d8c
        main.(*Decoder).Next(0xc0000a4000)
        \t/home/dev/decoder/decoder.go:37 +0x9e fp=0xc00005ee58 sp=0xc00005ee10 pc=0x4b6e7e
        created by main.main
        \t/home/dev/decoder/main.go:14 +0x65
        """);
    assertThat(d.causes()).isEmpty();
    assertThat(d.message()).contains("a crash inside C code called through cgo").contains("line 3");
    // the runtime's header of a segfault is its output, not a person's words about a nil dereference
    Diagnosis segv = diagnose("""
        SIGSEGV: segmentation violation
        PC=0x7f3a1c2b4e10 m=5 sigcode=1
        signal arrived during cgo execution

        goroutine 34 [syscall]:
        runtime.cgocall(0x9b2f40, 0xc000513d48)
        \t/usr/local/go/src/runtime/cgocall.go:158 +0x5c fp=0xc000513d20 sp=0xc000513ce8 pc=0x40b33c
        main._Cfunc_resize(0x7f39f8000b70, 0x2a41f)
        \t_cgo_gotypes.go:812 +0x4c fp=0xc000513d48 sp=0xc000513d20 pc=0x8d51ac
        main.(*Server).handleThumb(0xc0000a4000, 0xc000222100)
        \t/src/cmd/thumbd/server.go:88 +0x1b0 fp=0xc000513f58 sp=0xc000513e40 pc=0x8e10d0
        created by net/http.(*Server).Serve
        \t/usr/local/go/src/net/http/server.go:3102 +0x4db
        """);
    assertThat(segv.causes()).as(segv.message()).isEmpty();
    assertThat(segv.message()).contains("a crash inside C code called through cgo");
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
