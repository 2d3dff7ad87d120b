package dev.gocause.api;

import static dev.gocause.api.RouteTable.Param.path;
import static dev.gocause.api.RouteTable.Param.query;
import static dev.gocause.api.RouteTable.Param.required;

import dev.gocause.api.RouteTable.Param;
import dev.gocause.api.RouteTable.Response;
import dev.gocause.api.RouteTable.Route;
import dev.gocause.graph.query.CaseInfo;
import dev.gocause.graph.query.CauseDetail;
import dev.gocause.graph.query.CauseSummary;
import dev.gocause.graph.query.CommandInfo;
import dev.gocause.graph.query.DimensionInfo;
import dev.gocause.graph.query.FixInfo;
import dev.gocause.graph.query.GraphPath;
import dev.gocause.graph.query.GraphUnavailableException;
import dev.gocause.graph.query.KnowledgeQueries;
import dev.gocause.graph.query.Page;
import dev.gocause.graph.query.Subgraph;
import dev.gocause.graph.query.SymptomDetail;
import dev.gocause.graph.query.SymptomSummary;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/** GET /v1/... look-ups: thin adapters over {@link KnowledgeQueries}. */
final class LookupRoutes {
  private static final String TAG = "knowledge";
  private static final Param LIMIT = query("limit", "integer",
      "page size, 1.." + KnowledgeQueries.MAX_LIMIT + " (default " + KnowledgeQueries.DEFAULT_LIMIT + ")");
  private static final Param CURSOR = query("cursor", "string", "opaque 'nextCursor' of the previous page");

  private LookupRoutes() {}

