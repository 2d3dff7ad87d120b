package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real Go 1.19 deadlock ({@code go-output/nil-channel-field}): a watcher built without its events
 * channel; its consumer waits in {@code chan receive (nil chan)} while main waits in
 * {@code wg.Wait}. Nothing can ever wake an operation on a nil channel, so the hang starts there,
 * not at a channel another worker was meant to drain behind the Wait.
 */
class AWorkerOnANilChannelBehindAWaitIsWhereTheHangStartsTest {
  private static final String DUMP = RealKnowledge.goOutput("nil-channel-field/deadlock.txt");

  private static List<String> facts(String dump) {
    return WaitAnalyzer.analyze(GoOutputParser.parse(dump)).stream().map(Fact::id).toList();
  }

  @Test
  void theNilChannelIsReadAsTheStartOfTheHang() {
    assertThat(facts(DUMP)).contains("waitgroup-wait-while-a-worker-is-blocked-on-a-nil-channel")
        .doesNotContain("waitgroup-wait-while-workers-blocked-on-channel");
    List<String> ids = RealKnowledge.causeIds(RealKnowledge.service().diagnose(new DiagnosisRequest(DUMP, 5, null)));
    assertThat(ids.get(0)).isEqualTo("nil-channel-blocks-forever");
  }

  @Test
  void aWorkerOnAMadeChannelIsStillTheWaitBeforeDraining() {
    String made = DUMP.replace("[chan receive (nil chan)]", "[chan send]");
    assertThat(facts(made)).contains("waitgroup-wait-while-workers-blocked-on-channel")
        .doesNotContain("waitgroup-wait-while-a-worker-is-blocked-on-a-nil-channel");
  }
}
