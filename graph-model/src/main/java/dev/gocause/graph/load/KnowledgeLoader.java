package dev.gocause.graph.load;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.RelType;
import dev.gocause.graph.seed.KnowledgeInfo;
import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedEntry;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedRelationship;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.EmbeddedGraphStore;
import dev.gocause.graph.store.GraphStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.graphdb.GraphDatabaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synchronises the graph with seed-data: validate everything first (nothing is written when any
 * problem exists), then one write transaction that
 *
 * <ul>
 *   <li>MERGEs every node on {@code id} and replaces its properties ({@code SET n = $props}, so a
 *       field removed from seed-data disappears), search text included;
 *   <li>deletes nodes of managed labels whose id is no longer in seed-data (with their relationships);
 *   <li>deletes managed relationships seed-data no longer implies and MERGEs the rest
 *       ({@code weight} on INDICATES);
 *   <li>writes the {@code KnowledgeBase {id:'gocause'}} node with version and content hash.
 * </ul>
 *
 * When the graph already holds the same {@link #loadHash load hash} (content, loader version and
 * schema), nothing is written unless {@code force}.
 *
 * <p>A remote graph is loaded through the driver in Cypher. An embedded graph gets its schema, the
 * hash check and the load into an empty graph through Neo4j's Java API ({@link EmbeddedSchema},
 * {@link EmbeddedKnowledgeWriter}: on a cold JVM a Cypher statement's planning costs more than
 * writing the whole knowledge); updating a graph that already holds knowledge is the same Cypher
 * for both.
 */
