package dev.gocause.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gocause.graph.diagnosis.Diagnosis;
import dev.gocause.graph.diagnosis.DiagnosisRequest;
import dev.gocause.graph.diagnosis.DiagnosisService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API answers from the compiled model in memory (no graph round trip per request, the
 * knowledge inside written from its JSON cache); the CLI and the kernel ask the
 * DiagnosisService, which re-checks the graph's knowledge stamp first. Both must give the same
 * answer, byte for byte in JSON terms.
 */
class ApiAnswersMatchTheDiagnosisServiceTest {
  static ApiServer server;
  static Http http;
  static DiagnosisService service;

  @BeforeAll
  static void start() {
    server = ApiServer.start(ApiConfig.defaults().withPort(0), TestGraph.store());
    http = new Http(server.baseUrl());
    service = new DiagnosisService(TestGraph.store());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void panics_sentences_in_both_languages_and_a_dump_get_identical_answers() throws Exception {
    List<String> inputs = new ArrayList<>(List.of(
        "panic: send on closed channel",
        "fatal error: all goroutines are asleep - deadlock!",
        "fatal error: concurrent map writes",
        "程序卡住了,没有任何输出,一直不退出",
        "线上服务内存一直涨,goroutine 数量越来越多",
        "the counter is sometimes wrong when many goroutines increment it",
        "my service hangs and requests never return after a deploy",
        "context timeout is ignored, work keeps running",
        "sync: negative WaitGroup counter"));
    inputs.add(GoDump.of(300));
    // let the probe check the model at least once
    http.post("/v1/diagnose", "text/plain", "panic: send on closed channel");
    Thread.sleep(2500);
    for (String text : inputs) {
      Diagnosis expected = service.diagnose(new DiagnosisRequest(text, 10, null));
      JsonNode actual = http.post("/v1/diagnose", "application/json",
          Json.MAPPER.writeValueAsString(java.util.Map.of("text", text, "limit", 10))).json();
      List<String> want = expected.causes().stream().map(c -> c.id() + "@" + Math.round(c.score() * 1000)).toList();
      List<String> got = new ArrayList<>();
      actual.get("causes").forEach(c -> got.add(c.get("id").asText() + "@" + Math.round(c.get("score").asDouble() * 1000)));
      String what = text.length() > 60 ? text.substring(0, 60) : text;
      assertThat(got).as("input: %s", what).isEqualTo(want);
      assertThat(actual.get("stale").asBoolean()).isFalse();
      JsonNode plain = Json.PLAIN.readTree(Json.PLAIN.writeValueAsString(DiagnoseRoutes.answer(new Diagnoser.Result(expected, false))));
      assertThat(actual).as("whole answer for input: %s", what).isEqualTo(plain);
    }
  }
}
