package dev.gocause.graph.load;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.RelType;
import dev.gocause.graph.seed.KnowledgeInfo;
import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedEntry;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedRelationship;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.GraphStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
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
 * When the graph already holds the same content hash, nothing is written unless {@code force}.
 * Works through the driver only, so embedded and remote graphs share this code path.
 */
public final class KnowledgeLoader {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeLoader.class);
  /** Id of the single KnowledgeBase node. */
  public static final String KNOWLEDGE_BASE_ID = "gocause";

  private final Driver driver;
  private final String database;

  public KnowledgeLoader(GraphStore store) {
    this(store.driver(), store.database());
  }

  public KnowledgeLoader(Driver driver, String database) {
    this.driver = driver;
    this.database = database;
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
    GraphSchema.apply(driver, database);
    LOG.debug("schema checked in {} ms", (System.nanoTime() - tSchema) / 1_000_000);
    Optional<StoredKnowledge> stored = stored();
    boolean same = stored.map(s -> ks.contentHash().equals(s.contentHash())).orElse(false);
    if (same && !force) {
      GraphCounts c = counts();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      LOG.info("graph already holds knowledge {} ({}); nothing written", ks.version(), shortHash(ks.contentHash()));
      return new LoadReport(true, false, ks.version(), ks.contentHash(), ks.source(), c.nodes(), c.relationships(), LoadReport.Changes.NONE, ms);
    }
    LoadReport.Changes changes;
    long tWrite = System.nanoTime();
    try (Session s = session()) {
      changes = s.executeWrite(tx -> write(tx, ks));
    }
    LOG.debug("write transaction committed in {} ms", (System.nanoTime() - tWrite) / 1_000_000);
    GraphCounts c = counts();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    LOG.info("loaded knowledge {} ({}) in {} ms: {} nodes, {} relationships", ks.version(), shortHash(ks.contentHash()), ms,
        c.nodes().values().stream().mapToLong(Long::longValue).sum(), c.relationships().values().stream().mapToLong(Long::longValue).sum());
    return new LoadReport(false, same, ks.version(), ks.contentHash(), ks.source(), c.nodes(), c.relationships(), changes, ms);
  }

  /*
   * Few distinct statements on purpose: Cypher plans each new statement (and re-plans when the
   * statistics move, e.g. after the first load), which costs far more than running it on a few
   * hundred nodes. Nodes: one MERGE with a dynamic label. Relationships: one statement,
   * endpoints found by element id, dynamic type (Cypher 5.26).
   */
  private LoadReport.Changes write(TransactionContext tx, KnowledgeSet ks) {
    LoadReport.Changes changes = LoadReport.Changes.NONE;
    List<String> managedLabels = NodeLabel.entryLabels().stream().map(NodeLabel::cypherName).toList();
    List<String> nodeKeys = ks.entries().stream().map(e -> e.label().cypherName() + "|" + e.id()).toList();
    changes = changes.plus(tx.run("""
        MATCH (n)
        WITH n, [l IN labels(n) WHERE l IN $managed] AS ls
        WHERE size(ls) > 0 AND (n.id IS NULL OR NOT (ls[0] + '|' + n.id) IN $keys)
        DETACH DELETE n
        """, Map.of("managed", managedLabels, "keys", nodeKeys)).consume().counters());

    // One statement for all labels (dynamic label, Cypher 5.26). Its MERGE looks nodes up by
    // scanning instead of through the id constraint, which at a few hundred entries costs far
    // less than planning one statement per label (measured: ~6x faster on a fresh store).
    List<Map<String, Object>> nodeRows = ks.entries().stream()
        .map(e -> Map.<String, Object>of("label", e.label().cypherName(), "props", e.properties()))
        .toList();
    Map<String, String> elementIds = new HashMap<>();
    Result upsert = tx.run("""
        UNWIND $rows AS row
        MERGE (n:$(row.label) {id: row.props.id})
        SET n = row.props
        RETURN row.label AS label, n.id AS id, elementId(n) AS eid
        """, Map.of("rows", nodeRows));
    upsert.forEachRemaining(rec ->
        elementIds.put(rec.get("label").asString() + "|" + rec.get("id").asString(), rec.get("eid").asString()));
    changes = changes.plus(upsert.consume().counters());

    List<SeedRelationship> rels = ks.relationships();
    List<String> types = Arrays.stream(RelType.values()).map(Enum::name).toList();
    changes = changes.plus(tx.run("""
        MATCH (a)-[r]->(b)
        WHERE type(r) IN $types
        WITH r, a, b,
             [l IN labels(a) WHERE l IN $managed][0] AS la,
             [l IN labels(b) WHERE l IN $managed][0] AS lb
        WHERE la IS NOT NULL AND lb IS NOT NULL
          AND NOT (type(r) + '|' + la + '|' + a.id + '|' + lb + '|' + b.id) IN $keys
        DELETE r
        """, Map.of("types", types, "managed", managedLabels, "keys", rels.stream().map(SeedRelationship::key).toList()))
        .consume().counters());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SeedRelationship r : rels) {
      String a = elementIds.get(r.fromLabel().cypherName() + "|" + r.fromId());
      String b = elementIds.get(r.toLabel().cypherName() + "|" + r.toId());
      if (a == null || b == null) {
        throw new IllegalStateException("validated seed-data refers to a node that was not written: " + r.key());
      }
      rows.add(Map.of("a", a, "b", b, "type", r.type().name(), "props", r.properties()));
    }
    changes = changes.plus(tx.run("""
        UNWIND $rows AS row
        MATCH (a) WHERE elementId(a) = row.a
        MATCH (b) WHERE elementId(b) = row.b
        MERGE (a)-[r:$(row.type)]->(b)
        SET r = row.props
        """, Map.of("rows", rows)).consume().counters());

    KnowledgeInfo k = ks.knowledge();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("id", KNOWLEDGE_BASE_ID);
    props.put("version", k.version());
    props.put("contentHash", ks.contentHash());
    props.put("nameZh", k.titleZh());
    props.put("nameEn", k.titleEn());
    props.put("titleZh", k.titleZh());
    props.put("titleEn", k.titleEn());
    props.put("descriptionZh", k.descriptionZh());
    props.put("descriptionEn", k.descriptionEn());
    props.values().removeIf(v -> v == null);
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

  /** The version and hash the graph holds, empty when nothing was loaded yet. */
  public Optional<StoredKnowledge> stored() {
    try (Session s = session()) {
      return s.executeRead(tx -> {
        List<Record> r = tx.run("MATCH (k:KnowledgeBase {id: $id}) RETURN k.version AS version, k.contentHash AS hash",
            Map.of("id", KNOWLEDGE_BASE_ID)).list();
        if (r.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(new StoredKnowledge(
            r.get(0).get("version").isNull() ? null : r.get(0).get("version").asString(),
            r.get(0).get("hash").isNull() ? null : r.get(0).get("hash").asString()));
      });
    }
  }

  /** Node counts per managed label and relationship counts per managed type, as the graph holds them now. */
  public GraphCounts counts() {
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
