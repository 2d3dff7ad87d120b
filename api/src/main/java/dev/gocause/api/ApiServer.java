package dev.gocause.api;

import dev.gocause.graph.diagnosis.DiagnosisService;
import dev.gocause.graph.query.KnowledgeQueries;
import dev.gocause.graph.store.GraphStore;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gocause HTTP API (Javalin 6 on Jetty 11, in the same JVM as an embedded Neo4j whose HTTP
 * connector is off). {@link #start} binds, registers every route and returns once the server
 * accepts connections; {@link #close} stops it. Holds no state of its own beyond caches, so
 * several instances can run behind a load balancer.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  /** One registered handler, as Javalin saw it (for tests and the route listing). */
  public record RegisteredRoute(String method, String path) {}

  private final Javalin app;
  private final ApiConfig config;
  private final List<RouteTable.Route> documented;
  private final List<RegisteredRoute> registered;
  private final List<AutoCloseable> resources;

  private ApiServer(Javalin app, ApiConfig config, List<RouteTable.Route> documented, List<RegisteredRoute> registered,
      List<AutoCloseable> resources) {
    this.resources = resources;
    this.app = app;
    this.config = config;
    this.documented = documented;
    this.registered = registered;
  }

  /**
   * Starts the API on {@code config.host():config.port()} over the graph in {@code store}. The
   * store stays owned by the caller (closing the server does not close it).
   *
   * @throws dev.gocause.graph.GocauseException when the port is taken (one line naming it)
   */
  public static ApiServer start(ApiConfig config, GraphStore store) {
    return start(config, store, new DiagnosisService(store));
  }

  /** {@link #start(ApiConfig, GraphStore)} sharing a diagnosis service (and its compiled model) with the caller. */
  public static ApiServer start(ApiConfig config, GraphStore store, DiagnosisService diagnosis) {
    return start(config, store, diagnosis, app -> {});
  }

  /** Tests add routes through {@code extra} (e.g. one that fails) to see how the server answers. */
  static ApiServer start(ApiConfig config, GraphStore store, DiagnosisService diagnosis,
      java.util.function.Consumer<Javalin> extra) {
    Metrics metrics = new Metrics();
    KnowledgeQueries queries = new KnowledgeQueries(store.driver(), store.database(), metrics, Duration.ofSeconds(10));
    Guards guards = new Guards(config);
    GraphHealth health = new GraphHealth(queries);
    Diagnoser diagnoser = new Diagnoser(diagnosis, health, metrics);
    health.whileUp(diagnoser::refreshModel);
    ChatopsRoutes chatops = new ChatopsRoutes(config, diagnoser, () -> System.currentTimeMillis() / 1000);
    List<RegisteredRoute> registered = new CopyOnWriteArrayList<>();
    List<AutoCloseable> browser = new java.util.ArrayList<>(1);

    Javalin app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.startupWatcherEnabled = false;
      cfg.jetty.defaultHost = config.host();
      cfg.jetty.defaultPort = config.port();
      cfg.http.maxRequestSize = config.maxBodyBytes();
      cfg.http.defaultContentType = "application/json";
      // served on loopback: compressing buys nothing, and Javalin re-checks the content type on
      // every write of a response the client did not ask to compress (a fifth of a fresh answer's CPU)
      cfg.http.disableCompression();
      cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      cfg.router.ignoreTrailingSlashes = true;
      // a known path with the wrong method is 405 with Allow, not 404 "no route"
      cfg.http.prefer405over404 = true;
      cfg.events.handlerAdded(h -> {
        if (h.getHttpMethod().isHttpMethod()) {
          registered.add(new RegisteredRoute(h.getHttpMethod().name(), h.getPath()));
        }
      });
      cfg.requestLogger.http((ctx, ms) -> metrics.request(ctx.method().name(), routeOf(ctx), ctx.statusCode(), ms / 1000.0));

      // --- Neo4j Browser under /browser/ (package dev.gocause.api.browser, owned by the browser helper).
      browser.add(dev.gocause.api.browser.BrowserRoutes.register(cfg, store));
    });

    app.before(guards::before);
    ErrorMapping.install(app, path -> ErrorMapping.methodsOf(registered, path));

    RouteTable table = new RouteTable(app);
    DiagnoseRoutes.register(table, diagnoser, config.maxBodyBytes(), config.simulationBudget());
    LookupRoutes.register(table, queries, health);
    chatops.register(table);
    extra.accept(app);
    OpsRoutes ops = new OpsRoutes(health);
    String version = dev.gocause.graph.GocauseVersion.current();
    ops.register(table, metrics, () -> OpenApi.document(withUiRoutes(table.routes(), registered), version));

    // background readers of the graph first (they wait for what they started), the probe last
    List<AutoCloseable> resources = new java.util.ArrayList<>(browser);
    resources.addAll(List.of(chatops, diagnoser, health));
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      closeAll(resources);
      throw new dev.gocause.graph.GocauseException("the API cannot listen on " + config.host() + ":" + config.port()
          + " (" + rootMessage(e) + ") — free the port or set " + ApiConfig.PORT, e);
    }
    LOG.info("gocause API on http://{}:{}/", config.host(), app.port());
    return new ApiServer(app, config, table.routes(), registered, resources);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable c : resources) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("closing {} failed", c, e);
      }
    }
  }

  /**
   * The Browser's routes (registered by dev.gocause.api.browser, outside the route table) are
   * listed too, as the HTML/static UI they are, so the document names every route the server has.
   */
  private static List<RouteTable.Route> withUiRoutes(List<RouteTable.Route> api, List<RegisteredRoute> registered) {
    List<RouteTable.Route> all = new java.util.ArrayList<>(api);
    for (RegisteredRoute r : registered) {
      boolean ui = r.path().equals("/") || r.path().startsWith("/browser") || r.path().startsWith("/guide/");
      boolean known = all.stream().anyMatch(x -> x.path().equals(r.path()) && x.method().name().equals(r.method()));
      if (ui && !known) {
        all.add(new RouteTable.Route(io.javalin.http.HandlerType.valueOf(r.method()), r.path(), "ui",
            "Neo4j Browser and the gocause guide", "HTML, redirects and static files of the graph UI (not JSON).",
            List.of(), null, List.of(new RouteTable.Response(200, "HTML or a redirect", "text/html", null)), false));
      }
    }
    return all;
  }

  private static String routeOf(io.javalin.http.Context ctx) {
    try {
      String p = ctx.endpointHandlerPath();
      return p == null || p.isEmpty() ? "unmatched" : p;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** The port the server listens on (the real one when the config asked for 0). */
  public int port() {
    return app.port();
  }

  /** e.g. {@code http://127.0.0.1:8080} */
  public String baseUrl() {
    return "http://" + config.host() + ":" + port();
  }

  /** Routes with their OpenAPI descriptions. */
  List<RouteTable.Route> documentedRoutes() {
    return documented;
  }

  /** Every HTTP handler Javalin registered (documented or not). */
  public List<RegisteredRoute> registeredRoutes() {
    return List.copyOf(registered);
  }

  @Override
  public void close() {
    app.stop();
    closeAll(resources);
  }
}
