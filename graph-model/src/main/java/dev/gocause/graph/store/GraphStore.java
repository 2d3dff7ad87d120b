package dev.gocause.graph.store;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * A Neo4j graph reached through the Java driver, embedded or remote: code above this interface
 * (loader, queries, diagnosis) has one code path for both. Close it to stop an embedded server.
 */
public interface GraphStore extends AutoCloseable {

  /** The driver; owned by the store (do not close it yourself). */
  Driver driver();

  /** The database holding the gocause graph. */
  String database();

  /** The Bolt address clients can use, e.g. {@code bolt://127.0.0.1:7687}. */
  String boltUri();

  /** True when this process runs the server. */
  boolean embedded();

  default SessionConfig sessionConfig() {
    return SessionConfig.forDatabase(database());
  }

  /** A new session on {@link #database()}; close it (try-with-resources). */
  default Session session() {
    return driver().session(sessionConfig());
  }

  /** Closes the driver and, when embedded, stops the server. Idempotent. */
  @Override
  void close();
}