  static void register(RouteTable table, KnowledgeQueries q, GraphHealth health) {
    get(table, health, "/v1/symptoms", "Search or list symptoms",
        "Full-text search over names, aliases and descriptions in Chinese and English; all symptoms by id when q is empty.",
        List.of(query("q", "string", "words in Chinese or English, e.g. 卡住 or 'hangs'"), LIMIT, CURSOR),
        Response.page("Symptoms, most relevant first", SymptomSummary.class),
        ctx -> ctx.json(q.searchSymptoms(ctx.queryParam("q"), intParam(ctx, "limit"), ctx.queryParam("cursor"))));
    get(table, health, "/v1/symptoms/{id}", "One symptom",
        "The symptom with the causes it indicates (highest weight first), commands that diagnose it and its signatures.",
        List.of(path("id", "symptom id, e.g. all-goroutines-asleep-deadlock")),
        Response.json("The symptom", SymptomDetail.class),
        ctx -> ctx.json(q.symptom(ctx.pathParam("id"))));
    get(table, health, "/v1/causes", "List root causes",
        "Root causes by id, optionally only those in one dimension.",
        List.of(query("dimension", "string", "dimension id: scheduling, memory, sync-primitives or semantics"), LIMIT, CURSOR),
        Response.page("Root causes by id", CauseSummary.class),
        ctx -> ctx.json(q.causes(blankToNull(ctx.queryParam("dimension")), intParam(ctx, "limit"), ctx.queryParam("cursor"))));
    get(table, health, "/v1/causes/{id}", "One root cause",
        "The cause with its dimensions, the symptoms that indicate it (with weights), commands, fixes, cases and corrections.",
        List.of(path("id", "root cause id, e.g. send-on-closed-channel")),
        Response.json("The root cause", CauseDetail.class),
        ctx -> ctx.json(q.cause(ctx.pathParam("id"))));
    get(table, health, "/v1/dimensions", "The four dimensions", "Each dimension with the ids of its root causes.",
        List.of(), Response.page("Dimensions", DimensionInfo.class),
        ctx -> ctx.json(new Page<>(q.dimensions(), null)));
    get(table, health, "/v1/commands", "List diagnostic commands", "Commands that confirm causes or diagnose symptoms.",
        List.of(LIMIT, CURSOR), Response.page("Commands by id", CommandInfo.class),
        ctx -> ctx.json(q.commands(intParam(ctx, "limit"), ctx.queryParam("cursor"))));
    get(table, health, "/v1/commands/{id}", "One diagnostic command", null,
        List.of(path("id", "command id, e.g. race-detector")), Response.json("The command", CommandInfo.class),
        ctx -> ctx.json(q.command(ctx.pathParam("id"))));
    get(table, health, "/v1/fixes/{id}", "One fix", "Code before and after, the trade-off, and the causes it repairs.",
        List.of(path("id", "fix id")), Response.json("The fix", FixInfo.class),
        ctx -> ctx.json(q.fix(ctx.pathParam("id"))));
    get(table, health, "/v1/cases", "List simulated cases", "Runnable cases (buggy and fixed variants), optionally for one cause.",
        List.of(query("cause", "string", "root cause id"), LIMIT, CURSOR), Response.page("Cases by id", CaseInfo.class),
        ctx -> ctx.json(q.cases(blankToNull(ctx.queryParam("cause")), intParam(ctx, "limit"), ctx.queryParam("cursor"))));
    get(table, health, "/v1/graph/neighborhood", "Neighbourhood of a node",
        "Nodes within depth hops of the node(s) with this id and the edges among them (at most "
            + KnowledgeQueries.MAX_SUBGRAPH_NODES + " nodes; 'truncated' says when cut).",
        List.of(required("id", "string", "node id"), query("depth", "integer", "hops, 1.." + KnowledgeQueries.MAX_DEPTH + " (default 1)")),
        Response.json("The subgraph", Subgraph.class),
        ctx -> ctx.json(q.neighborhood(requiredParam(ctx, "id"), intParam(ctx, "depth"))));
    get(table, health, "/v1/paths", "Shortest paths between two nodes",
        "Shortest paths ignoring direction, at most " + KnowledgeQueries.MAX_PATH_LENGTH + " hops; empty when not connected.",
        List.of(required("from", "string", "node id"), required("to", "string", "node id"),
            query("limit", "integer", "most paths, 1.." + KnowledgeQueries.MAX_PATHS + " (default 5)")),
        Response.page("Paths, shortest first", GraphPath.class),
        ctx -> ctx.json(new Page<>(q.paths(requiredParam(ctx, "from"), requiredParam(ctx, "to"), intParam(ctx, "limit")), null)));
  }

  private static void get(RouteTable table, GraphHealth h, String path, String summary, String description, List<Param> params,
      Response ok, io.javalin.http.Handler handler) {
    boolean hasId = params.stream().anyMatch(p -> p.in().equals("path")) || params.stream().anyMatch(Param::required);
    List<Response> responses = new java.util.ArrayList<>(List.of(ok,
        Response.problem(400, "A parameter is invalid (the problem names it)")));
    if (hasId || params.stream().anyMatch(p -> p.name().equals("dimension") || p.name().equals("cause"))) {
      responses.add(Response.problem(404, "Unknown id; 'closeMatches' lists existing ids close to it"));
    }
    responses.add(Response.problem(503, "The graph does not answer; retry after Retry-After seconds"));
    table.add(new Route(HandlerType.GET, path, TAG, summary, description, params, null, responses, true), ctx -> {
      // While the probe sees the graph down, answer at once instead of queueing on it.
      if (h.down()) {
        throw new GraphUnavailableException("the graph database does not answer; retry shortly", null);
      }
      try {
        handler.handle(ctx);
      } catch (GraphUnavailableException e) {
        h.markDown();
        throw e;
      }
    });
  }

  static Integer intParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.badParameter(name, "is '" + abbreviate(v) + "'; give a whole number");
    }
  }

  static String requiredParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw ProblemException.badParameter(name, "is missing; add ?" + name + "=<id>");
    }
    return v.strip();
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  static String abbreviate(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "…" : v;
  }
}
