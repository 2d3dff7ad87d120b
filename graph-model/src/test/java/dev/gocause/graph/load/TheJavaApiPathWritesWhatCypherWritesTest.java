package dev.gocause.graph.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.EmbeddedGraphStore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/**
 * An embedded graph is loaded through Neo4j's Java API, a remote one through Cypher: both must
 * leave the same graph (labels, types, every property with its stored type) and the same schema.
 * The Cypher path is taken here by a loader built on the embedded store's driver alone.
 */
class TheJavaApiPathWritesWhatCypherWritesTest {

  /** Every node and relationship with its properties and their Cypher types, keyed so that two graphs compare. */
  static Map<String, Object> dump(EmbeddedGraphStore g) {
    Map<String, Object> out = new TreeMap<>();
    try (Session s = g.session()) {
      s.run("""
          MATCH (n)
          RETURN labels(n) AS labels, n.id AS id,
                 [k IN keys(n) | [k, valueType(n[k]), n[k]]] AS props
          """).forEachRemaining(r -> out.put("node " + r.get("labels").asList() + " " + r.get("id").asString(),
          sorted(r.get("props").asList(v -> v.asList()))));
      s.run("""
          MATCH (a)-[r]->(b)
          RETURN type(r) AS type, labels(a) + a.id AS a, labels(b) + b.id AS b,
                 [k IN keys(r) | [k, valueType(r[k]), r[k]]] AS props
          """).forEachRemaining(r -> out.merge("rel " + r.get("type").asString() + " " + r.get("a").asList() + " -> " + r.get("b").asList(),
          sorted(r.get("props").asList(v -> v.asList())), (x, y) -> List.of(x, y)));
    }
    return out;
  }

  private static Map<String, Object> sorted(List<List<Object>> props) {
    Map<String, Object> m = new TreeMap<>();
    props.forEach(p -> m.put((String) p.get(0), List.of(p.get(1), p.get(2))));
    return m;
  }

  static List<Map<String, Object>> schema(EmbeddedGraphStore g) {
    try (Session s = g.session()) {
      return s.run("""
          SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, options, owningConstraint
          WHERE type <> 'LOOKUP'
          RETURN name, type, entityType, labelsOrTypes, properties,
                 options.indexConfig['fulltext.analyzer'] AS analyzer, owningConstraint
          ORDER BY name
          """).list(r -> r.asMap());
    }
  }

  static void dropSchema(EmbeddedGraphStore g) {
    try (Session s = g.session()) {
      s.run("SHOW CONSTRAINTS YIELD name").list(r -> r.get("name").asString())
          .forEach(n -> s.run("DROP CONSTRAINT `" + n + "`").consume());
      s.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name").list(r -> r.get("name").asString())
          .forEach(n -> s.run("DROP INDEX `" + n + "`").consume());
    }
  }

  @Test
  void the_real_knowledge_loaded_through_the_java_api_equals_the_knowledge_loaded_through_cypher() {
    KnowledgeSet ks = SeedReader.read(SeedSource.fromDirectory(RealSeedDataValidatesAndLoadsTest.seedData()));
    EmbeddedGraphStore g = SharedTestGraph.get();

    SharedTestGraph.clear();
    LoadReport viaCypher = new KnowledgeLoader(g.driver(), g.database()).load(ks, false);
    Map<String, Object> cypherGraph = dump(g);

    SharedTestGraph.clear();
    LoadReport viaJavaApi = new KnowledgeLoader(g).load(ks, false);
    Map<String, Object> javaApiGraph = dump(g);

    assertThat(cypherGraph).hasSize(ks.entries().size() + 1 + ks.relationships().size());
    assertThat(javaApiGraph).isEqualTo(cypherGraph);
    assertThat(viaJavaApi.changes()).isEqualTo(viaCypher.changes());
    assertThat(viaJavaApi.nodes()).isEqualTo(viaCypher.nodes());
    assertThat(viaJavaApi.relationships()).isEqualTo(viaCypher.relationships());
    // either path recognises what the other loaded
    assertThat(new KnowledgeLoader(g.driver(), g.database()).load(ks, false).unchanged()).isTrue();
    assertThat(new KnowledgeLoader(g).counts()).isEqualTo(new KnowledgeLoader(g.driver(), g.database()).counts());
  }

  @Test
  void the_schema_created_through_the_java_api_equals_schema_cypher_run_as_cypher_and_a_second_apply_changes_nothing() {
    EmbeddedGraphStore g = SharedTestGraph.get();
    dropSchema(g);
    GraphSchema.apply(g.driver(), g.database());
    List<Map<String, Object>> viaCypher = schema(g);

    dropSchema(g);
    assertThat(EmbeddedSchema.apply(g.graphDatabase())).as("something was created").isTrue();
    EmbeddedSchema.awaitOnline(g.graphDatabase());
    assertThat(schema(g)).isEqualTo(viaCypher);
    assertThat(viaCypher).extracting(m -> m.get("name")).contains("section_id_unique", "searchZh", "searchEn");

    assertThat(EmbeddedSchema.apply(g.graphDatabase())).as("nothing to create or wait for").isFalse();
    assertThat(schema(g)).isEqualTo(viaCypher);
  }

  @Test
  void a_full_text_index_that_differs_from_schema_cypher_is_replaced_through_the_java_api() {
    EmbeddedGraphStore g = SharedTestGraph.get();
    GraphSchema.apply(g.driver(), g.database());
    List<Map<String, Object>> expected = schema(g);
    try (Session s = g.session()) {
      DifferingFullTextIndexes.create(s);
    }
    EmbeddedSchema.apply(g.graphDatabase());
    EmbeddedSchema.awaitOnline(g.graphDatabase());
    assertThat(schema(g)).isEqualTo(expected);
  }
}
