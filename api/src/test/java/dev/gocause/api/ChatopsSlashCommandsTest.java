package dev.gocause.api;

import static dev.gocause.api.DiagnoseEndpointRanksCausesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChatopsSlashCommandsTest {
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String MM_TOKEN = "mm-token-123";
  static ApiServer server;
  static ApiServer deferred;
  static ApiServer disabled;
  static Http http;
  static HttpServer receiver;
  static final BlockingQueue<String> received = new ArrayBlockingQueue<>(10);

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = Map.of(ApiConfig.PORT, "0", ApiConfig.SLACK_SIGNING_SECRET, SECRET,
        ApiConfig.MATTERMOST_TOKEN, MM_TOKEN);
    server = ApiServer.start(ApiConfig.fromMap(env), TestGraph.store());
    // A reply budget of 0 ms: every Slack answer goes the slow way (ack, then response_url), even one
    // that is ready at once (seen in a CI trial on a loaded machine before 0 meant "always").
    java.util.HashMap<String, String> slow = new java.util.HashMap<>(env);
    slow.put(ApiConfig.CHATOPS_REPLY_MS, "0");
    deferred = ApiServer.start(ApiConfig.fromMap(slow), TestGraph.store());
    disabled = ApiServer.start(ApiConfig.defaults().withPort(0), TestGraph.store());
    http = new Http(server.baseUrl());
    // Compile the diagnosis model before timing Slack's 3 s (the first diagnosis reads the graph).
    assertThat(http.post("/v1/diagnose", "text/plain", "panic: send on closed channel").status()).isEqualTo(200);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hooks/response", ex -> {
      received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    receiver.start();
  }

  @AfterAll
  static void stop() {
    server.close();
    deferred.close();
    disabled.close();
    receiver.stop(0);
  }

  static String form(String text, String responseUrl) {
    return "token=legacy&team_id=T1&channel_id=C1&user_id=U1&command=%2Fgocause&text="
        + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&response_url=" + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8);
  }

  static Http.Res slack(Http h, String body, long timestamp, String secret) {
    String ts = String.valueOf(timestamp);
    String sig = "v0=" + ChatopsRoutes.slackSignature(secret, ts, body.getBytes(StandardCharsets.UTF_8));
    return h.post("/v1/chatops/slack", "application/x-www-form-urlencoded", body,
        "X-Slack-Request-Timestamp", ts, "X-Slack-Signature", sig);
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  @Test
  void a_signed_slack_command_gets_block_kit_within_three_seconds() {
    long t0 = System.nanoTime();
    Http.Res r = slack(http, form("panic: send on closed channel", "http://127.0.0.1:1/unused"), now(), SECRET);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(ms).isLessThan(3000);
    JsonNode msg = r.json();
    assertThat(msg.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(msg.get("blocks").isArray()).isTrue();
    assertThat(msg.get("blocks").get(0).get("type").asText()).isIn("section", "context");
    assertThat(r.body()).contains("send-on-closed-channel");
    for (JsonNode b : msg.get("blocks")) {
      if (b.has("text")) {
        assertThat(b.get("text").get("text").asText().length()).isLessThanOrEqualTo(3000);
      }
    }
  }

  @Test
  void a_bad_signature_or_an_old_timestamp_is_refused() {
    String body = form("panic: send on closed channel", "http://127.0.0.1:1/x");
    assertProblem(slack(http, body, now(), "another-secret"), 401, "unauthorized");
    assertProblem(slack(http, body, now() - 6 * 60, SECRET), 401, "unauthorized");
    assertProblem(http.post("/v1/chatops/slack", "application/x-www-form-urlencoded", body), 401, "unauthorized");
    // the signature covers the exact body: tampering breaks it
    String ts = String.valueOf(now());
    String sig = "v0=" + ChatopsRoutes.slackSignature(SECRET, ts, body.getBytes(StandardCharsets.UTF_8));
    Http.Res tampered = http.post("/v1/chatops/slack", "application/x-www-form-urlencoded", body + "x",
        "X-Slack-Request-Timestamp", ts, "X-Slack-Signature", sig);
    assertProblem(tampered, 401, "unauthorized");
  }

  @Test
  void a_slow_slack_answer_is_acknowledged_then_posted_to_response_url() throws Exception {
    received.clear();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/response";
    Http.Res ack = slack(new Http(deferred.baseUrl()), form("fatal error: all goroutines are asleep - deadlock!", url), now(), SECRET);
    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.json().has("blocks")).isFalse();
    assertThat(ack.json().get("text").asText()).isNotBlank();
    String posted = received.poll(60, TimeUnit.SECONDS);
    assertThat(posted).as("answer posted to response_url").isNotNull();
    JsonNode msg = Json.MAPPER.readTree(posted);
    assertThat(msg.get("blocks").size()).isPositive();
    assertThat(msg.get("replace_original").asBoolean()).isTrue();
  }

  @Test
  void mattermost_checks_its_token_and_answers_markdown_within_the_limit() {
    String body = "channel_id=c&command=%2Fgocause&text=" + URLEncoder.encode("程序卡住了,一直不退出", StandardCharsets.UTF_8);
    Http.Res r = http.post("/v1/chatops/mattermost", "application/x-www-form-urlencoded", body, "Authorization", "Token " + MM_TOKEN);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String text = r.json().get("text").asText();
    assertThat(text).contains("**").contains("`");
    assertThat(text.length()).isLessThanOrEqualTo(16_383);
    assertThat(r.json().get("response_type").asText()).isEqualTo("ephemeral");
    assertProblem(http.post("/v1/chatops/mattermost", "application/x-www-form-urlencoded", body, "Authorization", "Token nope"),
        401, "unauthorized");
    assertProblem(http.post("/v1/chatops/mattermost", "application/x-www-form-urlencoded", body), 401, "unauthorized");
  }

  @Test
  void when_the_leading_causes_are_close_the_mattermost_answer_asks_what_separates_them() {
    String body = "channel_id=c&command=%2Fgocause&text=" + URLEncoder.encode("程序卡住了,读写锁", StandardCharsets.UTF_8);
    Http.Res r = http.post("/v1/chatops/mattermost", "application/x-www-form-urlencoded", body, "Authorization", "Token " + MM_TOKEN);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("text").asText()).contains("要区分前两个根因");
  }

  @Test
  void a_huge_mattermost_answer_is_cut_to_16383_characters() {
    String longText = "x".repeat(40_000);
    assertThat(ChatFormats.truncate(longText, ChatFormats.MATTERMOST_MAX)).hasSize(ChatFormats.MATTERMOST_MAX);
    String dump = GoDump.of(3000);
    String body = "command=%2Fgocause&text=" + URLEncoder.encode(dump, StandardCharsets.UTF_8);
    Http.Res r = http.post("/v1/chatops/mattermost", "application/x-www-form-urlencoded", body, "Authorization", "Token " + MM_TOKEN);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("text").asText().length()).isLessThanOrEqualTo(16_383);
  }

  @Test
  void endpoints_are_404_while_their_secret_is_unset() {
    Http off = new Http(disabled.baseUrl());
    String body = form("panic: x", "http://127.0.0.1:1/x");
    assertProblem(slack(off, body, now(), SECRET), 404, "not-found");
    assertProblem(off.post("/v1/chatops/mattermost", "application/x-www-form-urlencoded", body, "Authorization", "Token " + MM_TOKEN),
        404, "not-found");
  }
}
