package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import dev.gocause.graph.query.GraphEdge;
import dev.gocause.graph.query.GraphNode;
import dev.gocause.graph.query.GraphPath;
import dev.gocause.kernel.render.Output;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code %path FROM TO}: the shortest paths between two nodes, listed and drawn. */
public final class PathMagic extends SimpleMagic {
  public PathMagic() {
    super("path", "%path FROM TO",
        "Shortest paths (up to 6 hops) between two nodes, e.g. from a symptom to a fix.",
        "两个节点之间的最短路径（最多 6 跳），例如从症状到修复。",
        List.of("%path all-goroutines-asleep-deadlock ab-ba-lock-order"), ArgKind.ANY_ID, List.of());
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    List<String> p = exactly(inv, 2, List.of());
    List<GraphPath> paths = s.graph().queries().paths(p.get(0), p.get(1), 5);
    if (paths.isEmpty()) {
      throw new KernelError("no path of at most 6 hops between " + p.get(0) + " and " + p.get(1),
          "try %graph " + p.get(0) + " --depth 2 to see what is around it");
    }
    Map<String, GraphNode> nodes = new LinkedHashMap<>();
    Map<String, GraphEdge> edges = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    for (GraphPath gp : paths) {
      gp.nodes().forEach(n -> nodes.putIfAbsent(n.key(), n));
      gp.edges().forEach(e -> edges.putIfAbsent(e.from() + e.type() + e.to(), e));
      text.append(gp.nodes().stream().map(n -> s.t(n.nameZh(), n.nameEn()) + " (" + n.id() + ")")
          .collect(Collectors.joining(" — "))).append('\n');
    }
    Output drawing = GraphMagic.draw(List.copyOf(nodes.values()), List.copyOf(edges.values()), p.get(0), s, false);
    return List.of(Output.text(paths.size() + " path(s), " + paths.get(0).length() + " hop(s):\n" + text.toString().strip())
        .markdown(text.toString().lines().map(l -> "- " + l).collect(Collectors.joining("\n"))).build(), drawing);
  }
}
