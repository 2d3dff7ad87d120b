package dev.gocause.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pasted code that runs is simulated within {@code simulationBudgetMs} (default {@code
 * GOCAUSE_SIMULATION_BUDGET_MS}, else 300): a deadlock is evidence of kind {@code simulation} with
 * its {@code replay} command, in JSON and Markdown; the fixed program has none; a bad budget is a
 * problem naming the field.
 */
class DiagnoseSimulatesTheCodeThatRunsTest {
  static ApiServer server;
  static Http http;

  static final String DEADLOCK = """
      my program never exits
      ```go
      package main

      import "sync"

      func main() {
      	var wg sync.WaitGroup
      	results := make(chan int)
      	for i := 0; i < 3; i++ {
      		wg.Add(1)
      		go func(n int) {
      			defer wg.Done()
      			results <- n
      		}(i)
      	}
      	wg.Wait()
      	close(results)
      	for r := range results {
      		println(r)
      	}
      }
      ```
      """;

  /** The same program with the results channel big enough for every sender. */
  static final String FIXED = DEADLOCK.replace("results := make(chan int)", "results := make(chan int, 3)");

  @BeforeAll
  static void start() {
    server = ApiServer.start(ApiConfig.defaults().withPort(0), TestGraph.store());
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Http.Res diagnose(String text, String accept) throws Exception {
    // generous: the build machine is shared; the benchmark (bench/simulation-budget.sh) measures the default
    return http.post("/v1/diagnose", "application/json", Json.MAPPER.writeValueAsString(Map.of("text", text, "simulationBudgetMs", 5000)),
        "Accept", accept, "Cache-Control", "no-cache");
  }

  static List<JsonNode> simulation(JsonNode answer) {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (JsonNode c : answer.get("causes")) {
      for (JsonNode e : c.get("evidence")) {
        if (e.get("kind").asText().equals("simulation")) {
          out.add(e);
        }
      }
    }
    return out;
  }

  @Test
  void aDeadlockingProgramGetsASimulationFindingWithItsReplayCommand() throws Exception {
    Http.Res r = diagnose(DEADLOCK, "application/json");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> sim = simulation(r.json());
    assertThat(sim).as(r.body()).isNotEmpty().allSatisfy(e -> {
      assertThat(e.get("text").asText()).startsWith("simulated DEADLOCK: fatal error: all goroutines are asleep - deadlock!");
      assertThat(e.get("replay").asText()).startsWith("./gocause simulate case.go --strategy ").contains("--seed", "--schedules 1");
    });
    assertThat(r.json().get("causes").get(0).get("id").asText()).as(r.body()).isEqualTo("channel-and-waitgroup-deadlock");
    Http.Res md = diagnose(DEADLOCK, "text/markdown");
    assertThat(md.body()).contains("simulated DEADLOCK", "replay: `./gocause simulate case.go");
  }

  @Test
  void theFixedProgramHasNoSimulationFinding() throws Exception {
    Http.Res r = diagnose(FIXED, "application/json");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(simulation(r.json())).isEmpty();
    assertThat(r.json().get("message").asText()).contains("Simulated 1 runnable part of the code: 0 findings.");
  }

  @Test
  void aBudgetOutsideItsRangeIsAProblemNamingTheField() throws Exception {
    for (Object bad : List.of(-1, ApiConfig.MAX_SIMULATION_MS + 1, "fast", 1.5)) {
      Http.Res r = http.post("/v1/diagnose", "application/json", Json.MAPPER.writeValueAsString(Map.of("text", "x", "simulationBudgetMs", bad)));
      assertThat(r.status()).as(String.valueOf(bad)).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.body()).contains("simulationBudgetMs");
    }
  }

  @Test
  void theDefaultBudgetComesFromTheEnvironmentAndIsBounded() {
    assertThat(ApiConfig.defaults().simulationBudget()).hasMillis(300);
    assertThat(ApiConfig.fromMap(Map.of(ApiConfig.SIMULATION_BUDGET_MS, "0")).simulationBudget()).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiConfig.fromMap(Map.of(ApiConfig.SIMULATION_BUDGET_MS, "60000")))
        .hasMessageContaining(ApiConfig.SIMULATION_BUDGET_MS);
  }
}
