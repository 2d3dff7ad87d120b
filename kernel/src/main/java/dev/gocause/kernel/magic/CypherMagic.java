package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import dev.gocause.kernel.graph.CypherResult;
import dev.gocause.kernel.render.GraphSvg;
import dev.gocause.kernel.render.Html;
import dev.gocause.kernel.render.Output;
import dev.gocause.kernel.render.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code %cypher QUERY} / {@code %%cypher}: runs the user's Cypher (read-only unless
 * {@code --write}) and shows a table, plus a drawing when the result holds nodes and
 * relationships.
 */
public final class CypherMagic implements Magic {
  private static final int MAX_CELL = 120;

  @Override
  public String name() {
    return "cypher";
  }

  @Override
  public boolean cellForm() {
    return true;
  }

  @Override
  public String usage() {
    return "%cypher [--write] QUERY   |   %%cypher [--write] + query lines";
  }

  @Override
  public String summaryEn() {
    return "Run Cypher on the graph (read-only unless --write): a table, and a drawing of returned nodes and relationships.";
  }

  @Override
  public String summaryZh() {
    return "在图上执行 Cypher（默认只读，--write 才可写）：结果表格，若含节点与关系则附图。";
  }

  @Override
  public List<String> examples() {
    return List.of(
        "%cypher MATCH (d:Dimension) RETURN d.id, d.nameZh, d.nameEn",
        "%%cypher\nMATCH p=(s:Symptom {id:'panic-close-of-nil-channel'})-[:INDICATES]->(c:RootCause) RETURN p");
  }

  @Override
  public List<String> flags() {
    return List.of("--write");
  }

  @Override
  public ArgKind argKind() {
    return ArgKind.CYPHER;
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    String args = inv.args().strip();
    boolean write = false;
    while (args.startsWith("--")) {
      String[] na = args.split("\\s+", 2);
      if (!na[0].equals("--write")) {
        throw new KernelError("%cypher has no flag " + na[0], "the only flag is --write");
      }
      write = true;
      args = na.length > 1 ? na[1].strip() : "";
    }
    String query = inv.cellForm() ? (args.isEmpty() ? inv.body() : args + "\n" + inv.body()).strip() : args;
    if (query.isEmpty()) {
      throw new KernelError("%cypher needs a query", "e.g. %cypher MATCH (c:RootCause) RETURN c.id LIMIT 5");
    }
    CypherResult r = s.graph().cypher(query, write, s);
    List<Output> out = new ArrayList<>();
    out.add(table(r, s));
    drawing(r, s).ifPresent(out::add);
    return out;
  }

  static Output table(CypherResult r, Session s) {
    List<List<String>> rows = new ArrayList<>();
    for (Map<String, Object> row : r.rows()) {
      List<String> cells = new ArrayList<>();
      for (String c : r.columns()) {
        cells.add(abbreviate(show(row.get(c))));
      }
      rows.add(cells);
    }
    String note = r.rows().size() + " " + s.t("行", r.rows().size() == 1 ? "row" : "rows")
        + (r.truncated() ? s.t("（已截断）", " (truncated)") : "")
        + (r.summary().isEmpty() ? "" : "; " + r.summary());
    String plain = (r.columns().isEmpty() ? "" : TextTable.plain(r.columns(), rows) + "\n") + note;
    List<List<String>> htmlRows = rows.stream().map(l -> l.stream().map(Html::esc).toList()).toList();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("columns", r.columns());
    json.put("rows", r.rows().stream().map(row -> {
      Map<String, Object> m = new LinkedHashMap<>();
      row.forEach((k, v) -> m.put(k, jsonValue(v)));
      return m;
    }).toList());
    json.put("truncated", r.truncated());
    return Output.text(plain)
        .html((r.columns().isEmpty() ? "" : Html.table(r.columns(), htmlRows)) + "<p><small>" + Html.esc(note) + "</small></p>")
        .markdown((r.columns().isEmpty() ? "" : TextTable.markdown(r.columns(), rows)) + "\n" + note)
        .json(json)
        .build();
  }

