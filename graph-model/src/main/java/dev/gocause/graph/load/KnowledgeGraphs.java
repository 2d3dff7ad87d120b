package dev.gocause.graph.load;

import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.EmbeddedGraphStore;
import dev.gocause.graph.store.Environment;
import dev.gocause.graph.store.GraphStore;
import dev.gocause.graph.store.GraphStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Graphs ready to query, for adapters that only read (diagnose, kernel). */
public final class KnowledgeGraphs {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeGraphs.class);

  private KnowledgeGraphs() {}

  /**
   * A running gocause graph ({@link GraphStores#findRunning}), else a throw-away embedded graph
   * (temp store, free port; deleted on close) loaded with {@code seed}. Never opens the store
   * {@code gocause up} holds. Check {@link GraphStore#embedded()} to tell which one you got, and
   * {@link KnowledgeLoader#stored()} for the knowledge version it carries.
   */
  public static GraphStore runningOrTemporary(Environment env, SeedSource seed) {
    return GraphStores.findRunning(env).orElseGet(() -> temporary(seed));
  }

  /** {@link #runningOrTemporary(Environment, SeedSource)} with the process environment and the packaged seed-data. */
  public static GraphStore runningOrTemporary() {
    return runningOrTemporary(Environment.fromSystem(), SeedSource.fromClasspath());
  }

  /** A throw-away embedded graph loaded with {@code seed}. */
  public static EmbeddedGraphStore temporary(SeedSource seed) {
    EmbeddedGraphStore store = EmbeddedGraphStore.startTemporary();
    try {
      LoadReport r = new KnowledgeLoader(store).load(seed, false);
      LOG.info("throw-away graph at {} loaded with knowledge {} in {} ms", store.boltUri(), r.version(), r.elapsedMillis());
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
