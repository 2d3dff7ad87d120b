package dev.gocause.graph.diagnosis;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.RelType;
import dev.gocause.graph.diagnosis.KnowledgeSnapshot.NodeRow;
import dev.gocause.graph.diagnosis.KnowledgeSnapshot.RelRow;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles a {@link KnowledgeSnapshot} — read from a graph or made from seed-data — into a
 * {@link DiagnosisModel}. The one place that decides what the model takes from which node,
 * property and relationship, so that the graph and the seed-data answer alike.
 */
final class ModelCompiler {

  /** A node of a managed label, as the relationships name it. */
  private record Key(String label, String id) {}

  private final Map<Key, Map<String, Object>> nodes = new HashMap<>();
  /** Outgoing and incoming neighbours per (type, node), in relationship order. */
  private final Map<String, List<Key>> out = new HashMap<>();
  private final Map<String, List<Key>> in = new HashMap<>();
  private final Map<String, Map<String, Object>> relProps = new HashMap<>();

  private ModelCompiler(KnowledgeSnapshot snapshot) {
    for (NodeRow n : snapshot.nodes()) {
      Object id = n.properties().get("id");
      String label = managedLabel(n.labels());
      if (id instanceof String s && label != null) {
        nodes.put(new Key(label, s), n.properties());
      }
    }
    for (RelRow r : snapshot.relationships()) {
      Key a = new Key(r.fromLabel(), r.fromId());
      Key b = new Key(r.toLabel(), r.toId());
      if (!nodes.containsKey(a) || !nodes.containsKey(b)) {
        continue;
      }
      out.computeIfAbsent(r.type() + "|" + a, k -> new ArrayList<>()).add(b);
      in.computeIfAbsent(r.type() + "|" + b, k -> new ArrayList<>()).add(a);
      relProps.put(r.type() + "|" + a + "|" + b, r.properties());
    }
  }

  /** The first of a node's labels that gocause manages, in {@link NodeLabel} order; null when none. */
  static String managedLabel(List<String> labels) {
    for (NodeLabel l : NodeLabel.entryLabels()) {
      if (labels.contains(l.cypherName())) {
        return l.cypherName();
      }
    }
    return null;
  }

  static DiagnosisModel compile(KnowledgeSnapshot snapshot) {
    return compile(snapshot, fullText(snapshot));
  }

  /** With the snapshot's full-text indexes built already ({@link #fullText}), e.g. read back from {@link CompiledSeedCache}. */
  static DiagnosisModel compile(KnowledgeSnapshot snapshot, FullTextIndexes fullText) {
    return new ModelCompiler(snapshot).model(snapshot, fullText);
  }

  private DiagnosisModel model(KnowledgeSnapshot snapshot, FullTextIndexes fullText) {
    List<SignatureDef> signatures = new ArrayList<>();
    for (Key g : all(NodeLabel.SIGNATURE)) {
      Map<String, Object> p = nodes.get(g);
      if (p.get("pattern") == null || p.get("patternKind") == null) {
        continue;
      }
      signatures.add(new SignatureDef(g.id(), str(p, "pattern"), PatternKind.parse(str(p, "patternKind")),
          ids(targets(RelType.IDENTIFIES, g, NodeLabel.SYMPTOM))));
    }
    List<SymptomDef> symptoms = new ArrayList<>();
    List<Indicates> indicates = new ArrayList<>();
    for (Key s : all(NodeLabel.SYMPTOM)) {
      Map<String, Object> p = nodes.get(s);
      symptoms.add(new SymptomDef(s.id(), str(p, "nameZh"), str(p, "nameEn"), str(p, "kind"),
          strings(p, "aliasesZh"), strings(p, "aliasesEn")));
      for (Key c : targets(RelType.INDICATES, s, NodeLabel.ROOT_CAUSE)) {
        Map<String, Object> rp = relProps.get(RelType.INDICATES.name() + "|" + s + "|" + c);
        Object w = rp.get("weight");
        List<String> frames = new ArrayList<>();
        if (rp.get("panickingFrame") instanceof Iterable<?> it) {
          it.forEach(x -> frames.add(String.valueOf(x)));
        } else if (rp.get("panickingFrame") instanceof String[] arr) {
          frames.addAll(List.of(arr));
        }
        indicates.add(new Indicates(s.id(), c.id(), w instanceof Number n ? n.doubleValue() : 0.5, frames));
      }
    }
    List<PrimitiveDef> primitives = new ArrayList<>();
    for (Key k : all(NodeLabel.PRIMITIVE)) {
      Map<String, Object> p = nodes.get(k);
      primitives.add(new PrimitiveDef(k.id(), str(p, "nameZh"), str(p, "nameEn"), strings(p, "aliasesZh"), strings(p, "aliasesEn")));
    }
    List<CauseDef> causes = new ArrayList<>();
    for (Key c : all(NodeLabel.ROOT_CAUSE)) {
      Map<String, Object> p = nodes.get(c);
      causes.add(new CauseDef(c.id(), str(p, "nameZh"), str(p, "nameEn"), str(p, "severity"),
          str(p, "mechanismZh"), str(p, "mechanismEn"), strings(p, "aliasesZh"), strings(p, "aliasesEn"),
          targets(RelType.IN_DIMENSION, c, NodeLabel.DIMENSION).stream().map(k -> named(k)).toList(),
          ids(targets(RelType.INVOLVES, c, NodeLabel.PRIMITIVE)),
          targets(RelType.CONFIRMED_BY, c, NodeLabel.COMMAND).stream().map(k -> {
            Map<String, Object> x = nodes.get(k);
            return new CommandInfo(k.id(), str(x, "nameZh"), str(x, "nameEn"), str(x, "commandLine"), str(x, "showsZh"),
                str(x, "showsEn"));
          }).toList(),
          targets(RelType.FIXED_BY, c, NodeLabel.FIX).stream().map(k -> {
            Map<String, Object> x = nodes.get(k);
            return new FixInfo(k.id(), str(x, "nameZh"), str(x, "nameEn"), str(x, "before"), str(x, "after"),
                str(x, "tradeoffZh"), str(x, "tradeoffEn"));
          }).toList(),
          sources(RelType.DEMONSTRATES, c, NodeLabel.CASE).stream().map(k -> {
            Map<String, Object> x = nodes.get(k);
            return new CaseInfo(k.id(), str(x, "nameZh"), str(x, "nameEn"), str(x, "file"), str(x, "variant"),
                str(x, "expectedOutcome"));
          }).toList(),
          corrections(c)));
    }
    return new DiagnosisModel(snapshot.version(), snapshot.hash(), signatures, symptoms, causes, primitives, indicates,
        fullText);
  }

