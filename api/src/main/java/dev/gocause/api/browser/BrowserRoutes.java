package dev.gocause.api.browser;

import dev.gocause.graph.GocauseException;
import dev.gocause.graph.guide.GraphStyle;
import dev.gocause.graph.guide.GuideBuilder;
import dev.gocause.graph.guide.GuideData;
import dev.gocause.graph.guide.GuideLinks;
import dev.gocause.graph.guide.GuideRenderer;
import dev.gocause.graph.store.GraphStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j Browser inside the API's Javalin app (Neo4j's own HTTP connector stays off, see DESIGN
 * "Jetty clash"):
 *
 * <ul>
 *   <li>{@code /browser/...} — the Browser's static files from the {@code neo4j-browser} jar;
 *   <li>{@code GET /}, {@code GET /browser} and {@code GET /browser/} without a query — a redirect
 *       to the Browser pre-connected to the graph's real Bolt address, playing the gocause guide;
 *   <li>{@code GET /guide/gocause.html} — the guide, generated from the graph
 *       ({@link GuideBuilder}), and {@code GET /guide/gocause.grass} — its graph style; both with
 *       CORS headers, since the Browser fetches them with {@code fetch()}, with custom headers
 *       (so a preflight comes first), and possibly from another origin.
 * </ul>
 *
 * <p>Host names: the Browser runs the URL's {@code :play} command before it has read the server's
 * settings, so only its built-in allowlist ({@code guides.neo4j.com, localhost}) applies then.
 * When the page was reached through a loopback address, guide and style URLs therefore name
 * {@code localhost}; any other host must be in the server's
 * {@code browser.remote_content_hostname_whitelist} (the embedded store allows
 * {@code localhost,127.0.0.1}).
 */
