package dev.gocause.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gocause.graph.GocauseException;
import dev.gocause.graph.SharedTestGraph;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreFailuresAreOneClearLineTest {

  @Test
  void a_taken_bolt_port_names_the_address_and_the_setting_to_change(@TempDir Path home) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> EmbeddedGraphStore.start(home, "127.0.0.1", port, null))
          .isInstanceOf(PortInUseException.class)
          .hasMessage("Bolt port 127.0.0.1:" + port + " is already in use — stop the other process or set GOCAUSE_BOLT_PORT");
    }
  }

  @Test
  void a_store_folder_held_by_another_server_names_the_folder_and_the_ways_out() {
    EmbeddedGraphStore running = SharedTestGraph.get();
    assertThatThrownBy(() -> EmbeddedGraphStore.start(running.home(), "127.0.0.1", 0, null))
        .isInstanceOf(StoreLockedException.class)
        .hasMessage("the graph folder " + running.home() + " is in use by another process (is 'gocause up' running?) — "
            + "stop it, set NEO4J_URI=bolt://127.0.0.1:7687 to use the running graph, or set GOCAUSE_DATA to another folder")
        .message().doesNotContain("\n");
    // the running store is unharmed
    assertThat(SharedTestGraph.count("RETURN 1")).isEqualTo(1);
  }

  @Test
  void binding_beyond_loopback_without_a_password_is_refused_before_starting(@TempDir Path home) {
    assertThatThrownBy(() -> EmbeddedGraphStore.start(home, "0.0.0.0", 0, null))
        .isInstanceOf(GraphStoreException.class)
        .hasMessage("GOCAUSE_BIND is 0.0.0.0, which other machines can reach: set NEO4J_PASSWORD (the graph then requires it), or bind 127.0.0.1");
  }

  @Test
  void an_unreachable_server_is_one_line_naming_the_uri() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    String uri = "bolt://127.0.0.1:" + closedPort;
    assertThatThrownBy(() -> RemoteGraphStore.connect(uri, "neo4j", null, "neo4j"))
        .isInstanceOf(GraphUnreachableException.class)
        .hasMessageStartingWith("cannot reach Neo4j at " + uri + " (")
        .hasMessageEndingWith(") — start it, or fix NEO4J_URI (unset it to use the embedded graph)")
        .message().doesNotContain("\n");
  }

  @Test
  void a_uri_that_is_not_a_neo4j_uri_is_named() {
    assertThatThrownBy(() -> RemoteGraphStore.connect("http://127.0.0.1:7474", "neo4j", null, "neo4j"))
        .isInstanceOf(GraphStoreException.class)
        .hasMessage("NEO4J_URI 'http://127.0.0.1:7474' is not a Neo4j URI — use bolt://host:7687, neo4j://host:7687 or neo4j+s://host");
  }

  @Test
  void environment_defaults_and_bad_ports() {
    Environment d = Environment.from(Map.of());
    assertThat(d.remote()).isFalse();
    assertThat(d.boltPort()).isEqualTo(7687);
    assertThat(d.bind()).isEqualTo("127.0.0.1");
    assertThat(d.database()).isEqualTo("neo4j");
    assertThat(d.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".gocause", "data"));
    Environment e = Environment.from(Map.of("NEO4J_URI", "neo4j://db:7687", "NEO4J_PASSWORD", "s3cret", "GOCAUSE_BOLT_PORT", "0"));
    assertThat(e.remote()).isTrue();
    assertThat(e.boltPort()).isZero();
    assertThat(e.toString()).doesNotContain("s3cret");
    assertThatThrownBy(() -> Environment.from(Map.of("GOCAUSE_BOLT_PORT", "seven")))
        .isInstanceOf(GocauseException.class)
        .hasMessage("GOCAUSE_BOLT_PORT is 'seven'; use a port number within 0-65535 (0 picks a free one)");
    assertThatThrownBy(() -> Environment.from(Map.of("GOCAUSE_BOLT_PORT", "70000")))
        .isInstanceOf(GocauseException.class)
        .hasMessageContaining("70000");
  }

  @Test
  void the_embedded_store_keeps_neo4j_logs_in_its_folder_and_serves_no_http() {
    EmbeddedGraphStore s = SharedTestGraph.get();
    assertThat(s.home().resolve("logs").resolve("debug.log")).exists();
    assertThat(s.boltUri()).isEqualTo("bolt://127.0.0.1:" + s.boltPort());
    assertThat(s.embedded()).isTrue();
    // HTTP connector off: nothing registered for it
    var register = ((org.neo4j.kernel.internal.GraphDatabaseAPI) s.graphDatabase()).getDependencyResolver()
        .resolveDependency(org.neo4j.configuration.connectors.ConnectorPortRegister.class);
    assertThat(register.getLocalAddress(org.neo4j.configuration.connectors.ConnectorType.HTTP)).isNull();
  }
}
