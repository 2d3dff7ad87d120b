package dev.gocause.graph.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.load.LoadReport;
import dev.gocause.graph.seed.SeedSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** The repository's seed-data loaded into a real embedded Neo4j: the graph holds what the YAML says. */
class TheRealSeedLoadsIntoTheGraphTest {
  private static LoadReport report;
  private final KnowledgeData data = KnowledgeData.load();

  @BeforeAll
  static void load() {
    SharedTestGraph.clear();
    report = new KnowledgeLoader(SharedTestGraph.get()).load(SeedSource.fromDirectory(KnowledgeData.load().seedData), false);
  }

  @Test
  void every_entry_and_every_indicates_weight_is_in_the_graph() {
    assertThat(report.nodes()).containsEntry("Symptom", (long) data.entries("symptoms").size())
        .containsEntry("RootCause", (long) data.entries("rootCauses").size())
        .containsEntry("Signature", (long) data.entries("signatures").size())
        .containsEntry("Correction", (long) data.entries("corrections").size());
    long yamlIndicates = data.entries("symptoms").stream().mapToLong(s -> s.path("indicates").size()).sum();
    assertThat(SharedTestGraph.count("MATCH (:Symptom)-[r:INDICATES]->(:RootCause) RETURN count(r)")).isEqualTo(yamlIndicates);
    double yamlWeightSum = data.entries("symptoms").stream()
        .flatMap(s -> java.util.stream.StreamSupport.stream(s.path("indicates").spliterator(), false))
        .mapToDouble(i -> i.path("weight").asDouble()).sum();
    try (Session s = SharedTestGraph.get().session()) {
      double graphSum = s.run("MATCH ()-[r:INDICATES]->() RETURN sum(r.weight) AS w").single().get("w").asDouble();
      assertThat(graphSum).isCloseTo(yamlWeightSum, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void a_panic_message_leads_through_its_signature_to_the_cause_and_its_fix() {
    try (Session s = SharedTestGraph.get().session()) {
      List<Record> rows = s.run("""
          MATCH (g:Signature)-[:IDENTIFIES]->(sy:Symptom)-[i:INDICATES]->(c:RootCause)-[:FIXED_BY]->(f:Fix)
          WHERE g.patternKind = 'literal' AND $line CONTAINS g.pattern
          RETURN c.id AS cause, i.weight AS w, collect(f.id) AS fixes
          ORDER BY w DESC LIMIT 1
          """, Map.of("line", "panic: send on closed channel")).list();
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).get("cause").asString()).isEqualTo("send-on-closed-channel");
      assertThat(rows.get(0).get("w").asDouble()).isGreaterThanOrEqualTo(0.9);
      assertThat(rows.get(0).get("fixes").asList()).contains("fix-single-owner-closes");
    }
  }

  @Test
  void colloquial_chinese_and_english_find_the_hang_symptom_through_the_fulltext_indexes() {
    try (Session s = SharedTestGraph.get().session()) {
      List<String> zh = s.run("CALL db.index.fulltext.queryNodes('searchZh', $q) YIELD node RETURN node.id AS id LIMIT 5",
          Map.of("q", "卡死")).list(r -> r.get("id").asString());
      assertThat(zh).contains("program-hangs-no-output");
      List<String> en = s.run("CALL db.index.fulltext.queryNodes('searchEn', $q) YIELD node RETURN node.id AS id LIMIT 5",
          Map.of("q", "\"memory keeps growing after deploy\"")).list(r -> r.get("id").asString());
      assertThat(en).contains("memory-keeps-growing");
    }
  }

  @Test
  void every_section_is_described_by_entries_and_every_correction_points_at_what_it_corrects() {
    for (JsonNode section : data.entries("sections")) {
      long n = SharedTestGraph.count("MATCH (x)-[:DESCRIBED_IN]->(:Section {id: $id}) RETURN count(x)", Map.of("id", section.path("id").asText()));
      assertThat(n).as("entries described in %s", section.path("id").asText()).isGreaterThanOrEqualTo(3);
    }
    assertThat(SharedTestGraph.count("MATCH (c:Correction) WHERE NOT (c)-[:CORRECTS]->() RETURN count(c)")).isZero();
    assertThat(SharedTestGraph.count("MATCH (c:RootCause) WHERE NOT (c)-[:IN_DIMENSION]->(:Dimension) RETURN count(c)")).isZero();
  }
}
