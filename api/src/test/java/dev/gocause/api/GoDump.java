package dev.gocause.api;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Real goroutine dumps from real Go: builds {@code bench/dumpgen} and runs it, so the runtime
 * itself prints "all goroutines are asleep" and every stack. Skips when Go is absent, fails
 * instead under CI=true.
 */
final class GoDump {
  private GoDump() {}

  static String of(int goroutines) {
    Path go = Path.of("/usr/bin/go");
    if (!Files.isExecutable(go)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("Go is required under CI=true (/usr/bin/go)");
      }
      assumeThat(false).as("Go not installed").isTrue();
    }
    try {
      Path repo = Path.of(System.getProperty("gocause.repo", "..")).toAbsolutePath();
      Path dir = Files.createTempDirectory("gocause-dump");
      Path bin = dir.resolve("dumpgen");
      run(dir, go.toString(), "build", "-o", bin.toString(), repo.resolve("bench/dumpgen/main.go").toString());
      Path out = dir.resolve("dump.txt");
      Process p = new ProcessBuilder(bin.toString(), "-n", String.valueOf(goroutines))
          .redirectError(out.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("dumpgen did not finish");
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GOCACHE", dir.resolve("gocache").toString());
    pb.environment().put("GO111MODULE", "off");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", cmd) + " failed: " + output);
    }
  }
}
