package dev.gocause.api;

import dev.gocause.graph.GocauseException;
import dev.gocause.graph.diagnosis.InvalidDiagnosisRequestException;
import dev.gocause.graph.query.GraphUnavailableException;
import dev.gocause.graph.query.InvalidParameterException;
import dev.gocause.graph.query.NotFoundException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: every error is an RFC 9457 problem document,
 * and nothing internal (stack traces, class names, Cypher) ever reaches the caller.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  /** Seconds a client should wait before retrying while the graph is down. */
  static final int RETRY_AFTER_SECONDS = 5;

  private ErrorMapping() {}

  /** {@code allowed}: the methods routed for a path ("GET, POST"), for the Allow header of a 405. */
  static void install(Javalin app, java.util.function.Function<String, String> allowed) {
    app.exception(Exception.class, (e, ctx) -> write(ctx, toProblem(e, ctx)));
    // Unmatched routes and Javalin's own status answers (e.g. 404 with no endpoint).
    app.error(404, ctx -> {
      if (!isProblem(ctx)) {
        write(ctx, problem(404, "not-found", "Not found",
            "no route " + ctx.method() + " " + ctx.path() + "; see /openapi.json for the routes", ctx, Map.of()));
      }
    });
    app.error(405, ctx -> {
      String methods = allowed.apply(ctx.path());
      if (!methods.isEmpty()) {
        ctx.header("Allow", methods);
      }
      write(ctx, problem(405, "method-not-allowed", "Method not allowed",
          ctx.method() + " is not allowed on " + ctx.path() + (methods.isEmpty() ? "" : "; use " + methods.replace(", ", " or ")),
          ctx, Map.of()));
    });
  }

  private static boolean isProblem(Context ctx) {
    String ct = ctx.res().getContentType();
    return ct != null && ct.startsWith(Problem.CONTENT_TYPE);
  }

  static Problem toProblem(Exception e, Context ctx) {
    if (e instanceof ProblemException p) {
      p.headers().forEach(ctx::header);
      return problem(p.status(), p.type(), p.title(), p.getMessage(), ctx, p.extensions());
    }
    if (e instanceof NotFoundException nf) {
      Map<String, Object> ext = new LinkedHashMap<>();
      ext.put("kind", nf.kind());
      ext.put("id", nf.id());
      ext.put("closeMatches", nf.closeMatches());
      return problem(404, "not-found", "Not found", nf.getMessage(), ctx, ext);
    }
    if (e instanceof InvalidParameterException ip) {
      return problem(400, "invalid-parameter", "Invalid parameter", ip.getMessage(), ctx, Map.of("parameter", ip.parameter()));
    }
    if (e instanceof GraphUnavailableException gu) {
      ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
      return problem(503, "graph-unavailable", "Graph unavailable", gu.getMessage(), ctx, Map.of());
    }
    if (e instanceof HttpResponseException h) {
      int status = h.getStatus();
      String slug = switch (status) {
        case 404 -> "not-found";
        case 413 -> "body-too-large";
        case 405 -> "method-not-allowed";
        case 400 -> "bad-request";
        default -> "http-" + status;
      };
      String detail = status == 404 ? "no route " + ctx.method() + " " + ctx.path() + "; see /openapi.json for the routes"
          : h.getMessage();
      return problem(status, slug, titleFor(status), detail, ctx, Map.of());
    }
    if (e instanceof InvalidDiagnosisRequestException bad) {
      return problem(400, "invalid-request", "Invalid request", bad.getMessage(), ctx, Map.of());
    }
    if (e instanceof GocauseException g) {
      // A known failure with a one-line, user-facing message (e.g. nothing loaded): no trace.
      LOG.warn("{} {} failed: {}", ctx.method(), ctx.matchedPath(), g.getMessage());
      return problem(500, "server-error", "Server error", g.getMessage(), ctx, Map.of());
    }
    String errorId = UUID.randomUUID().toString();
    // The stack trace goes to the log only; the caller gets an id to quote.
    LOG.error("internal error {} on {} {}", errorId, ctx.method(), ctx.matchedPath(), e);
    return problem(500, "internal-error", "Internal error",
        "the server failed to answer; quote error id " + errorId + " when reporting this", ctx, Map.of("errorId", errorId));
  }

  /** "GET, POST": the methods routed for {@code path} ({@code {id}} segments match any one segment). */
  static String methodsOf(java.util.Collection<ApiServer.RegisteredRoute> routes, String path) {
    java.util.Set<String> methods = new java.util.TreeSet<>();
    String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    for (ApiServer.RegisteredRoute r : routes) {
      String regex = java.util.Arrays.stream(r.path().split("/", -1))
          .map(seg -> seg.matches("\\{[^}]*}|<[^>]*>") ? "[^/]+" : java.util.regex.Pattern.quote(seg))
          .collect(java.util.stream.Collectors.joining("/"));
      if (p.matches(regex)) {
        methods.add(r.method());
      }
    }
    return String.join(", ", methods);
  }

  static String titleFor(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Request body too large";
      case 415 -> "Unsupported media type";
      case 429 -> "Too many requests";
      case 503 -> "Service unavailable";
      default -> status >= 500 ? "Internal error" : "Request failed";
    };
  }

  static Problem problem(int status, String slug, String title, String detail, Context ctx, Map<String, Object> ext) {
    return new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, ctx.path(), Map.copyOf(ext));
  }

  static void write(Context ctx, Problem p) {
    try {
      ctx.status(p.status());
      ctx.contentType(Problem.CONTENT_TYPE);
      ctx.result(Json.MAPPER.writeValueAsBytes(p));
    } catch (Exception ex) {
      ctx.status(500).contentType(Problem.CONTENT_TYPE)
          .result("{\"type\":\"" + Problem.TYPE_PREFIX + "internal-error\",\"title\":\"Internal error\",\"status\":500}");
    }
  }
}
