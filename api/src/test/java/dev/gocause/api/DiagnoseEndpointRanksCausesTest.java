package dev.gocause.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiagnoseEndpointRanksCausesTest {
  static ApiServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = ApiServer.start(ApiConfig.defaults().withPort(0), TestGraph.store());
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String json(String text) {
    try {
      return Json.MAPPER.writeValueAsString(java.util.Map.of("text", text));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_panic_line_in_json_names_send_on_closed_channel_first_with_evidence() {
    Http.Res r = http.post("/v1/diagnose", "application/json", json("panic: send on closed channel\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x.go:9 +0x3c\nexit status 2"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode d = r.json();
    assertThat(d.get("causes").get(0).get("id").asText()).isEqualTo("send-on-closed-channel");
    JsonNode first = d.get("causes").get(0);
    assertThat(first.get("score").asDouble()).isPositive();
    assertThat(first.get("confidence").asText()).isNotBlank();
    assertThat(first.get("evidence").size()).isPositive();
    assertThat(d.get("knowledgeVersion").asText()).isNotBlank();
    assertThat(d.get("stale").asBoolean()).isFalse();
    List<Double> scores = new ArrayList<>();
    d.get("causes").forEach(c -> scores.add(c.get("score").asDouble()));
    assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void a_close_call_asks_back_in_json_and_a_clear_answer_does_not() {
    JsonNode close = http.post("/v1/diagnose", "text/plain; charset=utf-8", "程序卡住了,读写锁").json();
    JsonNode askBack = close.get("askBack");
    assertThat(askBack).as(close.toString()).isNotNull();
    assertThat(askBack.get("between").get(0).asText()).isEqualTo(close.get("causes").get(0).get("id").asText());
    assertThat(askBack.get("between").get(1).asText()).isEqualTo(close.get("causes").get(1).get("id").asText());
    assertThat(askBack.get("observations").size()).isPositive();
    JsonNode clear = http.post("/v1/diagnose", "text/plain", "panic: close of closed channel").json();
    assertThat(clear.has("askBack")).as(clear.toString()).isFalse();
  }

  @Test
  void answers_come_with_their_length_fresh_and_from_the_cache() {
    for (String cacheControl : List.of("no-cache", "max-age=0", "max-age=0")) {
      Http.Res r = http.post("/v1/diagnose", "text/plain; charset=utf-8", "程序卡住了,goroutine 越来越多", "Cache-Control", cacheControl);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
      assertThat(r.header("Transfer-Encoding")).isNull();
      assertThat(r.json().get("causes").size()).isPositive();
    }
  }

  @Test
  void a_body_sent_without_a_length_is_read_to_its_end() {
    byte[] text = ("panic: send on closed channel\n" + "x".repeat(20_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Http.Res r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/v1/diagnose"))
        .header("Content-Type", "text/plain")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(text))));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("causes").get(0).get("id").asText()).isEqualTo("send-on-closed-channel");
    assertThat(r.json().get("input").get("lines").asInt()).isEqualTo(2);
  }

  @Test
  void plain_text_body_and_limit_parameter_are_honoured() {
    Http.Res r = http.post("/v1/diagnose?limit=1", "text/plain; charset=utf-8", "fatal error: all goroutines are asleep - deadlock!");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("causes").size()).isEqualTo(1);
  }

  @Test
  void a_chinese_sentence_finds_causes() {
    Http.Res r = http.post("/v1/diagnose", "application/json", json("程序卡住了,没有任何输出,一直不退出"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("causes").size()).isPositive();
    assertThat(r.json().get("lang").asText()).isEqualTo("zh");
  }

  @Test
  void accept_markdown_returns_the_human_answer() {
    Http.Res r = http.post("/v1/diagnose", "application/json", json("panic: close of closed channel"), "Accept", "text/markdown");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/markdown");
    assertThat(r.body()).contains("close-of-closed-channel").contains("##");
  }

  @Test
  void text_with_nothing_known_gives_empty_causes() {
    Http.Res r = http.post("/v1/diagnose", "application/json", json("the quarterly sales report font looks purple"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("causes").isArray()).isTrue();
    assertThat(r.json().get("causes").size()).isZero();
  }

  @Test
  void a_real_10000_goroutine_dump_fits_the_default_body_limit_and_is_diagnosed() {
    String dump = GoDump.of(10_000);
    assertThat(dump).contains("all goroutines are asleep");
    Http.Res r = http.post("/v1/diagnose", "text/plain", dump);
    assertThat(r.status()).isEqualTo(200);
    JsonNode d = r.json();
    assertThat(d.get("input").get("goroutines").get("total").asInt()).isEqualTo(10_001);
    assertThat(d.get("causes").size()).isPositive();
  }

  @Test
  void malformed_json_is_a_400_problem() {
    Http.Res r = http.post("/v1/diagnose", "application/json", "{\"text\": \"panic: x\"");
    assertProblem(r, 400, "malformed-json");
    assertThat(r.json().get("detail").asText()).contains("line");
  }

  @Test
  void missing_empty_or_non_string_text_is_a_400_naming_text() {
    assertProblem(http.post("/v1/diagnose", "application/json", "{}"), 400, "invalid-parameter");
    assertThat(http.post("/v1/diagnose", "application/json", "{}").json().get("parameter").asText()).isEqualTo("text");
    assertProblem(http.post("/v1/diagnose", "application/json", "{\"text\": \"   \"}"), 400, "invalid-parameter");
    assertProblem(http.post("/v1/diagnose", "application/json", "{\"text\": 42}"), 400, "invalid-parameter");
    assertProblem(http.post("/v1/diagnose", "text/plain", ""), 400, "invalid-parameter");
    assertProblem(http.post("/v1/diagnose", "application/json", "[1,2]"), 400, "malformed-json");
  }

  @Test
  void bad_limit_lang_or_unknown_field_is_a_400_naming_it() {
    Http.Res lim = http.post("/v1/diagnose", "application/json", "{\"text\":\"panic: x\",\"limit\":0}");
    assertProblem(lim, 400, "invalid-parameter");
    assertThat(lim.json().get("parameter").asText()).isEqualTo("limit");
    Http.Res lang = http.post("/v1/diagnose", "application/json", "{\"text\":\"panic: x\",\"lang\":\"fr\"}");
    assertThat(lang.json().get("parameter").asText()).isEqualTo("lang");
    Http.Res field = http.post("/v1/diagnose", "application/json", "{\"txt\":\"panic: x\"}");
    assertThat(field.json().get("parameter").asText()).isEqualTo("txt");
    Http.Res q = http.post("/v1/diagnose?limit=abc", "text/plain", "panic: x");
    assertThat(q.json().get("parameter").asText()).isEqualTo("limit");
  }

  @Test
  void a_wrong_content_type_is_a_415_problem() {
    assertProblem(http.post("/v1/diagnose", "application/xml", "<text>panic</text>"), 415, "unsupported-media-type");
    assertProblem(http.post("/v1/diagnose", null, "panic: x"), 415, "unsupported-media-type");
  }

  static void assertProblem(Http.Res r, int status, String slug) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.get("type").asText()).isEqualTo(Problem.TYPE_PREFIX + slug);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("detail").asText()).isNotBlank();
    assertThat(p.get("instance").asText()).startsWith("/");
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
