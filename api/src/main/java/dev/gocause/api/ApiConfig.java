package dev.gocause.api;

import dev.gocause.graph.GocauseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the HTTP API can be told, read once from environment variables.
 *
 * <table>
 *   <tr><td>GOCAUSE_API_HOST</td><td>bind address, default 127.0.0.1</td></tr>
 *   <tr><td>GOCAUSE_API_PORT</td><td>port, default 8080 (0 picks a free one)</td></tr>
 *   <tr><td>GOCAUSE_API_MAX_BODY</td><td>largest request body, default 16MiB, at most 1GiB (a 10,000-goroutine dump is ~3 MB)</td></tr>
 *   <tr><td>GOCAUSE_API_TOKEN</td><td>when set, /v1/* needs {@code Authorization: Bearer <token>}</td></tr>
 *   <tr><td>GOCAUSE_CORS_ORIGINS</td><td>comma-separated origins allowed by CORS; unset = CORS off</td></tr>
 *   <tr><td>GOCAUSE_API_RATE_LIMIT</td><td>requests per second per client on /v1/*; 0 (default) = no limit</td></tr>
 *   <tr><td>SLACK_SIGNING_SECRET</td><td>enables POST /v1/chatops/slack</td></tr>
 *   <tr><td>MATTERMOST_TOKEN</td><td>enables POST /v1/chatops/mattermost</td></tr>
 *   <tr><td>GOCAUSE_CHATOPS_REPLY_MS</td><td>how long Slack's answer may take before it is acknowledged and sent to response_url instead (default 2000; Slack allows 3000; 0: always acknowledge first)</td></tr>
 *   <tr><td>GOCAUSE_SIMULATION_BUDGET_MS</td><td>wall-clock budget for simulating the code of a /v1/diagnose request (default 300; 0 = never simulate; at most 5000); a request's {@code simulationBudgetMs} overrides it up to that maximum</td></tr>
 * </table>
 */
