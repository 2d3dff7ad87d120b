package dev.gocause.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.EmbeddedGraphStore;
import dev.gocause.graph.store.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * With no graph configured or running, {@code gocause diagnose} answers from the packaged
 * seed-data without starting a database, and says the same as a graph loaded with it.
 */
class DiagnoseAnswersWithoutAGraphTest {

  private static String diagnose(Environment env, String text) {
    DiagnoseCommand cmd = new DiagnoseCommand();
    cmd.environment = env;
    cmd.stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    CommandLine cl = new CommandLine(cmd);
    cl.setExecutionExceptionHandler(new UserFacingErrors());
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("--format", "json", "-")).isEqualTo(DiagnoseCommand.FOUND);
    return out.toString();
  }

  @Test
  void a_panic_is_answered_from_seed_data_as_the_graph_answers_it() throws Exception {
    Path data = Files.createTempDirectory("gocause-no-graph");
    // no NEO4J_URI, and nothing answers on the Bolt port: a free port nobody listens on
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Environment none = Environment.from(Map.of("GOCAUSE_BOLT_PORT", String.valueOf(port), "GOCAUSE_DATA", data.toString()));
    String text = "panic: send on closed channel\n\ngoroutine 7 [running]:\nmain.producer()\n\t/app/main.go:12 +0x1d\n";
    String fromSeed = diagnose(none, text);
    assertThat(fromSeed).contains("\"send-on-closed-channel\"");
    try (var files = Files.list(data)) {
      assertThat(files.count()).as("nothing written to the store folder").isZero();
    }
    try (EmbeddedGraphStore graph = EmbeddedGraphStore.startTemporary()) {
      new KnowledgeLoader(graph).load(SeedSource.fromClasspath(), false);
      String fromGraph = diagnose(Environment.from(Map.of("NEO4J_URI", graph.boltUri())), text);
      assertThat(fromSeed).isEqualTo(fromGraph);
    }
  }
}
