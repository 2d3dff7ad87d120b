package dev.gocause.graph.store;

import dev.gocause.graph.GocauseException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.PortBindException;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j 5 running inside this JVM, reached through the driver over Bolt like any server.
 *
 * <p>Settings: Bolt on {@code bind:port} (port 0 picks a free port, see {@link #boltPort()}); the
 * HTTP and HTTPS connectors off (the API serves Neo4j Browser; Neo4j's Jetty 12 cannot share a JVM
 * with Javalin's Jetty 11); page cache 64 MiB, transaction logs neither large nor preallocated; usage reports off; Netty's shutdown quiet
 * period 0 (stop in well under a second instead of ~10 s). Auth is off when Bolt binds a loopback
 * address and no password is given; any other address requires a password. With a password, auth
 * is on and the password is set for user {@code neo4j} through the system database at every start.
 * Neo4j's logs go to {@code <home>/logs}, never to the console.
 */
public final class EmbeddedGraphStore implements GraphStore {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedGraphStore.class);

  private final Path home;
  private final boolean temporary;
  private final DatabaseManagementService dbms;
  private final Driver driver;
  private final String database;
  private final String bind;
  private final int port;
  private final long startMillis;
  private volatile boolean closed;

  private EmbeddedGraphStore(Path home, boolean temporary, DatabaseManagementService dbms, Driver driver,
      String database, String bind, int port, long startMillis) {
    this.home = home;
    this.temporary = temporary;
    this.dbms = dbms;
    this.driver = driver;
    this.database = database;
    this.bind = bind;
    this.port = port;
    this.startMillis = startMillis;
  }

  /** Starts the store at {@link Environment#dataDir()} with the environment's Bolt address and password. */
  public static EmbeddedGraphStore start(Environment env) {
    return start(env.dataDir(), env.bind(), env.boltPort(), env.password(), false);
  }

  /**
   * Starts a server on the store folder {@code home} (created if missing).
   *
   * @param port Bolt port; 0 picks a free one
   * @param password required when {@code bind} is not a loopback address; when given, auth is on (user {@code neo4j})
   */
  public static EmbeddedGraphStore start(Path home, String bind, int port, String password) {
    return start(home, bind, port, password, false);
  }

  /** A throw-away graph: a fresh temp folder, Bolt on 127.0.0.1 with a free port, deleted on close. */
  public static EmbeddedGraphStore startTemporary() {
    try {
      Path dir = Files.createTempDirectory("gocause-graph-");
      return start(dir, Environment.DEFAULT_BIND, 0, null, true);
    } catch (IOException e) {
      throw new GraphStoreException("cannot create a temporary graph folder: " + e.getMessage(), e);
    }
  }

  private static EmbeddedGraphStore start(Path home, String bind, int port, String password, boolean temporary) {
    long t0 = System.nanoTime();
    boolean loopback = isLoopback(bind);
    boolean auth = password != null && !password.isBlank();
    if (!loopback && !auth) {
      throw new GraphStoreException("GOCAUSE_BIND is " + bind + ", which other machines can reach: set NEO4J_PASSWORD "
          + "(the graph then requires it), or bind 127.0.0.1");
    }
    home = home.toAbsolutePath().normalize();
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new GraphStoreException("cannot create the graph folder " + home + " (" + e.getMessage() + ") — set GOCAUSE_DATA to a writable folder", e);
    }
    DatabaseManagementService dbms;
    try {
      DatabaseManagementServiceBuilder b = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress(bind, port))
          .setConfig(BoltConnector.advertised_address, new SocketAddress(bind, port))
          .setConfig(HttpConnector.enabled, false)
          .setConfig(HttpsConnector.enabled, false)
          // sized for a knowledge graph of a few thousand nodes: a small page cache, small
          // transaction logs written as they grow (not preallocated), no page-cache warm-up
          .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
          .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
          .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
          .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
          .setConfig(GraphDatabaseSettings.pagecache_warmup_enabled, false)
          .setConfig(GraphDatabaseSettings.udc_enabled, false)
          .setConfig(GraphDatabaseSettings.auth_enabled, auth)
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1));
      setBrowserAllowlist(b);
      dbms = b.build();
      LOG.debug("Neo4j databases started in {} ms", (System.nanoTime() - t0) / 1_000_000);
    } catch (RuntimeException e) {
      throw translate(e, home, bind, port);
    }
    try {
      GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
      if (auth) {
        system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
      }
      HostnamePort actual = ((GraphDatabaseAPI) system).getDependencyResolver()
          .resolveDependency(ConnectorPortRegister.class).getLocalAddress(ConnectorType.BOLT);
      int boltPort = actual.getPort();
      String host = connectHost(bind);
      long tDriver = System.nanoTime();
      Driver driver = GraphDatabase.driver("bolt://" + host + ":" + boltPort,
          Drivers.auth(Environment.DEFAULT_USERNAME, auth ? password : null), Drivers.config());
      driver.verifyConnectivity();
      LOG.debug("driver connected over Bolt in {} ms", (System.nanoTime() - tDriver) / 1_000_000);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      LOG.info("embedded Neo4j at {} on bolt://{}:{} started in {} ms", home, bind, boltPort, ms);
      return new EmbeddedGraphStore(home, temporary, dbms, driver, GraphDatabaseSettings.DEFAULT_DATABASE_NAME, bind, boltPort, ms);
    } catch (RuntimeException e) {
      dbms.shutdown();
      throw e instanceof GocauseException g ? g : new GraphStoreException("the embedded graph at " + home + " started but does not answer: " + e.getMessage(), e);
    }
  }

  /** Only meaningful with the HTTP connector on (the Browser served by Neo4j); best effort since the setting is in neo4j-server. */
  private static void setBrowserAllowlist(DatabaseManagementServiceBuilder b) {
    try {
      Class<?> c = Class.forName("org.neo4j.server.configuration.ServerSettings");
      @SuppressWarnings("unchecked")
      org.neo4j.graphdb.config.Setting<String> s =
          (org.neo4j.graphdb.config.Setting<String>) c.getField("browser_remote_content_hostname_whitelist").get(null);
      b.setConfig(s, "localhost,127.0.0.1");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.debug("browser allowlist not settable: {}", e.toString());
    }
  }

  static boolean isLoopback(String bind) {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new GraphStoreException("GOCAUSE_BIND is '" + bind + "', which is not an address of this machine; use 127.0.0.1");
    }
  }

  static String connectHost(String bind) {
    return GraphStores.connectHost(bind);
  }

  private static RuntimeException translate(RuntimeException e, Path home, String bind, int port) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PortBindException) {
        return new PortInUseException("Bolt port " + bind + ":" + port + " is already in use — stop the other process or set GOCAUSE_BOLT_PORT", e);
      }
      // two classes of this name exist (store locker and page cache); both mean "someone else has the store"
      if (t.getClass().getSimpleName().equals("FileLockException")) {
        return new StoreLockedException("the graph folder " + home + " is in use by another process (is 'gocause up' running?) — "
            + "stop it, set NEO4J_URI=bolt://127.0.0.1:7687 to use the running graph, or set GOCAUSE_DATA to another folder", e);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return new GraphStoreException("the embedded graph at " + home + " failed to start: " + rootMessage(e)
        + " — see " + home.resolve("logs").resolve("debug.log"), e);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
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
    return "bolt://" + connectHost(bind) + ":" + port;
  }

  @Override
  public boolean embedded() {
    return true;
  }

  /** The actual Bolt port (useful when started with port 0). */
  public int boltPort() {
    return port;
  }

  /** The store folder (Neo4j home: {@code data/}, {@code logs/}). */
  public Path home() {
    return home;
  }

  /** How long start took, to the first answered Bolt round trip. */
  public long startMillis() {
    return startMillis;
  }

  /** In-process access for callers that need the embedded Java API (prefer the driver). */
  public GraphDatabaseService graphDatabase() {
    return dbms.database(database);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long t0 = System.nanoTime();
    try {
      driver.close();
    } finally {
      dbms.shutdown();
      LOG.info("embedded Neo4j at {} stopped in {} ms", home, (System.nanoTime() - t0) / 1_000_000);
      if (temporary) {
        deleteTree(home);
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.debug("could not delete {}: {}", dir, e.toString());
    }
  }

  @Override
  public String toString() {
    return "embedded Neo4j " + home + " at " + boltUri();
  }
}
