package dev.gocause.kernel.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The kernel JVM's class-data archive (AppCDS, Java 17's {@code -XX:ArchiveClassesAtExit}): the
 * classes a kernel start loads, parsed and verified once, mapped by every later start. Made at
 * install time by one warm-up kernel driven through Jupyter's own client (a look-up, a
 * diagnosis, a drawing, completion), so it holds what a real first minute loads, protocol
 * included. Checked by the JVM before it is used: the archive must match this JVM and the
 * copied jar. Java 17 turns all sharing off when a named archive is missing, so the kernelspec
 * names it only once it exists and passed that check.
 */
final class ClassDataArchive {
  static final String FILE_NAME = "gocause-kernel.jsa";
  private static final String WARM_UP = "warm-up.py";
  private static final String WARM_UP_KERNEL = "gocause-warm-up";
  private static final long WARM_UP_SECONDS = 300;

  /** An archive made (its file), or why none was. */
  record Outcome(Optional<Path> archive, String why) {
    Outcome {
      Objects.requireNonNull(archive, "archive");
      Objects.requireNonNull(why, "why");
    }

    static Outcome made(Path archive) {
      return new Outcome(Optional.of(archive), "");
    }

    static Outcome none(String why) {
      return new Outcome(Optional.empty(), why);
    }
  }

  private final List<String> pythons;
  private final Map<String, String> env;

  /**
   * @param pythons interpreters to try for the warm-up, in order
   * @param env variables set for the warm-up kernel besides the inherited ones (e.g. {@code GOCAUSE_CACHE})
   */
  ClassDataArchive(List<String> pythons, Map<String, String> env) {
    this.pythons = List.copyOf(pythons);
    this.env = Map.copyOf(env);
  }

  /**
   * Makes {@code kernelDir/gocause-kernel.jsa} for a kernel started by {@code argv} (the
   * kernelspec's, {@code {resource_dir}} not yet substituted; JVM options before {@code -cp}).
   */
  Outcome make(Path kernelDir, List<String> argv) {
    Path dir = kernelDir.toAbsolutePath();
    Path archive = dir.resolve(FILE_NAME);
    Path partial = dir.resolve(FILE_NAME + ".tmp");
    Path work = null;
    try {
      Files.deleteIfExists(archive);
      Files.deleteIfExists(partial);
      Optional<String> python = python();
      if (python.isEmpty()) {
        return Outcome.none("no python3 with jupyter_client found to run the warm-up kernel");
      }
      work = Files.createTempDirectory("gocause-archive-");
      List<String> warmArgv = withJvmOptions(substitute(argv, dir), List.of(
          "-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
      Path spec = Files.createDirectories(work.resolve("kernels").resolve(WARM_UP_KERNEL));
      Files.writeString(spec.resolve("kernel.json"), KernelSpecInstaller.kernelJson(warmArgv), StandardCharsets.UTF_8);
      Path script = work.resolve(WARM_UP);
      try (InputStream in = ClassDataArchive.class.getResourceAsStream(WARM_UP)) {
        if (in == null) {
          return Outcome.none(WARM_UP + " is missing from the jar");
        }
        Files.copy(in, script);
      }
      Map<String, String> warmEnv = new java.util.HashMap<>(env);
      warmEnv.put("JUPYTER_DATA_DIR", work.toString());
      Run warm = run(List.of(python.get(), script.toString(), WARM_UP_KERNEL), warmEnv, WARM_UP_SECONDS);
      if (warm.exit() != 0) {
        return Outcome.none("the warm-up kernel failed: " + lastLine(warm.out()));
      }
      if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
        return Outcome.none("the warm-up kernel wrote no archive (" + lastLine(warm.out()) + ")");
      }
      List<String> check = withJvmOptions(substitute(argv, dir), List.of("-XX:SharedArchiveFile=" + partial, "-XX:+PrintSharedArchiveAndExit"));
      Run checked = run(check.subList(0, check.indexOf("{connection_file}")), Map.of(), 120);
      if (checked.exit() != 0) {
        return Outcome.none("the JVM rejects the archive it wrote: " + lastLine(checked.out()));
      }
      Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return Outcome.made(archive);
    } catch (IOException e) {
      return Outcome.none("cannot write it: " + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(partial);
        if (work != null) {
          KernelSpecInstaller.deleteRecursively(work);
        }
      } catch (IOException e) {
        // a leftover temp folder costs nothing but space
      }
    }
  }

  /** The argv with the archive named, for the kernelspec. */
  static List<String> using(List<String> argv) {
    return withJvmOptions(argv, List.of("-XX:SharedArchiveFile={resource_dir}/" + FILE_NAME, "-Xlog:cds*=off"));
  }

  /** Inserts JVM options right after the java binary. */
  static List<String> withJvmOptions(List<String> argv, List<String> options) {
    List<String> out = new ArrayList<>(argv.size() + options.size());
    out.add(argv.get(0));
    out.addAll(options);
    out.addAll(argv.subList(1, argv.size()));
    return out;
  }

  private static List<String> substitute(List<String> argv, Path dir) {
    return argv.stream().map(a -> a.replace("{resource_dir}", dir.toString())).toList();
  }

  private Optional<String> python() {
    for (String py : pythons) {
      try {
        Run r = run(List.of(py, "-c", "import jupyter_client"), Map.of(), 60);
        if (r.exit() == 0) {
          return Optional.of(py);
        }
      } catch (IOException e) {
        // try the next interpreter
      }
    }
    return Optional.empty();
  }

  private record Run(int exit, String out) {}

  private static Run run(List<String> cmd, Map<String, String> env, long timeoutSeconds) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Path log = Files.createTempFile("gocause-archive-", ".log");
    try {
      pb.redirectOutput(log.toFile());
      Process p = pb.start();
      try {
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          return new Run(-1, "did not finish in " + timeoutSeconds + " s");
        }
      } catch (InterruptedException e) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        return new Run(-1, "interrupted");
      }
      return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String lastLine(String out) {
    String[] lines = out.strip().split("\n");
    String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
    return last.isEmpty() ? "no output" : last;
  }
}
