package dev.gocause.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.store.Environment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening an embedded store takes seconds before {@code gocause load} has anything to print; it
 * says first which graph it opens, on stderr, so {@code --json} stays clean on stdout.
 */
class LoadSaysWhatItOpensBeforeTheSlowPartTest {

  @Test
  void load_names_the_embedded_graph_it_opens_on_stderr_and_keeps_json_clean(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("graph");
    LoadCommand load = new LoadCommand();
    load.environment = Environment.from(Map.of("GOCAUSE_DATA", data.toString(), "GOCAUSE_BOLT_PORT", "0"));
    CommandRun r = CommandRun.of(load,
        "--seed-data", ValidateAndLoadCommandsTest.fixture().toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).startsWith("gocause: opening the embedded graph in " + data + " (some seconds) ...\n");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("version").asText()).isEqualTo("0.0.1-fixture");
  }
}
