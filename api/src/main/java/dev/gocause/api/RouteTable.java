package dev.gocause.api;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every route of the API is added here with its description, so the OpenAPI document is built
 * from the same table that registers the handlers and cannot drift from it.
 */
final class RouteTable {
  /** A query or path parameter. {@code type} is an OpenAPI type: string, integer, number, boolean. */
  record Param(String name, String in, String type, boolean required, String description) {
    static Param query(String name, String type, String description) {
      return new Param(name, "query", type, false, description);
    }

    static Param required(String name, String type, String description) {
      return new Param(name, "query", type, true, description);
    }

    static Param path(String name, String description) {
      return new Param(name, "path", "string", true, description);
    }
  }

  /** A request body: media types accepted and the schema (record class) or description. */
  record Body(List<String> mediaTypes, Class<?> schema, String description) {}

  /** One response: status, description, media type and schema (null = no body described). */
  record Response(int status, String description, String mediaType, Class<?> schema, Class<?> pageItem) {
    Response(int status, String description, String mediaType, Class<?> schema) {
      this(status, description, mediaType, schema, null);
    }

    static Response json(String description, Class<?> schema) {
      return new Response(200, description, "application/json", schema, null);
    }

    /** A {@link dev.gocause.graph.query.Page} of {@code item}: {"items": [...], "nextCursor": ...}. */
    static Response page(String description, Class<?> item) {
      return new Response(200, description, "application/json", dev.gocause.graph.query.Page.class, item);
    }

    static Response problem(int status, String description) {
      return new Response(status, description, Problem.CONTENT_TYPE, Problem.class, null);
    }
  }

  record Route(
      HandlerType method,
      String path,
      String tag,
      String summary,
      String description,
      List<Param> params,
      Body body,
      List<Response> responses,
      boolean secured) {}

  private final Javalin app;
  private final List<Route> routes = new ArrayList<>();

  RouteTable(Javalin app) {
    this.app = app;
  }

  void add(Route route, Handler handler) {
    routes.add(route);
    app.addHttpHandler(route.method(), route.path(), handler);
  }

  List<Route> routes() {
    return List.copyOf(routes);
  }

  /** Responses every /v1 route may give besides its own. */
  static final Map<Integer, String> COMMON_V1 = Map.of(
      401, "Missing or wrong bearer token (when GOCAUSE_API_TOKEN is set)",
      429, "Rate limit exceeded; see Retry-After",
      500, "Internal error (no internals disclosed)");
}
