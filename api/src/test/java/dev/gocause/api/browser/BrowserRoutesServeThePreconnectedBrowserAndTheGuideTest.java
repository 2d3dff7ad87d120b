package dev.gocause.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.api.ApiServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/** The Browser routes over real HTTP, on the real API server and the real loaded graph. */
class BrowserRoutesServeThePreconnectedBrowserAndTheGuideTest {
  static ApiServer api;
  static HttpClient http;

  @BeforeAll
  static void start() {
    api = BrowserTestServer.api();
    http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  }

  static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
    return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET());
  }

  @Test
  void the_root_and_browser_paths_redirect_to_the_browser_connected_to_the_real_bolt_port_playing_the_guide() throws Exception {
    String expectedBolt = BrowserTestServer.store().boltUri();
    assertThat(expectedBolt).matches("bolt://127\\.0\\.0\\.1:\\d+");
    for (String path : List.of("/", "/browser", "/browser/")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(302);
      String location = r.headers().firstValue("Location").orElseThrow();
      assertThat(location).as(path).startsWith("/browser/?connectURL=");
      String decoded = URLDecoder.decode(location, StandardCharsets.UTF_8);
      assertThat(decoded).contains("connectURL=" + expectedBolt, "preselectAuthMethod=NO_AUTH", "cmd=play",
          "arg=http://localhost:" + api.port() + BrowserRoutes.GUIDE_PATH);
    }
  }

  @Test
  void the_browser_page_and_its_assets_come_from_the_neo4j_browser_jar() throws Exception {
    HttpResponse<String> index = get("/browser/index.html");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(index.body()).contains("Neo4j Browser");
    HttpResponse<String> connected = get("/browser/?connectURL=bolt%3A%2F%2F127.0.0.1%3A7687");
    assertThat(connected.statusCode()).isEqualTo(200);
    assertThat(connected.body()).isEqualTo(index.body());
    String script = index.body().replaceAll("(?s).*<script[^>]*src=\"([^\"]+\\.js)\".*", "$1");
    assertThat(script).endsWith(".js");
    HttpResponse<String> js = get("/browser/" + script.replaceFirst("^\\./", ""));
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
  }

  @Test
  void the_guide_is_generated_from_the_graph_with_cors_for_the_browser() throws Exception {
    HttpResponse<String> r = get(BrowserRoutes.GUIDE_PATH);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html").containsIgnoringCase("utf-8");
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    String html = r.body();
    Files.writeString(BrowserTestServer.artifacts().resolve("gocause-guide.html"), html);
    assertThat(html).contains("<carousel class=\"deck container-fluid\">");
    int slides = html.split("<slide class=\"row-fluid\">", -1).length - 1;
    assertThat(slides).isGreaterThanOrEqualTo(11).isEqualTo(html.split("</slide>", -1).length - 1);
    try (Session s = BrowserTestServer.store().session()) {
      for (String zh : s.run("MATCH (n:Dimension) RETURN n.nameZh AS zh").list(x -> x.get("zh").asString())) {
        assertThat(html).contains(zh);
      }
    }
    // the style link names the host the guide was fetched from (a loopback address becomes localhost)
    assertThat(html).contains("data-populate=\":style http://localhost:" + api.port() + BrowserRoutes.STYLE_PATH + "\"");
  }

  @Test
  void a_cors_preflight_for_the_guide_allows_the_headers_the_browser_asks_for() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + BrowserRoutes.GUIDE_PATH))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "http://127.0.0.1:" + api.port())
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "cache-control,pragma,sentry-trace,baggage"));
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).contains("cache-control,pragma,sentry-trace,baggage");
    assertThat(r.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");
  }

  @Test
  void the_graph_style_captions_nodes_by_their_chinese_name() throws Exception {
    HttpResponse<String> r = get(BrowserRoutes.STYLE_PATH);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(r.body()).contains("node.RootCause {", "node.Symptom {", "caption: '{nameZh}'");
  }

  @Test
  void the_public_base_spells_loopback_hosts_localhost_and_rejects_odd_host_headers() {
    assertThat(BrowserRoutes.publicBase("http", "127.0.0.1:8080")).isEqualTo("http://localhost:8080");
    assertThat(BrowserRoutes.publicBase("http", "[::1]:8080")).isEqualTo("http://localhost:8080");
    assertThat(BrowserRoutes.publicBase("http", "localhost")).isEqualTo("http://localhost");
    assertThat(BrowserRoutes.publicBase("https", "graph.example.org")).isEqualTo("https://graph.example.org");
    assertThat(BrowserRoutes.publicBase("http", "10.1.2.3:8080")).isEqualTo("http://10.1.2.3:8080");
    assertThat(BrowserRoutes.publicBase("http", "evil\"><script>:1")).isEqualTo("http://localhost");
    assertThat(BrowserRoutes.publicBase("http", null)).isEqualTo("http://localhost");
  }
}
