package dev.gocause.api;

import dev.gocause.api.RouteTable.Response;
import dev.gocause.api.RouteTable.Route;
import dev.gocause.graph.query.GraphUnavailableException;
import dev.gocause.graph.query.KnowledgeQueries;
import dev.gocause.graph.query.KnowledgeVersion;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Operational routes: /health, /ready, /metrics, /openapi.json. Never behind the bearer token. */
final class OpsRoutes {
  /** /ready asks the graph at most this often; in between it answers from the last check. */
  private static final long READY_CACHE_NANOS = 1_000_000_000L;

  record Health(String status) {}

  record Ready(String status, String knowledgeVersion, String detail) {}

  private final KnowledgeQueries queries;
  private volatile long checkedAt;
  private volatile Ready lastReady;

  OpsRoutes(KnowledgeQueries queries) {
    this.queries = queries;
  }

  void register(RouteTable table, Metrics metrics, Supplier<Map<String, Object>> openApi) {
    table.add(new Route(HandlerType.GET, "/health", "operations", "Liveness", "200 while the process serves HTTP.",
        List.of(), null, List.of(Response.json("Alive", Health.class)), false),
        ctx -> ctx.json(new Health("ok")));
    table.add(new Route(HandlerType.GET, "/ready", "operations", "Readiness",
        "200 once the knowledge is loaded and while the graph answers; 503 (with Retry-After) otherwise.",
        List.of(), null, List.of(Response.json("Ready", Ready.class),
            new Response(503, "Not ready: knowledge not loaded or graph unreachable", "application/json", Ready.class)), false),
        ctx -> {
          Ready r = ready();
          if (!r.status().equals("ready")) {
            ctx.status(503).header("Retry-After", String.valueOf(ErrorMapping.RETRY_AFTER_SECONDS));
          }
          ctx.json(r);
        });
    table.add(new Route(HandlerType.GET, "/metrics", "operations", "Prometheus metrics",
        "Requests and latency per matched route, diagnosis outcomes, graph query latency (text format 0.0.4).",
        List.of(), null, List.of(new Response(200, "Metrics", "text/plain", null)), false),
        ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render()));
    table.add(new Route(HandlerType.GET, "/openapi.json", "operations", "This API's OpenAPI 3 document", null,
        List.of(), null, List.of(new Response(200, "OpenAPI document", "application/json", null)), false),
        ctx -> ctx.json(openApi.get()));
  }

  /** Ready when the KnowledgeBase node exists (the load committed) and the graph answered just now. */
  Ready ready() {
    long now = System.nanoTime();
    Ready r = lastReady;
    if (r != null && now - checkedAt < READY_CACHE_NANOS) {
      return r;
    }
    try {
      Optional<KnowledgeVersion> v = queries.knowledgeVersion();
      r = v.map(k -> new Ready("ready", k.version(), null))
          .orElseGet(() -> new Ready("loading", null, "the knowledge is not loaded yet"));
    } catch (GraphUnavailableException e) {
      r = new Ready("unavailable", null, "the graph does not answer");
    } catch (RuntimeException e) {
      r = new Ready("unavailable", null, "the graph check failed");
    }
    lastReady = r;
    checkedAt = now;
    return r;
  }
}
