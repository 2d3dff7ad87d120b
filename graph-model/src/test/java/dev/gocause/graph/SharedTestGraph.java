package dev.gocause.graph;

import dev.gocause.graph.store.EmbeddedGraphStore;
import java.util.Map;
import org.neo4j.driver.Session;

/**
 * One throw-away embedded graph per test JVM (starting Neo4j takes seconds): test classes share
 * it and {@link #clear()} it before use. Stopped by a shutdown hook when the JVM exits.
 */
public final class SharedTestGraph {
  private static EmbeddedGraphStore store;

  private SharedTestGraph() {}

  public static synchronized EmbeddedGraphStore get() {
    if (store == null) {
      store = EmbeddedGraphStore.startTemporary();
      EmbeddedGraphStore s = store;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close, "shared-test-graph-stop"));
    }
    return store;
  }

  /** Deletes every node and relationship (schema stays). */
  public static void clear() {
    try (Session s = get().session()) {
      s.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS").consume();
    }
  }

  public static long count(String cypher) {
    return count(cypher, Map.of());
  }

  public static long count(String cypher, Map<String, Object> params) {
    try (Session s = get().session()) {
      return s.run(cypher, params).single().get(0).asLong();
    }
  }
}
