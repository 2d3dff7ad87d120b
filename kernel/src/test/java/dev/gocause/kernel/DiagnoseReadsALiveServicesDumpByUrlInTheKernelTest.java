package dev.gocause.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Through the real Jupyter client, {@code %diagnose http://HOST:PORT/debug/pprof/goroutine?debug=2}
 * (and the same URL alone in a {@code %%diagnose} cell) reads a live Go 1.19 service's dump from its
 * net/http/pprof, as {@code gocause diagnose URL} does; pprof's binary default gets one line saying
 * which parameter to add, not a stack trace.
 */
class DiagnoseReadsALiveServicesDumpByUrlInTheKernelTest {
  @TempDir static Path dir;
  private static Process service;
  private static JsonNode r;
  private static String out;

  @BeforeAll
  static void startTheServiceAndRunTheCells() throws Exception {
    Files.copy(Jupyter.repo().resolve("testdata/pprof-receiver-gave-up/main.go"), dir.resolve("main.go"));
    Process build = new ProcessBuilder(List.of("go", "build", "-o", "service", "main.go")).directory(dir.toFile())
        .redirectErrorStream(true).start();
    String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(build.waitFor(180, TimeUnit.SECONDS)).as("go build: " + log).isTrue();
    assertThat(build.exitValue()).as("go build: " + log).isZero();
    service = new ProcessBuilder(List.of(dir.resolve("service").toString())).directory(dir.toFile()).start();
    String port = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertThat(port).as("the service prints its port").matches("\\d+");
    String dump = "http://127.0.0.1:" + port + "/debug/pprof/goroutine";
    Jupyter.Run run = Jupyter.get().python(Map.of(), 600, "kernel_protocol.py", "cells",
        "line=%diagnose --limit 2 " + dump + "?debug=2",
        "cell=%%diagnose --limit 1\n" + dump + "?debug=2\n",
        "binary=%diagnose " + dump);
    out = run.out();
    r = ProtocolDefectsAreFixedTest.result(run, "cells");
  }

  @AfterAll
  static void stopTheService() {
    if (service != null) {
      service.destroyForcibly();
    }
  }

  @Test
  void the_line_magic_fetches_the_dump_and_names_the_abandoned_senders() {
    JsonNode c = r.get("line");
    assertThat(c.get("status").asText()).as(out).isEqualTo("ok");
    String text = c.get("text").asText();
    assertThat(text).contains("20× [chan send] main.lookup.func1 main.go:");
    assertThat(text.substring(text.indexOf("1. "))).startsWith("1. ").contains("[send-blocked-after-receiver-gave-up]");
    assertThat(text.substring(text.indexOf("1. "), text.indexOf("[send-blocked-after-receiver-gave-up]"))).doesNotContain("2. ");
  }

  @Test
  void a_cell_holding_only_the_url_is_read_the_same_way() {
    JsonNode c = r.get("cell");
    assertThat(c.get("status").asText()).as(out).isEqualTo("ok");
    assertThat(c.get("text").asText()).contains("1. ").contains("[send-blocked-after-receiver-gave-up]").doesNotContain("\n2. ");
  }

  @Test
  void pprofs_binary_default_is_refused_with_the_parameter_to_add() {
    JsonNode c = r.get("binary");
    assertThat(c.get("errors").toString()).as(out).contains("sent a binary (gzipped protobuf) profile").contains("?debug=2");
    assertThat(c.get("traceback").asText()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
