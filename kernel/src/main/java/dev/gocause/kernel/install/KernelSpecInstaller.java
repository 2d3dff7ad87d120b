package dev.gocause.kernel.install;

import dev.gocause.graph.GocauseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes the {@code gocause} kernelspec the way {@code jupyter kernelspec install} does: into
 * {@code <data dir>/kernels/gocause} for the user ({@code JUPYTER_DATA_DIR} honoured), the
 * Python prefix, or a given prefix. The runnable jar is copied into the kernelspec folder and
 * {@code argv} refers to it through {@code {resource_dir}}, so the spec keeps working when the
 * build tree moves or is cleaned.
 */
public final class KernelSpecInstaller {
  public static final String KERNEL_NAME = "gocause";
  public static final String JAR_NAME = "gocause.jar";

  /** Where to install, as in {@code jupyter kernelspec install --user|--sys-prefix|--prefix}. */
  public sealed interface Target {
    record User() implements Target {}

    record SysPrefix() implements Target {}

    record Prefix(Path prefix) implements Target {}
  }

  /** How Jupyter starts the kernel. */
  public sealed interface Launch {
    /** {@code java -cp {resource_dir}/gocause.jar dev.gocause.kernel.KernelMain {connection_file}} (the jar is copied). */
    record Jar(Path jar) implements Launch {}

    /** {@code java -cp CP MAIN {connection_file}}: for tests, which run before any jar exists. */
    record Classpath(String classpath, String mainClass) implements Launch {}
  }

  private final Map<String, String> env;

  public KernelSpecInstaller(Map<String, String> env) {
    this.env = env;
  }

  public KernelSpecInstaller() {
    this(System.getenv());
  }

  /** The kernels folder for a target, e.g. {@code ~/.local/share/jupyter/kernels}. */
  public Path kernelsDir(Target target) {
    if (target instanceof Target.Prefix p) {
      return p.prefix().toAbsolutePath().resolve("share/jupyter/kernels");
    }
    if (target instanceof Target.SysPrefix) {
      return pythonPrefix().resolve("share/jupyter/kernels");
    }
    return userDataDir().resolve("kernels");
  }

