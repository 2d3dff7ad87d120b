package dev.gocause.graph.diagnosis;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.RelType;
import dev.gocause.graph.diagnosis.KnowledgeSnapshot.NodeRow;
import dev.gocause.graph.diagnosis.KnowledgeSnapshot.RelRow;
import dev.gocause.graph.query.CaseInfo;
import dev.gocause.graph.query.CauseDetail;
import dev.gocause.graph.query.CloseMatches;
import dev.gocause.graph.query.CommandInfo;
import dev.gocause.graph.query.CorrectionInfo;
import dev.gocause.graph.query.FixInfo;
import dev.gocause.graph.query.GraphEdge;
import dev.gocause.graph.query.GraphNode;
import dev.gocause.graph.query.KnowledgeLookups;
import dev.gocause.graph.query.KnowledgeQueries;
import dev.gocause.graph.query.NodeRef;
import dev.gocause.graph.query.NotFoundException;
import dev.gocause.graph.query.SignatureInfo;
import dev.gocause.graph.query.Subgraph;
import dev.gocause.graph.query.SymptomDetail;
import dev.gocause.graph.query.WeightedRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The look-ups of {@link KnowledgeQueries} (a cause, a symptom, a fix, a neighbourhood) answered
 * from a {@link KnowledgeSnapshot} instead of Cypher, for a kernel with no graph started: the
 * same records, built from the same nodes and relationships in the same order (a test holds the
 * two side by side on every id). Immutable and thread-safe.
 */
public final class SnapshotLookups implements KnowledgeLookups {

  private record Rel(int index, RelRow row, NodeRow from, NodeRow to) {}

  private final Map<String, List<NodeRow>> byId = new HashMap<>();
  private final Map<NodeRow, List<Rel>> out = new IdentityHashMap<>();
  private final Map<NodeRow, List<Rel>> in = new IdentityHashMap<>();

  SnapshotLookups(KnowledgeSnapshot snapshot) {
    Map<String, NodeRow> byKey = new HashMap<>();
    for (NodeRow n : snapshot.nodes()) {
      String id = str(n, "id");
      String label = ModelCompiler.managedLabel(n.labels());
      if (id != null && label != null) {
        byId.computeIfAbsent(id, k -> new ArrayList<>()).add(n);
        byKey.put(label + "|" + id, n);
      }
    }
    List<RelRow> rels = snapshot.relationships();
    for (int i = 0; i < rels.size(); i++) {
      RelRow r = rels.get(i);
      NodeRow a = byKey.get(r.fromLabel() + "|" + r.fromId());
      NodeRow b = byKey.get(r.toLabel() + "|" + r.toId());
      if (a != null && b != null) {
        Rel rel = new Rel(i, r, a, b);
        out.computeIfAbsent(a, k -> new ArrayList<>()).add(rel);
        in.computeIfAbsent(b, k -> new ArrayList<>()).add(rel);
      }
    }
  }

  @Override
  public CauseDetail cause(String id) {
    KnowledgeQueries.requireId("id", id);
    NodeRow c = node(NodeLabel.ROOT_CAUSE, id);
    return new CauseDetail(id, str(c, "nameZh"), str(c, "nameEn"), str(c, "mechanismZh"), str(c, "mechanismEn"),
        str(c, "severity"), str(c, "source"),
        refs(targets(c, RelType.IN_DIMENSION, NodeLabel.DIMENSION)),
        weighted(sources(c, RelType.INDICATES, NodeLabel.SYMPTOM), true),
        sortedById(targets(c, RelType.CONFIRMED_BY, NodeLabel.COMMAND).stream().map(r -> commandInfo(r.to())).toList(),
            CommandInfo::id),
        sortedById(targets(c, RelType.FIXED_BY, NodeLabel.FIX).stream().map(r -> fixInfo(r.to())).toList(), FixInfo::id),
        sortedById(sources(c, RelType.DEMONSTRATES, NodeLabel.CASE).stream().map(r -> caseInfo(r.from())).toList(),
            CaseInfo::id),
        sortedById(sources(c, RelType.CORRECTS, NodeLabel.CORRECTION).stream().map(r -> correctionInfo(r.from())).toList(),
            CorrectionInfo::id),
        refs(targets(c, RelType.INVOLVES, NodeLabel.PRIMITIVE)),
        refs(targets(c, RelType.DESCRIBED_IN, NodeLabel.SECTION)));
  }

