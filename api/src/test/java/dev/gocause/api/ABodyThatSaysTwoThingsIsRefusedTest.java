package dev.gocause.api;

import static dev.gocause.api.DiagnoseEndpointRanksCausesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JSON body with something after the object, or with a field given twice, is a 400 problem that
 * says so, rather than an answer to one half of it chosen silently.
 */
class ABodyThatSaysTwoThingsIsRefusedTest {
  static ApiServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = ApiServer.start(ApiConfig.defaults().withPort(0), TestGraph.store());
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void text_after_the_json_object_is_a_400_that_says_the_body_goes_on() {
    Http.Res r = http.post("/v1/diagnose", "application/json", "{\"text\": \"panic: send on closed channel\"} {\"text\": \"x\"}");
    assertProblem(r, 400, "malformed-json");
    assertThat(r.json().get("detail").asText()).startsWith("the body goes on after its JSON object at line 1, column ");
  }

  @Test
  void a_field_given_twice_is_a_400_naming_the_field() {
    Http.Res r = http.post("/v1/diagnose", "application/json", "{\"text\": \"panic: send on closed channel\", \"text\": \"hello\"}");
    assertProblem(r, 400, "malformed-json");
    assertThat(r.json().get("detail").asText()).startsWith("the body gives the field 'text' twice");
  }

  @Test
  void one_object_with_trailing_white_space_is_still_answered() {
    Http.Res r = http.post("/v1/diagnose", "application/json", "{\"text\": \"panic: send on closed channel\"}\n\n");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }
}
