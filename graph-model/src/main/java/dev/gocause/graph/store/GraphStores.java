package dev.gocause.graph.store;

import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the configured graph. */
public final class GraphStores {
  private static final Logger LOG = LoggerFactory.getLogger(GraphStores.class);

  private GraphStores() {}

  /** The server at {@code NEO4J_URI} when set, else the embedded store at {@code GOCAUSE_DATA}. */
  public static GraphStore open(Environment env) {
    return env.remote() ? RemoteGraphStore.connect(env) : EmbeddedGraphStore.start(env);
  }

  /** {@link #open(Environment)} with the process environment. */
  public static GraphStore open() {
    return open(Environment.fromSystem());
  }

  /**
   * Like {@link #open(Environment)}, but when the embedded store is held by another process
   * (typically {@code gocause up}) and a gocause graph answers on its Bolt address
   * ({@code GOCAUSE_BIND:GOCAUSE_BOLT_PORT}), that graph is used over Bolt instead.
   *
   * @throws StoreLockedException when the store is held and no gocause graph answers there
   */
  public static GraphStore openOrAttach(Environment env) {
    try {
      return open(env);
    } catch (StoreLockedException locked) {
      return findLocal(env).orElseThrow(() -> locked);
    }
  }

  /**
   * A running gocause graph, without starting one: the server at {@code NEO4J_URI} when set (it
   * must answer: failures are thrown), else a graph on the local Bolt address
   * ({@code GOCAUSE_BIND:GOCAUSE_BOLT_PORT}) that holds a gocause {@code KnowledgeBase} node.
   * Empty when nothing (or a non-gocause Neo4j) answers locally.
   */
  public static Optional<GraphStore> findRunning(Environment env) {
    if (env.remote()) {
      return Optional.of(RemoteGraphStore.connect(env));
    }
    return findLocal(env);
  }

  private static Optional<GraphStore> findLocal(Environment env) {
    if (env.boltPort() == 0) {
      return Optional.empty();
    }
    String host = connectHost(env.bind());
    String uri = "bolt://" + host + ":" + env.boltPort();
    if (!listening(host, env.boltPort())) {
      // nothing listens: answer at once, without starting the driver (a good part of a second on a cold JVM)
      LOG.debug("nothing listens at {}", uri);
      return Optional.empty();
    }
    RemoteGraphStore store;
    try {
      store = RemoteGraphStore.connect(uri, env.username(), env.password(), env.database());
    } catch (GraphStoreException e) {
      LOG.debug("no gocause graph at {}: {}", uri, e.getMessage());
      return Optional.empty();
    }
    try (Session s = store.session()) {
      boolean gocause = s.run("MATCH (k:KnowledgeBase {id: $id}) RETURN count(k) > 0 AS ok", Map.of("id", "gocause"))
          .single().get("ok").asBoolean();
      if (gocause) {
        return Optional.of(store);
      }
      LOG.debug("the Neo4j at {} holds no gocause knowledge; not using it", uri);
    } catch (RuntimeException e) {
      LOG.debug("the Neo4j at {} did not answer a query: {}", uri, e.toString());
    }
    store.close();
    return Optional.empty();
  }

  /** Whether a TCP connection to host:port is accepted within a short time. */
  static boolean listening(String host, int port) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(h, port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** The address to connect to for a bind address (the wildcard means this machine's loopback). */
  static String connectHost(String bind) {
    try {
      java.net.InetAddress a = java.net.InetAddress.getByName(bind);
      if (a.isAnyLocalAddress()) {
        return "127.0.0.1";
      }
      return a.getHostAddress().contains(":") ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return bind;
    }
  }
}
