package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Real Go 1.19 output of a server ({@code go-output/state-lock-channel}): an HTTP handler calls a
 * container's {@code WaitStop}, which takes the state lock and then waits on the stop channel; the
 * monitor that would close that channel waits for the same lock in {@code setStopped}. The SIGQUIT
 * dump also shows the server's and client's network goroutines alive, so "nothing else is alive"
 * cannot be concluded, and the two methods differ, so the waiter is not on a later line of the
 * lock waiters' function. A channel waiter in one method of a type while another goroutine waits
 * for a lock in another method of that type is still the lock held across the channel.
 */
class AChannelWaitInAMethodOfTheTypeWhoseLockOthersWaitForHoldsThatLockTest {

  private static String first(String text) {
    return RealKnowledge.causeIds(RealKnowledge.service().diagnose(new DiagnosisRequest(text, 5, null))).get(0);
  }

  @Test
  void theWholeDumpNamesTheLockHeldAcrossTheChannel() {
    String dump = RealKnowledge.goOutput("state-lock-channel/sigquit.txt");
    assertThat(WaitAnalyzer.analyze(GoOutputParser.parse(dump))).extracting(Fact::id).contains("channel-wait-while-lock-wait");
    assertThat(first(dump)).isEqualTo("channel-and-lock-deadlock");
  }

  @Test
  void theTwoPastedGoroutinesNameItToo() {
    assertThat(first(RealKnowledge.goOutput("state-lock-channel/two-goroutines.txt"))).isEqualTo("channel-and-lock-deadlock");
  }

  @Test
  void aSelectInAMethodIsNotReadAsHoldingTheLock() {
    // a type's select loop is its idle state: the runtime's HTTP loops select in methods too
    String dump = RealKnowledge.goOutput("state-lock-channel/sigquit.txt");
    String withoutTheHandler = dump.replace("goroutine 21 [chan receive]:", "goroutine 21 [select]:");
    assertThat(WaitAnalyzer.analyze(GoOutputParser.parse(withoutTheHandler))).extracting(Fact::id)
        .doesNotContain("channel-wait-while-lock-wait");
  }
}