public final class BrowserRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(BrowserRoutes.class);

  public static final String GUIDE_PATH = "/guide/gocause.html";
  public static final String STYLE_PATH = "/guide/gocause.grass";
  private static final String BROWSER_ROOT = "/browser";
  /** A stop gives the guide's warm-up read this long to end by itself (it is abandoned after: a stop stays quick). */
  private static final long WARM_UP_WAIT_MILLIS = 1_000;

  private final GraphStore store;
  private final GuideBuilder builder;
  private final boolean browserPresent;
  private final AtomicReference<GuideData> cached = new AtomicReference<>();

  private BrowserRoutes(GraphStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.builder = new GuideBuilder(store.driver(), store.database());
    this.browserPresent = BrowserRoutes.class.getResource(BROWSER_ROOT + "/index.html") != null;
  }

  /**
   * Adds the Browser's static files and the routes above to an app being configured; the result,
   * closed before the store is, gives the guide's background read a moment to end before the graph closes.
   */
  public static AutoCloseable register(JavalinConfig cfg, GraphStore store) {
    BrowserRoutes routes = new BrowserRoutes(store);
    if (routes.browserPresent) {
      cfg.staticFiles.add(sf -> {
        sf.hostedPath = BROWSER_ROOT;
        sf.directory = BROWSER_ROOT;
        sf.location = Location.CLASSPATH;
      });
    } else {
      LOG.warn("Neo4j Browser is not on the classpath (org.neo4j.client:neo4j-browser); /browser/ will answer 503");
    }
    Thread warmUp = routes.warmUp();
    cfg.router.mount(r -> {
      r.before("/guide/*", routes::cors);
      r.get("/", routes::redirect);
      r.get(BROWSER_ROOT, routes::browserRoot);
      r.get(BROWSER_ROOT + "/", routes::browserRoot);
      r.get(GUIDE_PATH, routes::guide);
      r.get(STYLE_PATH, routes::style);
    });
    return () -> warmUp.join(WARM_UP_WAIT_MILLIS);
  }

  /** Reads the graph once in the background so the first guide request does not pay for a cold start. */
  private Thread warmUp() {
    Thread t = new Thread(() -> {
      try {
        data();
      } catch (RuntimeException e) {
        LOG.debug("guide warm-up failed (the first request will retry): {}", e.getMessage());
      }
    }, "gocause-guide-warm-up");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The pre-connected Browser URL (path and query) for a page reached at {@code scheme://host}. */
  String browserUrl(String scheme, String hostHeader) {
    StringBuilder b = new StringBuilder(BROWSER_ROOT).append("/?connectURL=").append(enc(store.boltUri()));
    if (noAuth()) {
      b.append("&preselectAuthMethod=NO_AUTH");
    }
    b.append("&cmd=play&arg=").append(enc(publicBase(scheme, hostHeader) + GUIDE_PATH));
    return b.toString();
  }

  /** The embedded store runs without auth exactly when Bolt binds a loopback address. */
  private boolean noAuth() {
    if (!store.embedded()) {
      return false;
    }
    try {
      return InetAddress.getByName(URI.create(store.boltUri()).getHost().replace("[", "").replace("]", ""))
          .isLoopbackAddress();
    } catch (UnknownHostException | RuntimeException e) {
      return false;
    }
  }

  private void redirect(Context ctx) {
    ctx.redirect(browserUrl(ctx.scheme(), ctx.host()), HttpStatus.FOUND);
  }

  private void browserRoot(Context ctx) throws IOException {
    if (!browserPresent) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).contentType("text/plain; charset=utf-8")
          .result("Neo4j Browser is not on this server's classpath (org.neo4j.client:neo4j-browser)\n");
      return;
    }
    String q = ctx.queryString();
    if (q == null || q.isBlank()) {
      redirect(ctx);
      return;
    }
    // With a query the Browser itself is asked for: serve its page, as the static handler would.
    try (InputStream in = BrowserRoutes.class.getResourceAsStream(BROWSER_ROOT + "/index.html")) {
      ctx.contentType("text/html; charset=utf-8").result(in.readAllBytes());
    }
  }

  private void guide(Context ctx) {
    GuideData data;
    try {
      data = data();
    } catch (GocauseException e) {
      LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).contentType("text/html; charset=utf-8")
          .result("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>gocause</title></head><body><p>"
              + htmlEscape(e.getMessage()) + "</p></body></html>\n");
      return;
    }
    String base = publicBase(ctx.scheme(), ctx.host());
    ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8")
        .result(GuideRenderer.render(data, new GuideLinks(base + STYLE_PATH)).html());
  }

  private void style(Context ctx) {
    GuideData data;
    try {
      data = data();
    } catch (GocauseException e) {
      LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).contentType("text/plain; charset=utf-8").result(e.getMessage() + "\n");
      return;
    }
    ctx.header("Cache-Control", "no-cache").contentType("text/plain; charset=utf-8")
        .result(GraphStyle.grass(data.labelCounts().keySet()));
  }

  /** The guide is rebuilt only when the loaded knowledge changed (a new content hash). */
  private GuideData data() {
    String hash = builder.contentHash();
    GuideData d = cached.get();
    if (d == null || hash.isEmpty() || !d.contentHash().equals(hash)) {
      d = builder.read();
      cached.set(d);
    }
    return d;
  }

  /** Guide content is public and read-only: any origin may fetch it, with the headers the Browser adds. */
  private void cors(Context ctx) {
    ctx.header("Access-Control-Allow-Origin", "*");
    if (ctx.method() == HandlerType.OPTIONS) {
      String requested = ctx.header("Access-Control-Request-Headers");
      ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
      if (requested != null && requested.matches("[A-Za-z0-9_,\\- ]{1,512}")) {
        ctx.header("Access-Control-Allow-Headers", requested);
      }
      ctx.header("Access-Control-Max-Age", "600");
      ctx.status(HttpStatus.NO_CONTENT);
      ctx.skipRemainingHandlers();
    }
  }

  /**
   * {@code scheme://host[:port]} as the browser reached us, with a loopback host spelled
   * {@code localhost} (the one loopback name the Browser allows before it reads server settings).
   */
  static String publicBase(String scheme, String hostHeader) {
    // the Host header is client-supplied: anything but a plain host[:port] falls back to localhost
    String host = hostHeader == null || !hostHeader.strip().matches("[A-Za-z0-9.\\-]{1,253}(:\\d{1,5})?|\\[[0-9a-fA-F:.]{2,45}\\](:\\d{1,5})?")
        ? "localhost" : hostHeader.strip();
    String port = "";
    String name = host;
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      name = end > 0 ? host.substring(0, end + 1) : host;
      port = end > 0 && end + 1 < host.length() ? host.substring(end + 1) : "";
    } else if (host.indexOf(':') >= 0) {
      name = host.substring(0, host.indexOf(':'));
      port = host.substring(host.indexOf(':'));
    }
    if (isLoopbackName(name)) {
      name = "localhost";
    }
    return (scheme == null ? "http" : scheme) + "://" + name + port;
  }

  private static boolean isLoopbackName(String name) {
    String n = name.replace("[", "").replace("]", "");
    if (n.equalsIgnoreCase("localhost")) {
      return true;
    }
    // only literal addresses: never resolve a client-supplied name
    if (!n.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(n).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String htmlEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
