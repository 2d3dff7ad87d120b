package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Real Go 1.19 deadlock ({@code go-output/select-behind-wait}): a stopper closes its quiesce
 * channel and waits for its tasks, and a task loops on a select whose cases only handle work.
 * A worker in a select behind {@code WaitGroup.Wait} was given nothing any of its cases listens
 * for: its loop has no exit case (the workers stuck sending of "Wait before draining" show
 * {@code chan send}, not {@code select}).
 */
class WorkersParkedInASelectBehindAWaitHaveNoWayOutTest {
  private static final String DEADLOCK = RealKnowledge.goOutput("select-behind-wait/deadlock.txt");

  @Test
  void theWaitIsReadAsWorkersInASelect() {
    assertThat(WaitAnalyzer.analyze(GoOutputParser.parse(DEADLOCK))).extracting(Fact::id)
        .contains("waitgroup-wait-while-workers-blocked-in-select")
        .doesNotContain("waitgroup-wait-while-workers-blocked-on-channel");
  }

  @Test
  void theSelectWithoutAnExitComesFirst() {
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(DEADLOCK, 5, null));
    assertThat(RealKnowledge.causeIds(d).get(0)).isEqualTo("select-without-exit-case");
  }

  @Test
  void workersStuckSendingStillReadAsWaitBeforeDraining() {
    assertThat(WaitAnalyzer.analyze(GoOutputParser.parse(RealKnowledge.read("inputs/real/chan-wg-deadlock.txt"))))
        .extracting(Fact::id).contains("waitgroup-wait-while-workers-blocked-on-channel")
        .doesNotContain("waitgroup-wait-while-workers-blocked-in-select");
  }
}
