package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real Go 1.19 {@code debug=2} goroutine profile ({@code go-output/notify-watchers}) of a
 * notification server: each request starts {@code go watch(evs)}, which ranges over a channel the
 * handler returns without closing; main keeps the process alive with {@code select {}}. An
 * expert reads main's empty select as by design, not as a loop with no exit, and the watchers as
 * left by a handler that is on no stack any more, waiting for a close (their source line is a
 * {@code for range}).
 */
class MainParkedInAnEmptySelectIsNoStuckGoroutineTest {
  private static final String PROFILE = RealKnowledge.goOutput("notify-watchers/goroutine-debug2.txt");
  private static final String PROGRAM = RealKnowledge.goOutput("notify-watchers/main.go");

  @Test
  void mainsEmptySelectIsNotEvidence() {
    ParsedInput parsed = GoOutputParser.parse(PROFILE);
    assertThat(parsed.all().stream().filter(g -> g.id().equals("1")).findFirst().orElseThrow().infrastructure()).isTrue();
    assertThat(parsed.goroutines().byState()).containsKey("select (no cases)"); // still counted
    List<String> ids = RealKnowledge.causeIds(RealKnowledge.service().diagnose(new DiagnosisRequest(PROFILE, 5, null)));
    assertThat(ids.get(0)).isNotEqualTo("select-without-exit-case");
  }

  @Test
  void anotherGoroutineInAnEmptySelectStillIs() {
    String elsewhere = PROFILE.replace("goroutine 1 [select (no cases)]:\nmain.main()", "goroutine 1 [select (no cases)]:\nmain.serveForever()");
    ParsedInput parsed = GoOutputParser.parse(elsewhere);
    assertThat(parsed.all().stream().filter(g -> g.id().equals("1")).findFirst().orElseThrow().infrastructure()).isFalse();
  }

  @Test
  void watchersLeftByTheirReturnedHandlerWaitForAClose() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(PROFILE).withSources(SourceFiles.of(Map.of("main.go", PROGRAM))));
    assertThat(RealKnowledge.causeIds(d).get(0)).isEqualTo("range-over-channel-never-closed");
  }

  @Test
  void aHandlerStillRunningMayYetClose() {
    String handlerRunning = PROFILE.replace("goroutine 1 [select (no cases)]:\nmain.main()",
        "goroutine 1 [select (no cases)]:\nmain.notify(0x0, 0x0)\n\t/tmp/diag-inputs/p29/main.go:22 +0x10\nmain.main()");
    ParsedInput parsed = GoOutputParser.parse(handlerRunning);
    List<String> facts = WaitAnalyzer.analyze(parsed, GoroutineGroups.groups(parsed.all()), SourceFiles.of(Map.of("main.go", PROGRAM)))
        .stream().map(Fact::id).toList();
    assertThat(facts).doesNotContain("receiver-waiting-for-a-close-nobody-makes");
  }

  @Test
  void mainsEmptySelectIsTheDeadlockWhenTheRuntimeFindsEveryGoroutineAsleep() {
    // go-output/empty-select-deadlock: the only worker returned on a config error, main waits on nothing
    String dump = RealKnowledge.goOutput("empty-select-deadlock/deadlock.txt");
    assertThat(GoOutputParser.parse(dump).all().get(0).infrastructure()).isFalse();
    List<String> ids = RealKnowledge.causeIds(RealKnowledge.service().diagnose(new DiagnosisRequest(dump, 5, null)));
    assertThat(ids.get(0)).isEqualTo("select-without-exit-case");
  }
}