  Path userDataDir() {
    String d = env.get("JUPYTER_DATA_DIR");
    if (d != null && !d.isBlank()) {
      return Path.of(d).toAbsolutePath();
    }
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "jupyter");
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "jupyter");
  }

  /** {@code sys.prefix} of the Python that runs Jupyter. */
  Path pythonPrefix() {
    for (String py : List.of("/usr/bin/python3", "python3")) {
      try {
        Process p = new ProcessBuilder(py, "-c", "import sys; print(sys.prefix)")
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
          return Path.of(out);
        }
      } catch (IOException e) {
        // try the next interpreter
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new GocauseException("--sys-prefix: no python3 found to ask for sys.prefix; use --prefix PATH or --user");
  }

  /** Installs (replacing any previous gocause kernelspec there) and returns the kernelspec folder. */
  public Path install(Target target, Launch launch) {
    Path dir = kernelsDir(target).resolve(KERNEL_NAME);
    try {
      deleteRecursively(dir);
      Files.createDirectories(dir);
      if (launch instanceof Launch.Jar j) {
        if (!Files.isRegularFile(j.jar())) {
          throw new GocauseException("kernel install: the jar " + j.jar() + " does not exist; build it with ./gocause (or mvn package)");
        }
        Files.copy(j.jar(), dir.resolve(JAR_NAME), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(dir.resolve("kernel.json"), kernelJson(argv(launch)), StandardCharsets.UTF_8);
      Logos.write(32, dir.resolve("logo-32x32.png"));
      Logos.write(64, dir.resolve("logo-64x64.png"));
      return dir;
    } catch (IOException e) {
      throw new GocauseException("kernel install: cannot write " + dir + ": " + e.getMessage()
          + " (choose another place with --user or --prefix PATH)", e);
    }
  }

  /** What {@link #addClassDataArchive} did: {@code detail} is the archive's file, or why there is none. */
  public record ArchiveOutcome(boolean made, String detail) {}

  /**
   * Makes the class-data archive of a kernelspec installed with {@link Launch.Jar} (a warm-up
   * kernel run through Jupyter, some seconds) and names it in {@code kernel.json}; without
   * Jupyter's Python client, or when the JVM rejects the archive, the kernelspec stays as it was
   * (it works, starting slower) and the outcome says why.
   */
  public ArchiveOutcome addClassDataArchive(Path kernelDir) {
    List<String> argv = argv(new Launch.Jar(kernelDir.resolve(JAR_NAME)));
    ClassDataArchive.Outcome o = new ClassDataArchive(List.of("/usr/bin/python3", "python3"),
        env.containsKey("GOCAUSE_CACHE") ? Map.of("GOCAUSE_CACHE", env.get("GOCAUSE_CACHE")) : Map.of()).make(kernelDir, argv);
    if (o.archive().isEmpty()) {
      return new ArchiveOutcome(false, o.why());
    }
    try {
      Files.writeString(kernelDir.resolve("kernel.json"), kernelJson(ClassDataArchive.using(argv)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new ArchiveOutcome(false, "cannot rewrite " + kernelDir.resolve("kernel.json") + ": " + e.getMessage());
    }
    return new ArchiveOutcome(true, o.archive().get().toString());
  }

  /**
   * The JVM options of every kernel: the serial collector (one small heap, no GC threads) and
   * the JIT's optimising compiler delayed ({@link #JIT_OPTIONS}).
   */
  static List<String> argv(Launch launch) {
    List<String> argv = new ArrayList<>();
    argv.add(javaBinary());
    argv.add("-XX:+UseSerialGC");
    argv.add("-Xshare:auto");
    argv.addAll(ARCHIVE_OPTIONS);
    argv.addAll(JIT_OPTIONS);
    argv.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    argv.add("-Dfile.encoding=UTF-8");
    if (launch instanceof Launch.Jar) {
      // the jar's SLF4J binding named: no service look-up through the jar's 60,000 entries
      argv.add("-Dslf4j.provider=" + SLF4J_PROVIDER);
      // ERROR, not WARN: when the seed-data thread and the main thread start SLF4J at once, SLF4J
      // replays the few calls made meanwhile and says so on stderr (the notebook server's console)
      // in a three-line warning (2 of 20 kernel starts, measured); the replayed calls are still
      // logged, or not, by the usual warn level
      argv.add("-Dslf4j.internal.verbosity=ERROR");
      // the kernel's main class directly: the CLI's command parsing is not needed to start it
      argv.addAll(List.of("-cp", "{resource_dir}/" + JAR_NAME, MAIN_CLASS, "{connection_file}"));
    } else if (launch instanceof Launch.Classpath c) {
      argv.addAll(List.of("-cp", c.classpath(), c.mainClass(), "{connection_file}"));
    }
    return argv;
  }

  static final String MAIN_CLASS = "dev.gocause.kernel.KernelMain";
  static final String SLF4J_PROVIDER = "org.slf4j.simple.SimpleServiceProvider";

  /**
   * Class-data archives mapped where they were made: this JDK relocates them to a random address
   * by default ({@code ArchiveRelocationMode=1}), which cost every start 60-80 ms with the
   * kernel's 33 MB archive (a hello world: 0.24 s against 0.17 s). Where that address is taken
   * the JVM still relocates, so nothing breaks.
   */
  static final List<String> ARCHIVE_OPTIONS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");

  /**
   * The optimising compiler (C2) starts 20 times later than by default: a kernel start runs much
   * one-off code (decoding the compiled seed-data, compiling the diagnosis model) that C2 would
   * compile for nothing, while a long simulation still gets C2 code. Measured, a fresh kernel's
   * CPU to its first answer: about 15-20 % less (docs/benchmarks.md); the quick compiler alone
   * ({@code -XX:TieredStopAtLevel=1}) saves as much but makes a 30,000-schedule simulation take
   * 40 % more CPU.
   */
  static final List<String> JIT_OPTIONS = List.of(
      "-XX:Tier4InvocationThreshold=100000", "-XX:Tier4MinInvocationThreshold=12000",
      "-XX:Tier4CompileThreshold=300000", "-XX:Tier4BackEdgeThreshold=800000");

  static String javaBinary() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return Files.isExecutable(java) ? java.toString() : "java";
  }

  static String kernelJson(List<String> argv) {
    StringBuilder b = new StringBuilder("{\n  \"argv\": [");
    for (int i = 0; i < argv.size(); i++) {
      b.append(i == 0 ? "\n    " : ",\n    ").append(jsonString(argv.get(i)));
    }
    b.append("\n  ],\n")
        .append("  \"display_name\": \"gocause (Go concurrency)\",\n")
        .append("  \"language\": \"gocause\",\n")
        .append("  \"interrupt_mode\": \"message\",\n")
        .append("  \"env\": {},\n")
        .append("  \"metadata\": {\"debugger\": false}\n}\n");
    return b.toString();
  }

  static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