  @Override
  public SymptomDetail symptom(String id) {
    KnowledgeQueries.requireId("id", id);
    NodeRow s = node(NodeLabel.SYMPTOM, id);
    return new SymptomDetail(id, str(s, "nameZh"), str(s, "nameEn"), str(s, "kind"), str(s, "descriptionZh"),
        str(s, "descriptionEn"), strings(s, "aliasesZh"), strings(s, "aliasesEn"), str(s, "source"),
        weighted(targets(s, RelType.INDICATES, NodeLabel.ROOT_CAUSE), false),
        sortedById(targets(s, RelType.DIAGNOSED_BY, NodeLabel.COMMAND).stream().map(r -> commandInfo(r.to())).toList(),
            CommandInfo::id),
        sortedById(sources(s, RelType.IDENTIFIES, NodeLabel.SIGNATURE).stream().map(r -> signatureInfo(r.from())).toList(),
            SignatureInfo::id));
  }

  @Override
  public FixInfo fix(String id) {
    KnowledgeQueries.requireId("id", id);
    return fixInfo(node(NodeLabel.FIX, id));
  }

  /** As {@link KnowledgeQueries#neighborhood}: hop by hop, each hop's relationships in the order of the far end's id. */
  @Override
  public Subgraph neighborhood(String id, Integer depth) {
    KnowledgeQueries.requireId("id", id);
    int d = KnowledgeQueries.checkDepth(depth);
    List<NodeRow> start = byId.getOrDefault(id, List.of());
    if (start.isEmpty()) {
      throw new NotFoundException("node", id, CloseMatches.among(id, byId.keySet()));
    }
    Map<NodeRow, GraphNode> nodes = new LinkedHashMap<>(); // records of distinct ids: equal only to themselves
    Map<Integer, GraphEdge> edges = new LinkedHashMap<>();
    List<NodeRow> frontier = new ArrayList<>();
    for (NodeRow n : start) {
      nodes.put(n, graphNode(n));
      frontier.add(n);
    }
    boolean truncated = false;
    for (int hop = 0; hop < d && !frontier.isEmpty() && !truncated; hop++) {
      record Row(Rel rel, NodeRow far) {}
      List<Row> rows = new ArrayList<>();
      for (NodeRow a : frontier) {
        out.getOrDefault(a, List.of()).forEach(r -> rows.add(new Row(r, r.to())));
        in.getOrDefault(a, List.of()).forEach(r -> rows.add(new Row(r, r.from())));
      }
      rows.sort(Comparator.<Row, String>comparing(r -> str(r.far(), "id"))
          .thenComparing(r -> primaryLabel(r.far()))
          .thenComparing(r -> r.rel().row().type())
          .thenComparing(r -> r.rel().row().fromId())
          .thenComparing(r -> r.rel().row().fromLabel())
          .thenComparing(r -> r.rel().row().toId())
          .thenComparing(r -> r.rel().row().toLabel()));
      List<NodeRow> next = new ArrayList<>();
      for (Row r : rows) {
        if (!nodes.containsKey(r.far())) {
          if (nodes.size() >= KnowledgeQueries.MAX_SUBGRAPH_NODES) {
            truncated = true;
            continue;
          }
          nodes.put(r.far(), graphNode(r.far()));
          next.add(r.far());
        }
        edges.putIfAbsent(r.rel().index(), null);
      }
      for (Row r : rows) {
        GraphNode from = nodes.get(r.rel().from());
        GraphNode to = nodes.get(r.rel().to());
        if (from != null && to != null) {
          Object w = r.rel().row().properties().get("weight");
          edges.put(r.rel().index(), new GraphEdge(r.rel().row().type(), from.key(), to.key(),
              w instanceof Number n ? n.doubleValue() : null));
        } else {
          edges.remove(r.rel().index());
        }
      }
      frontier = next;
    }
    edges.values().removeIf(java.util.Objects::isNull);
    return new Subgraph(List.copyOf(nodes.values()), List.copyOf(edges.values()), truncated);
  }

