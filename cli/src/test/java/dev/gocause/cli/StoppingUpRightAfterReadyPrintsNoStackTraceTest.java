package dev.gocause.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (or SIGTERM) just after {@code gocause ready} stopped the graph under the guide's warm-up
 * read and the model's compilation; the driver logged each retry of those reads with a stack trace
 * of a hundred lines. {@code up} runs here as a user runs it, in its own JVM with the CLI's logging.
 */
class StoppingUpRightAfterReadyPrintsNoStackTraceTest {

  @Test
  void sigterm_at_ready_stops_up_with_one_line_and_no_stack_trace(@TempDir Path tmp) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path err = tmp.resolve("stderr.txt");
    Process up = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        GocauseCli.class.getName(), "up", "--data", tmp.resolve("graph").toString(), "--api-port", "0", "--bolt-port", "0"))
        .redirectError(err.toFile())
        .start();
    try {
      CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("gocause ready")) {
              return true;
            }
          }
          return false;
        } catch (java.io.IOException e) {
          return false;
        }
      });
      assertThat(ready.get(180, TimeUnit.SECONDS)).as("'gocause ready' printed; stderr: %s", Files.readString(err)).isTrue();
      up.destroy(); // SIGTERM: the shutdown hook runs as on Ctrl-C
      assertThat(up.waitFor(60, TimeUnit.SECONDS)).as("up stopped within a minute").isTrue();
      String stderr = Files.readString(err);
      assertThat(stderr).contains("gocause: stopping ...");
      assertThat(stderr).as("stderr of the stop").doesNotContain("Exception").doesNotContain("\tat ");
    } finally {
      up.destroyForcibly();
    }
  }
}
