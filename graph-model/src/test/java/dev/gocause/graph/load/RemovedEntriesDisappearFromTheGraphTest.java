package dev.gocause.graph.load;

import static dev.gocause.graph.SharedTestGraph.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.Fixtures;
import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.seed.SeedSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

class RemovedEntriesDisappearFromTheGraphTest {
  Path seed;
  KnowledgeLoader loader;

  @BeforeEach
  void loadAnEditableCopy() {
    SharedTestGraph.clear();
    seed = Fixtures.copy("basic");
    loader = new KnowledgeLoader(SharedTestGraph.get());
    loader.load(SeedSource.fromDirectory(seed), false);
  }

  @Test
  void an_entry_removed_from_seed_data_disappears_with_its_relationships() throws Exception {
    assertThat(count("MATCH (c:Correction {id: 'nil-mutex-panics'}) RETURN count(c)")).isEqualTo(1);
    assertThat(count("MATCH ()-[r:CORRECTS]->() RETURN count(r)")).isEqualTo(1);
    long describedIn = count("MATCH ()-[r:DESCRIBED_IN]->() RETURN count(r)");

    Files.delete(seed.resolve("corrections.yaml"));
    LoadReport r = loader.load(SeedSource.fromDirectory(seed), false);

    assertThat(r.unchanged()).isFalse();
    assertThat(r.nodes()).containsEntry("Correction", 0L);
    assertThat(r.relationships()).containsEntry("CORRECTS", 0L).containsEntry("DESCRIBED_IN", describedIn - 1);
    assertThat(count("MATCH (c:Correction) RETURN count(c)")).isZero();
    assertThat(r.changes().nodesDeleted()).isEqualTo(1);
  }

  @Test
  void a_removed_field_vanishes_and_changed_weights_and_links_follow_seed_data() {
    Path symptoms = seed.resolve("symptoms.yaml");
    Fixtures.replace(symptoms, "    descriptionEn: The service looks alive, yet requests get no answer and the log has gone quiet.\n", "");
    Fixtures.replace(symptoms, "weight: 0.6", "weight: 0.75");
    Fixtures.replace(symptoms, "      - cause: double-locking\n        weight: 0.4\n", "");

    LoadReport r = loader.load(SeedSource.fromDirectory(seed), false);

    assertThat(r.relationships()).containsEntry("INDICATES", 2L);
    try (Session s = SharedTestGraph.get().session()) {
      var rec = s.run("MATCH (n:Symptom {id: 'program-hangs-no-output'}) RETURN n.descriptionEn AS d, n.descriptionZh AS z, n.searchEn AS en")
          .single();
      assertThat(rec.get("d").isNull()).isTrue();
      assertThat(rec.get("z").asString()).contains("日志");
      assertThat(rec.get("en").asString()).doesNotContain("gone quiet");
      assertThat(s.run("""
          MATCH (:Symptom {id: 'program-hangs-no-output'})-[i:INDICATES]->(c:RootCause)
          RETURN c.id AS cause, i.weight AS w
          """).list(x -> Map.of(x.get("cause").asString(), x.get("w").asDouble())))
          .containsExactly(Map.of("receive-without-sender", 0.75));
    }
  }

  @Test
  void a_node_whose_id_is_no_longer_in_seed_data_is_replaced_not_duplicated() {
    Fixtures.replace(seed.resolve("fixes.yaml"), "id: close-when-done", "id: close-when-finished");
    Fixtures.replace(seed.resolve("root-causes.yaml"), "fixedBy: [close-when-done]", "fixedBy: [close-when-finished]");

    LoadReport r = loader.load(SeedSource.fromDirectory(seed), false);

    assertThat(r.nodes()).containsEntry("Fix", 1L);
    assertThat(count("MATCH (:RootCause {id: 'receive-without-sender'})-[:FIXED_BY]->(f:Fix {id: 'close-when-finished'}) RETURN count(f)"))
        .isEqualTo(1);
    assertThat(count("MATCH (f:Fix {id: 'close-when-done'}) RETURN count(f)")).isZero();
  }
}
