package dev.gocause.graph.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every Correction's evidence program with the real Go 1.19 toolchain and checks that its
 * combined output matches {@code evidenceExpect}. Skips without Go, fails under CI=true.
 */
class EvidenceProgramsReproduceTheCorrectionsTest {
  private static final long RUN_TIMEOUT_SECONDS = 240;

  private final KnowledgeData data = KnowledgeData.load();

  @Test
  void every_correction_says_what_the_seed_claims_and_what_is_true_in_both_languages() {
    List<JsonNode> corrections = data.entries("corrections");
    assertThat(corrections).hasSizeGreaterThanOrEqualTo(10);
    for (JsonNode c : corrections) {
      String id = c.path("id").asText();
      for (String f : List.of("claimZh", "claimEn", "truthZh", "truthEn", "evidence")) {
        assertThat(c.path(f).asText("")).as("%s.%s", id, f).isNotBlank();
      }
      assertThat(c.path("corrects").size()).as("%s corrects something", id).isPositive();
      boolean hasProgram = c.hasNonNull("evidenceProgram");
      assertThat(c.hasNonNull("evidenceRun")).as("%s: evidenceRun goes with evidenceProgram", id).isEqualTo(hasProgram);
      assertThat(c.hasNonNull("evidenceExpect")).as("%s: evidenceExpect goes with evidenceProgram", id).isEqualTo(hasProgram);
    }
    assertThat(corrections.stream().filter(c -> c.hasNonNull("evidenceProgram")).count())
        .as("corrections backed by a runnable program").isGreaterThanOrEqualTo(15);
  }

  @TestFactory
  Stream<DynamicTest> each_evidence_program_produces_its_expected_output_on_go_1_19() {
    GoToolchain go = GoToolchain.find().orElse(null);
    KnowledgeData.require(go != null, "the go toolchain");
    KnowledgeData.require(go.is119(), "Go 1.19 (found " + go.version + ")");
    return data.entries("corrections").stream()
        .filter(c -> c.hasNonNull("evidenceProgram"))
        .map(c -> DynamicTest.dynamicTest(c.path("id").asText(), () -> check(go, c)));
  }

  private void check(GoToolchain go, JsonNode c) throws Exception {
    String id = c.path("id").asText();
    Path program = data.seedData.resolve(c.path("evidenceProgram").asText());
    assertThat(program).as("%s: program file", id).isRegularFile();
    Pattern expect = Pattern.compile(c.path("evidenceExpect").asText());
    String run = c.path("evidenceRun").asText();
    String output = switch (run) {
      case "run" -> goRun(go, program, false);
      case "run-race" -> goRun(go, program, true);
      case "build-and-signal" -> buildAndSignal(go, program);
      default -> throw new AssertionError(id + ": unknown evidenceRun " + run);
    };
    assertThat(expect.matcher(output).find())
        .as("%s: Go %s output of %s (%s) matches %s%n--- output ---%n%s", id, go.version, program, run, expect, output)
        .isTrue();
  }

  private static String goRun(GoToolchain go, Path program, boolean race) throws IOException {
    List<String> cmd = race
        ? List.of(go.go.toString(), "run", "-race", program.getFileName().toString())
        : List.of(go.go.toString(), "run", program.getFileName().toString());
    GoToolchain.Result r = GoToolchain.run(cmd, program.getParent(), RUN_TIMEOUT_SECONDS);
    assertThat(r.timedOut()).as("%s finished within %ss", program, RUN_TIMEOUT_SECONDS).isFalse();
    return r.output();
  }

  /** go run ignores SIGQUIT, so build the binary, wait for it to print "ready", then signal it. */
  private static String buildAndSignal(GoToolchain go, Path program) throws Exception {
    Path dir = Files.createTempDirectory("gocause-evidence-");
    Path bin = dir.resolve("prog");
    GoToolchain.Result built = GoToolchain.run(List.of(go.go.toString(), "build", "-o", bin.toString(), program.getFileName().toString()), program.getParent(), RUN_TIMEOUT_SECONDS);
    assertThat(built.exitCode()).as("go build %s%n%s", program, built.output()).isZero();
    Path out = dir.resolve("out.txt");
    Process p = new ProcessBuilder(bin.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.readString(out, StandardCharsets.UTF_8).contains("ready") && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(50);
      }
      Thread.sleep(200); // let the goroutines reach their blocking points
      Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(p.pid())).inheritIO().start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s exits after SIGQUIT", program).isTrue();
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      p.destroyForcibly();
      Files.deleteIfExists(out);
      Files.deleteIfExists(bin);
      Files.deleteIfExists(dir);
    }
  }
}
