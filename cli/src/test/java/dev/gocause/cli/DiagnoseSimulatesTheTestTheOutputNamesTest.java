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

/**
 * {@code gocause diagnose OUTPUT --source DIR}: a real {@code go test} timeout (Go 1.19) names a
 * test; the file holding it is simulated, and the answer shows the simulated DEADLOCK with the
 * command that replays it; {@code --simulation-budget 0} turns that off.
 */
class DiagnoseSimulatesTheTestTheOutputNamesTest {

  static final String TEST_FILE = """
      package work

      import (
      	"sync"
      	"testing"
      )

      func TestWorkersFinish(t *testing.T) {
      	var wg sync.WaitGroup
      	for i := 0; i < 3; i++ {
      		wg.Add(1)
      		go func(n int) {
      			if n == 2 {
      				return
      			}
      			defer wg.Done()
      		}(i)
      	}
      	wg.Wait()
      }
      """;

  static String run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute(args)).isEqualTo(DiagnoseCommand.FOUND);
    return out.toString();
  }

  @Test
  void theTestAGoTestTimeoutNamesIsSimulatedAndItsReplayShown(@TempDir Path dir) throws Exception {
    Path pkg = Files.createDirectories(dir.resolve("work"));
    Files.writeString(pkg.resolve("go.mod"), "module example.com/work\n\ngo 1.19\n");
    Files.writeString(pkg.resolve("work_test.go"), TEST_FILE);
    Process p = new ProcessBuilder(List.of("go", "test", "-timeout", "2s", "."))
        .directory(pkg.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(output).contains("panic: test timed out", "TestWorkersFinish", "work_test.go:");
    Path outputFile = dir.resolve("output.txt");
    Files.writeString(outputFile, output);
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    DiagnoseCommand cmd = new DiagnoseCommand();
    cmd.environment = Environment.from(Map.of("GOCAUSE_BOLT_PORT", String.valueOf(port), "GOCAUSE_DATA", dir.resolve("data").toString()));
    CommandLine cl = new CommandLine(cmd);
    cl.setExecutionExceptionHandler(new UserFacingErrors());
    String text = run(cl, outputFile.toString(), "--source", dir.toString(), "--simulation-budget", "10s");
    assertThat(text).contains("simulated DEADLOCK (TestWorkersFinish in work/work_test.go)",
        "replay: ./gocause simulate work/work_test.go --run '^TestWorkersFinish$' --strategy ");
    assertThat(text).contains("Simulated 1 runnable part of the code: 1 finding.");

    DiagnoseCommand off = new DiagnoseCommand();
    off.environment = cmd.environment;
    CommandLine cl2 = new CommandLine(off);
    cl2.setExecutionExceptionHandler(new UserFacingErrors());
    assertThat(run(cl2, outputFile.toString(), "--source", dir.toString(), "--simulation-budget", "0")).doesNotContain("simulated");
  }

  @Test
  void aBudgetThatIsNotADurationIsAClearError() {
    DiagnoseCommand cmd = new DiagnoseCommand();
    CommandLine cl = new CommandLine(cmd);
    cl.setExecutionExceptionHandler(new UserFacingErrors());
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    cmd.stdin = new java.io.ByteArrayInputStream("panic: x".getBytes(StandardCharsets.UTF_8));
    assertThat(cl.execute("--simulation-budget", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("--simulation-budget is 'soon'");
  }
}
