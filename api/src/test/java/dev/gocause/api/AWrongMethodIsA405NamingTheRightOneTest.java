package dev.gocause.api;

import static dev.gocause.api.DiagnoseEndpointRanksCausesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code curl localhost:8080/v1/diagnose} (a GET) is the first thing many people type: the route
 * is there, only the method is wrong, so the answer is 405 with {@code Allow} and a detail naming
 * the method to use, not 404 "no route".
 */
class AWrongMethodIsA405NamingTheRightOneTest {
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
  void a_get_on_diagnose_is_a_405_problem_that_says_use_post() {
    Http.Res r = http.get("/v1/diagnose");
    assertProblem(r, 405, "method-not-allowed");
    assertThat(r.header("Allow")).isEqualTo("POST");
    assertThat(r.json().get("detail").asText()).isEqualTo("GET is not allowed on /v1/diagnose; use POST");
  }

  @Test
  void a_post_or_delete_on_a_look_up_is_a_405_problem_that_says_use_get() {
    Http.Res post = http.post("/v1/symptoms", "application/json", "{}");
    assertProblem(post, 405, "method-not-allowed");
    assertThat(post.header("Allow")).isEqualTo("GET");
    Http.Res delete = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/v1/causes/send-on-closed-channel")).DELETE());
    assertProblem(delete, 405, "method-not-allowed");
    assertThat(delete.json().get("detail").asText()).isEqualTo("DELETE is not allowed on /v1/causes/send-on-closed-channel; use GET");
  }

  @Test
  void a_path_that_does_not_exist_stays_a_404() {
    assertProblem(http.get("/v1/nothing-here"), 404, "not-found");
    assertProblem(http.post("/v1/nothing-here", "application/json", "{}"), 404, "not-found");
  }
}
