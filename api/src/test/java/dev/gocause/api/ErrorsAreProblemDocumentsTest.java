package dev.gocause.api;

import static dev.gocause.api.DiagnoseEndpointRanksCausesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gocause.graph.diagnosis.DiagnosisService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrorsAreProblemDocumentsTest {
  static ApiServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = ApiServer.start(ApiConfig.fromMap(java.util.Map.of(ApiConfig.PORT, "0", ApiConfig.MAX_BODY, "64KiB")),
        TestGraph.store(), new DiagnosisService(TestGraph.store()),
        app -> app.get("/v1/test-only/boom", ctx -> {
          throw new IllegalStateException("secret internals: bolt://user:pw@db");
        }));
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void an_unknown_cause_is_a_404_with_close_matches() {
    Http.Res r = http.get("/v1/causes/send-on-closed-chanel");
    assertProblem(r, 404, "not-found");
    JsonNode p = r.json();
    assertThat(strings(p.get("closeMatches"))).contains("send-on-closed-channel");
    assertThat(p.get("id").asText()).isEqualTo("send-on-closed-chanel");
    assertThat(p.get("detail").asText()).contains("send-on-closed-channel");
  }

  @Test
  void unknown_ids_on_every_look_up_are_404_problems() {
    for (String path : List.of("/v1/symptoms/program-hang", "/v1/fixes/fix-nothing", "/v1/commands/race-detectr",
        "/v1/causes?dimension=memroy", "/v1/cases?cause=nope", "/v1/graph/neighborhood?id=data-race-shared",
        "/v1/paths?from=numbers-occasionally-wrong&to=nowhere")) {
      assertProblem(http.get(path), 404, "not-found");
    }
    assertThat(strings(http.get("/v1/causes?dimension=memroy").json().get("closeMatches"))).contains("memory");
    assertThat(strings(http.get("/v1/symptoms/program-hang").json().get("closeMatches"))).contains("program-hangs-no-output");
  }

  @Test
  void a_bad_parameter_is_a_400_naming_it() {
    record Case(String path, String parameter) {}
    for (Case c : List.of(new Case("/v1/symptoms?limit=0", "limit"), new Case("/v1/symptoms?limit=x", "limit"),
        new Case("/v1/commands?limit=100000", "limit"), new Case("/v1/symptoms?cursor=garbage!", "cursor"),
        new Case("/v1/graph/neighborhood?id=memory&depth=9", "depth"), new Case("/v1/graph/neighborhood", "id"),
        new Case("/v1/paths?from=memory", "to"), new Case("/v1/paths?from=a&to=b&limit=99", "limit"))) {
      Http.Res r = http.get(c.path());
      assertProblem(r, 400, "invalid-parameter");
      assertThat(r.json().get("parameter").asText()).as(c.path()).isEqualTo(c.parameter());
    }
  }

  @Test
  void a_cursor_from_another_list_is_rejected() {
    String cursor = http.get("/v1/commands?limit=1").json().get("nextCursor").asText();
    Http.Res r = http.get("/v1/symptoms?cursor=" + cursor);
    assertProblem(r, 400, "invalid-parameter");
    assertThat(r.json().get("parameter").asText()).isEqualTo("cursor");
  }

  @Test
  void an_unknown_route_is_a_404_problem() {
    assertProblem(http.get("/v1/nothing-here"), 404, "not-found");
    assertProblem(http.get("/nope"), 404, "not-found");
    assertProblem(http.post("/v1/nothing-here", "application/json", "{}"), 404, "not-found");
  }

  @Test
  void a_body_over_the_configured_limit_is_a_413_problem() {
    byte[] big = "goroutine 1 [running]:\n".repeat(4000).getBytes(); // ~92 KB > 64 KiB
    Http.Res r = http.post("/v1/diagnose", "text/plain", big);
    assertProblem(r, 413, "body-too-large");
    assertThat(r.json().get("maxBytes").asLong()).isEqualTo(64 * 1024);
  }

  @Test
  void an_unexpected_failure_is_a_500_problem_without_internals() {
    Http.Res r = http.get("/v1/test-only/boom");
    assertProblem(r, 500, "internal-error");
    assertThat(r.body()).doesNotContain("secret").doesNotContain("IllegalState").doesNotContain("bolt://");
    assertThat(r.json().get("errorId").asText()).isNotBlank();
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
