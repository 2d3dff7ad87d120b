package dev.gocause.graph.store;

import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.FatalDiscoveryException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/**
 * Any Neo4j 5 by URI ({@code neo4j://} routing, {@code bolt://} direct, {@code neo4j+s://} Aura ...).
 * Opening checks that the server answers and that the database exists.
 */
public final class RemoteGraphStore implements GraphStore {
  private final String uri;
  private final Driver driver;
  private final String database;

  private RemoteGraphStore(String uri, Driver driver, String database) {
    this.uri = uri;
    this.driver = driver;
    this.database = database;
  }

  public static RemoteGraphStore connect(Environment env) {
    return connect(env.neo4jUri(), env.username(), env.password(), env.database());
  }

  /**
   * @param password null connects without authentication
   * @throws GraphUnreachableException when the server does not answer, rejects the credentials or lacks the database
   */
  public static RemoteGraphStore connect(String uri, String username, String password, String database) {
    Driver driver;
    try {
      driver = GraphDatabase.driver(uri, Drivers.auth(username, password), Drivers.config());
    } catch (IllegalArgumentException e) {
      throw new GraphStoreException("NEO4J_URI '" + uri + "' is not a Neo4j URI — use bolt://host:7687, neo4j://host:7687 or neo4j+s://host", e);
    }
    try {
      driver.verifyConnectivity();
      try (Session s = driver.session(SessionConfig.forDatabase(database))) {
        s.run("RETURN 1").consume();
      }
      return new RemoteGraphStore(uri, driver, database);
    } catch (AuthenticationException e) {
      driver.close();
      throw new GraphUnreachableException("Neo4j at " + uri + " rejected user '" + username + "' — check NEO4J_USERNAME and NEO4J_PASSWORD", e);
    } catch (FatalDiscoveryException e) {
      driver.close();
      throw new GraphUnreachableException("Neo4j at " + uri + " has no database '" + database + "' — set NEO4J_DATABASE to an existing one", e);
    } catch (ServiceUnavailableException | SecurityException e) {
      driver.close();
      throw new GraphUnreachableException("cannot reach Neo4j at " + uri + " (" + oneLine(e.getMessage()) + ") — start it, or fix NEO4J_URI (unset it to use the embedded graph)", e);
    } catch (ClientException e) {
      driver.close();
      throw new GraphUnreachableException("Neo4j at " + uri + " refused the connection: " + oneLine(e.getMessage()), e);
    }
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "no answer";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public Driver driver() {
    return driver;
  }

  @Override
  public String database() {
    return database;
  }

  @Override
  public String boltUri() {
    return uri;
  }

  @Override
  public boolean embedded() {
    return false;
  }

  @Override
  public void close() {
    driver.close();
  }

  @Override
  public String toString() {
    return "Neo4j at " + uri + " (database " + database + ")";
  }
}
