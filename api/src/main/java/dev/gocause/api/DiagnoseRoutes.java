package dev.gocause.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gocause.api.RouteTable.Body;
import dev.gocause.api.RouteTable.Param;
import dev.gocause.api.RouteTable.Response;
import dev.gocause.api.RouteTable.Route;
import dev.gocause.graph.diagnosis.Diagnosis;
import dev.gocause.graph.diagnosis.DiagnosisRenderer;
import dev.gocause.graph.diagnosis.DiagnosisRequest;
import dev.gocause.graph.diagnosis.SourceFiles;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** POST /v1/diagnose: "here is what I see" → ranked root causes (JSON, Markdown or text). */
final class DiagnoseRoutes {
  /** One JSON object and nothing after it, each field once: a body that says two things is refused, not half-read. */
  private static final com.fasterxml.jackson.databind.ObjectReader STRICT = Json.MAPPER.reader()
      .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  /** Jackson's message for a field given twice, naming it. */
  private static final java.util.regex.Pattern DUPLICATE_FIELD = java.util.regex.Pattern.compile("^Duplicate field '([^']*)'");
  private static final Set<String> FIELDS = Set.of("text", "limit", "lang", "files", "simulationBudgetMs");
  /** {@code files}: the source files behind the frames, at most this many, each at most this many bytes (UTF-8); as DESIGN.md's Interfaces table says. */
  static final int MAX_FILES = 200;
  static final int MAX_FILE_BYTES = 1024 * 1024;

  /**
   * The JSON body: {@code text} is required; {@code limit} 1..50 (default 5); {@code lang} zh|en;
   * {@code files} the source files behind the frames, path → content (at most 200, 1 MiB each);
   * {@code simulationBudgetMs} the wall-clock budget for simulating the code that runs (0..5000,
   * default {@code GOCAUSE_SIMULATION_BUDGET_MS}, else 300; 0: do not simulate).
   */
  record DiagnoseBody(String text, Integer limit, String lang, java.util.Map<String, String> files, Long simulationBudgetMs) {}

  /** The JSON answer: the diagnosis plus {@code stale} (true while the graph is unreachable). */
  record DiagnoseAnswer(List<Diagnosis.RankedCause> causes, List<Diagnosis.ObservedSymptom> observedSymptoms,
      Diagnosis.InputSummary input, String knowledgeVersion, String knowledgeHash, String lang, String message,
      List<Diagnosis.GoroutineGroup> groups, Diagnosis.AskBack askBack, boolean stale) {}

  private DiagnoseRoutes() {}

  static void register(RouteTable table, Diagnoser diagnoser, long maxBody, java.time.Duration simulationBudget) {
    AnswerCache cache = new AnswerCache();
    table.add(new Route(HandlerType.POST, "/v1/diagnose", "diagnosis", "Diagnose what you see",
        "Paste a panic, a fatal error, a goroutine dump, a race or goleak report, or describe the problem in Chinese "
            + "or English. Causes come best first with the evidence that put them there, the commands that confirm "
            + "them and the fixes (in full for the first cause: what each command shows, each fix's code; by id and name "
            + "for the others, see /v1/fixes/{id}); 'causes' is empty when nothing points to a known cause. Send JSON "
            + "{\"text\", \"limit\"?, \"lang\"?, \"files\"?, \"simulationBudgetMs\"?} (files: path -> Go source; the files the stack frames name are read and checked;"
            + " code that runs - a main, a test the output names, statements - is simulated within simulationBudgetMs, default 300) or the raw text as text/plain (then limit and lang as query "
            + "parameters). 'Accept: text/markdown' (or text/plain) returns a human answer. While the graph is "
            + "unreachable the answer comes from the last loaded knowledge with \"stale\": true. Answers to small "
            + "inputs are cached per knowledge version; 'Cache-Control: no-cache' forces a fresh diagnosis.",
        List.of(Param.query("limit", "integer", "text/plain bodies only: most causes, 1..50 (default 5)"),
            Param.query("lang", "string", "text/plain bodies only: zh or en")),
        new Body(List.of("application/json", "text/plain"), DiagnoseBody.class,
            "the text to diagnose (at most " + maxBody + " bytes)"),
        List.of(Response.json("Ranked causes (JSON); text/markdown or text/plain when asked by Accept", DiagnoseAnswer.class),
            new Response(200, "The same answer for people", "text/markdown", null),
            Response.problem(400, "Malformed JSON, missing or empty 'text', or a bad limit/lang"),
            Response.problem(413, "Body larger than GOCAUSE_API_MAX_BODY"),
            Response.problem(415, "Content type other than application/json or text/plain"),
            Response.problem(503, "The graph is unreachable and no knowledge was loaded before")), true),
        ctx -> handle(ctx, diagnoser, cache, maxBody, simulationBudget));
  }

