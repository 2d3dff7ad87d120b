package dev.gocause.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gocause.graph.diagnosis.Diagnosis;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiDocumentDescribesEveryRouteTest {
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

  @Test
  void every_registered_route_is_in_the_document_with_its_path_parameters() {
    Http.Res r = http.get("/openapi.json");
    assertThat(r.status()).isEqualTo(200);
    JsonNode doc = r.json();
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(doc.get("info").get("title").asText()).isNotBlank();
    JsonNode paths = doc.get("paths");
    assertThat(server.registeredRoutes()).hasSizeGreaterThanOrEqualTo(18);
    for (ApiServer.RegisteredRoute route : server.registeredRoutes()) {
      JsonNode item = paths.get(route.path());
      assertThat(item).as("path %s", route.path()).isNotNull();
      JsonNode op = item.get(route.method().toLowerCase(Locale.ROOT));
      assertThat(op).as("%s %s", route.method(), route.path()).isNotNull();
      assertThat(op.get("summary").asText()).isNotBlank();
      assertThat(op.get("responses").size()).isPositive();
      for (String segment : route.path().split("/")) {
        if (segment.startsWith("{")) {
          String name = segment.substring(1, segment.length() - 1);
          List<String> declared = new ArrayList<>();
          op.get("parameters").forEach(p -> declared.add(p.get("in").asText() + ":" + p.get("name").asText()));
          assertThat(declared).contains("path:" + name);
        }
      }
    }
  }

  @Test
  void every_schema_reference_resolves() {
    JsonNode doc = http.get("/openapi.json").json();
    JsonNode schemas = doc.get("components").get("schemas");
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/components/schemas/");
      assertThat(schemas.get(ref.substring("#/components/schemas/".length()))).as(ref).isNotNull();
    }
    JsonNode diagnose = doc.get("paths").get("/v1/diagnose").get("post");
    assertThat(diagnose.get("requestBody").get("content").has("text/plain")).isTrue();
    assertThat(diagnose.get("responses").get("200").get("content").has("application/json")).isTrue();
    assertThat(diagnose.get("responses").get("200").get("content").has("text/markdown")).isTrue();
    assertThat(diagnose.get("responses").get("413").get("content").has(Problem.CONTENT_TYPE)).isTrue();
  }

  @Test
  void the_diagnose_answer_carries_every_field_of_a_diagnosis_plus_stale() {
    List<String> diagnosis = Arrays.stream(Diagnosis.class.getRecordComponents()).map(RecordComponent::getName).toList();
    List<String> answer = Arrays.stream(DiagnoseRoutes.DiagnoseAnswer.class.getRecordComponents()).map(RecordComponent::getName).toList();
    List<String> expected = new ArrayList<>(diagnosis);
    expected.add("stale");
    assertThat(answer).containsExactlyElementsOf(expected);
  }

  static void collectRefs(JsonNode n, List<String> out) {
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> {
        if (e.getKey().equals("$ref")) {
          out.add(e.getValue().asText());
        } else {
          collectRefs(e.getValue(), out);
        }
      });
    } else if (n.isArray()) {
      n.forEach(x -> collectRefs(x, out));
    }
  }
}
