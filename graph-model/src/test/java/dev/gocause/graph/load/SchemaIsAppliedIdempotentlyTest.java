package dev.gocause.graph.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.store.GraphStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

class SchemaIsAppliedIdempotentlyTest {

  static Map<String, String> fulltextAnalyzers(GraphStore g) {
    Map<String, String> m = new HashMap<>();
    try (Session s = g.session()) {
      s.run("SHOW FULLTEXT INDEXES YIELD name, options RETURN name, options.indexConfig['fulltext.analyzer'] AS a")
          .forEachRemaining(r -> m.put(r.get("name").asString(), r.get("a").asString()));
    }
    return m;
  }

  @Test
  void every_label_gets_a_named_uniqueness_constraint_on_id_and_applying_twice_changes_nothing() {
    GraphStore g = SharedTestGraph.get();
    GraphSchema.apply(g.driver(), g.database());
    GraphSchema.apply(g.driver(), g.database());
    try (Session s = g.session()) {
      List<String> labels = s.run("""
          SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
          WHERE type = 'UNIQUENESS' AND properties = ['id']
          RETURN labelsOrTypes[0] AS l
          """).list(r -> r.get("l").asString());
      assertThat(labels).containsExactlyInAnyOrderElementsOf(
          java.util.Arrays.stream(NodeLabel.values()).map(NodeLabel::cypherName).toList());
    }
    assertThat(fulltextAnalyzers(g)).containsEntry("searchZh", "cjk").containsEntry("searchEn", "standard").hasSize(2);
  }

  @Test
  void full_text_indexes_that_differ_from_schema_cypher_are_replaced() {
    GraphStore g = SharedTestGraph.get();
    GraphSchema.apply(g.driver(), g.database());
    try (Session s = g.session()) {
      DifferingFullTextIndexes.create(s);
    }
    GraphSchema.apply(g.driver(), g.database());
    assertThat(fulltextAnalyzers(g)).containsOnly(Map.entry("searchZh", "cjk"), Map.entry("searchEn", "standard"));
  }
}
