package dev.gocause.graph.guide;

import dev.gocause.graph.guide.GuideData.CaseItem;
import dev.gocause.graph.guide.GuideData.Chapter;
import dev.gocause.graph.guide.GuideData.CorrectionItem;
import dev.gocause.graph.guide.GuideData.DimensionItem;
import dev.gocause.graph.guide.GuideData.PathExample;
import dev.gocause.graph.guide.GuideData.Search;
import dev.gocause.graph.guide.GuideData.SectionItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * Builds the Neo4j Browser guide from the graph: reads Dimension, Section, Symptom, RootCause,
 * Fix, Command, Correction and Case nodes in one read transaction ({@link #read}) and renders
 * them ({@link GuideRenderer}). Nothing about the knowledge is written here; ids, names and
 * counts all come from the graph.
 */
public final class GuideBuilder {
  private final Driver driver;
  private final String database;

  /** @param database the database holding the gocause graph, or null for the server default */
  public GuideBuilder(Driver driver, String database) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.database = database;
  }

  /** Reads the graph and renders the guide; {@code links} says where the guide and its style live. */
  public Guide build(GuideLinks links) {
    return GuideRenderer.render(read(), links);
  }

  /** The content hash of the loaded knowledge ("" when none), cheap enough to check per request. */
  public String contentHash() {
    return run(tx -> {
      List<Record> r = tx.run("MATCH (k:KnowledgeBase) RETURN coalesce(k.contentHash, '') AS hash LIMIT 1").list();
      return r.isEmpty() ? "" : r.get(0).get("hash").asString();
    });
  }

  /** Everything the guide shows, in one read transaction. */
  public GuideData read() {
    return run(tx -> {
      Record kb = tx.run("""
          OPTIONAL MATCH (k:KnowledgeBase)
          RETURN coalesce(k.titleZh, '') AS titleZh, coalesce(k.titleEn, '') AS titleEn,
                 coalesce(k.version, '') AS version, coalesce(k.contentHash, '') AS hash
          LIMIT 1""").single();

      Map<String, Long> counts = new TreeMap<>();
      tx.run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
          .forEachRemaining(r -> counts.put(r.get("label").asString(), r.get("n").asLong()));

      List<DimensionItem> dimensions = tx.run("""
          MATCH (d:Dimension)
          OPTIONAL MATCH (c:RootCause)-[:IN_DIMENSION]->(d)
          RETURN d.id AS id, d.nameZh AS nameZh, d.nameEn AS nameEn,
                 d.descriptionZh AS descriptionZh, d.descriptionEn AS descriptionEn, count(c) AS causes
          ORDER BY id""").list(r -> new DimensionItem(str(r, "id"), str(r, "nameZh"), str(r, "nameEn"),
              str(r, "descriptionZh"), str(r, "descriptionEn"), r.get("causes").asLong()));

      List<SectionItem> sections = tx.run("""
          MATCH (s:Section)
          OPTIONAL MATCH (x)-[:DESCRIBED_IN]->(s)
          RETURN s.id AS id, s.number AS number,
                 coalesce(s.titleZh, s.nameZh) AS titleZh, coalesce(s.titleEn, s.nameEn) AS titleEn,
                 count(x) AS entries, count(CASE WHEN x:RootCause THEN 1 END) AS causes""")
          .list(r -> new SectionItem(str(r, "id"), str(r, "number"), str(r, "titleZh"), str(r, "titleEn"),
              r.get("entries").asLong(), r.get("causes").asLong()));

      Optional<PathExample> path = tx.run("""
          MATCH (s:Symptom)-[:INDICATES]->(c:RootCause)-[:FIXED_BY]->(f:Fix)
          WITH s, count(DISTINCT c) AS causes, count(DISTINCT f) AS fixes
          OPTIONAL MATCH (s)-[:INDICATES]->(:RootCause)-[:CONFIRMED_BY]->(cmd:Command)
          RETURN s.id AS id, s.nameZh AS nameZh, s.nameEn AS nameEn, causes, fixes,
                 count(DISTINCT cmd) AS commands, s.aliasesZh AS aliasesZh, s.aliasesEn AS aliasesEn
          ORDER BY causes DESC, fixes DESC, id
          LIMIT 1""").list().stream().findFirst().map(r -> new PathExample(str(r, "id"), str(r, "nameZh"),
              str(r, "nameEn"), r.get("causes").asLong(), r.get("fixes").asLong(), r.get("commands").asLong()));

      List<CorrectionItem> corrections = tx.run("""
          MATCH (c:Correction)
          OPTIONAL MATCH (c)-[:CORRECTS]->(x)
          RETURN c.id AS id, coalesce(c.source, '') AS source, c.nameZh AS nameZh, c.nameEn AS nameEn,
                 c.truthZh AS truthZh, c.truthEn AS truthEn, count(x) AS targets
          ORDER BY source, id""").list(r -> new CorrectionItem(str(r, "id"), str(r, "source"), str(r, "nameZh"),
              str(r, "nameEn"), str(r, "truthZh"), str(r, "truthEn"), r.get("targets").asLong()));

      List<CaseItem> cases = tx.run("""
          MATCH (k:Case)
          WHERE coalesce(k.variant, 'buggy') <> 'fixed'
          OPTIONAL MATCH (k)-[:FIXED_VARIANT]->(f:Case)
          RETURN k.id AS id, k.nameZh AS nameZh, k.nameEn AS nameEn,
                 coalesce(k.expectedOutcome, '') AS outcome, coalesce(min(f.id), '') AS fixed
          ORDER BY id""").list(r -> new CaseItem(str(r, "id"), str(r, "nameZh"), str(r, "nameEn"),
              str(r, "outcome"), str(r, "fixed")));

      Optional<Search> search = search(tx, path);

      return new GuideData(str(kb, "titleZh"), str(kb, "titleEn"), str(kb, "version"), str(kb, "hash"), counts,
          dimensions, chapters(sections), path, corrections, cases, search);
    });
  }

  /** Full-text index names come from the schema; sample terms from the path symptom's shortest aliases. */
  private static Optional<Search> search(TransactionContext tx, Optional<PathExample> path) {
    Map<String, String> indexByProperty = new LinkedHashMap<>();
    tx.run("SHOW FULLTEXT INDEXES YIELD name, properties, state WHERE state = 'ONLINE' RETURN name, properties ORDER BY name")
        .forEachRemaining(r -> r.get("properties").asList(Value::asString)
            .forEach(p -> indexByProperty.putIfAbsent(p, r.get("name").asString())));
    String zhIndex = indexByProperty.get("searchZh");
    if (zhIndex == null || path.isEmpty()) {
      return Optional.empty();
    }
    Record s = tx.run("MATCH (s:Symptom {id: $id}) RETURN s.nameZh AS nameZh, s.nameEn AS nameEn, "
        + "coalesce(s.aliasesZh, []) AS aliasesZh, coalesce(s.aliasesEn, []) AS aliasesEn",
        Map.of("id", path.get().symptomId())).single();
    String zhTerm = shortest(s.get("aliasesZh").asList(Value::asString), str(s, "nameZh"));
    String enIndex = indexByProperty.getOrDefault("searchEn", "");
    String enTerm = enIndex.isEmpty() ? "" : shortest(s.get("aliasesEn").asList(Value::asString), str(s, "nameEn"));
    return Optional.of(new Search(zhIndex, zhTerm, enIndex, enTerm));
  }

  private static String shortest(List<String> aliases, String fallback) {
    return aliases.stream().filter(a -> a.strip().length() >= 2)
        .min(Comparator.comparingInt(String::length)).orElse(fallback).strip();
  }

  /** Groups sections by the part of their number before the first dot, in numeric order. */
  static List<Chapter> chapters(List<SectionItem> sections) {
    Map<String, List<SectionItem>> byChapter = new TreeMap<>(GuideBuilder::compareNumbers);
    for (SectionItem s : sections) {
      String n = s.number();
      String chapter = n.contains(".") ? n.substring(0, n.indexOf('.')) : n;
      byChapter.computeIfAbsent(chapter, k -> new ArrayList<>()).add(s);
    }
    List<Chapter> out = new ArrayList<>();
    byChapter.forEach((n, list) -> {
      list.sort((a, b) -> compareNumbers(a.number(), b.number()));
      out.add(new Chapter(n, list));
    });
    return out;
  }

  /** Compares {@code 2.10} after {@code 2.9}; non-numeric parts compare as text. */
  static int compareNumbers(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c;
      if (x[i].matches("\\d+") && y[i].matches("\\d+")) {
        c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
      } else {
        c = x[i].compareTo(y[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static String str(Record r, String key) {
    Value v = r.get(key);
    return v == null || v.isNull() ? "" : v.asString();
  }

  private <T> T run(org.neo4j.driver.TransactionCallback<T> work) {
    SessionConfig.Builder cfg = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
    if (database != null) {
      cfg.withDatabase(database);
    }
    try (var session = driver.session(cfg.build())) {
      return session.executeRead(work, TransactionConfig.builder().withTimeout(Duration.ofSeconds(30)).build());
    } catch (Neo4jException e) {
      throw new GuideUnavailableException("cannot read the graph to build the Browser guide: " + e.getMessage(), e);
    }
  }
}
