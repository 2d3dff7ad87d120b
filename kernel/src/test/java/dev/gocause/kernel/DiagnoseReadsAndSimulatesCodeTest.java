package dev.gocause.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real Jupyter client: {@code %%diagnose} on pasted code that runs shows the simulated
 * DEADLOCK with its replay command (text and HTML), and {@code %%diagnose --source DIR} on a real
 * Go 1.19 dump reads the file its frames name and cites the line.
 */
class DiagnoseReadsAndSimulatesCodeTest {

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
  void pastedCodeIsSimulatedAndTheSourceBehindADumpIsRead(@TempDir Path dir) throws Exception {
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("main.go"), PROGRAM);
    Process p = new ProcessBuilder(List.of("go", "run", "main.go")).directory(app.toFile()).redirectErrorStream(true).start();
    String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(dump).contains("all goroutines are asleep - deadlock!");
    Path dumpFile = dir.resolve("dump.txt");
    Files.writeString(dumpFile, dump);

    Jupyter.Run run = Jupyter.get().python(Map.of(), 600, "kernel_protocol.py", "diagnose-code", dir.toString(), dumpFile.toString());
    JsonNode r = ProtocolDefectsAreFixedTest.result(run, "diagnose-code");
    JsonNode pasted = r.get("pasted");
    assertThat(pasted.get("status").asText()).as(run.out()).isEqualTo("ok");
    assertThat(pasted.get("errors")).as(run.out()).isEmpty();
    assertThat(pasted.get("text").asText()).contains("simulated DEADLOCK", "replay: ./gocause simulate case.go --strategy ");
    assertThat(pasted.get("html").asText()).contains("replay: <code>./gocause simulate case.go");
    JsonNode source = r.get("source");
    assertThat(source.get("status").asText()).as(run.out()).isEqualTo("ok");
    assertThat(source.get("errors")).as(run.out()).isEmpty();
    String text = source.get("text").asText();
    assertThat(text).contains("1. ").contains("[range-over-channel-never-closed]", "app/main.go:15");
    assertThat(text.substring(text.indexOf("1. "), text.indexOf("[range-over-channel-never-closed]"))).doesNotContain("2. ");
  }
}
