package dev.gocause.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gocause.kernel.install.KernelSpecInstaller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Jupyter (Debian's jupyter_client, nbclient, jupyter_kernel_test under
 * /usr/bin/python3) driving a gocause kernel installed into a temporary JUPYTER_DATA_DIR.
 * The kernelspec starts {@link KernelMain} on this test's classpath: the tests run before any
 * jar is packaged, and exercise the same kernel code the shaded jar carries. Skips when Jupyter
 * is absent, fails instead under {@code CI=true}.
 */
final class Jupyter {
  static final String PYTHON = "/usr/bin/python3";
  private static Jupyter instance;

  final Path dataDir;
  final Path kernelDir;

  private Jupyter(Path dataDir, Path kernelDir) {
    this.dataDir = dataDir;
    this.kernelDir = kernelDir;
  }

  /** One installation per test JVM. */
  static synchronized Jupyter get() {
    requireJupyter();
    if (instance == null) {
      try {
        Path data = Files.createTempDirectory("gocause-jupyter-");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path dir = new KernelSpecInstaller(Map.of("JUPYTER_DATA_DIR", data.toString()))
            .install(new KernelSpecInstaller.Target.User(),
                new KernelSpecInstaller.Launch.Classpath(cp, KernelMain.class.getName()));
        instance = new Jupyter(data, dir);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  static void requireJupyter() {
    boolean ok;
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import jupyter_client, nbclient, nbformat, jupyter_kernel_test")
          .redirectErrorStream(true).start();
      ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      ok = false;
    }
    if (!ok) {
      if ("true".equals(System.getenv("CI"))) {
        fail("Jupyter is missing (" + PYTHON + " with jupyter_client, nbclient, jupyter_kernel_test); CI=true requires it");
      }
      Assumptions.abort("Jupyter is not installed; skipping");
    }
  }

  static Path pythonDir() {
    return repo().resolve("kernel/src/test/python");
  }

  static Path repo() {
    String r = System.getProperty("gocause.repo");
    Path p = r != null ? Path.of(r) : Path.of("").toAbsolutePath().getParent();
    return p.toAbsolutePath().normalize();
  }

  /** Result of a Python run. */
  record Run(int exit, String out) {}

  /** Runs {@code python3 args...} with the temp kernelspec; extra env may point NEO4J_URI somewhere. */
  Run python(Map<String, String> env, long timeoutSeconds, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(PYTHON);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(pythonDir().toFile()).redirectErrorStream(true);
    pb.environment().put("JUPYTER_DATA_DIR", dataDir.toString());
    pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    pb.environment().put("PYTHONUNBUFFERED", "1");
    pb.environment().putAll(env);
    try {
      Path log = Files.createTempFile("gocause-python-", ".log");
      pb.redirectOutput(log.toFile());
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        fail("python " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
      }
      return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The environment that makes kernels use the shared test graph over Bolt. */
  static Map<String, String> sharedGraphEnv() {
    return Map.of("NEO4J_URI", SharedGraph.boltUri());
  }

  /** The environment that leaves kernels no server to find: they start their own embedded graph. */
  static Map<String, String> noServerEnv() {
    return Map.of("NEO4J_URI", "bolt://127.0.0.1:" + SharedGraph.closedPort());
  }
}
