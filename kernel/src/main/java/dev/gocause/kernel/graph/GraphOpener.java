package dev.gocause.kernel.graph;

import dev.gocause.graph.GocauseException;
import dev.gocause.graph.diagnosis.CompiledSeed;
import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.load.StoredKnowledge;
import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.store.EmbeddedGraphStore;
import dev.gocause.graph.store.Environment;
import dev.gocause.graph.store.GraphStore;
import dev.gocause.graph.store.RemoteGraphStore;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the kernel's graph (DESIGN, runtime topology): a running gocause graph over Bolt
 * ({@code NEO4J_URI}, else 127.0.0.1:7687) when one answers and holds the same knowledge
 * (version and content hash of the KnowledgeBase node) as this kernel's seed-data; otherwise a
 * throw-away embedded graph (temp store, free port, HTTP off) loaded from the classpath
 * seed-data. Never opens the store {@code gocause up} holds.
 */
public final class GraphOpener {
  private static final Logger LOG = LoggerFactory.getLogger(GraphOpener.class);
  static final String DEFAULT_URI = "bolt://127.0.0.1:" + Environment.DEFAULT_BOLT_PORT;

  private GraphOpener() {}

  /** Opens the graph for the knowledge the kernel carries (read once, by the vocabulary). */
  public static KernelGraph open(Vocabulary vocabulary) {
    return open(System.getenv(), vocabulary.require());
  }

  /** A running graph holding this kernel's knowledge, without starting one; empty when none answers. */
  public static Optional<KernelGraph> running(Vocabulary vocabulary) {
    Environment env = Environment.from(System.getenv());
    if (!env.remote() && !listening(DEFAULT_URI)) {
      return Optional.empty(); // answered at once, without waiting for the vocabulary
    }
    // the version and content hash of the compiled seed-data: no YAML read to compare them
    CompiledSeed seed = vocabulary.compiled();
    return running(System.getenv(), seed.version(), seed.contentHash()).graph();
  }

  private record Found(Optional<KernelGraph> graph, String why) {}

  private static Found running(Map<String, String> envVars, String version, String contentHash) {
    Environment env = Environment.from(envVars);
    String uri = env.remote() ? env.neo4jUri() : DEFAULT_URI;
    if (!env.remote() && !listening(uri)) {
      return new Found(Optional.empty(), "no graph answers at " + uri);
    }
    Optional<RemoteGraphStore> remote = connect(uri, env);
    if (remote.isEmpty()) {
      return new Found(Optional.empty(), "no graph answers at " + uri);
    }
    RemoteGraphStore store = remote.get();
    Optional<StoredKnowledge> stored = storedKnowledge(store);
    if (stored.isPresent() && version.equals(stored.get().version()) && contentHash.equals(stored.get().contentHash())) {
      return new Found(Optional.of(new StoreGraph(store, uri + " (knowledge " + version + ")", version)), "");
    }
    store.close();
    return new Found(Optional.empty(), stored.isEmpty()
        ? uri + " holds no gocause knowledge"
        : uri + " holds knowledge " + stored.get().version() + " (" + shortHash(stored.get().contentHash())
            + "), this kernel carries " + version + " (" + shortHash(contentHash) + ")");
  }

  /** Whether anything accepts a connection at the URI's host and port (answers at once when nothing listens). */
  private static boolean listening(String uri) {
    java.net.URI u = java.net.URI.create(uri);
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(u.getHost(), u.getPort() < 0 ? Environment.DEFAULT_BOLT_PORT : u.getPort()), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  static KernelGraph open(Map<String, String> envVars, KnowledgeSet knowledge) {
    Found found = running(envVars, knowledge.version(), knowledge.contentHash());
    if (found.graph().isPresent()) {
      return found.graph().get();
    }
    String why = found.why();
    LOG.info("{}; starting a throw-away embedded graph", why);
    EmbeddedGraphStore store = EmbeddedGraphStore.startTemporary();
    try {
      new KnowledgeLoader(store).load(knowledge, false);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return new StoreGraph(store,
        "throw-away embedded graph at " + store.boltUri() + " (knowledge " + knowledge.version() + "; " + why + ")",
        knowledge.version());
  }

  private static Optional<RemoteGraphStore> connect(String uri, Environment env) {
    try {
      return Optional.of(RemoteGraphStore.connect(uri, env.username(), env.password(), env.database()));
    } catch (GocauseException | IllegalArgumentException e) {
      LOG.debug("no graph at {}: {}", uri, e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<StoredKnowledge> storedKnowledge(GraphStore store) {
    try {
      return new KnowledgeLoader(store).stored();
    } catch (RuntimeException e) {
      LOG.debug("cannot read the KnowledgeBase node: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static String shortHash(String h) {
    return h == null ? "no hash" : h.substring(0, Math.min(8, h.length()));
  }
}