  private static void handle(Context ctx, Diagnoser diagnoser, AnswerCache cache, long maxBody, java.time.Duration simulationBudget) {
    String format = negotiate(ctx.header("Accept"));
    Parsed parsed;
    try {
      parsed = request(ctx, maxBody, simulationBudget);
    } catch (ProblemException e) {
      diagnoser.rejected();
      throw e;
    }
    DiagnosisRequest request = parsed.request();
    String stamp = diagnoser.freshModelStamp();
    String cc = ctx.header("Cache-Control");
    boolean cacheable = stamp != null && parsed.body().length <= AnswerCache.MAX_INPUT_BYTES
        && (cc == null || !cc.toLowerCase(Locale.ROOT).contains("no-cache"));
    String key = cacheable ? AnswerCache.key(stamp, format, request.limit(), request.lang(), parsed.body()) : null;
    if (key != null) {
      AnswerCache.Entry hit = cache.get(key);
      if (hit != null) {
        diagnoser.countCached(hit.outcome());
        Responses.send(ctx, hit.contentType(), hit.body());
        return;
      }
    }
    Diagnoser.Result r = diagnoser.diagnose(request);
    AnswerBuffer out = AnswerBuffer.take();
    try {
      String contentType = render(r, format, request.lang(), out);
      if (r.stale()) {
        ctx.header("X-Gocause-Stale", "true");
      } else if (key != null) {
        cache.put(key, new AnswerCache.Entry(out.copy(), contentType, r.diagnosis().found() ? "found" : "none"));
      }
      Responses.send(ctx, contentType, out.contents());
    } finally {
      out.release();
    }
  }