public record ApiConfig(
    String host,
    int port,
    long maxBodyBytes,
    Optional<String> token,
    List<String> corsOrigins,
    double rateLimitPerSecond,
    Optional<String> slackSigningSecret,
    Optional<String> mattermostToken,
    java.time.Duration chatopsReplyBudget,
    java.time.Duration simulationBudget) {

  public static final String HOST = "GOCAUSE_API_HOST";
  public static final String PORT = "GOCAUSE_API_PORT";
  public static final String MAX_BODY = "GOCAUSE_API_MAX_BODY";
  public static final String TOKEN = "GOCAUSE_API_TOKEN";
  public static final String CORS_ORIGINS = "GOCAUSE_CORS_ORIGINS";
  public static final String RATE_LIMIT = "GOCAUSE_API_RATE_LIMIT";
  public static final String SLACK_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  public static final String MATTERMOST_TOKEN = "MATTERMOST_TOKEN";
  public static final String CHATOPS_REPLY_MS = "GOCAUSE_CHATOPS_REPLY_MS";
  public static final String SIMULATION_BUDGET_MS = "GOCAUSE_SIMULATION_BUDGET_MS";
  /** The API's simulation budget by default, and the most a variable or a request may give it. */
  public static final long DEFAULT_SIMULATION_MS = 300;
  public static final long MAX_SIMULATION_MS = 5000;

  /** All variables this config reads, for documentation and `up --help`. */
  public static final List<String> VARIABLES =
      List.of(HOST, PORT, MAX_BODY, TOKEN, CORS_ORIGINS, RATE_LIMIT, SLACK_SIGNING_SECRET, MATTERMOST_TOKEN, CHATOPS_REPLY_MS,
          SIMULATION_BUDGET_MS);

  public static final long DEFAULT_MAX_BODY = 16L * 1024 * 1024;
  /** A request body is read into one array. */
  static final long MAX_MAX_BODY = 1L << 30;

  public ApiConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new GocauseException(PORT + " is " + port + "; use 0..65535 (0 picks a free port)");
    }
    if (maxBodyBytes < 1024) {
      throw new GocauseException(MAX_BODY + " is " + maxBodyBytes + " bytes; use at least 1KiB");
    }
    if (maxBodyBytes > MAX_MAX_BODY) {
      throw new GocauseException(MAX_BODY + " is " + maxBodyBytes + " bytes; use at most 1GiB (a body is held in memory)");
    }
    if (rateLimitPerSecond < 0) {
      throw new GocauseException(RATE_LIMIT + " is " + rateLimitPerSecond + "; use 0 (off) or a positive number");
    }
    token = token.filter(t -> !t.isBlank());
    corsOrigins = List.copyOf(corsOrigins);
    slackSigningSecret = slackSigningSecret.filter(t -> !t.isBlank());
    mattermostToken = mattermostToken.filter(t -> !t.isBlank());
    if (chatopsReplyBudget.isNegative() || chatopsReplyBudget.toMillis() > 2900) {
      throw new GocauseException(CHATOPS_REPLY_MS + " is " + chatopsReplyBudget.toMillis() + "; use 0..2900 (Slack waits 3000 ms)");
    }
    if (simulationBudget.isNegative() || simulationBudget.toMillis() > MAX_SIMULATION_MS) {
      throw new GocauseException(SIMULATION_BUDGET_MS + " is " + simulationBudget.toMillis() + "; use 0 (never simulate) to " + MAX_SIMULATION_MS);
    }
  }

  /** Defaults: 127.0.0.1:8080, 16 MiB bodies, no token, no CORS, no rate limit, no chatops. */
  public static ApiConfig defaults() {
    return fromLookup(k -> null);
  }

  /** From the process environment. */
  public static ApiConfig fromEnvironment() {
    return fromLookup(System::getenv);
  }

  /** From a map of variables (tests, or an Environment snapshot). */
  public static ApiConfig fromMap(Map<String, String> vars) {
    return fromLookup(vars::get);
  }

  /** From any variable look-up; a malformed value is a {@link GocauseException} naming the variable. */
  public static ApiConfig fromLookup(Function<String, String> env) {
    String host = value(env, HOST).orElse("127.0.0.1");
    int port = value(env, PORT).map(v -> parseInt(PORT, v)).orElse(8080);
    long maxBody = value(env, MAX_BODY).map(v -> parseSize(MAX_BODY, v)).orElse(DEFAULT_MAX_BODY);
    List<String> origins = value(env, CORS_ORIGINS)
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
    for (String o : origins) {
      if (!o.equals("*") && !o.matches("https?://[^/\\s]+")) {
        throw new GocauseException(CORS_ORIGINS + " holds '" + o + "'; list origins like https://example.org (scheme://host[:port], no path), comma-separated");
      }
    }
    double rate = value(env, RATE_LIMIT).map(v -> parseDouble(RATE_LIMIT, v)).orElse(0.0);
    long replyMs = value(env, CHATOPS_REPLY_MS).map(v -> (long) parseInt(CHATOPS_REPLY_MS, v)).orElse(2000L);
    long simulationMs = value(env, SIMULATION_BUDGET_MS).map(v -> (long) parseInt(SIMULATION_BUDGET_MS, v)).orElse(DEFAULT_SIMULATION_MS);
    return new ApiConfig(host, port, maxBody, value(env, TOKEN), origins, rate,
        value(env, SLACK_SIGNING_SECRET), value(env, MATTERMOST_TOKEN), java.time.Duration.ofMillis(replyMs),
        java.time.Duration.ofMillis(simulationMs));
  }

  public ApiConfig withPort(int newPort) {
    return new ApiConfig(host, newPort, maxBodyBytes, token, corsOrigins, rateLimitPerSecond, slackSigningSecret,
        mattermostToken, chatopsReplyBudget, simulationBudget);
  }

  private static Optional<String> value(Function<String, String> env, String name) {
    return Optional.ofNullable(env.apply(name)).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static int parseInt(String name, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new GocauseException(name + " is '" + v + "'; give a whole number");
    }
  }

  private static double parseDouble(String name, String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new GocauseException(name + " is '" + v + "'; give a number (requests per second)");
    }
  }

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

  /** "16MiB", "16m", "4000000" → bytes (binary multiples). */
  static long parseSize(String name, String v) {
    Matcher m = SIZE.matcher(v.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new GocauseException(name + " is '" + v + "'; give a size such as 16MiB, 512KiB or 4000000 (bytes)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    return switch (unit.charAt(0)) {
      case 'k' -> n * 1024;
      case 'm' -> n * 1024 * 1024;
      case 'g' -> n * 1024 * 1024 * 1024;
      default -> n;
    };
  }
}
