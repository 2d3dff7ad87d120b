package dev.gocause.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.store.Environment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gocause diagnose http://HOST:PORT/debug/pprof/goroutine?debug=2}: the dump of a live Go 1.19
 * service, fetched from its net/http/pprof, is diagnosed like a pasted one; pprof's binary default,
 * a wrong path and a closed port each get one line saying what to change.
 */
class DiagnoseReadsALiveServicesGoroutineDumpFromItsUrlTest {
  @TempDir static Path dir;
  private static Process service;
  private static String base;

  @BeforeAll
  static void startTheService() throws Exception {
    Path program = Path.of("..").toAbsolutePath().normalize().resolve("testdata/pprof-receiver-gave-up/main.go");
    Files.copy(program, dir.resolve("main.go"));
    Process build = new ProcessBuilder(List.of("go", "build", "-o", "service", "main.go")).directory(dir.toFile())
        .redirectErrorStream(true).start();
    String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(build.waitFor(180, TimeUnit.SECONDS)).as("go build: " + log).isTrue();
    assertThat(build.exitValue()).as("go build: " + log).isZero();
    service = new ProcessBuilder(List.of(dir.resolve("service").toString())).directory(dir.toFile()).start();
    String port = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertThat(port).as("the service prints its port").matches("\\d+");
    base = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stopTheService() {
    if (service != null) {
      service.destroyForcibly();
    }
  }

  private static CommandRun diagnose(String... args) throws Exception {
    int unusedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      unusedPort = s.getLocalPort();
    }
    DiagnoseCommand cmd = new DiagnoseCommand();
    cmd.environment = Environment.from(Map.of("GOCAUSE_BOLT_PORT", String.valueOf(unusedPort), "GOCAUSE_DATA", dir.resolve("data").toString()));
    cmd.interactive = false;
    return CommandRun.of(cmd, args);
  }

  @Test
  void theFullDumpIsFetchedAndTheAbandonedSendersAreNamed() throws Exception {
    CommandRun run = diagnose(base + "/debug/pprof/goroutine?debug=2");
    assertThat(run.exit()).as(run.err()).isEqualTo(DiagnoseCommand.FOUND);
    assertThat(run.out()).contains("20× [chan send] main.lookup.func1 main.go:");
    String first = run.out().substring(run.out().indexOf("1. "), run.out().indexOf("2. ") < 0 ? run.out().length() : run.out().indexOf("2. "));
    assertThat(first).contains("[send-blocked-after-receiver-gave-up]");
  }

  @Test
  void pprofsBinaryDefaultIsRefusedWithTheParameterToAdd() throws Exception {
    CommandRun run = diagnose(base + "/debug/pprof/goroutine");
    assertThat(run.exit()).isEqualTo(UserFacingErrors.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("gocause: " + base + "/debug/pprof/goroutine sent a binary").contains("?debug=2").doesNotContain("Exception");
  }

  @Test
  void aPathTheServiceDoesNotServeIsNamedWithItsStatus() throws Exception {
    CommandRun run = diagnose(base + "/debug/goroutines");
    assertThat(run.exit()).isEqualTo(UserFacingErrors.BAD_INPUT);
    assertThat(run.err()).contains(base + "/debug/goroutines answered HTTP 404").contains("debug/pprof/goroutine?debug=2");
  }

  @Test
  void aClosedPortSaysNothingIsListeningThere() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    CommandRun run = diagnose("http://127.0.0.1:" + closed + "/debug/pprof/goroutine?debug=2");
    assertThat(run.exit()).isEqualTo(UserFacingErrors.BAD_INPUT);
    assertThat(run.err()).contains("cannot connect to 127.0.0.1:" + closed).contains("connection refused").doesNotContain("Exception");
  }
}
