package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.ModelData.CaseInfo;
import dev.gocause.graph.diagnosis.ModelData.CauseDef;
import dev.gocause.graph.diagnosis.ModelData.CommandInfo;
import dev.gocause.graph.diagnosis.ModelData.CorrectionInfo;
import dev.gocause.graph.diagnosis.ModelData.FixInfo;
import dev.gocause.graph.diagnosis.ModelData.Indicates;
import dev.gocause.graph.diagnosis.ModelData.Named;
import dev.gocause.graph.diagnosis.ModelData.PrimitiveDef;
import dev.gocause.graph.diagnosis.ModelData.SignatureDef;
import dev.gocause.graph.diagnosis.ModelData.SymptomDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** Reads the diagnostic knowledge out of the graph, in one read transaction, into a {@link DiagnosisModel}. */
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

  /** The model, with {@code fullText} read beforehand in its own transaction ({@link #fullText}). */
  static DiagnosisModel read(TransactionContext tx, FullTextIndexes fullText) {
    Stamp stamp = stamp(tx);
    List<SignatureDef> signatures = new ArrayList<>();
    for (Record r : tx.run("""
        MATCH (g:Signature)
        OPTIONAL MATCH (g)-[:IDENTIFIES]->(s:Symptom)
        WITH g, s ORDER BY s.id
        RETURN g.id AS id, g.pattern AS pattern, g.patternKind AS kind, collect(s.id) AS symptoms
        ORDER BY id
        """).list()) {
      if (r.get("pattern").isNull() || r.get("kind").isNull()) {
        continue;
      }
      signatures.add(new SignatureDef(str(r.get("id")), str(r.get("pattern")), PatternKind.parse(str(r.get("kind"))),
          r.get("symptoms").asList(Value::asString)));
    }
    List<SymptomDef> symptoms = new ArrayList<>();
    List<Indicates> indicates = new ArrayList<>();
    for (Record r : tx.run("""
        MATCH (s:Symptom)
        OPTIONAL MATCH (s)-[i:INDICATES]->(c:RootCause)
        WITH s, i, c ORDER BY c.id
        RETURN s.id AS id, s.nameZh AS nameZh, s.nameEn AS nameEn, s.kind AS kind,
               s.aliasesZh AS aliasesZh, s.aliasesEn AS aliasesEn,
               collect(CASE WHEN c IS NULL THEN NULL ELSE {cause: c.id, weight: i.weight} END) AS links
        ORDER BY id
        """).list()) {
      String id = str(r.get("id"));
      symptoms.add(new SymptomDef(id, str(r.get("nameZh")), str(r.get("nameEn")), str(r.get("kind")),
          strings(r.get("aliasesZh")), strings(r.get("aliasesEn"))));
      for (Value link : r.get("links").values()) {
        Value w = link.get("weight");
        indicates.add(new Indicates(id, link.get("cause").asString(), w.isNull() ? 0.5 : w.asDouble()));
      }
    }
    List<PrimitiveDef> primitives = new ArrayList<>();
    for (Record r : tx.run("""
        MATCH (p:Primitive)
        RETURN p.id AS id, p.nameZh AS nameZh, p.nameEn AS nameEn, p.aliasesZh AS aliasesZh, p.aliasesEn AS aliasesEn
        ORDER BY id
        """).list()) {
      primitives.add(new PrimitiveDef(str(r.get("id")), str(r.get("nameZh")), str(r.get("nameEn")),
          strings(r.get("aliasesZh")), strings(r.get("aliasesEn"))));
    }
    List<CauseDef> causes = new ArrayList<>();
    for (Record r : tx.run("""
        MATCH (c:RootCause)
        CALL {
          WITH c
          OPTIONAL MATCH (c)-[:IN_DIMENSION]->(d:Dimension)
          WITH d ORDER BY d.id
          RETURN collect(CASE WHEN d IS NULL THEN NULL ELSE {id: d.id, nameZh: d.nameZh, nameEn: d.nameEn} END) AS dimensions
        }
        CALL {
          WITH c
          OPTIONAL MATCH (c)-[:INVOLVES]->(p:Primitive)
          WITH p ORDER BY p.id
          RETURN collect(p.id) AS primitives
        }
        CALL {
          WITH c
          OPTIONAL MATCH (c)-[:CONFIRMED_BY]->(k:Command)
          WITH k ORDER BY k.id
          RETURN collect(CASE WHEN k IS NULL THEN NULL ELSE {id: k.id, nameZh: k.nameZh, nameEn: k.nameEn,
            commandLine: k.commandLine, showsZh: k.showsZh, showsEn: k.showsEn} END) AS commands
        }
        CALL {
          WITH c
          OPTIONAL MATCH (c)-[:FIXED_BY]->(f:Fix)
          WITH f ORDER BY f.id
          RETURN collect(CASE WHEN f IS NULL THEN NULL ELSE {id: f.id, nameZh: f.nameZh, nameEn: f.nameEn,
            before: f.before, after: f.after, tradeoffZh: f.tradeoffZh, tradeoffEn: f.tradeoffEn} END) AS fixes
        }
        CALL {
          WITH c
          OPTIONAL MATCH (k:Case)-[:DEMONSTRATES]->(c)
          WITH k ORDER BY k.id
          RETURN collect(CASE WHEN k IS NULL THEN NULL ELSE {id: k.id, nameZh: k.nameZh, nameEn: k.nameEn,
            file: k.file, variant: k.variant, expectedOutcome: k.expectedOutcome} END) AS cases
        }
        CALL {
          WITH c
          OPTIONAL MATCH (x:Correction)-[:CORRECTS]->(t)
          WHERE t = c OR (t:Symptom AND (t)-[:INDICATES]->(c)) OR (t:Fix AND (c)-[:FIXED_BY]->(t))
          WITH x, t ORDER BY x.id, t.id
          WITH x, collect(DISTINCT head(labels(t)) + ':' + t.id) AS targets
          ORDER BY x.id
          RETURN collect(CASE WHEN x IS NULL THEN NULL ELSE {id: x.id, nameZh: x.nameZh, nameEn: x.nameEn,
            truthZh: x.truthZh, truthEn: x.truthEn, corrects: reduce(s = '', v IN targets | s + CASE WHEN s = '' THEN '' ELSE ', ' END + v)} END) AS corrections
        }
        RETURN c.id AS id, c.nameZh AS nameZh, c.nameEn AS nameEn, c.severity AS severity,
               c.mechanismZh AS mechanismZh, c.mechanismEn AS mechanismEn,
               c.aliasesZh AS aliasesZh, c.aliasesEn AS aliasesEn,
               dimensions, primitives, commands, fixes, cases, corrections
        ORDER BY id
        """).list()) {
      causes.add(new CauseDef(
          str(r.get("id")), str(r.get("nameZh")), str(r.get("nameEn")), str(r.get("severity")),
          str(r.get("mechanismZh")), str(r.get("mechanismEn")),
          strings(r.get("aliasesZh")), strings(r.get("aliasesEn")),
          r.get("dimensions").asList(v -> new Named(v.get("id").asString(), str(v.get("nameZh")), str(v.get("nameEn")))),
          r.get("primitives").asList(Value::asString),
          r.get("commands").asList(v -> new CommandInfo(str(v.get("id")), str(v.get("nameZh")), str(v.get("nameEn")),
              str(v.get("commandLine")), str(v.get("showsZh")), str(v.get("showsEn")))),
          r.get("fixes").asList(v -> new FixInfo(str(v.get("id")), str(v.get("nameZh")), str(v.get("nameEn")),
              str(v.get("before")), str(v.get("after")), str(v.get("tradeoffZh")), str(v.get("tradeoffEn")))),
          r.get("cases").asList(v -> new CaseInfo(str(v.get("id")), str(v.get("nameZh")), str(v.get("nameEn")),
              str(v.get("file")), str(v.get("variant")), str(v.get("expectedOutcome")))),
          r.get("corrections").asList(v -> new CorrectionInfo(str(v.get("id")), str(v.get("nameZh")), str(v.get("nameEn")),
              str(v.get("truthZh")), str(v.get("truthEn")), str(v.get("corrects"))))));
    }
    return new DiagnosisModel(stamp.version(), stamp.hash(), signatures, symptoms, causes, primitives, indicates,
        fullText);
  }

  /**
   * The graph's online node full-text indexes with their analyzers, and the nodes they cover, for
   * an in-memory copy ({@link FullTextIndexes}). Empty when the graph has none. Its own
   * transaction: a user without the SHOW INDEX privilege fails here without failing the model.
   */
  static FullTextIndexes fullText(TransactionContext tx) {
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
    if (defs.isEmpty()) {
      return FullTextIndexes.EMPTY;
    }
    java.util.Set<String> labels = new java.util.TreeSet<>();
    java.util.Set<String> properties = new java.util.TreeSet<>();
    defs.forEach(d -> {
      labels.addAll(d.labels());
      properties.addAll(d.properties());
    });
    List<FullTextIndexes.Node> nodes = new ArrayList<>();
    for (Record r : tx.run("""
        MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels)
        RETURN n.id AS id, labels(n) AS labels,
               [p IN $properties | [p, CASE
                  WHEN n[p] IS :: STRING NOT NULL THEN [n[p]]
                  WHEN n[p] IS :: LIST<STRING NOT NULL> NOT NULL THEN n[p]
                  ELSE [] END]] AS values
        ORDER BY elementId(n)
        """, Map.of("labels", List.copyOf(labels), "properties", List.copyOf(properties))).list()) {
      Map<String, List<String>> values = new java.util.HashMap<>();
      for (Value pv : r.get("values").values()) {
        List<String> texts = pv.get(1).asList(Value::asString);
        if (!texts.isEmpty()) {
          values.put(pv.get(0).asString(), texts);
        }
      }
      nodes.add(new FullTextIndexes.Node(str(r.get("id")), strings(r.get("labels")), values));
    }
    return FullTextIndexes.build(defs, nodes);
  }

  private static String str(Value v) {
    return v == null || v.isNull() ? "" : v.asString();
  }

  private static List<String> strings(Value v) {
    return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
  }
}
