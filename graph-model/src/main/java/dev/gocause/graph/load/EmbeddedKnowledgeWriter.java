package dev.gocause.graph.load;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.RelType;
import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedEntry;
import dev.gocause.graph.seed.SeedRelationship;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded graph's side of {@link KnowledgeLoader}, through Neo4j's Java API instead of
 * Cypher: reads which knowledge the graph holds and, into a graph without any managed node or
 * relationship (a fresh store, the common case), creates every node and relationship in one
 * transaction. Each Cypher statement costs a planning, which on a cold JVM weighs more than
 * writing a few thousand nodes; the Java API plans nothing. A graph that already holds knowledge
 * is left to the loader's Cypher path (MERGE per label through the id constraint).
 *
 * <p>What it writes equals what the Cypher path writes: the same labels, types and properties,
 * each value stored as Cypher stores a parameter of that type ({@link #stored}).
 */
final class EmbeddedKnowledgeWriter {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKnowledgeWriter.class);

  private final GraphDatabaseService db;
  private final Map<NodeLabel, Label> labels = new EnumMap<>(NodeLabel.class);
  private final Map<RelType, RelationshipType> types = new EnumMap<>(RelType.class);

  EmbeddedKnowledgeWriter(GraphDatabaseService db) {
    this.db = db;
    for (NodeLabel l : NodeLabel.values()) {
      labels.put(l, Label.label(l.cypherName()));
    }
    for (RelType t : RelType.values()) {
      types.put(t, RelationshipType.withName(t.name()));
    }
  }

  /** What {@link #writeIfEmpty} found or did. */
  sealed interface Outcome permits Unchanged, Written, NotEmpty {}

  /** The graph holds this load already (and it was not forced): nothing written. */
  record Unchanged() implements Outcome {}

  /** The graph was empty and now holds the knowledge; {@code same}: it held this load before (forced). */
  record Written(LoadReport.Changes changes, boolean same) implements Outcome {}

  /** The graph holds managed nodes or relationships: nothing written, synchronise through Cypher. */
  record NotEmpty() implements Outcome {}

  /**
   * In one transaction: reads the KnowledgeBase node's hashes; unless they equal this load's (and
   * not {@code force}), writes {@code ks} when the graph holds no managed node or relationship.
   */
  Outcome writeIfEmpty(KnowledgeSet ks, String loadHash, boolean force, Map<String, Object> knowledgeBase) {
    try (Transaction tx = db.beginTx()) {
      Node kb = tx.findNode(labels.get(NodeLabel.KNOWLEDGE_BASE), "id", KnowledgeLoader.KNOWLEDGE_BASE_ID);
      boolean same = kb != null && ks.contentHash().equals(kb.getProperty("contentHash", null))
          && loadHash.equals(kb.getProperty("loadHash", null));
      if (same && !force) {
        return new Unchanged();
      }
      if (!empty(tx)) {
        return new NotEmpty();
      }
      long t0 = System.nanoTime();
      int properties = 0;
      Map<String, Node> nodes = new HashMap<>(ks.entries().size() * 2);
      for (SeedEntry e : ks.entries()) {
        Node n = tx.createNode(labels.get(e.label()));
        properties += setAll(n, e.properties());
        nodes.put(key(e.label(), e.id()), n);
      }
      properties += setAll(tx.createNode(labels.get(NodeLabel.KNOWLEDGE_BASE)), knowledgeBase);
      LOG.debug("{} nodes created in {} ms", ks.entries().size() + 1, (System.nanoTime() - t0) / 1_000_000);
      long tRels = System.nanoTime();
      for (SeedRelationship r : ks.relationships()) {
        Node a = node(nodes, r.fromLabel(), r.fromId(), r);
        Node b = node(nodes, r.toLabel(), r.toId(), r);
        properties += setAll(a.createRelationshipTo(b, types.get(r.type())), r.properties());
      }
      LOG.debug("{} relationships created in {} ms", ks.relationships().size(), (System.nanoTime() - tRels) / 1_000_000);
      long tCommit = System.nanoTime();
      tx.commit();
      LOG.debug("committed in {} ms", (System.nanoTime() - tCommit) / 1_000_000);
      return new Written(new LoadReport.Changes(ks.entries().size() + 1, 0, ks.relationships().size(), 0, properties), same);
    }
  }

  /** Node counts per label and relationship counts per type, as {@link KnowledgeLoader#counts()} gives them. */
  KnowledgeLoader.GraphCounts counts() {
    try (Transaction tx = db.beginTx()) {
      Map<String, Long> nodes = new LinkedHashMap<>();
      labels.forEach((l, label) -> nodes.put(l.cypherName(), count(tx.findNodes(label))));
      Map<String, Long> rels = new LinkedHashMap<>();
      types.forEach((t, type) -> rels.put(t.name(), count(tx.findRelationships(type))));
      return new KnowledgeLoader.GraphCounts(nodes, rels);
    }
  }

  private boolean empty(Transaction tx) {
    for (Label l : labels.values()) {
      try (ResourceIterator<Node> it = tx.findNodes(l)) {
        if (it.hasNext()) {
          return false;
        }
      }
    }
    for (RelationshipType t : types.values()) {
      try (ResourceIterator<?> it = tx.findRelationships(t)) {
        if (it.hasNext()) {
          return false;
        }
      }
    }
    return true;
  }

  private static long count(ResourceIterator<?> it) {
    try (it) {
      long n = 0;
      while (it.hasNext()) {
        it.next();
        n++;
      }
      return n;
    }
  }

  private static String key(NodeLabel label, String id) {
    return label.cypherName() + "|" + id;
  }

  private static Node node(Map<String, Node> nodes, NodeLabel label, String id, SeedRelationship r) {
    Node n = nodes.get(key(label, id));
    if (n == null) {
      throw new IllegalStateException("validated seed-data refers to a node that was not written: " + r.key());
    }
    return n;
  }

  /** Sets every property of {@code props} (as {@code SET x = $props} does); returns how many. */
  private static int setAll(Entity entity, Map<String, Object> props) {
    int n = 0;
    for (Map.Entry<String, Object> p : props.entrySet()) {
      if (p.getValue() != null) {
        entity.setProperty(p.getKey(), stored(p.getKey(), p.getValue()));
        n++;
      }
    }
    return n;
  }

  /**
   * A value as Cypher stores the same value sent as a parameter: integers as {@code long},
   * floating point as {@code double}, a list as an array of its element type.
   */
  static Object stored(String key, Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof List<?> list) {
      return array(key, list);
    }
    throw new IllegalArgumentException("property " + key + " holds a " + value.getClass().getSimpleName()
        + ", which the graph cannot store; seed-data properties are strings, numbers, booleans or lists of one of them");
  }

  private static Object array(String key, List<?> list) {
    if (list.stream().allMatch(v -> v instanceof String)) {
      return list.toArray(String[]::new);
    }
    if (list.stream().allMatch(v -> v instanceof Boolean)) {
      boolean[] a = new boolean[list.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = (Boolean) list.get(i);
      }
      return a;
    }
    if (list.stream().allMatch(v -> v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
      return list.stream().mapToLong(v -> ((Number) v).longValue()).toArray();
    }
    if (list.stream().allMatch(v -> v instanceof Double || v instanceof Float)) {
      return list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
    throw new IllegalArgumentException("property " + key + " is a list of mixed or unsupported values " + list
        + "; the graph stores lists of strings, of integers, of decimals or of booleans");
  }
}
