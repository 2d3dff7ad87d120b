package dev.gocause.api;

import static dev.gocause.api.DiagnoseEndpointRanksCausesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer token, CORS allow-list and rate limit on one server; CORS off by default on another. */
class SecurityGuardsTest {
  static ApiServer guarded;
  static ApiServer plain;
  static Http http;
  static Http open;

  @BeforeAll
  static void start() {
    guarded = ApiServer.start(ApiConfig.fromMap(Map.of(ApiConfig.PORT, "0", ApiConfig.TOKEN, "s3cret-token",
        ApiConfig.CORS_ORIGINS, "https://allowed.example, http://localhost:3000", ApiConfig.RATE_LIMIT, "5")),
        TestGraph.store());
    plain = ApiServer.start(ApiConfig.defaults().withPort(0), TestGraph.store());
    http = new Http(guarded.baseUrl());
    open = new Http(plain.baseUrl());
  }

  @AfterAll
  static void stop() {
    guarded.close();
    plain.close();
  }

  static void pause() {
    try {
      Thread.sleep(2100); // refill the rate-limit bucket (5/s, burst 10) between tests
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void v1_needs_the_bearer_token_when_one_is_set_but_health_does_not() {
    pause();
    Http.Res none = http.get("/v1/dimensions");
    assertProblem(none, 401, "unauthorized");
    assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
    assertProblem(http.get("/v1/dimensions", "Authorization", "Bearer wrong"), 401, "unauthorized");
    assertThat(http.get("/v1/dimensions", "Authorization", "Bearer s3cret-token").status()).isEqualTo(200);
    assertThat(http.get("/health").status()).isEqualTo(200);
    assertThat(open.get("/v1/dimensions").status()).isEqualTo(200);
  }

  @Test
  void cors_allows_only_listed_origins_and_answers_preflight() {
    pause();
    Http.Res ok = http.get("/v1/dimensions", "Authorization", "Bearer s3cret-token", "Origin", "https://allowed.example");
    assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("https://allowed.example");
    Http.Res other = http.get("/v1/dimensions", "Authorization", "Bearer s3cret-token", "Origin", "https://evil.example");
    assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    Http.Res pre = http.send(HttpRequest.newBuilder(URI.create(guarded.baseUrl() + "/v1/diagnose"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
        "Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST",
        "Access-Control-Request-Headers", "authorization, content-type");
    assertThat(pre.status()).isEqualTo(204);
    assertThat(pre.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
    assertThat(pre.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(pre.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
    // off by default
    Http.Res def = open.get("/v1/dimensions", "Origin", "https://allowed.example");
    assertThat(def.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void more_requests_than_the_rate_limit_get_429_with_retry_after() throws Exception {
    pause();
    // 40 requests at once: the bucket (5/s, burst 10) lets about 10 through.
    long t0 = System.nanoTime();
    List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      futures.add(Http.CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(guarded.baseUrl() + "/v1/dimensions"))
          .header("Authorization", "Bearer s3cret-token").GET().build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()));
    }
    List<Integer> statuses = new ArrayList<>();
    java.net.http.HttpResponse<String> limited = null;
    for (var f : futures) {
      var r = f.get();
      statuses.add(r.statusCode());
      if (r.statusCode() == 429) {
        limited = r;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long ok = statuses.stream().filter(s -> s == 200).count();
    assertThat(ok).isBetween(1L, (long) (10 + Math.ceil(5 * seconds) + 1));
    assertThat(statuses).contains(429);
    assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith(Problem.CONTENT_TYPE);
    assertThat(limited.body()).contains(Problem.TYPE_PREFIX + "rate-limited");
    assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElse("0"))).isPositive();
    // /health is never rate limited
    assertThat(http.get("/health").status()).isEqualTo(200);
    // the plain server has no limit
    for (int i = 0; i < 30; i++) {
      assertThat(open.get("/v1/dimensions").status()).isEqualTo(200);
    }
  }

  @Test
  void a_malformed_config_value_names_the_variable() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiConfig.fromMap(Map.of(ApiConfig.MAX_BODY, "lots")))
        .hasMessageContaining(ApiConfig.MAX_BODY);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiConfig.fromMap(Map.of(ApiConfig.PORT, "80a")))
        .hasMessageContaining(ApiConfig.PORT);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiConfig.fromMap(Map.of(ApiConfig.CORS_ORIGINS, "example.org/path")))
        .hasMessageContaining(ApiConfig.CORS_ORIGINS);
    assertThat(ApiConfig.fromMap(Map.of(ApiConfig.MAX_BODY, "16MiB")).maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiConfig.fromMap(Map.of(ApiConfig.MAX_BODY, "3GiB")))
        .hasMessageContaining(ApiConfig.MAX_BODY).hasMessageContaining("at most 1GiB");
    assertThat(ApiConfig.defaults().maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(ApiConfig.defaults().host()).isEqualTo("127.0.0.1");
    assertThat(ApiConfig.defaults().port()).isEqualTo(8080);
  }
}
