package dev.gocause.graph.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The local Go toolchain (Debian's golang-go, Go 1.19), found on PATH or in /usr/bin. */
final class GoToolchain {
  final Path go;
  final String version;
  final Path goroot;

  private GoToolchain(Path go, String version, Path goroot) {
    this.go = go;
    this.version = version;
    this.goroot = goroot;
  }

  static Optional<GoToolchain> find() {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        candidates.add(Path.of(dir, "go"));
      }
    }
    candidates.add(Path.of("/usr/bin/go"));
    for (Path c : candidates) {
      if (Files.isExecutable(c)) {
        try {
          Result r = run(List.of(c.toString(), "env", "GOVERSION", "GOROOT"), null, 60);
          String[] lines = r.output.strip().split("\n");
          if (r.exitCode == 0 && lines.length == 2) {
            return Optional.of(new GoToolchain(c, lines[0].strip(), Path.of(lines[1].strip())));
          }
        } catch (IOException e) {
          // try the next candidate
        }
      }
    }
    return Optional.empty();
  }

  boolean is119() {
    return version.startsWith("go1.19");
  }

  Path src() {
    return goroot.resolve("src");
  }

  record Result(int exitCode, String output, boolean timedOut) {}

  /** Runs a command with stderr merged into stdout, killing it after the timeout. */
  static Result run(List<String> cmd, Path dir, long timeoutSeconds) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Path out = Files.createTempFile("gocause-go-", ".out");
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    try {
      boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!done) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      return new Result(done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8), !done);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while running " + cmd, e);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
