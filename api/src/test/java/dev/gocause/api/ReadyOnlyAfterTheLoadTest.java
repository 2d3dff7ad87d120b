package dev.gocause.api;

import static dev.gocause.api.DiagnoseEndpointRanksCausesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.store.EmbeddedGraphStore;
import org.junit.jupiter.api.Test;

/** An API started over an empty graph is not ready and refuses diagnoses with 503 until the load commits. */
class ReadyOnlyAfterTheLoadTest {

  @Test
  void ready_turns_200_only_once_the_knowledge_is_loaded() throws Exception {
    try (EmbeddedGraphStore store = EmbeddedGraphStore.startTemporary();
        ApiServer server = ApiServer.start(ApiConfig.defaults().withPort(0), store)) {
      Http http = new Http(server.baseUrl());
      assertThat(http.get("/health").status()).isEqualTo(200);
      Http.Res ready = http.get("/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().get("status").asText()).isEqualTo("loading");
      assertThat(ready.header("Retry-After")).isNotNull();
      Http.Res d = http.post("/v1/diagnose", "text/plain", "panic: send on closed channel");
      assertProblem(d, 503, "not-ready");
      assertThat(d.header("Retry-After")).isNotNull();

      new KnowledgeLoader(store).load(TestGraph.seed(), false);
      long end = System.currentTimeMillis() + 20_000;
      while (http.get("/ready").status() != 200 && System.currentTimeMillis() < end) {
        Thread.sleep(200);
      }
      assertThat(http.get("/ready").status()).isEqualTo(200);
      Http.Res after = http.post("/v1/diagnose", "text/plain", "panic: send on closed channel");
      assertThat(after.status()).isEqualTo(200);
      assertThat(after.json().get("causes").get(0).get("id").asText()).isEqualTo("send-on-closed-channel");
    }
  }
}
