package dev.gocause.graph.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.Fixtures;
import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.load.LoadReport;
import dev.gocause.graph.seed.SeedSource;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/**
 * A second Neo4j, started as its own process from the server entry point in the neo4j jar
 * (the test classpath), is used purely by URI: the loader reaches it through RemoteGraphStore.
 */
class RemoteServerIsLoadedThroughItsUriTest {
  static Process server;
  static Path home;
  static String uri;

  @BeforeAll
  static void startServer() throws Exception {
    home = Files.createTempDirectory("gocause-remote-neo4j-");
    int port;
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    Path conf = home.resolve("conf");
    Files.createDirectories(conf);
    Files.writeString(conf.resolve("neo4j.conf"), String.join("\n",
        "server.default_listen_address=127.0.0.1",
        "server.bolt.listen_address=127.0.0.1:" + port,
        "server.bolt.advertised_address=127.0.0.1:" + port,
        "server.http.enabled=false",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=false",
        "server.memory.pagecache.size=64m",
        "server.memory.heap.max_size=512m",
        "dbms.usage_report.enabled=false",
        "") , StandardCharsets.UTF_8);
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"),
        "org.neo4j.server.CommunityEntryPoint",
        "--home-dir=" + home,
        "--config-dir=" + conf));
    server = new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("console.log").toFile())
        .start();
    uri = "bolt://127.0.0.1:" + port;
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (true) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the Neo4j server process exited with " + server.exitValue() + ":\n" + console());
      }
      try (RemoteGraphStore probe = RemoteGraphStore.connect(uri, "neo4j", null, "neo4j")) {
        break;
      } catch (GraphUnreachableException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the Neo4j server did not answer on " + uri + " within 180 s:\n" + console(), e);
        }
        Thread.sleep(500);
      }
    }
  }

  static String console() {
    try {
      return Files.readString(home.resolve("console.log"));
    } catch (IOException e) {
      return "(no console log: " + e + ")";
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (home != null) {
      try (var s = Files.walk(home)) {
        s.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void the_configured_uri_selects_the_remote_server_and_the_loader_fills_it_idempotently() {
    Environment env = Environment.from(Map.of("NEO4J_URI", uri));
    try (GraphStore store = GraphStores.open(env)) {
      assertThat(store).isInstanceOf(RemoteGraphStore.class);
      assertThat(store.embedded()).isFalse();
      assertThat(store.boltUri()).isEqualTo(uri);
      KnowledgeLoader loader = new KnowledgeLoader(store);
      LoadReport first = loader.load(SeedSource.fromDirectory(Fixtures.dir("basic")), false);
      LoadReport second = loader.load(SeedSource.fromDirectory(Fixtures.dir("basic")), false);

      assertThat(first.unchanged()).isFalse();
      assertThat(first.nodes()).containsEntry("Symptom", 2L).containsEntry("KnowledgeBase", 1L);
      assertThat(second.unchanged()).isTrue();
      assertThat(second.relationships()).isEqualTo(first.relationships());
      try (Session s = store.session()) {
        assertThat(s.run("CALL db.index.fulltext.queryNodes('searchZh', '挂起') YIELD node RETURN node.id AS id")
            .list(r -> r.get("id").asString())).containsExactly("program-hangs-no-output");
      }
    }
  }

  @Test
  void a_database_the_server_lacks_is_named() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RemoteGraphStore.connect(uri, "neo4j", null, "nosuchdb"))
        .isInstanceOf(GraphUnreachableException.class)
        .hasMessage("Neo4j at " + uri + " has no database 'nosuchdb' — set NEO4J_DATABASE to an existing one");
  }
}
