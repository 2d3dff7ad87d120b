package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import dev.gocause.graph.query.GraphEdge;
import dev.gocause.graph.query.GraphNode;
import dev.gocause.graph.query.Subgraph;
import dev.gocause.kernel.render.GraphSvg;
import dev.gocause.kernel.render.Json;
import dev.gocause.kernel.render.Output;
import java.util.List;
import java.util.stream.Collectors;

/** {@code %graph ID [--depth N]}: the neighbourhood of a node, drawn symptoms → causes → fixes. */
public final class GraphMagic extends SimpleMagic {
  public GraphMagic() {
    super("graph", "%graph ID [--depth N]",
        "Draw the neighbourhood of a node (depth 1-3), symptoms → causes → fixes from left to right.",
        "绘制节点周围的子图（深度 1-3），从左到右：症状 → 根因 → 修复。",
        List.of("%graph ab-ba-lock-order", "%graph all-goroutines-asleep-deadlock --depth 2"), ArgKind.ANY_ID, List.of("--depth"));
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    String id = exactly(inv, 1, List.of("--depth")).get(0);
    Integer depth = inv.flagValue("--depth").map(v -> {
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new KernelError("--depth is '" + v + "', not a number", "use --depth 1, 2 or 3");
      }
    }).orElse(1);
    if (depth < 1 || depth > 3) {
      throw new KernelError("--depth is " + depth, "use --depth 1, 2 or 3");
    }
    Subgraph g = s.lookups().neighborhood(id, depth);
    return List.of(draw(g.nodes(), g.edges(), id, s, g.truncated()));
  }

  static Output draw(List<GraphNode> nodes, List<GraphEdge> edges, String highlightId, Session s, boolean truncated) {
    List<GraphSvg.Node> gn = nodes.stream()
        .map(n -> new GraphSvg.Node(n.key(), n.label(), n.id(), n.nameZh(), n.nameEn(), n.id().equals(highlightId))).toList();
    List<GraphSvg.Edge> ge = edges.stream().map(e -> new GraphSvg.Edge(e.from(), e.to(), e.type(), e.weight())).toList();
    String plain = nodes.size() + " nodes, " + edges.size() + " edges" + (truncated ? " (truncated)" : "") + "\n"
        + edges.stream().map(e -> "  " + e.from() + " -[" + e.type() + "]-> " + e.to()).collect(Collectors.joining("\n"));
    return Output.text(plain.strip()).svg(GraphSvg.draw(gn, ge, s.lang() == Lang.ZH))
        .json(java.util.Map.of("nodes", Json.of(nodes), "edges", Json.of(edges), "truncated", truncated)).build();
  }
}