  /** Ids of the nodes with this label, sorted. */
  public List<String> ids(NodeLabel label) {
    return byId.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(n -> n.labels().contains(label.cypherName())))
        .map(Map.Entry::getKey).sorted().toList();
  }

  private NodeRow node(NodeLabel label, String id) {
    for (NodeRow n : byId.getOrDefault(id, List.of())) {
      if (n.labels().contains(label.cypherName())) {
        return n;
      }
    }
    throw new NotFoundException(label.cypherName(), id, CloseMatches.among(id, ids(label)));
  }

  private List<Rel> targets(NodeRow n, RelType type, NodeLabel label) {
    return out.getOrDefault(n, List.of()).stream()
        .filter(r -> r.row().type().equals(type.name()) && r.to().labels().contains(label.cypherName())).toList();
  }

  private List<Rel> sources(NodeRow n, RelType type, NodeLabel label) {
    return in.getOrDefault(n, List.of()).stream()
        .filter(r -> r.row().type().equals(type.name()) && r.from().labels().contains(label.cypherName())).toList();
  }

  private static String primaryLabel(NodeRow n) {
    String l = ModelCompiler.managedLabel(n.labels());
    return l != null ? l : n.labels().isEmpty() ? "" : n.labels().get(0);
  }

  private static GraphNode graphNode(NodeRow n) {
    String label = primaryLabel(n);
    String id = str(n, "id");
    return new GraphNode(GraphNode.key(label, id), label, id, str(n, "nameZh"), str(n, "nameEn"));
  }

  /** The far ends of outgoing relationships. */
  private static List<NodeRef> refs(List<Rel> outgoing) {
    return refsOf(outgoing.stream().map(Rel::to).toList());
  }

  private static List<NodeRef> refsOf(List<NodeRow> nodes) {
    return sortedById(nodes.stream()
        .map(n -> new NodeRef(primaryLabel(n), str(n, "id"), str(n, "nameZh"), str(n, "nameEn"))).toList(), NodeRef::id);
  }

  /** The far ends with the relationship's weight, highest weight first, then by id. */
  private static List<WeightedRef> weighted(List<Rel> rels, boolean farIsSource) {
    List<WeightedRef> list = new ArrayList<>();
    for (Rel r : rels) {
      NodeRow n = farIsSource ? r.from() : r.to();
      Object w = r.row().properties().get("weight");
      list.add(new WeightedRef(str(n, "id"), str(n, "nameZh"), str(n, "nameEn"), w instanceof Number x ? x.doubleValue() : 0.0));
    }
    list.sort(WeightedRef.HEAVIEST_FIRST);
    return List.copyOf(list);
  }

  private static CommandInfo commandInfo(NodeRow m) {
    return new CommandInfo(str(m, "id"), str(m, "nameZh"), str(m, "nameEn"), str(m, "commandLine"), str(m, "showsZh"),
        str(m, "showsEn"));
  }

  private static SignatureInfo signatureInfo(NodeRow g) {
    return new SignatureInfo(str(g, "id"), str(g, "pattern"), str(g, "patternKind"), str(g, "example"), str(g, "goVersions"));
  }

  private FixInfo fixInfo(NodeRow f) {
    return new FixInfo(str(f, "id"), str(f, "nameZh"), str(f, "nameEn"), str(f, "descriptionZh"), str(f, "descriptionEn"),
        str(f, "before"), str(f, "after"), str(f, "tradeoffZh"), str(f, "tradeoffEn"), str(f, "source"),
        refsOf(sources(f, RelType.FIXED_BY, NodeLabel.ROOT_CAUSE).stream().map(Rel::from).toList()));
  }

  private CaseInfo caseInfo(NodeRow k) {
    List<String> fixed = targets(k, RelType.FIXED_VARIANT, NodeLabel.CASE).stream().map(r -> str(r.to(), "id")).toList();
    return new CaseInfo(str(k, "id"), str(k, "nameZh"), str(k, "nameEn"), str(k, "file"), str(k, "variant"),
        str(k, "expectedOutcome"),
        sorted(targets(k, RelType.DEMONSTRATES, NodeLabel.ROOT_CAUSE).stream().map(r -> str(r.to(), "id")).toList()),
        sorted(targets(k, RelType.EXHIBITS, NodeLabel.SYMPTOM).stream().map(r -> str(r.to(), "id")).toList()),
        fixed.isEmpty() ? null : fixed.get(0));
  }

  private static CorrectionInfo correctionInfo(NodeRow x) {
    return new CorrectionInfo(str(x, "id"), str(x, "nameZh"), str(x, "nameEn"), str(x, "claimZh"), str(x, "claimEn"),
        str(x, "truthZh"), str(x, "truthEn"), str(x, "evidence"));
  }

  private static <T> List<T> sortedById(List<T> items, Function<T, String> id) {
    Set<String> seen = new LinkedHashSet<>();
    return items.stream().sorted((x, y) -> id.apply(x).compareTo(id.apply(y))).filter(x -> seen.add(id.apply(x))).toList();
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().distinct().toList();
  }

  private static String str(NodeRow n, String key) {
    Object v = n.properties().get(key);
    return v == null ? null : v.toString();
  }

  private static List<String> strings(NodeRow n, String key) {
    return n.properties().get(key) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }
}
