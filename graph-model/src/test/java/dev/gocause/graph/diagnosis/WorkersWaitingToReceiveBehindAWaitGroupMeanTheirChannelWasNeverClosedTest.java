package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One goroutine in {@code WaitGroup.Wait} while every worker it waits for is blocked receiving: the
 * workers wait for more work and only a close of their channel ends their loops, so the channel was
 * never closed ({@code range-over-channel-never-closed}), not a worker stuck sending its result
 * ({@code channel-and-waitgroup-deadlock}). Real Go 1.19 outputs: a goleak report of a test whose
 * workers range over {@code jobs} (written by us), and the deadlock of
 * {@code go-output/waitgroup-receivers/deadlock-workers.go} (written for this test).
 */
class WorkersWaitingToReceiveBehindAWaitGroupMeanTheirChannelWasNeverClosedTest {

  private static String resource(String name) {
    return RealKnowledge.goOutput("waitgroup-receivers/" + name);
  }

  private static List<String> ids(Diagnosis d) {
    return RealKnowledge.causeIds(d);
  }

  @Test
  void aGoleakReportOfRangingWorkersNamesTheUnclosedChannelFirst() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(resource("goleak-workers.txt")));
    assertThat(ids(d)).as(d.message()).isNotEmpty();
    assertThat(ids(d).get(0)).as(d.message()).isEqualTo("range-over-channel-never-closed");
  }

  @Test
  void aDeadlockOfRangingWorkersNamesTheUnclosedChannelFirst() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(resource("deadlock-workers.txt")));
    assertThat(ids(d)).as(d.message()).isNotEmpty();
    assertThat(ids(d).get(0)).as(d.message()).isEqualTo("range-over-channel-never-closed");
  }

  @Test
  void theFactIsTheReceivingOneNotTheSendingOne() {
    List<String> facts = WaitAnalyzer.analyze(GoOutputParser.parse(resource("deadlock-workers.txt"))).stream().map(f -> f.id()).toList();
    assertThat(facts).contains("waitgroup-wait-while-workers-blocked-receiving")
        .doesNotContain("waitgroup-wait-while-workers-blocked-on-channel");
  }
}
