package dev.gocause.api.browser;

import dev.gocause.api.ApiConfig;
import dev.gocause.api.ApiServer;
import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.EmbeddedGraphStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real embedded Neo4j (temp store, free Bolt port) loaded with the repo's seed-data, and the
 * real API server (free port) over it, shared by the browser tests of one JVM; stopped when the
 * JVM exits.
 */
final class BrowserTestServer {
  private static EmbeddedGraphStore store;
  private static ApiServer api;

  private BrowserTestServer() {}

  static synchronized EmbeddedGraphStore store() {
    if (store == null) {
      EmbeddedGraphStore s = EmbeddedGraphStore.startTemporary();
      Runtime.getRuntime().addShutdownHook(new Thread(s::close, "browser-test-graph-stop"));
      new KnowledgeLoader(s).load(seed(), false);
      store = s;
    }
    return store;
  }

  static synchronized ApiServer api() {
    if (api == null) {
      ApiServer a = ApiServer.start(ApiConfig.defaults().withPort(0), store());
      Runtime.getRuntime().addShutdownHook(new Thread(a::close, "browser-test-api-stop"));
      api = a;
    }
    return api;
  }

  static SeedSource seed() {
    String repo = System.getProperty("gocause.repo");
    if (repo != null && Files.isDirectory(Path.of(repo, "seed-data"))) {
      return SeedSource.fromDirectory(Path.of(repo, "seed-data"));
    }
    return SeedSource.fromClasspath();
  }

  /** {@code api/target/artifacts} (created), where tests leave screenshots and pages for people to look at. */
  static Path artifacts() throws java.io.IOException {
    Path dir = Path.of("target", "artifacts").toAbsolutePath();
    Files.createDirectories(dir);
    return dir;
  }
}