  /** A drawing when the result has at least one relationship (with its nodes). */
  static java.util.Optional<Output> drawing(CypherResult r, Session s) {
    Map<String, CypherResult.NodeValue> nodes = new LinkedHashMap<>();
    Map<String, CypherResult.RelValue> rels = new LinkedHashMap<>();
    for (Map<String, Object> row : r.rows()) {
      row.values().forEach(v -> collect(v, nodes, rels));
    }
    if (rels.isEmpty() || nodes.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<GraphSvg.Node> gn = nodes.values().stream().map(CypherMagic::drawNode).toList();
    List<GraphSvg.Edge> ge = rels.values().stream()
        .map(e -> new GraphSvg.Edge(e.startId(), e.endId(), e.type(),
            e.properties().get("weight") instanceof Number n ? n.doubleValue() : null))
        .toList();
    String svg = GraphSvg.draw(gn, ge, s.lang() == Lang.ZH);
    String plain = nodes.size() + " nodes, " + rels.size() + " relationships:\n" + rels.values().stream()
        .map(e -> "  " + idOf(nodes.get(e.startId())) + " -[" + e.type() + "]-> " + idOf(nodes.get(e.endId())))
        .collect(Collectors.joining("\n"));
    return java.util.Optional.of(Output.text(plain).svg(svg).build());
  }

  private static String idOf(CypherResult.NodeValue n) {
    if (n == null) {
      return "?";
    }
    Object id = n.properties().get("id");
    return id == null ? n.elementId() : String.valueOf(id);
  }

  private static GraphSvg.Node drawNode(CypherResult.NodeValue n) {
    String label = n.labels().isEmpty() ? "Node" : n.labels().get(0);
    Object zh = n.properties().get("nameZh");
    Object en = n.properties().get("nameEn");
    String id = idOf(n);
    return new GraphSvg.Node(n.elementId(), label, id,
        zh == null ? id : zh.toString(), en == null ? id : en.toString(), false);
  }

  private static void collect(Object v, Map<String, CypherResult.NodeValue> nodes, Map<String, CypherResult.RelValue> rels) {
    if (v instanceof CypherResult.NodeValue n) {
      nodes.putIfAbsent(n.elementId(), n);
    } else if (v instanceof CypherResult.RelValue e) {
      rels.putIfAbsent(e.elementId(), e);
    } else if (v instanceof CypherResult.PathValue p) {
      p.nodes().forEach(n -> nodes.putIfAbsent(n.elementId(), n));
      p.relationships().forEach(e -> rels.putIfAbsent(e.elementId(), e));
    } else if (v instanceof List<?> l) {
      l.forEach(x -> collect(x, nodes, rels));
    } else if (v instanceof Map<?, ?> m) {
      m.values().forEach(x -> collect(x, nodes, rels));
    }
  }

  /** Compact text for a cell: nodes as (:Label {id}), relationships as [:TYPE]. */
  static String show(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof CypherResult.NodeValue n) {
      return "(:" + String.join(":", n.labels()) + " {id: " + idOf(n) + "})";
    }
    if (v instanceof CypherResult.RelValue e) {
      return "[:" + e.type() + (e.properties().isEmpty() ? "" : " " + e.properties()) + "]";
    }
    if (v instanceof CypherResult.PathValue p) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < p.nodes().size(); i++) {
        b.append(show(p.nodes().get(i)));
        if (i < p.relationships().size()) {
          b.append("-").append(show(p.relationships().get(i))).append("-");
        }
      }
      return b.toString();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(CypherMagic::show).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(v);
  }

  static Object jsonValue(Object v) {
    if (v instanceof CypherResult.NodeValue n) {
      return Map.of("labels", n.labels(), "properties", jsonProps(n.properties()));
    }
    if (v instanceof CypherResult.RelValue e) {
      return Map.of("type", e.type(), "properties", jsonProps(e.properties()));
    }
    if (v instanceof CypherResult.PathValue p) {
      return Map.of("nodes", p.nodes().stream().map(CypherMagic::jsonValue).toList(),
          "relationships", p.relationships().stream().map(CypherMagic::jsonValue).toList());
    }
    if (v instanceof List<?> l) {
      return l.stream().map(CypherMagic::jsonValue).toList();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), jsonValue(x)));
      return out;
    }
    return v;
  }

  private static Map<String, Object> jsonProps(Map<String, Object> props) {
    Map<String, Object> out = new LinkedHashMap<>();
    props.forEach((k, x) -> {
      if (!k.startsWith("search")) { // the derived full-text fields are long and redundant
        out.put(k, jsonValue(x));
      }
    });
    return out;
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= MAX_CELL ? one : one.substring(0, MAX_CELL - 1) + "…";
  }
}