  /** Writes the answer in {@code format} to {@code out}; returns its content type. */
  private static String render(Diagnoser.Result r, String format, String lang, AnswerBuffer out) {
    try {
      switch (format) {
        case "text/markdown" -> {
          out.write((staleNote(r, "> ") + DiagnosisRenderer.markdown(r.diagnosis(), lang)).getBytes(StandardCharsets.UTF_8));
          return "text/markdown; charset=utf-8";
        }
        case "text/plain" -> {
          out.write((staleNote(r, "") + DiagnosisRenderer.text(r.diagnosis(), lang)).getBytes(StandardCharsets.UTF_8));
          return "text/plain; charset=utf-8";
        }
        default -> {
          Json.MAPPER.writeValue(out, answer(r));
          return "application/json";
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot render the diagnosis as " + format, e);
    }
  }

  static DiagnoseAnswer answer(Diagnoser.Result r) {
    Diagnosis d = r.diagnosis();
    return new DiagnoseAnswer(d.causes(), d.observedSymptoms(), d.input(), d.knowledgeVersion(), d.knowledgeHash(),
        d.lang(), d.message(), d.groups(), d.askBack(), r.stale());
  }

  private static String staleNote(Diagnoser.Result r, String prefix) {
    return r.stale() ? prefix + "Note: the knowledge graph is unreachable; this answer comes from the last loaded knowledge.\n\n" : "";
  }

  /** A parsed request and the raw body it came from (the cache key hashes the raw body). */
  record Parsed(DiagnosisRequest request, byte[] body) {}

  /** Parses the body by content type; every failure is a problem naming what to fix. */
  static Parsed request(Context ctx, long maxBody, java.time.Duration simulationBudget) {
    String contentType = ctx.header("Content-Type");
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json") && !mediaType.equals("text/plain")) {
      throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
          (contentType == null ? "no Content-Type given" : "Content-Type '" + LookupRoutes.abbreviate(contentType) + "' is not accepted")
              + "; send application/json {\"text\": ...} or text/plain")
          .with("accepted", List.of("application/json", "text/plain"));
    }
    byte[] body = Bodies.read(ctx, maxBody);
    if (mediaType.equals("text/plain")) {
      String text = new String(body, charset(contentType));
      requireText(text);
      return new Parsed(build(text, LookupRoutes.intParam(ctx, "limit"), ctx.queryParam("lang")).withSimulationBudget(simulationBudget), body);
    }
    JsonNode json;
    try {
      json = STRICT.readTree(body);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      java.util.regex.Matcher dup = DUPLICATE_FIELD.matcher(what);
      throw ProblemException.badRequest("malformed-json", "Malformed JSON",
          dup.find() ? "the body gives the field '" + dup.group(1) + "' twice" + where + "; give each field once"
              : what.startsWith("Trailing token") ? "the body goes on after its JSON object" + where + "; send one object {\"text\": \"...\"}"
              : "the body is not valid JSON" + where + "; send {\"text\": \"...\"}");
    } catch (java.io.IOException e) {
      throw ProblemException.badRequest("malformed-json", "Malformed JSON", "the body is not valid JSON; send {\"text\": \"...\"}");
    }
    if (json == null || !json.isObject()) {
      throw ProblemException.badRequest("malformed-json", "Malformed JSON",
          "the body must be a JSON object such as {\"text\": \"...\"}");
    }
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw ProblemException.badParameter(f, "is not a field of this request; use text, limit, lang, files and simulationBudgetMs");
      }
    }
    JsonNode text = json.get("text");
    if (text == null || text.isNull()) {
      throw missingText("is missing");
    }
    if (!text.isTextual()) {
      throw ProblemException.badParameter("text", "must be a string (the pasted text)");
    }
    requireText(text.asText());
    JsonNode limit = json.get("limit");
    Integer lim = null;
    if (limit != null && !limit.isNull()) {
      if (!limit.canConvertToInt() || !limit.isIntegralNumber()) {
        throw ProblemException.badParameter("limit", "must be a whole number from 1 to " + DiagnosisRequest.MAX_LIMIT);
      }
      lim = limit.asInt();
    }
    JsonNode lang = json.get("lang");
    if (lang != null && !lang.isNull() && !lang.isTextual()) {
      throw ProblemException.badParameter("lang", "must be \"zh\" or \"en\"");
    }
    DiagnosisRequest request = build(text.asText(), lim, lang == null || lang.isNull() ? null : lang.asText()).withSimulationBudget(simulationBudget);
    JsonNode files = json.get("files");
    if (files != null && !files.isNull()) {
      request = request.withSources(SourceFiles.of(files(files)));
    }
    JsonNode budget = json.get("simulationBudgetMs");
    if (budget != null && !budget.isNull()) {
      if (!budget.isIntegralNumber() || !budget.canConvertToLong() || budget.asLong() < 0 || budget.asLong() > ApiConfig.MAX_SIMULATION_MS) {
        throw ProblemException.badParameter("simulationBudgetMs", "must be a whole number of milliseconds from 0 (do not simulate) to "
            + ApiConfig.MAX_SIMULATION_MS);
      }
      request = request.withSimulationBudget(java.time.Duration.ofMillis(budget.asLong()));
    }
    return new Parsed(request, body);
  }

  /** {@code "files": {"path": "content", ...}}: bounded in count and size, every value a string. */
  private static java.util.Map<String, String> files(JsonNode files) {
    if (!files.isObject()) {
      throw ProblemException.badParameter("files", "must be an object of file path to file content, e.g. {\"main.go\": \"package main ...\"}");
    }
    if (files.size() > MAX_FILES) {
      throw ProblemException.badParameter("files", "has " + files.size() + " files; send at most " + MAX_FILES
          + " (only the files the stack frames name are read)");
    }
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Iterator<java.util.Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
      java.util.Map.Entry<String, JsonNode> e = it.next();
      String path = e.getKey();
      if (path.isBlank() || !e.getValue().isTextual()) {
        throw ProblemException.badParameter("files", "entry '" + LookupRoutes.abbreviate(path) + "' must map a non-empty path to the file's text");
      }
      long bytes = utf8Length(e.getValue().asText());
      if (bytes > MAX_FILE_BYTES) {
        throw ProblemException.badParameter("files", "file '" + LookupRoutes.abbreviate(path) + "' has " + bytes
            + " bytes; at most " + MAX_FILE_BYTES + " (1 MiB) per file are accepted");
      }
      out.put(path, e.getValue().asText());
    }
    return out;
  }

  /** The length of {@code s} in UTF-8, without encoding it. */
  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3; // a lone surrogate is written as '?' by most encoders, but counting it as 3 only over-counts
      }
    }
    return n;
  }

  private static DiagnosisRequest build(String text, Integer limit, String lang) {
    if (limit != null && (limit < 1 || limit > DiagnosisRequest.MAX_LIMIT)) {
      throw ProblemException.badParameter("limit", "is " + limit + "; use 1 to " + DiagnosisRequest.MAX_LIMIT);
    }
    if (lang != null && !lang.isBlank() && !lang.strip().equalsIgnoreCase("zh") && !lang.strip().equalsIgnoreCase("en")) {
      throw ProblemException.badParameter("lang", "is '" + LookupRoutes.abbreviate(lang) + "'; use zh or en (or leave it out)");
    }
    return new DiagnosisRequest(text, limit == null ? DiagnosisRequest.DEFAULT_LIMIT : limit, lang);
  }

  private static void requireText(String text) {
    if (text.isBlank()) {
      throw missingText("is empty");
    }
  }

  private static ProblemException missingText(String what) {
    return ProblemException.badParameter("text", what
        + "; paste a panic, a goroutine dump, a race report, or describe what you see");
  }

  private static Charset charset(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        try {
          return Charset.forName(p.substring(8).replace("\"", "").strip());
        } catch (RuntimeException e) {
          throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
              "charset '" + LookupRoutes.abbreviate(p.substring(8)) + "' is not supported; send UTF-8");
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** application/json unless Accept prefers text/markdown or text/plain (q-values respected). */
  static String negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return "application/json";
    }
    record Range(String type, double q, int order) {}
    List<Range> ranges = new ArrayList<>();
    String[] parts = accept.split(",");
    for (int i = 0; i < parts.length; i++) {
      String[] p = parts[i].split(";");
      double q = 1.0;
      for (int j = 1; j < p.length; j++) {
        String a = p[j].strip();
        if (a.startsWith("q=")) {
          try {
            q = Double.parseDouble(a.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      ranges.add(new Range(p[0].strip().toLowerCase(Locale.ROOT), q, i));
    }
    ranges.sort(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::order));
    for (Range r : ranges) {
      if (r.q() <= 0) {
        continue;
      }
      switch (r.type()) {
        case "application/json", "application/*", "*/*":
          return "application/json";
        case "text/markdown", "text/x-markdown":
          return "text/markdown";
        case "text/plain", "text/*":
          return "text/plain";
        default:
          break;
      }
    }
    return "application/json";
  }

}