  /** Corrections of the cause itself, of a symptom indicating it or of a fix of it; each names what it corrects. */
  private List<CorrectionInfo> corrections(Key cause) {
    Set<Key> related = new LinkedHashSet<>();
    related.add(cause);
    related.addAll(sources(RelType.INDICATES, cause, NodeLabel.SYMPTOM));
    related.addAll(targets(RelType.FIXED_BY, cause, NodeLabel.FIX));
    List<CorrectionInfo> list = new ArrayList<>();
    for (Key x : all(NodeLabel.CORRECTION)) {
      Set<String> corrected = new LinkedHashSet<>();
      out.getOrDefault(RelType.CORRECTS.name() + "|" + x, List.of()).stream()
          .filter(related::contains)
          .sorted(Comparator.comparing(Key::id))
          .forEach(t -> corrected.add(t.label() + ":" + t.id()));
      if (!corrected.isEmpty()) {
        Map<String, Object> p = nodes.get(x);
        list.add(new CorrectionInfo(x.id(), str(p, "nameZh"), str(p, "nameEn"), String.join(", ", corrected)));
      }
    }
    return list;
  }

  /** The graph's node full-text indexes over the snapshot's nodes, in a fixed node order (id, then labels). */
  static FullTextIndexes fullText(KnowledgeSnapshot snapshot) {
    if (snapshot.fullText().isEmpty()) {
      return FullTextIndexes.EMPTY;
    }
    Set<String> labels = new TreeSet<>();
    Set<String> properties = new TreeSet<>();
    snapshot.fullText().forEach(d -> {
      labels.addAll(d.labels());
      properties.addAll(d.properties());
    });
    List<FullTextIndexes.Node> indexed = new ArrayList<>();
    for (NodeRow n : snapshot.nodes()) {
      if (n.labels().stream().noneMatch(labels::contains)) {
        continue;
      }
      Map<String, List<String>> values = new LinkedHashMap<>();
      for (String prop : properties) {
        Object v = n.properties().get(prop);
        if (v instanceof String s) {
          values.put(prop, List.of(s));
        } else if (v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(String.class::isInstance)) {
          values.put(prop, l.stream().map(String.class::cast).toList());
        }
      }
      Object id = n.properties().get("id");
      indexed.add(new FullTextIndexes.Node(id instanceof String s ? s : "", n.labels(), values));
    }
    indexed.sort(Comparator.comparing(FullTextIndexes.Node::id).thenComparing(x -> String.join(":", x.labels())));
    return FullTextIndexes.build(snapshot.fullText(), indexed);
  }

  private List<Key> all(NodeLabel label) {
    return nodes.keySet().stream().filter(k -> k.label().equals(label.cypherName()))
        .sorted(Comparator.comparing(Key::id)).toList();
  }

  private List<Key> targets(RelType type, Key from, NodeLabel label) {
    return out.getOrDefault(type.name() + "|" + from, List.of()).stream()
        .filter(k -> k.label().equals(label.cypherName())).sorted(Comparator.comparing(Key::id)).toList();
  }

  private List<Key> sources(RelType type, Key to, NodeLabel label) {
    return in.getOrDefault(type.name() + "|" + to, List.of()).stream()
        .filter(k -> k.label().equals(label.cypherName())).sorted(Comparator.comparing(Key::id)).toList();
  }

  private Named named(Key k) {
    Map<String, Object> p = nodes.get(k);
    return new Named(k.id(), str(p, "nameZh"), str(p, "nameEn"));
  }

  private static List<String> ids(List<Key> keys) {
    return keys.stream().map(Key::id).toList();
  }

  private static String str(Map<String, Object> p, String key) {
    Object v = p.get(key);
    return v == null ? "" : v.toString();
  }

  private static List<String> strings(Map<String, Object> p, String key) {
    return p.get(key) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }
}
