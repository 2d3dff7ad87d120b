package dev.gocause.api;

import dev.gocause.api.RouteTable.Body;
import dev.gocause.api.RouteTable.Response;
import dev.gocause.api.RouteTable.Route;
import dev.gocause.graph.GocauseException;
import dev.gocause.graph.diagnosis.DiagnosisRequest;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slash commands from Slack and Mattermost. Each endpoint exists only while its secret is set
 * (404 otherwise). Slack: request signature verified ({@code v0=} HMAC-SHA256 over
 * {@code v0:timestamp:body}), timestamps older than 5 minutes refused, a Block Kit answer within
 * Slack's 3 s — or an acknowledgement, then the answer POSTed to {@code response_url}.
 * Mattermost: the command token checked, a Markdown answer of at most 16,383 characters.
 */
final class ChatopsRoutes implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChatopsRoutes.class);
  static final long MAX_SKEW_SECONDS = 5 * 60;

  private final ApiConfig config;
  private final Diagnoser diagnoser;
  private final LongSupplier epochSeconds;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "gocause-chatops");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ChatopsRoutes(ApiConfig config, Diagnoser diagnoser, LongSupplier epochSeconds) {
    this.config = config;
    this.diagnoser = diagnoser;
    this.epochSeconds = epochSeconds;
  }

  void register(RouteTable table) {
    table.add(new Route(HandlerType.POST, "/v1/chatops/slack", "chatops", "Slack slash command",
        "Exists only when SLACK_SIGNING_SECRET is set (404 otherwise). Verifies X-Slack-Signature and "
            + "X-Slack-Request-Timestamp (at most 5 minutes old). Answers Block Kit JSON within 3 s; slower "
            + "diagnoses are acknowledged and the answer is POSTed to response_url.",
        List.of(), new Body(List.of("application/x-www-form-urlencoded"), null, "Slack's slash command payload"),
        List.of(new Response(200, "Block Kit message", "application/json", null),
            Response.problem(401, "Missing, stale or wrong Slack signature"),
            Response.problem(404, "SLACK_SIGNING_SECRET is not set")), false),
        this::slack);
    table.add(new Route(HandlerType.POST, "/v1/chatops/mattermost", "chatops", "Mattermost slash command",
        "Exists only when MATTERMOST_TOKEN is set (404 otherwise). Checks 'Authorization: Token <token>' "
            + "(or the payload's token field). Answers {\"response_type\", \"text\"} with Markdown of at most "
            + ChatFormats.MATTERMOST_MAX + " characters.",
        List.of(), new Body(List.of("application/x-www-form-urlencoded"), null, "Mattermost's slash command payload"),
        List.of(new Response(200, "Markdown message", "application/json", null),
            Response.problem(401, "Missing or wrong token"),
            Response.problem(404, "MATTERMOST_TOKEN is not set")), false),
        this::mattermost);
  }

  // ------------------------------------------------------------------ Slack

  private void slack(Context ctx) {
    String secret = config.slackSigningSecret().orElseThrow(() -> disabled(ctx));
    byte[] raw = Bodies.read(ctx, config.maxBodyBytes());
    verifySlack(secret, ctx.header("X-Slack-Request-Timestamp"), ctx.header("X-Slack-Signature"), raw);
    Map<String, String> form = form(raw);
    String text = form.getOrDefault("text", "");
    boolean zh = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    if (asksForHelp(text)) {
      ctx.json(ChatFormats.slack(ChatAnswer.help(zh, form.getOrDefault("command", "/gocause"))));
      return;
    }
    CompletableFuture<Map<String, Object>> answer = CompletableFuture.supplyAsync(() -> slackAnswer(text), pool);
    Optional<Map<String, Object>> inTime = withinBudget(answer);
    if (inTime.isPresent()) {
      ctx.json(inTime.get());
      return;
    }
    Optional<URI> responseUrl = responseUrl(form.get("response_url"));
    if (responseUrl.isEmpty()) {
      ctx.json(join(answer)); // nowhere to send it later: answer late rather than never
      return;
    }
    ctx.json(ChatFormats.slackAck(zh));
    answer.thenAccept(msg -> postLater(responseUrl.get(), msg));
  }

  /** The answer when it is ready within the reply budget; empty after it, and always for a budget of 0 ("acknowledge first"). */
  private Optional<Map<String, Object>> withinBudget(CompletableFuture<Map<String, Object>> answer) {
    if (config.chatopsReplyBudget().isZero()) {
      return Optional.empty(); // even an answer that happens to be ready at once is acknowledged first
    }
    try {
      return Optional.of(answer.get(config.chatopsReplyBudget().toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GocauseException("interrupted");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private Map<String, Object> slackAnswer(String text) {
    try {
      return ChatFormats.slack(ChatAnswer.of(diagnoser.diagnose(request(text))));
    } catch (GocauseException e) {
      // Chat shows errors as messages; the one-line message is safe to show.
      return Map.of("response_type", "ephemeral", "text", e.getMessage());
    }
  }

  private static Map<String, Object> join(CompletableFuture<Map<String, Object>> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GocauseException("interrupted");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private void postLater(URI url, Map<String, Object> msg) {
    Map<String, Object> body = new HashMap<>(msg);
    body.put("replace_original", true);
    try {
      HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))).build();
      client.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, err) -> {
        if (err != null) {
          LOG.warn("could not deliver a Slack answer to response_url ({})", err.getClass().getSimpleName());
        } else if (r.statusCode() >= 300) {
          LOG.warn("Slack response_url answered {}", r.statusCode());
        }
      });
    } catch (Exception e) {
      LOG.warn("could not deliver a Slack answer to response_url ({})", e.getClass().getSimpleName());
    }
  }

  private static Optional<URI> responseUrl(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      URI u = URI.create(s.strip());
      return "https".equals(u.getScheme()) || "http".equals(u.getScheme()) ? Optional.of(u) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  void verifySlack(String secret, String timestamp, String signature, byte[] raw) {
    if (timestamp == null || signature == null) {
      throw unauthorized("missing X-Slack-Request-Timestamp or X-Slack-Signature");
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      throw unauthorized("X-Slack-Request-Timestamp is not a Unix time");
    }
    if (Math.abs(epochSeconds.getAsLong() - ts) > MAX_SKEW_SECONDS) {
      throw unauthorized("X-Slack-Request-Timestamp is more than 5 minutes away from now (replayed request?)");
    }
    byte[] expected = ("v0=" + slackSignature(secret, timestamp.strip(), raw)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
      throw unauthorized("X-Slack-Signature does not match (check SLACK_SIGNING_SECRET)");
    }
  }

  /** Hex HMAC-SHA256 of {@code v0:timestamp:body} with the signing secret. */
  static String slackSignature(String secret, String timestamp, byte[] raw) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      mac.update(raw);
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  // -------------------------------------------------------------- Mattermost

  private void mattermost(Context ctx) {
    String token = config.mattermostToken().orElseThrow(() -> disabled(ctx));
    byte[] raw = Bodies.read(ctx, config.maxBodyBytes());
    Map<String, String> form = form(raw);
    String auth = ctx.header("Authorization");
    String given = auth != null && auth.regionMatches(true, 0, "Token ", 0, 6) ? auth.substring(6).strip() : form.get("token");
    if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      throw unauthorized(given == null ? "missing 'Authorization: Token <token>'" : "the token does not match MATTERMOST_TOKEN");
    }
    String text = form.getOrDefault("text", "");
    boolean zh = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    String markdown;
    if (asksForHelp(text)) {
      markdown = ChatFormats.mattermost(ChatAnswer.help(zh, form.getOrDefault("command", "/gocause")));
    } else {
      try {
        markdown = ChatFormats.mattermost(ChatAnswer.of(diagnoser.diagnose(request(text))));
      } catch (GocauseException e) {
        markdown = e.getMessage();
      }
    }
    ctx.json(Map.of("response_type", "ephemeral", "text", markdown));
  }

  // ----------------------------------------------------------------- shared

  /** An empty command, or {@code /gocause help} (what people type first in a chat), gets the usage line. */
  static boolean asksForHelp(String text) {
    String t = text.strip().toLowerCase(java.util.Locale.ROOT);
    return t.isEmpty() || t.equals("help") || t.equals("-h") || t.equals("--help") || t.equals("?") || t.equals("帮助");
  }

  private static DiagnosisRequest request(String text) {
    return new DiagnosisRequest(text, ChatAnswer.MAX_CAUSES, null);
  }

  private static ProblemException disabled(Context ctx) {
    // 404 as for a route that is not there, but saying how to turn it on: /openapi.json lists it.
    String secret = ctx.path().endsWith("/slack") ? "SLACK_SIGNING_SECRET" : "MATTERMOST_TOKEN";
    return new ProblemException(404, "not-found", "Not found",
        ctx.path() + " is off on this server; it is on when " + secret + " is set where the API runs");
  }

  private static ProblemException unauthorized(String detail) {
    return new ProblemException(401, "unauthorized", "Unauthorized", detail);
  }

  /** application/x-www-form-urlencoded → first value per key. */
  static Map<String, String> form(byte[] raw) {
    Map<String, String> out = new HashMap<>();
    String s = new String(raw, StandardCharsets.UTF_8);
    for (String pair : s.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.putIfAbsent(k, v);
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("malformed-form", "Malformed form", "the body is not valid form encoding");
      }
    }
    return out;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
