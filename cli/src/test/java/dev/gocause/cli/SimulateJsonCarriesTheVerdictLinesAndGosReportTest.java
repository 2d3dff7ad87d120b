package dev.gocause.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gocause simulate --json}: one JSON object with the same verdict lines as the text, each finding with Go's
 * report and its replay seed, and the same exit status; a clean program says CLEAN and exits 0.
 */
class SimulateJsonCarriesTheVerdictLinesAndGosReportTest {
  @TempDir Path dir;

  private CommandRun simulate(String source, String... flags) throws Exception {
    Path f = dir.resolve("p.go");
    Files.writeString(f, source);
    String[] args = new String[flags.length + 1];
    args[0] = f.toString();
    System.arraycopy(flags, 0, args, 1, flags.length);
    return CommandRun.of(new SimulateCommand(), args);
  }

  @Test
  void a_deadlock_is_a_finding_with_gos_words_and_a_replay_seed() throws Exception {
    CommandRun r = simulate("package main\n\nfunc main() {\n\tch := make(chan int)\n\tch <- 1\n}\n", "--json", "--schedules", "5");
    assertThat(r.exit()).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("verdict").asText()).isEqualTo("DEADLOCK");
    assertThat(j.get("lines").get(0).asText()).startsWith("DEADLOCK fatal error: all goroutines are asleep - deadlock!  [replay: --seed ");
    JsonNode f = j.get("findings").get(0);
    assertThat(f.get("kind").asText()).isEqualTo("DEADLOCK");
    assertThat(f.get("report").asText()).contains("goroutine 1 [chan send]:");
    assertThat(f.get("seenIn").asInt()).isEqualTo(5);
    assertThat(j.get("schedules").asInt()).isEqualTo(5);
  }

  @Test
  void a_clean_program_says_clean_and_exits_0() throws Exception {
    CommandRun r = simulate("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n", "--json", "--schedules", "3");
    assertThat(r.exit()).isEqualTo(0);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("verdict").asText()).isEqualTo("CLEAN");
    assertThat(j.get("findings")).isEmpty();
    assertThat(j.get("printedValues").get("hi").asInt()).isEqualTo(3);
  }
}
