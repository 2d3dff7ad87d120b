package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A real Go 1.19 {@code debug=1} goroutine profile fetched from a server
 * ({@code go-output/handler-profile}): 40 goroutines started by an HTTP handler's closure are parked
 * sending a result the handler no longer waits for (it returned on its timeout). debug=1 hides the
 * runtime's frames, so no {@code chan send} shows; what shows is 40 goroutines whose entry is a
 * closure of {@code main.userHandler}, and {@code main.userHandler} on no stack of a profile that
 * lists every goroutine: it left them waiting.
 */
class HandlerClosuresParkedInAProfileAfterTheHandlerReturnedWereLeftByItTest {
  private static final String PROFILE = RealKnowledge.goOutput("handler-profile/debug1.txt");

  private static java.util.List<String> facts(String text) {
    return WaitAnalyzer.analyze(GoOutputParser.parse(text)).stream().map(Fact::id).toList();
  }

  @Test
  void theClosuresAreReadAsLeftByTheirHandler() {
    assertThat(facts(PROFILE)).contains("parked-closure-outlived-its-function");
  }

  @Test
  void theReceiverThatGaveUpComesFirst() {
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(PROFILE, 5, null));
    assertThat(RealKnowledge.causeIds(d).get(0)).isEqualTo("send-blocked-after-receiver-gave-up");
  }

  @Test
  void closuresWhoseFunctionIsStillRunningAreNotLeft() {
    String handlerStillWaiting = PROFILE + "\n1 @ 0x43b256 0x6a5e00 0x46b181\n#\t0x6a5dff\tmain.userHandler+0x9f\t/tmp/diag40/p/pprofsrv/main.go:25\n";
    assertThat(facts(handlerStillWaiting)).doesNotContain("parked-closure-outlived-its-function");
  }
}
