package dev.gocause.api;

import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.EmbeddedGraphStore;
import dev.gocause.graph.store.GraphStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real embedded Neo4j per test JVM, loaded with the real seed-data (from the repo named by
 * the {@code gocause.repo} system property, else from the classpath). Starting Neo4j takes
 * seconds, so test classes share it; it stops when the JVM exits.
 */
final class TestGraph {
  private static GraphStore store;

  private TestGraph() {}

  static synchronized GraphStore store() {
    if (store == null) {
      EmbeddedGraphStore s = EmbeddedGraphStore.startTemporary();
      new KnowledgeLoader(s).load(seed(), false);
      Runtime.getRuntime().addShutdownHook(new Thread(s::close));
      store = s;
    }
    return store;
  }

  static SeedSource seed() {
    String repo = System.getProperty("gocause.repo");
    if (repo != null && Files.isDirectory(Path.of(repo, "seed-data"))) {
      return SeedSource.fromDirectory(Path.of(repo, "seed-data"));
    }
    return SeedSource.fromClasspath();
  }
}