public final class KnowledgeLoader {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeLoader.class);
  /** Id of the single KnowledgeBase node. */
  public static final String KNOWLEDGE_BASE_ID = "gocause";
  /**
   * Version of what this loader writes from the same seed-data (node and relationship properties,
   * derived text): raise it when that changes, so graphs loaded by an older loader are reloaded.
   */
  static final int LOADER_VERSION = 2;

  private final Driver driver;
  private final String database;
  /** The embedded graph's Java API, null for a graph reached only through the driver. */
  private final GraphDatabaseService embedded;
  private final EmbeddedKnowledgeWriter embeddedWriter;

  /** Loads {@code store}; through the Java API where it can when the store is embedded. */
  public KnowledgeLoader(GraphStore store) {
    this(store.driver(), store.database(), store instanceof EmbeddedGraphStore e ? e.graphDatabase() : null);
  }

  /** Loads the graph behind {@code driver}, in Cypher only. */
  public KnowledgeLoader(Driver driver, String database) {
    this(driver, database, null);
  }

  private KnowledgeLoader(Driver driver, String database, GraphDatabaseService embedded) {
    this.driver = driver;
    this.database = database;
    this.embedded = embedded;
    this.embeddedWriter = embedded == null ? null : new EmbeddedKnowledgeWriter(embedded);
  }

  /** Validates {@code source} (throws {@link dev.gocause.graph.seed.SeedValidationException}) and loads it. */
  public LoadReport load(SeedSource source, boolean force) {
    long t0 = System.nanoTime();
    KnowledgeSet ks = SeedReader.read(source);
    return load(ks, force, t0);
  }

  /** Loads already validated knowledge. */
  public LoadReport load(KnowledgeSet ks, boolean force) {
    return load(ks, force, System.nanoTime());
  }

  private LoadReport load(KnowledgeSet ks, boolean force, long t0) {
    long tSchema = System.nanoTime();
    // The embedded schema is not waited for here: the uniqueness constraints are online once
    // created, and nothing before the end of the load needs a full-text index. Those are created
    // after the data: populating them from the written graph costs less than updating them at
    // the commit.
    boolean awaitIndexes = false;
    if (embedded != null) {
      awaitIndexes = EmbeddedSchema.apply(embedded, EmbeddedSchema.Part.CONSTRAINTS);
    } else {
      GraphSchema.apply(driver, database);
    }
    LOG.debug("schema checked in {} ms", (System.nanoTime() - tSchema) / 1_000_000);
    String loadHash = loadHash(ks);
    long tWrite = System.nanoTime();
    Written w = embeddedWriter == null ? null : writeEmbedded(ks, loadHash, force);
    if (w == null) {
      try (Session s = session()) {
        w = s.executeWrite(tx -> write(tx, ks, loadHash, force));
      }
    }
    if (embedded != null) {
      awaitIndexes |= EmbeddedSchema.apply(embedded, EmbeddedSchema.Part.FULL_TEXT);
    }
    if (awaitIndexes) {
      // a load returns with its graph searchable
      EmbeddedSchema.awaitOnline(embedded);
    }
    if (w.changes() == null) {
      GraphCounts c = counts();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      LOG.info("graph already holds knowledge {} ({}); nothing written", ks.version(), shortHash(ks.contentHash()));
      return new LoadReport(true, false, ks.version(), ks.contentHash(), ks.source(), c.nodes(), c.relationships(), LoadReport.Changes.NONE, ms);
    }
    LOG.debug("write transaction committed in {} ms", (System.nanoTime() - tWrite) / 1_000_000);
    long tCounts = System.nanoTime();
    // into a graph without any managed node or relationship, what was created is what the graph holds
    GraphCounts c = w.intoEmpty() ? countsOf(ks) : counts();
    LOG.debug("counted in {} ms", (System.nanoTime() - tCounts) / 1_000_000);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    LOG.info("loaded knowledge {} ({}) in {} ms: {} nodes, {} relationships", ks.version(), shortHash(ks.contentHash()), ms,
        c.nodes().values().stream().mapToLong(Long::longValue).sum(), c.relationships().values().stream().mapToLong(Long::longValue).sum());
    return new LoadReport(false, w.same(), ks.version(), ks.contentHash(), ks.source(), c.nodes(), c.relationships(), w.changes(), ms);
  }

  /** What the write transaction did: {@code changes} null when it wrote nothing (the graph already held this load). */
  private record Written(LoadReport.Changes changes, boolean same, boolean intoEmpty) {}

  /** The embedded graph's hash check and load into an empty graph; null when the graph needs the Cypher path. */
  private Written writeEmbedded(KnowledgeSet ks, String loadHash, boolean force) {
    EmbeddedKnowledgeWriter.Outcome o = embeddedWriter.writeIfEmpty(ks, loadHash, force, knowledgeBaseProperties(ks));
    if (o instanceof EmbeddedKnowledgeWriter.Unchanged) {
      return new Written(null, true, false);
    }
    if (o instanceof EmbeddedKnowledgeWriter.Written written) {
      return new Written(written.changes(), written.same(), true);
    }
    return null;
  }

  /*
   * The state of the graph is read inside the write transaction, in one statement: which
   * knowledge it holds and whether it holds any managed node or relationship at all. Labels and
   * types are written into the statement (from gocause's own enums, never from input), so the
   * look-ups go through the label and type indexes instead of scanning every node.
   *
   * An empty graph (a fresh store, the common case) gets two statements: every node, the
   * KnowledgeBase node included, CREATEd with its label given as a parameter, then every
   * relationship between nodes found by element id. Each new statement costs a Cypher planning,
   * which on a cold JVM weighs more than writing a few thousand nodes, and CREATE needs no
   * look-up, so this stays linear in the size of the knowledge. A graph that already holds
   * knowledge is synchronised per label and per relationship type, the label or type written in
   * the statement (static), so that MERGE finds each node through its label's uniqueness
   * constraint instead of scanning.
   */
  private static final String GRAPH_STATE = """
      OPTIONAL MATCH (k:KnowledgeBase {id: $id})
      RETURN k.contentHash AS hash, k.loadHash AS loadHash,
             NOT EXISTS { MATCH (n:%s) } AND NOT EXISTS { MATCH ()-[:%s]->() } AS empty
      """.formatted(
          Arrays.stream(NodeLabel.values()).map(NodeLabel::cypherName).collect(Collectors.joining("|")),
          Arrays.stream(RelType.values()).map(RelType::name).collect(Collectors.joining("|")));

  private Written write(TransactionContext tx, KnowledgeSet ks, String loadHash, boolean force) {
    Record state = tx.run(GRAPH_STATE, Map.of("id", KNOWLEDGE_BASE_ID)).single();
    boolean same = ks.contentHash().equals(state.get("hash").asString(null)) && loadHash.equals(state.get("loadHash").asString(null));
    if (same && !force) {
      return new Written(null, true, false);
    }
    if (state.get("empty").asBoolean()) {
      return new Written(writeIntoEmpty(tx, ks), same, true);
    }
    List<String> managedLabels = NodeLabel.entryLabels().stream().map(NodeLabel::cypherName).toList();
    return new Written(synchronise(tx, ks, managedLabels), same, false);
  }

  private LoadReport.Changes writeIntoEmpty(TransactionContext tx, KnowledgeSet ks) {
    long t0 = System.nanoTime();
    List<Map<String, Object>> nodeRows = new ArrayList<>(ks.entries().size() + 1);
    ks.entries().forEach(e -> nodeRows.add(Map.of("label", e.label().cypherName(), "props", e.properties())));
    nodeRows.add(Map.of("label", NodeLabel.KNOWLEDGE_BASE.cypherName(), "props", knowledgeBaseProperties(ks)));
    Map<String, String> elementIds = new HashMap<>();
    Result created = tx.run("""
        UNWIND $rows AS row
        CREATE (n:$(row.label))
        SET n = row.props
        RETURN row.label AS label, n.id AS id, elementId(n) AS eid
        """, Map.of("rows", nodeRows));
    created.forEachRemaining(rec ->
        elementIds.put(rec.get("label").asString() + "|" + rec.get("id").asString(), rec.get("eid").asString()));
    LoadReport.Changes changes = LoadReport.Changes.NONE.plus(created.consume().counters());
    LOG.debug("{} nodes created in {} ms", nodeRows.size(), (System.nanoTime() - t0) / 1_000_000);
    long tRels = System.nanoTime();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SeedRelationship r : ks.relationships()) {
      rows.add(Map.of("a", elementId(elementIds, r.fromLabel(), r.fromId(), r), "b",
          elementId(elementIds, r.toLabel(), r.toId(), r), "type", r.type().name(), "props", r.properties()));
    }
    changes = changes.plus(tx.run("""
        UNWIND $rows AS row
        MATCH (a) WHERE elementId(a) = row.a
        MATCH (b) WHERE elementId(b) = row.b
        CREATE (a)-[r:$(row.type)]->(b)
        SET r = row.props
        """, Map.of("rows", rows)).consume().counters());
    LOG.debug("{} relationships created in {} ms", rows.size(), (System.nanoTime() - tRels) / 1_000_000);
    return changes;
  }

  private static String elementId(Map<String, String> elementIds, NodeLabel label, String id, SeedRelationship r) {
    String eid = elementIds.get(label.cypherName() + "|" + id);
    if (eid == null) {
      throw new IllegalStateException("validated seed-data refers to a node that was not written: " + r.key());
    }
    return eid;
  }

  private LoadReport.Changes synchronise(TransactionContext tx, KnowledgeSet ks, List<String> managedLabels) {
    LoadReport.Changes changes = LoadReport.Changes.NONE;
    Map<NodeLabel, List<SeedEntry>> byLabel = new LinkedHashMap<>();
    NodeLabel.entryLabels().forEach(l -> byLabel.put(l, new ArrayList<>()));
    ks.entries().forEach(e -> byLabel.get(e.label()).add(e));

    Map<String, String> elementIds = new HashMap<>();
    for (Map.Entry<NodeLabel, List<SeedEntry>> group : byLabel.entrySet()) {
      String label = group.getKey().cypherName();
      List<String> ids = group.getValue().stream().map(SeedEntry::id).toList();
      changes = changes.plus(tx.run("MATCH (n:" + label + ") WHERE n.id IS NULL OR NOT n.id IN $ids DETACH DELETE n",
          Map.of("ids", ids)).consume().counters());
      if (ids.isEmpty()) {
        continue;
      }
      List<Map<String, Object>> rows = group.getValue().stream().map(SeedEntry::properties).toList();
      Result upsert = tx.run("UNWIND $rows AS props MERGE (n:" + label + " {id: props.id}) SET n = props "
          + "RETURN n.id AS id, elementId(n) AS eid", Map.of("rows", rows));
      upsert.forEachRemaining(rec -> elementIds.put(label + "|" + rec.get("id").asString(), rec.get("eid").asString()));
      changes = changes.plus(upsert.consume().counters());
    }

    Map<RelType, List<SeedRelationship>> byType = new LinkedHashMap<>();
    for (RelType t : RelType.values()) {
      byType.put(t, new ArrayList<>());
    }
    ks.relationships().forEach(r -> byType.get(r.type()).add(r));
    for (Map.Entry<RelType, List<SeedRelationship>> group : byType.entrySet()) {
      String type = group.getKey().name();
      changes = changes.plus(tx.run("MATCH (a)-[r:" + type + "]->(b) "
          + "WITH r, a, b, [l IN labels(a) WHERE l IN $managed][0] AS la, [l IN labels(b) WHERE l IN $managed][0] AS lb "
          + "WHERE la IS NOT NULL AND lb IS NOT NULL AND NOT (la + '|' + a.id + '|' + lb + '|' + b.id) IN $keys "
          + "DELETE r", Map.of("managed", managedLabels, "keys", group.getValue().stream()
              .map(r -> r.fromLabel().cypherName() + "|" + r.fromId() + "|" + r.toLabel().cypherName() + "|" + r.toId())
              .toList())).consume().counters());
      if (group.getValue().isEmpty()) {
        continue;
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (SeedRelationship r : group.getValue()) {
        rows.add(Map.of("a", elementId(elementIds, r.fromLabel(), r.fromId(), r),
            "b", elementId(elementIds, r.toLabel(), r.toId(), r), "props", r.properties()));
      }
      changes = changes.plus(tx.run("UNWIND $rows AS row "
          + "MATCH (a) WHERE elementId(a) = row.a MATCH (b) WHERE elementId(b) = row.b "
          + "MERGE (a)-[r:" + type + "]->(b) SET r = row.props", Map.of("rows", rows)).consume().counters());
    }

    return changes.plus(writeKnowledgeBase(tx, ks));
  }

  private LoadReport.Changes writeKnowledgeBase(TransactionContext tx, KnowledgeSet ks) {
    LoadReport.Changes changes = LoadReport.Changes.NONE;
    Map<String, Object> props = knowledgeBaseProperties(ks);
    changes = changes.plus(tx.run("""
        MATCH (k:KnowledgeBase) WHERE k.id IS NULL OR k.id <> $id
        DETACH DELETE k
        """, Map.of("id", KNOWLEDGE_BASE_ID)).consume().counters());
    changes = changes.plus(tx.run("""
        MERGE (k:KnowledgeBase {id: $id})
        SET k = $props
        """, Map.of("id", KNOWLEDGE_BASE_ID, "props", props)).consume().counters());
    return changes;
  }

  private static Map<String, Object> knowledgeBaseProperties(KnowledgeSet ks) {
    KnowledgeInfo k = ks.knowledge();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("id", KNOWLEDGE_BASE_ID);
    props.put("version", k.version());
    props.put("contentHash", ks.contentHash());
    props.put("loadHash", loadHash(ks));
    props.put("nameZh", k.titleZh());
    props.put("nameEn", k.titleEn());
    props.put("titleZh", k.titleZh());
    props.put("titleEn", k.titleEn());
    props.put("descriptionZh", k.descriptionZh());
    props.put("descriptionEn", k.descriptionEn());
    props.values().removeIf(v -> v == null);
    return props;
  }

  /** The version and hash the graph holds, empty when nothing was loaded yet. */
  public Optional<StoredKnowledge> stored() {
    try (Session s = session()) {
      return s.executeRead(tx -> {
        List<Record> r = tx.run("MATCH (k:KnowledgeBase {id: $id}) "
                + "RETURN k.version AS version, k.contentHash AS hash, k.loadHash AS loadHash",
            Map.of("id", KNOWLEDGE_BASE_ID)).list();
        if (r.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(new StoredKnowledge(
            r.get(0).get("version").isNull() ? null : r.get(0).get("version").asString(),
            r.get(0).get("hash").isNull() ? null : r.get(0).get("hash").asString(),
            r.get(0).get("loadHash").isNull() ? null : r.get(0).get("loadHash").asString()));
      });
    }
  }

  /** Node counts per managed label and relationship counts per managed type, as the graph holds them now. */
  public GraphCounts counts() {
    if (embeddedWriter != null) {
      return embeddedWriter.counts();
    }
    try (Session s = session()) {
      return s.executeRead(tx -> {
        Map<String, Long> nodes = new LinkedHashMap<>();
        for (NodeLabel l : NodeLabel.values()) {
          nodes.put(l.cypherName(), 0L);
        }
        tx.run("""
            MATCH (n) UNWIND labels(n) AS l
            WITH l WHERE l IN $labels
            RETURN l, count(*) AS c
            """, Map.of("labels", List.copyOf(nodes.keySet())))
            .forEachRemaining(r -> nodes.put(r.get("l").asString(), r.get("c").asLong()));
        Map<String, Long> rels = new LinkedHashMap<>();
        for (RelType t : RelType.values()) {
          rels.put(t.name(), 0L);
        }
        tx.run("""
            MATCH ()-[r]->() WITH type(r) AS t WHERE t IN $types
            RETURN t, count(*) AS c
            """, Map.of("types", List.copyOf(rels.keySet())))
            .forEachRemaining(r -> rels.put(r.get("t").asString(), r.get("c").asLong()));
        return new GraphCounts(nodes, rels);
      });
    }
  }

  /** The counts of a graph that holds exactly {@code ks} and its KnowledgeBase node. */
  static GraphCounts countsOf(KnowledgeSet ks) {
    Map<String, Long> nodes = new LinkedHashMap<>();
    for (NodeLabel l : NodeLabel.values()) {
      nodes.put(l.cypherName(), 0L);
    }
    ks.entries().forEach(e -> nodes.merge(e.label().cypherName(), 1L, Long::sum));
    nodes.put(NodeLabel.KNOWLEDGE_BASE.cypherName(), 1L);
    Map<String, Long> rels = new LinkedHashMap<>();
    for (RelType t : RelType.values()) {
      rels.put(t.name(), 0L);
    }
    ks.relationships().forEach(r -> rels.merge(r.type().name(), 1L, Long::sum));
    return new GraphCounts(nodes, rels);
  }

  /**
   * What an unchanged reload is recognised by: the seed-data's content hash, this loader's
   * {@link #LOADER_VERSION} and the text of schema.cypher, hashed together. A changed loader or
   * schema therefore reloads the same seed-data.
   */
  public static String loadHash(KnowledgeSet ks) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update((ks.contentHash() + "|loader " + LOADER_VERSION + "|").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (String st : GraphSchema.statements()) {
        sha.update((st + ";\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  private Session session() {
    return driver.session(SessionConfig.forDatabase(database));
  }

  private static String shortHash(String h) {
    return h.length() > 12 ? h.substring(0, 12) : h;
  }

  /** Counts per label and relationship type. */
  public record GraphCounts(Map<String, Long> nodes, Map<String, Long> relationships) {
    public GraphCounts {
      nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
      relationships = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(relationships));
    }
  }
}
