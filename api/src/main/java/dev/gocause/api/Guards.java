package dev.gocause.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** Request guards run before every handler: CORS, the optional bearer token, the rate limit. */
final class Guards {
  private final List<String> corsOrigins;
  private final Optional<byte[]> token;
  private final RateLimiter limiter;

  Guards(ApiConfig config) {
    this.corsOrigins = config.corsOrigins();
    this.token = config.token().map(t -> t.getBytes(StandardCharsets.UTF_8));
    this.limiter = config.rateLimitPerSecond() > 0 ? new RateLimiter(config.rateLimitPerSecond()) : null;
  }

  void before(Context ctx) {
    boolean preflight = cors(ctx);
    if (preflight) {
      ctx.status(204);
      ctx.skipRemainingHandlers();
      return;
    }
    String path = ctx.path();
    if (!path.startsWith("/v1/")) {
      return;
    }
    // Chat platforms cannot send our bearer token; those routes verify their own signature/token.
    if (token.isPresent() && !path.startsWith("/v1/chatops/")) {
      String auth = ctx.header("Authorization");
      byte[] given = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
          ? auth.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
      if (!MessageDigest.isEqual(given, token.get())) {
        throw new ProblemException(401, "unauthorized", "Unauthorized",
            auth == null ? "this server requires 'Authorization: Bearer <token>' (GOCAUSE_API_TOKEN)"
                : "the bearer token is not the one this server expects")
            .header("WWW-Authenticate", "Bearer realm=\"gocause\"");
      }
    }
    if (limiter != null) {
      long wait = limiter.acquire(ctx.ip());
      if (wait > 0) {
        throw new ProblemException(429, "rate-limited", "Too many requests",
            "more than " + ApiConfig.RATE_LIMIT + " requests per second from this client; retry after " + wait + " s")
            .header("Retry-After", String.valueOf(wait));
      }
    }
  }

  /** Adds CORS headers for allowed origins; true when this is a preflight answered here. */
  private boolean cors(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || corsOrigins.isEmpty()) {
      return false;
    }
    boolean allowed = corsOrigins.contains("*") || corsOrigins.contains(origin);
    ctx.header("Vary", "Origin");
    if (!allowed) {
      return false;
    }
    ctx.header("Access-Control-Allow-Origin", corsOrigins.contains("*") ? "*" : origin);
    ctx.header("Access-Control-Expose-Headers", "Retry-After");
    if (ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null) {
      ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
      ctx.header("Access-Control-Max-Age", "600");
      return true;
    }
    return false;
  }
}
