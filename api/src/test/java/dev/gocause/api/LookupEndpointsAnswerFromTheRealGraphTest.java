package dev.gocause.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LookupEndpointsAnswerFromTheRealGraphTest {
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

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void a_chinese_search_finds_the_hang_symptom() {
    Http.Res r = http.get("/v1/symptoms?q=" + enc("卡住"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    List<String> ids = ids(r.json().get("items"));
    assertThat(ids).contains("program-hangs-no-output");
    assertThat(r.json().get("items").get(0).get("score").asDouble()).isPositive();
  }

  @Test
  void an_english_search_finds_symptoms_and_operators_in_it_are_plain_words() {
    Http.Res r = http.get("/v1/symptoms?q=" + enc("memory leak"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(ids(r.json().get("items"))).contains("memory-keeps-growing");
    // Lucene syntax in user text must not break the query.
    Http.Res odd = http.get("/v1/symptoms?q=" + enc("hangs AND (stuck OR \"deadlock\") [x TO y] ~2 *"));
    assertThat(odd.status()).isEqualTo(200);
  }

  @Test
  void listing_symptoms_pages_with_opaque_cursors_and_sees_every_symptom_once() {
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Http.Res r = http.get("/v1/symptoms?limit=3" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
      assertThat(r.status()).isEqualTo(200);
      JsonNode items = r.json().get("items");
      assertThat(items.size()).isBetween(1, 3);
      for (String id : ids(items)) {
        assertThat(seen.add(id)).as("symptom %s seen twice", id).isTrue();
      }
      cursor = r.json().hasNonNull("nextCursor") ? r.json().get("nextCursor").asText() : null;
      pages++;
    } while (cursor != null && pages < 200);
    assertThat(seen).contains("program-hangs-no-output", "numbers-occasionally-wrong");
    Http.Res all = http.get("/v1/symptoms?limit=200");
    assertThat(ids(all.json().get("items"))).containsExactlyInAnyOrderElementsOf(seen);
  }

  @Test
  void a_symptom_by_id_lists_its_causes_by_weight() {
    Http.Res r = http.get("/v1/symptoms/program-hangs-no-output");
    assertThat(r.status()).isEqualTo(200);
    JsonNode s = r.json();
    assertThat(s.get("id").asText()).isEqualTo("program-hangs-no-output");
    assertThat(s.get("nameZh").asText()).isNotBlank();
    JsonNode ind = s.get("indicates");
    assertThat(ind.size()).isPositive();
    for (int i = 1; i < ind.size(); i++) {
      assertThat(ind.get(i - 1).get("weight").asDouble()).isGreaterThanOrEqualTo(ind.get(i).get("weight").asDouble());
    }
    assertThat(s.get("diagnosedBy").size()).isPositive();
  }

  @Test
  void a_cause_by_id_carries_dimensions_symptoms_commands_and_fixes() {
    Http.Res r = http.get("/v1/causes/data-race-shared-variable");
    assertThat(r.status()).isEqualTo(200);
    JsonNode c = r.json();
    assertThat(ids(c.get("dimensions"))).contains("memory");
    assertThat(ids(c.get("indicatedBy"))).contains("numbers-occasionally-wrong");
    assertThat(c.get("indicatedBy").get(0).get("weight").asDouble()).isBetween(0.0, 1.0);
    assertThat(ids(c.get("commands"))).contains("race-detector");
    assertThat(c.get("fixes").size()).isPositive();
    assertThat(c.get("fixes").get(0).get("after").asText()).isNotBlank();
    assertThat(c.get("mechanismEn").asText()).isNotBlank();
  }

  @Test
  void causes_filter_by_dimension_and_every_one_is_in_it() {
    Http.Res r = http.get("/v1/causes?dimension=memory&limit=200");
    assertThat(r.status()).isEqualTo(200);
    JsonNode items = r.json().get("items");
    assertThat(items.size()).isPositive();
    for (JsonNode c : items) {
      assertThat(ids(c.get("dimensions"), true)).contains("memory");
    }
    Http.Res all = http.get("/v1/causes?limit=200");
    assertThat(all.json().get("items").size()).isGreaterThan(items.size());
  }

  @Test
  void dimensions_are_the_four_canonical_ones_with_their_causes() {
    Http.Res r = http.get("/v1/dimensions");
    assertThat(r.status()).isEqualTo(200);
    assertThat(ids(r.json().get("items"))).containsExactly("memory", "scheduling", "semantics", "sync-primitives");
    Http.Res mem = http.get("/v1/causes?dimension=memory&limit=200");
    JsonNode memory = r.json().get("items").get(0);
    assertThat(ids(memory.get("causes"), true)).containsExactlyInAnyOrderElementsOf(ids(mem.json().get("items")));
  }

  @Test
  void commands_list_and_fix_by_id_answer() {
    Http.Res r = http.get("/v1/commands?limit=200");
    assertThat(r.status()).isEqualTo(200);
    assertThat(ids(r.json().get("items"))).contains("race-detector");
    assertThat(r.json().get("items").get(0).get("commandLine").asText()).isNotBlank();
    Http.Res one = http.get("/v1/commands/race-detector");
    assertThat(one.status()).isEqualTo(200);
    String fixId = http.get("/v1/causes/data-race-shared-variable").json().get("fixes").get(0).get("id").asText();
    Http.Res fix = http.get("/v1/fixes/" + fixId);
    assertThat(fix.status()).isEqualTo(200);
    assertThat(ids(fix.json().get("fixes"))).contains("data-race-shared-variable");
    assertThat(fix.json().get("before").asText()).isNotBlank();
  }

  @Test
  void cases_list_answers_with_a_page() {
    Http.Res r = http.get("/v1/cases?limit=5");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("items").isArray()).isTrue();
    for (JsonNode k : r.json().get("items")) {
      assertThat(k.get("variant").asText()).isIn("buggy", "fixed");
    }
  }

  @Test
  void the_neighborhood_of_a_cause_holds_its_symptoms_and_edges_point_inside() {
    Http.Res r = http.get("/v1/graph/neighborhood?id=data-race-shared-variable&depth=1");
    assertThat(r.status()).isEqualTo(200);
    JsonNode g = r.json();
    Set<String> keys = new HashSet<>();
    g.get("nodes").forEach(n -> keys.add(n.get("key").asText()));
    assertThat(keys).contains("RootCause:data-race-shared-variable", "Symptom:numbers-occasionally-wrong", "Dimension:memory");
    assertThat(g.get("edges").size()).isPositive();
    for (JsonNode e : g.get("edges")) {
      assertThat(keys).contains(e.get("from").asText(), e.get("to").asText());
    }
    Http.Res deeper = http.get("/v1/graph/neighborhood?id=data-race-shared-variable&depth=2");
    assertThat(deeper.json().get("nodes").size()).isGreaterThan(g.get("nodes").size());
  }

  @Test
  void paths_lead_from_a_symptom_to_a_cause() {
    Http.Res r = http.get("/v1/paths?from=numbers-occasionally-wrong&to=data-race-shared-variable");
    assertThat(r.status()).isEqualTo(200);
    JsonNode p = r.json().get("items").get(0);
    assertThat(p.get("length").asInt()).isEqualTo(1);
    assertThat(p.get("edges").get(0).get("type").asText()).isEqualTo("INDICATES");
    assertThat(p.get("edges").get(0).get("weight").asDouble()).isPositive();
    Http.Res two = http.get("/v1/paths?from=numbers-occasionally-wrong&to=memory");
    assertThat(two.json().get("items").get(0).get("length").asInt()).isEqualTo(2);
  }

  static List<String> ids(JsonNode array) {
    return ids(array, false);
  }

  static List<String> ids(JsonNode array, boolean plain) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(plain ? n.asText() : n.get("id").asText()));
    return out;
  }
}
