package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real Go 1.19 deadlock ({@code go-output/producer-left-range}): a compactor's producer returns on
 * a bad revision before its {@code close(out)}, and main ranges over {@code out}. The dump alone
 * shows one receiver and no sender (a plain receive reads the same); the source line of the
 * receive, a {@code for range}, says the receiver waits for a close nobody made. A dump that
 * prints the runtime's frames says it with {@code runtime.chanrecv2} (range and comma-ok receive).
 */
class AReceiverWrittenToWaitForACloseWithNoSenderLeftMeansTheChannelWasNeverClosedTest {
  private static final String DUMP = RealKnowledge.goOutput("producer-left-range/deadlock.txt");
  private static final String PROGRAM = RealKnowledge.goOutput("producer-left-range/main.go");

  private static List<String> facts(String dump, SourceFiles sources) {
    ParsedInput parsed = GoOutputParser.parse(dump);
    return WaitAnalyzer.analyze(parsed, GoroutineGroups.groups(parsed.all()), sources).stream().map(Fact::id).toList();
  }

  @Test
  void theRangeLineOfTheSourceMakesTheNeverClosedChannelTheFirstCause() {
    assertThat(facts(DUMP, SourceFiles.of(Map.of("main.go", PROGRAM)))).contains("receiver-waiting-for-a-close-nobody-makes");
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(DUMP).withSources(SourceFiles.of(Map.of("main.go", PROGRAM))));
    assertThat(RealKnowledge.causeIds(d).get(0)).isEqualTo("range-over-channel-never-closed");
  }

  @Test
  void aPlainReceiveOnTheSameLineIsNoLoop() {
    String plain = PROGRAM.replace("\tfor r := range out {", "\tfor r := <-out; r.main > 0; {");
    assertThat(facts(DUMP, SourceFiles.of(Map.of("main.go", plain)))).doesNotContain("receiver-waiting-for-a-close-nobody-makes");
    assertThat(facts(DUMP, null)).doesNotContain("receiver-waiting-for-a-close-nobody-makes");
  }

  @Test
  void theRuntimesChanrecv2FrameSaysItWithoutTheSource() {
    String withRuntimeFrames = DUMP.replace("goroutine 1 [chan receive]:\n", "goroutine 1 [chan receive]:\n"
        + "runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)\n\t/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6\n"
        + "runtime.chanrecv(0xc000062060, 0xc000067f18, 0x1)\n\t/usr/lib/go-1.19/src/runtime/chan.go:583 +0x49b\n"
        + "runtime.chanrecv2(0xc000062060?, 0x0?)\n\t/usr/lib/go-1.19/src/runtime/chan.go:447 +0x18\n");
    assertThat(facts(withRuntimeFrames, null)).contains("receiver-waiting-for-a-close-nobody-makes");
    assertThat(facts(withRuntimeFrames.replace("chanrecv2", "chanrecv1"), null)).doesNotContain("receiver-waiting-for-a-close-nobody-makes");
  }

  @Test
  void aSenderStillAliveMakesNoClaim() {
    String withSender = DUMP + "\ngoroutine 6 [chan send]:\nmain.main.func1()\n\t/tmp/diag-inputs/p01/main.go:16 +0x55\n"
        + "created by main.main\n\t/tmp/diag-inputs/p01/main.go:24 +0x6a\n";
    assertThat(facts(withSender, SourceFiles.of(Map.of("main.go", PROGRAM)))).doesNotContain("receiver-waiting-for-a-close-nobody-makes");
  }

  @Test
  void aLoopWaitingBesideARequestWaitingForItsReplyIsAConsequence() {
    // go-output/reply-dropped: the worker ranges over its requests, main waits for a reply the
    // worker skipped on an error path; main would have sent (or closed) next, so the loop's wait follows
    String dump = RealKnowledge.goOutput("reply-dropped/deadlock.txt");
    SourceFiles files = SourceFiles.of(Map.of("main.go", RealKnowledge.goOutput("reply-dropped/main.go")));
    // (the code reading's own check, that in is never closed, still ranks the range first: not this analyzer's)
    assertThat(facts(dump, files)).contains("receive-with-no-sender").doesNotContain("receiver-waiting-for-a-close-nobody-makes");
  }
}
