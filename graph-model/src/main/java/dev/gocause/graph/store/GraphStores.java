package dev.gocause.graph.store;

/** Opens the configured graph. */
public final class GraphStores {
  private GraphStores() {}

  /** The server at {@code NEO4J_URI} when set, else the embedded store at {@code GOCAUSE_DATA}. */
  public static GraphStore open(Environment env) {
    return env.remote() ? RemoteGraphStore.connect(env) : EmbeddedGraphStore.start(env);
  }

  /** {@link #open(Environment)} with the process environment. */
  public static GraphStore open() {
    return open(Environment.fromSystem());
  }
}
