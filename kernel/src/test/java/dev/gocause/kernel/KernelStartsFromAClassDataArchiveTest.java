package dev.gocause.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gocause.kernel.install.KernelSpecInstaller;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kernel install}'s class-data archive: made by a warm-up kernel through the real Jupyter
 * client, accepted by the JVM, holding the kernel's protocol and magic classes, named in
 * kernel.json, and a kernel started from it answers; without a usable jar there is no archive
 * and the kernelspec stays as it was. The tests run before the shaded jar exists, so the jar
 * here is this test's classpath as jars, referenced from a small jar's manifest.
 */
class KernelStartsFromAClassDataArchiveTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void the_archive_is_made_checked_named_in_kernel_json_and_a_kernel_started_from_it_answers(@TempDir Path tmp) throws Exception {
    Jupyter.requireJupyter();
    Path data = tmp.resolve("data");
    KernelSpecInstaller installer = new KernelSpecInstaller(Map.of("JUPYTER_DATA_DIR", data.toString(),
        "GOCAUSE_CACHE", tmp.resolve("cache").toString()));
    Path dir = installer.install(new KernelSpecInstaller.Target.User(), new KernelSpecInstaller.Launch.Jar(classpathJar(tmp.resolve("built"))));
    linkLibraries(tmp.resolve("built/lib"), dir.resolve("lib"));

    KernelSpecInstaller.ArchiveOutcome outcome = installer.addClassDataArchive(dir);

    assertThat(outcome.made()).as(outcome.detail()).isTrue();
    Path archive = dir.resolve("gocause-kernel.jsa");
    assertThat(archive).isRegularFile();
    String argv = JSON.readTree(dir.resolve("kernel.json").toFile()).get("argv").toString();
    assertThat(argv).contains("\"-XX:SharedArchiveFile={resource_dir}/gocause-kernel.jsa\"");
    assertThat(argv.indexOf("SharedArchiveFile")).as("a JVM option, before the class path").isLessThan(argv.indexOf("\"-cp\""));
    String contents = run(List.of(javaBinary(), "-XX:SharedArchiveFile=" + archive, "-XX:+PrintSharedArchiveAndExit",
        "-cp", dir.resolve("gocause.jar").toString(), KernelMain.class.getName()));
    assertThat(contents).as("the JVM accepts the archive for this jar").doesNotContain("archive is invalid");
    assertThat(contents).as("the warm-up went through the protocol and the magics")
        .contains(" zmq.ZMQ ", " dev.gocause.kernel.magic.CauseMagic ", " dev.gocause.kernel.magic.DiagnoseMagic ",
            " dev.gocause.kernel.protocol.SafeShellChannel ");

    Path script = tmp.resolve("cell.py");
    Files.writeString(script, """
        import sys
        from jupyter_client.manager import start_new_kernel
        km, kc = start_new_kernel(kernel_name="gocause", startup_timeout=120)
        try:
            reply = kc.execute_interactive("%cause send-on-closed-channel", timeout=120, output_hook=lambda m: print(m["msg_type"], str(m["content"])[:200]))
            print("status", reply["content"]["status"])
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        """);
    String out = run(List.of(Jupyter.PYTHON, script.toString()), Map.of("JUPYTER_DATA_DIR", data.toString(),
        "GOCAUSE_CACHE", tmp.resolve("cache").toString()));
    assertThat(out).contains("status ok").contains("send-on-closed-channel");
  }

  @Test
  void without_a_usable_jar_there_is_no_archive_and_the_kernelspec_stays_as_it_was(@TempDir Path tmp) throws Exception {
    Jupyter.requireJupyter();
    Path jar = Files.writeString(tmp.resolve("built.jar"), "not really a jar");
    KernelSpecInstaller installer = new KernelSpecInstaller(Map.of("JUPYTER_DATA_DIR", tmp.resolve("data").toString()));
    Path dir = installer.install(new KernelSpecInstaller.Target.User(), new KernelSpecInstaller.Launch.Jar(jar));
    String before = Files.readString(dir.resolve("kernel.json"));

    KernelSpecInstaller.ArchiveOutcome outcome = installer.addClassDataArchive(dir);

    assertThat(outcome.made()).isFalse();
    assertThat(outcome.detail()).contains("warm-up kernel");
    assertThat(dir.resolve("kernel.json")).hasContent(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".jsa"));
    }
  }

  /** A jar whose manifest's Class-Path names this test's class path, each entry as a jar under lib/. */
  private static Path classpathJar(Path dir) throws IOException {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    List<String> names = new ArrayList<>();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    int n = 0;
    for (String entry : cp.split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      String name = (n++) + "-" + p.getFileName() + (Files.isDirectory(p) ? ".jar" : "");
      if (Files.isDirectory(p)) {
        if (p.endsWith("test-classes")) {
          continue;
        }
        zip(p, lib.resolve(name));
      } else if (Files.isRegularFile(p)) {
        linkOrCopy(p, lib.resolve(name));
      } else {
        continue;
      }
      names.add("lib/" + name);
    }
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", names));
    Path jar = dir.resolve("gocause.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
      // the manifest is all it holds
    }
    return jar;
  }

  private static void zip(Path folder, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out); Stream<Path> s = Files.walk(folder)) {
      for (Path p : s.sorted().toList()) {
        String rel = folder.relativize(p).toString().replace('\\', '/');
        if (rel.isEmpty()) {
          continue;
        }
        j.putNextEntry(new JarEntry(Files.isDirectory(p) ? rel + "/" : rel));
        if (Files.isRegularFile(p)) {
          Files.copy(p, j);
        }
        j.closeEntry();
      }
    }
  }

  private static void linkLibraries(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.toList()) {
        linkOrCopy(p, to.resolve(p.getFileName()));
      }
    }
  }

  private static void linkOrCopy(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(from, to);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String run(List<String> cmd) throws Exception {
    return run(cmd, Map.of());
  }

  private static String run(List<String> cmd, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Path log = Files.createTempFile("gocause-archive-test-", ".log");
    try {
      pb.redirectOutput(log.toFile());
      Process p = pb.start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError(cmd + " did not finish in 300 s: " + Files.readString(log));
      }
      return Files.readString(log, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
