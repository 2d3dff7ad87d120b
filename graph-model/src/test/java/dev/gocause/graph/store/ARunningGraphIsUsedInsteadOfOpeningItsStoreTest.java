package dev.gocause.graph.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.Fixtures;
import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.load.KnowledgeGraphs;
import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.seed.SeedSource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ARunningGraphIsUsedInsteadOfOpeningItsStoreTest {

  static Environment envFor(EmbeddedGraphStore running) {
    return Environment.from(Map.of(
        "GOCAUSE_DATA", running.home().toString(),
        "GOCAUSE_BOLT_PORT", Integer.toString(running.boltPort())));
  }

  @Test
  void loading_while_the_store_is_held_goes_through_the_holders_bolt_port() {
    EmbeddedGraphStore running = SharedTestGraph.get();
    SharedTestGraph.clear();
    new KnowledgeLoader(running).load(SeedSource.fromDirectory(Fixtures.dir("basic")), false);

    try (GraphStore attached = GraphStores.openOrAttach(envFor(running))) {
      assertThat(attached.embedded()).isFalse();
      assertThat(attached.boltUri()).isEqualTo(running.boltUri());
      assertThat(new KnowledgeLoader(attached).stored()).isPresent();
    }
  }

  @Test
  void a_neo4j_without_gocause_knowledge_is_not_taken_for_a_running_gocause_graph() {
    EmbeddedGraphStore running = SharedTestGraph.get();
    SharedTestGraph.clear();
    assertThat(GraphStores.findRunning(envFor(running))).isEmpty();
  }

  @Test
  void with_nothing_running_a_throw_away_graph_is_started_loaded_and_deleted_on_close() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    Environment nothing = Environment.from(Map.of("GOCAUSE_BOLT_PORT", Integer.toString(closedPort)));
    Path home;
    try (GraphStore g = KnowledgeGraphs.runningOrTemporary(nothing, SeedSource.fromDirectory(Fixtures.dir("basic")))) {
      assertThat(g).isInstanceOf(EmbeddedGraphStore.class);
      EmbeddedGraphStore e = (EmbeddedGraphStore) g;
      home = e.home();
      // its own Bolt port is any free one: the system may hand out the number just closed again
      assertThat(e.boltPort()).isPositive();
      assertThat(new KnowledgeLoader(g).stored().orElseThrow().version()).isEqualTo("0.0.1-fixture");
      System.out.printf("throw-away embedded graph: started in %d ms%n", e.startMillis());
      long t0 = System.nanoTime();
      g.close();
      System.out.printf("throw-away embedded graph: stopped in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }
    assertThat(Files.exists(home)).isFalse();
  }
}
