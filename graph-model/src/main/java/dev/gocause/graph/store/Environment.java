package dev.gocause.graph.store;

import dev.gocause.graph.GocauseException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the graph lives, from environment variables (with defaults):
 *
 * <ul>
 *   <li>{@code NEO4J_URI} — a Neo4j 5 server ({@code neo4j://}, {@code bolt://}, {@code neo4j+s://} ...);
 *       unset means the embedded store
 *   <li>{@code NEO4J_USERNAME} (default {@code neo4j}), {@code NEO4J_PASSWORD} (default none)
 *   <li>{@code NEO4J_DATABASE} (default {@code neo4j})
 *   <li>{@code GOCAUSE_DATA} — the embedded store folder (default {@code ~/.gocause/data})
 *   <li>{@code GOCAUSE_BOLT_PORT} — the embedded store's Bolt port (default 7687; 0 picks a free port)
 *   <li>{@code GOCAUSE_BIND} — the embedded store's Bolt address (default {@code 127.0.0.1}; a
 *       non-loopback address requires {@code NEO4J_PASSWORD})
 * </ul>
 *
 * @param neo4jUri the remote server, or null for the embedded store
 * @param password null when unset
 */
public record Environment(
    String neo4jUri, String username, String password, String database, Path dataDir, int boltPort, String bind) {

  public static final int DEFAULT_BOLT_PORT = 7687;
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final String DEFAULT_DATABASE = "neo4j";
  public static final String DEFAULT_USERNAME = "neo4j";

  public Environment {
    if (boltPort < 0 || boltPort > 65535) {
      throw new GocauseException("GOCAUSE_BOLT_PORT is " + boltPort + "; use a port within 0-65535 (0 picks a free one)");
    }
  }

  /** The process environment. */
  public static Environment fromSystem() {
    return from(System.getenv());
  }

  /** The given variables, defaults for the rest. Blank values count as unset. */
  public static Environment from(Map<String, String> env) {
    String uri = get(env, "NEO4J_URI").orElse(null);
    String user = get(env, "NEO4J_USERNAME").orElse(DEFAULT_USERNAME);
    String password = get(env, "NEO4J_PASSWORD").orElse(null);
    String database = get(env, "NEO4J_DATABASE").orElse(DEFAULT_DATABASE);
    Path data = get(env, "GOCAUSE_DATA").map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".gocause", "data"));
    int port = get(env, "GOCAUSE_BOLT_PORT").map(Environment::port).orElse(DEFAULT_BOLT_PORT);
    String bind = get(env, "GOCAUSE_BIND").orElse(DEFAULT_BIND);
    return new Environment(uri, user, password, database, data, port, bind);
  }

  /** Defaults everywhere: the embedded store at {@code ~/.gocause/data} on 127.0.0.1:7687. */
  public static Environment defaults() {
    return from(Map.of());
  }

  public boolean remote() {
    return neo4jUri != null;
  }

  public Environment withDataDir(Path dir) {
    return new Environment(neo4jUri, username, password, database, dir, boltPort, bind);
  }

  public Environment withBoltPort(int port) {
    return new Environment(neo4jUri, username, password, database, dataDir, port, bind);
  }

  public Environment withNeo4jUri(String uri) {
    return new Environment(uri, username, password, database, dataDir, boltPort, bind);
  }

  private static Optional<String> get(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private static int port(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new GocauseException("GOCAUSE_BOLT_PORT is '" + s + "'; use a port number within 0-65535 (0 picks a free one)");
    }
  }

  @Override
  public String toString() {
    // never print the password
    return "Environment[" + (remote() ? "uri=" + neo4jUri : "data=" + dataDir + ", bolt=" + bind + ":" + boltPort)
        + ", user=" + username + ", database=" + database + "]";
  }
}
