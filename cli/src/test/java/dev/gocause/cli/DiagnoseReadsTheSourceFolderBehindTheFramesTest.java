package dev.gocause.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.store.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gocause diagnose DUMP --source DIR}: a real Go 1.19 dump and the program's folder give the cause the code shows, citing the line. */
class DiagnoseReadsTheSourceFolderBehindTheFramesTest {

/** The program, shared with the other modules' tests: {@code testdata/range-over-unclosed-channel/main.go}. */
  static final String PROGRAM = program();

  static String program() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("..").toAbsolutePath().normalize().resolve("testdata/range-over-unclosed-channel/main.go"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("the shared test program is missing: run the tests from the repo's modules", e);
    }
  }

  @Test
  void theFramesFileIsReadFromTheFolderAndItsLineCited(@TempDir Path dir) throws Exception {
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("main.go"), PROGRAM);
    Process p = new ProcessBuilder(List.of("go", "run", "main.go")).directory(app.toFile()).redirectErrorStream(true).start();
    String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Path dumpFile = dir.resolve("dump.txt");
    Files.writeString(dumpFile, dump);
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    DiagnoseCommand cmd = new DiagnoseCommand();
    cmd.environment = Environment.from(Map.of("GOCAUSE_BOLT_PORT", String.valueOf(port), "GOCAUSE_DATA", dir.resolve("data").toString()));
    CommandLine cl = new CommandLine(cmd);
    cl.setExecutionExceptionHandler(new UserFacingErrors());
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute(dumpFile.toString(), "--source", dir.toString())).isEqualTo(DiagnoseCommand.FOUND);
    String text = out.toString();
    assertThat(text).contains("[range-over-channel-never-closed]");
    assertThat(text.indexOf("1. ")).isLessThan(text.indexOf("[range-over-channel-never-closed]"));
    assertThat(text.substring(0, text.indexOf("2. ") < 0 ? text.length() : text.indexOf("2. "))).contains("[range-over-channel-never-closed]")
        .contains("app/main.go:15");
  }
}
