package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real Go 1.19 test time-out ({@code go-output/stopped-run-loop}): a raft-like node's run loop
 * returns on {@code Stop}, and {@code Propose} sends on the node's input channel without watching
 * for the stop. The test waits in {@code wg.Wait} for the proposers, which are blocked sending in a
 * method of the node while no goroutine runs any method of the node any more: their receiver has
 * returned. That is a send with no receiver, not a Wait placed before draining the test's own
 * results (the test owns no channel they send on).
 */
class AProposeBlockedAfterTheRunLoopStoppedHasNoReceiverTest {
  private static final String TIMEOUT = RealKnowledge.goOutput("stopped-run-loop/timeout.txt");

  @Test
  void theSendersAreReadAsSendingIntoAStoppedNode() {
    assertThat(WaitAnalyzer.analyze(GoOutputParser.parse(TIMEOUT))).extracting(Fact::id)
        .contains("send-into-a-type-with-no-goroutine-left");
  }

  @Test
  void theMissingReceiverComesBeforeTheWaitBeforeDraining() {
    List<String> ids = RealKnowledge.causeIds(RealKnowledge.service().diagnose(new DiagnosisRequest(TIMEOUT, 5, null)));
    assertThat(ids.get(0)).isEqualTo("unbuffered-send-no-receiver");
  }

  @Test
  void aGoleakReportSaysNothingAboutTheLoop() {
    // goleak lists only what outlived the test: everything else is gone there, loops and callers alike
    String proposer = TIMEOUT.substring(TIMEOUT.indexOf("goroutine 22 [chan send]:"), TIMEOUT.indexOf("goroutine 23 [chan send]:")).strip();
    String leak = "--- FAIL: TestProposeAfterStop (0.45s)\n    raft_test.go:48: found unexpected goroutines:\n"
        + "        [Goroutine 22 in state chan send, with example.com/raft.(*node).Propose on top of the stack:\n"
        + proposer.indent(8) + "        ]\nFAIL\n";
    assertThat(WaitAnalyzer.analyze(GoOutputParser.parse(leak))).extracting(Fact::id)
        .doesNotContain("send-into-a-type-with-no-goroutine-left");
  }

  @Test
  void aRunLoopStillRunningIsAReceiver() {
    // the same senders with the node's loop still parked in its select: the loop may yet receive
    String withTheLoop = TIMEOUT.replace("FAIL\texample.com/raft", "goroutine 7 [select]:\n"
        + "example.com/raft.(*node).run(0xc0000b4150)\n\t/tmp/diag40/p/raft/raft_test.go:28 +0x10c\n"
        + "created by example.com/raft.newNode\n\t/tmp/diag40/p/raft/raft_test.go:22 +0xb6\n\nFAIL\texample.com/raft");
    assertThat(WaitAnalyzer.analyze(GoOutputParser.parse(withTheLoop))).extracting(Fact::id)
        .doesNotContain("send-into-a-type-with-no-goroutine-left");
  }
}
