package dev.gocause.cli;

import dev.gocause.api.ApiConfig;
import dev.gocause.api.ApiServer;
import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.load.LoadReport;
import dev.gocause.graph.query.KnowledgeQueries;
import dev.gocause.graph.seed.SeedReadAhead;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.Environment;
import dev.gocause.graph.store.GraphStore;
import dev.gocause.graph.store.GraphStores;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Spec;

/**
 * {@code gocause up}: the graph (embedded by default), the seed loaded, the API with Neo4j
 * Browser; prints each address, then exactly one {@code gocause ready} line once everything
 * answers, and runs until Ctrl-C or SIGTERM.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start the graph with the knowledge, the REST API and Neo4j Browser.",
      "",
      "The graph is embedded Neo4j unless NEO4J_URI is set; the knowledge is loaded into it. Prints the addresses,"
          + " then 'gocause ready'. Runs until Ctrl-C or SIGTERM, then stops cleanly; the store in GOCAUSE_DATA"
          + " survives restarts."
    },
    footer = {
      "",
      "Examples:",
      "  ./gocause up",
      "  GOCAUSE_API_PORT=9090 GOCAUSE_BOLT_PORT=7688 ./gocause up",
      "  NEO4J_URI=neo4j://db.example:7687 NEO4J_PASSWORD=... ./gocause up"
    })
final class UpCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(UpCommand.class);

  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "Store folder of the embedded graph (default: GOCAUSE_DATA, else ~/.gocause/data).")
  Path dataDir;

  @Option(names = "--api-port", paramLabel = "PORT", description = "API port (default: GOCAUSE_API_PORT, else 8080).")
  Integer apiPort;

  @Option(names = "--bolt-port", paramLabel = "PORT", description = "Bolt port of the embedded graph (default: GOCAUSE_BOLT_PORT, else 7687).")
  Integer boltPort;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();

    Environment env = Environment.fromSystem();
    if (dataDir != null) env = env.withDataDir(dataDir);
    if (boltPort != null) env = env.withBoltPort(boltPort);
    ApiConfig apiConfig = ApiConfig.fromEnvironment();
    if (apiPort != null) apiConfig = apiConfig.withPort(apiPort);

    out.println(env.remote() ? "gocause: connecting to " + env.neo4jUri() + " ..." : "gocause: starting the embedded graph in " + env.dataDir() + " ...");
    out.flush();
    // the packaged seed-data is read and validated while the graph starts
    SeedReadAhead seed = SeedReadAhead.start(SeedSource.fromClasspath());
    GraphStore store = GraphStores.open(env);
    Thread cypherWarmUp = store.embedded() ? warmUpCypher(store) : null;
    ApiServer api = null;
    try {
      LoadReport report = new KnowledgeLoader(store).load(seed.join(), false);
      out.printf("gocause: knowledge %s %s: %d nodes, %d relationships%n",
          report.version(), report.unchanged() ? "already loaded" : "loaded in " + report.elapsedMillis() + " ms",
          report.totalNodes(), report.totalRelationships());

      if (cypherWarmUp != null) {
        cypherWarmUp.join(Duration.ofSeconds(30).toMillis());
      }
      api = ApiServer.start(apiConfig, store);
      String base = api.baseUrl();
      out.println("  API            " + base + "/v1/   (OpenAPI: " + base + "/openapi.json)");
      out.println("  Neo4j Browser  " + base + "/browser/");
      out.println("  Bolt           " + store.boltUri());
      out.flush();

      awaitAnswer(URI.create(base + "/ready"));
      out.printf("gocause ready%n");
      out.flush();
      System.err.printf("gocause: up in %.1f s; Ctrl-C to stop%n", (System.nanoTime() - started) / 1e9);

      CountDownLatch stopped = new CountDownLatch(1);
      ApiServer running = api;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        System.err.println("gocause: stopping ...");
        running.close();
        store.close();
        stopped.countDown();
      }, "gocause-shutdown"));
      stopped.await();
      return 0;
    } catch (RuntimeException | InterruptedException e) {
      if (api != null) api.close();
      store.close();
      throw e;
    }
  }

  /**
   * An embedded graph loads through Neo4j's Java API, so the API's readiness probe would be the
   * process's first Cypher statement, whose parsing and planning on a cold JVM take about a
   * second. This thread runs that statement while the knowledge loads (on the other core), so the
   * probe finds its plan cached. A failure here is left for the probe to report.
   */
  private static Thread warmUpCypher(GraphStore store) {
    Thread t = new Thread(() -> {
      long t0 = System.nanoTime();
      try {
        new KnowledgeQueries(store.driver(), store.database()).knowledgeVersion();
        LOG.debug("Cypher warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000);
      } catch (RuntimeException e) {
        LOG.debug("Cypher warm-up failed: {}", e.toString());
      }
    }, "gocause-cypher-warm-up");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Waits until the API's readiness probe answers 200: the load is committed and the graph answers. */
  private static void awaitAnswer(URI uri) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) return;
      } catch (java.io.IOException e) {
        // not answering yet
      }
      Thread.sleep(100);
    }
    throw new dev.gocause.graph.GocauseException("the API did not become ready at " + uri + " within 60 s; see the log above");
  }
}
