package dev.gocause.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gocause.graph.store.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateAndLoadCommandsTest {

  static Path fixture() {
    String repo = System.getProperty("gocause.repo", "..");
    return Path.of(repo, "graph-model", "src", "test", "resources", "fixtures", "basic");
  }

  static Path copyOf(Path src, Path dst) throws IOException {
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
        Path t = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return dst;
  }

  @Test
  void validate_prints_a_one_line_summary_and_exits_0_for_valid_seed_data() {
    CommandRun r = CommandRun.of(new ValidateCommand(), "--seed-data", fixture().toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out().strip()).startsWith("seed-data OK: version 0.0.1-fixture, 18 entries (Section 3, Dimension 2,")
        .contains("31 relationships").doesNotContain("\n");
  }

  @Test
  void validate_prints_every_problem_and_exits_1(@TempDir Path tmp) throws IOException {
    Path seed = copyOf(fixture(), tmp.resolve("seed-data"));
    Path symptoms = seed.resolve("symptoms.yaml");
    Files.writeString(symptoms, Files.readString(symptoms).replace("weight: 0.6", "weight: 1.4").replace("kind: hang", "kind: hanging"));
    CommandRun r = CommandRun.of(new ValidateCommand(), "--seed-data", seed.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(seed + "/symptoms.yaml: symptoms[0] id=program-hangs-no-output: field 'indicates[0].weight' is 1.4; weights must be within [0,1]")
        .contains("field 'kind' is 'hanging'")
        .contains("2 problems in " + seed)
        .doesNotContain("Exception");
  }

  @Test
  void validate_of_a_missing_folder_is_one_line_with_exit_2(@TempDir Path tmp) {
    CommandRun r = CommandRun.of(new ValidateCommand(), "--seed-data", tmp.resolve("nope").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("gocause: seed-data folder").doesNotContain("\n");
  }

  @Test
  void load_fills_the_embedded_graph_then_finds_it_unchanged_and_reports_json(@TempDir Path tmp) throws IOException {
    Environment env = Environment.from(Map.of("GOCAUSE_DATA", tmp.resolve("graph").toString(), "GOCAUSE_BOLT_PORT", "0"));
    LoadCommand first = new LoadCommand();
    first.environment = env;
    CommandRun r1 = CommandRun.of(first, "--seed-data", fixture().toString());
    assertThat(r1.exit()).as(r1.err()).isZero();
    assertThat(r1.out()).startsWith("Loaded knowledge 0.0.1-fixture").containsPattern("Symptom\\s+2\\n").containsPattern("INDICATES\\s+3\\n");

    LoadCommand second = new LoadCommand();
    second.environment = env;
    CommandRun r2 = CommandRun.of(second, "--seed-data", fixture().toString(), "--json");
    assertThat(r2.exit()).as(r2.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r2.out());
    assertThat(json.get("unchanged").asBoolean()).isTrue();
    assertThat(json.get("nodes").get("Symptom").asLong()).isEqualTo(2);
    assertThat(json.get("relationships").get("INDICATES").asLong()).isEqualTo(3);
  }

  @Test
  void load_with_invalid_seed_data_exits_1_without_touching_any_graph(@TempDir Path tmp) throws IOException {
    Path seed = copyOf(fixture(), tmp.resolve("seed-data"));
    Files.writeString(seed.resolve("fixes.yaml"), Files.readString(seed.resolve("fixes.yaml")).replace("id: close-when-done", "id: Close"));
    LoadCommand load = new LoadCommand();
    load.environment = Environment.from(Map.of("GOCAUSE_DATA", tmp.resolve("graph").toString(), "GOCAUSE_BOLT_PORT", "0"));
    CommandRun r = CommandRun.of(load, "--seed-data", seed.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("field 'id' is 'Close'").contains("nothing was loaded");
    assertThat(tmp.resolve("graph")).doesNotExist();
  }
}
