package dev.gocause.graph.diagnosis;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.RelType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** Reads the knowledge out of the graph, in one read transaction, as a {@link KnowledgeSnapshot}. */
final class GraphModelReader {

  /** Version and hash of the loaded knowledge; both empty when nothing was loaded. */
  record Stamp(String version, String hash) {}

  private GraphModelReader() {}

  static Stamp stamp(TransactionContext tx) {
    List<Record> r = tx.run("""
        MATCH (k:KnowledgeBase)
        RETURN k.version AS version, k.contentHash AS hash
        ORDER BY k.id LIMIT 1
        """).list();
    if (r.isEmpty()) {
      return new Stamp("", "");
    }
    return new Stamp(str(r.get(0).get("version")), str(r.get(0).get("hash")));
  }

  /**
   * The knowledge the graph holds: every node carrying a managed label or a label of one of the
   * full-text indexes {@code fullText} (read beforehand in its own transaction, {@link #fullText}),
   * and every relationship of a managed type between managed nodes. {@link ModelCompiler} makes the
   * model of it, as it does of seed-data.
   */
  static KnowledgeSnapshot snapshot(TransactionContext tx, List<FullTextIndexes.Definition> fullText) {
    Stamp stamp = stamp(tx);
    Set<String> labels = new TreeSet<>();
    NodeLabel.entryLabels().forEach(l -> labels.add(l.cypherName()));
    fullText.forEach(d -> labels.addAll(d.labels()));
    List<KnowledgeSnapshot.NodeRow> nodes = new ArrayList<>();
    for (Record r : tx.run("""
        MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels)
        RETURN labels(n) AS labels, properties(n) AS properties
        """, Map.of("labels", List.copyOf(labels))).list()) {
      nodes.add(new KnowledgeSnapshot.NodeRow(strings(r.get("labels")), r.get("properties").asMap()));
    }
    List<String> managed = NodeLabel.entryLabels().stream().map(NodeLabel::cypherName).toList();
    List<KnowledgeSnapshot.RelRow> rels = new ArrayList<>();
    for (Record r : tx.run("""
        MATCH (a)-[r]->(b)
        WHERE type(r) IN $types AND a.id IS NOT NULL AND b.id IS NOT NULL
          AND any(l IN labels(a) WHERE l IN $managed) AND any(l IN labels(b) WHERE l IN $managed)
        RETURN type(r) AS type, labels(a) AS fromLabels, a.id AS fromId, labels(b) AS toLabels, b.id AS toId,
               properties(r) AS properties
        """, Map.of("types", Arrays.stream(RelType.values()).map(Enum::name).toList(), "managed", managed)).list()) {
      if (!r.get("fromId").hasType(org.neo4j.driver.types.TypeSystem.getDefault().STRING())
          || !r.get("toId").hasType(org.neo4j.driver.types.TypeSystem.getDefault().STRING())) {
        continue;
      }
      rels.add(new KnowledgeSnapshot.RelRow(str(r.get("type")),
          ModelCompiler.managedLabel(strings(r.get("fromLabels"))), str(r.get("fromId")),
          ModelCompiler.managedLabel(strings(r.get("toLabels"))), str(r.get("toId")), r.get("properties").asMap()));
    }
    return new KnowledgeSnapshot(stamp.version(), stamp.hash(), nodes, rels, fullText);
  }

  /**
   * The graph's online node full-text indexes with their analyzers, for an in-memory copy
   * ({@link FullTextIndexes}). Empty when the graph has none. Its own transaction: a user without
   * the SHOW INDEX privilege fails here without failing the model.
   */
  static List<FullTextIndexes.Definition> fullText(TransactionContext tx) {
    List<FullTextIndexes.Definition> defs = new ArrayList<>();
    for (Record r : tx.run("""
        SHOW FULLTEXT INDEXES YIELD name, entityType, labelsOrTypes, properties, options, state
        WHERE entityType = 'NODE' AND state = 'ONLINE'
        RETURN name, labelsOrTypes AS labels, properties, options.indexConfig['fulltext.analyzer'] AS analyzer
        ORDER BY name
        """).list()) {
      String analyzer = r.get("analyzer").isNull() ? "standard-no-stop-words" : r.get("analyzer").asString();
      defs.add(new FullTextIndexes.Definition(str(r.get("name")), strings(r.get("labels")), strings(r.get("properties")), analyzer));
    }
    return defs;
  }

  private static String str(Value v) {
    return v == null || v.isNull() ? "" : v.asString();
  }

  private static List<String> strings(Value v) {
    return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
  }
}
