package dev.gocause.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OperationalEndpointsTest {
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
  void health_and_ready_answer_200_with_the_loaded_knowledge() {
    assertThat(http.get("/health").status()).isEqualTo(200);
    Http.Res ready = http.get("/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("ready");
    assertThat(ready.json().get("knowledgeVersion").asText()).isNotBlank();
  }

  @Test
  void metrics_count_requests_per_matched_route_diagnose_outcomes_and_graph_latency() {
    http.get("/v1/causes/data-race-shared-variable");
    http.get("/v1/causes/send-on-closed-channel");
    http.get("/v1/causes/nope");
    http.post("/v1/diagnose", "text/plain", "panic: send on closed channel");
    http.post("/v1/diagnose", "text/plain", "");
    Http.Res m = http.get("/metrics");
    assertThat(m.status()).isEqualTo(200);
    assertThat(m.contentType()).startsWith("text/plain");
    String text = m.body();
    // per matched route (the pattern, not the concrete path), per status
    assertThat(text).contains("gocause_http_requests_total{method=\"GET\",route=\"/v1/causes/{id}\",status=\"200\"} 2");
    assertThat(text).contains("gocause_http_requests_total{method=\"GET\",route=\"/v1/causes/{id}\",status=\"404\"} 1");
    assertThat(text).contains("gocause_http_request_duration_seconds_bucket{method=\"GET\",route=\"/v1/causes/{id}\",le=\"+Inf\"} 3");
    assertThat(text).containsPattern("gocause_diagnose_total\\{outcome=\"found\"} [1-9]");
    assertThat(text).containsPattern("gocause_diagnose_total\\{outcome=\"rejected\"} [1-9]");
    assertThat(text).containsPattern("gocause_graph_query_duration_seconds_count\\{query=\"causes.get\"} [3-9]");
    assertThat(text).doesNotContain("/v1/causes/data-race-shared-variable");
    // every sample line is name{labels} value or name value
    for (String line : text.split("\n")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        assertThat(line).matches("[a-z_]+(\\{.*})? [0-9.eE+-]+");
      }
    }
  }
}
