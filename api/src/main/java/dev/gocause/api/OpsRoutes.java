package dev.gocause.api;

import dev.gocause.api.RouteTable.Response;
import dev.gocause.api.RouteTable.Route;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Operational routes: /health, /ready, /metrics, /openapi.json. Never behind the bearer token. */
final class OpsRoutes {
  record Health(String status) {}

  record Ready(String status, String knowledgeVersion, String detail) {}

  private final GraphHealth health;

  OpsRoutes(GraphHealth health) {
    this.health = health;
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

  /** Ready when the KnowledgeBase node exists (the load committed) and the graph answered within a second. */
  Ready ready() {
    return switch (health.state()) {
      case UP -> new Ready("ready", health.knowledgeVersion(), null);
      case NOT_LOADED -> new Ready("loading", null, "the knowledge is not loaded yet");
      case DOWN -> new Ready("unavailable", null, "the graph does not answer");
    };
  }
}
