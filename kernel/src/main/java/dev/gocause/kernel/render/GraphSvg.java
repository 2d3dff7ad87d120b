package dev.gocause.kernel.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a small knowledge subgraph as SVG, in columns left to right: signatures and cases,
 * symptoms, root causes, fixes, then the rest (commands, dimensions, primitives, sections).
 * Nodes in a column are ordered by the mean position of their neighbours (two sweeps) so that
 * edges cross less. Labels show the name in the chosen language over the other language's.
 */
public final class GraphSvg {
  /** A node to draw. {@code key} is what edges refer to. */
  public record Node(String key, String label, String id, String nameZh, String nameEn, boolean highlight) {}

  /** A directed edge between keys; {@code weight} may be null. */
  public record Edge(String from, String to, String type, Double weight) {}

  static final int MAX_NODES = 120;
  private static final int BOX_W = 230;
  private static final int BOX_H = 46;
  private static final int COL_GAP = 90;
  private static final int ROW_GAP = 14;
  private static final int MARGIN = 20;
  private static final String FONT =
      "'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC','Helvetica Neue',Arial,sans-serif";

  private GraphSvg() {}

  /** Column of a label: the story reads symptom → cause → fix. */
  static int column(String label) {
    return switch (label) {
      case "Signature", "Case" -> 0;
      case "Symptom" -> 1;
      case "RootCause" -> 2;
      case "Fix" -> 3;
      default -> 4;
    };
  }

  static String fill(String label) {
    return switch (label) {
      case "Symptom" -> "#fff4d6";
      case "Signature" -> "#fdf0e6";
      case "RootCause" -> "#fde2e2";
      case "Fix" -> "#e1f5e4";
      case "Command" -> "#e3eefc";
      case "Dimension" -> "#efe6fb";
      case "Primitive" -> "#e8f4f8";
      case "Case" -> "#f1f1f1";
      default -> "#f6f6f6";
    };
  }

  static String stroke(String label) {
    return switch (label) {
      case "Symptom" -> "#d9a520";
      case "Signature" -> "#d98b4a";
      case "RootCause" -> "#cc4444";
      case "Fix" -> "#3c9a4e";
      case "Command" -> "#4a7fd4";
      case "Dimension" -> "#8a5cc7";
      case "Primitive" -> "#3d97b3";
      default -> "#888888";
    };
  }

  /** Draws the graph; {@code zhFirst} puts Chinese names on the first line. */
  public static String draw(List<Node> nodesIn, List<Edge> edgesIn, boolean zhFirst) {
    List<Node> nodes = nodesIn.size() > MAX_NODES ? nodesIn.subList(0, MAX_NODES) : nodesIn;
    Map<String, Node> byKey = new LinkedHashMap<>();
    nodes.forEach(n -> byKey.putIfAbsent(n.key(), n));
    List<Edge> edges = edgesIn.stream().filter(e -> byKey.containsKey(e.from()) && byKey.containsKey(e.to())).toList();

    // columns, collapsing empty ones
    Map<Integer, List<Node>> cols = new java.util.TreeMap<>();
    for (Node n : byKey.values()) {
      cols.computeIfAbsent(column(n.label()), c -> new ArrayList<>()).add(n);
    }
    List<List<Node>> columns = new ArrayList<>(cols.values());
    // comparators written out rather than composed from Comparator's factories, whose lambdas a
    // fresh kernel defines at run time (they are not in its class-data archive)
    columns.forEach(c -> c.sort((x, y) -> {
      int byLabel = x.label().compareTo(y.label());
      return byLabel != 0 ? byLabel : x.id().compareTo(y.id());
    }));
    Map<String, List<String>> neighbours = new HashMap<>();
    for (Edge e : edges) {
      neighbours.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
      neighbours.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
    }
    for (int sweep = 0; sweep < 2; sweep++) {
      Map<String, Double> pos = positions(columns);
      for (List<Node> col : columns) {
        Map<String, Double> bary = new HashMap<>();
        for (Node n : col) {
          List<String> ns = neighbours.getOrDefault(n.key(), List.of());
          bary.put(n.key(), ns.isEmpty() ? pos.get(n.key()) : ns.stream().mapToDouble(pos::get).average().orElse(0));
        }
        col.sort((x, y) -> Double.compare(bary.get(x.key()), bary.get(y.key())));
      }
    }

    int maxRows = columns.stream().mapToInt(List::size).max().orElse(0);
    int height = Math.max(1, maxRows) * (BOX_H + ROW_GAP) - ROW_GAP + 2 * MARGIN;
    int width = Math.max(1, columns.size()) * (BOX_W + COL_GAP) - COL_GAP + 2 * MARGIN;
    Map<String, int[]> xy = new HashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      List<Node> col = columns.get(c);
      int colHeight = col.size() * (BOX_H + ROW_GAP) - ROW_GAP;
      int y0 = MARGIN + (height - 2 * MARGIN - colHeight) / 2;
      for (int r = 0; r < col.size(); r++) {
        xy.put(col.get(r).key(), new int[] {MARGIN + c * (BOX_W + COL_GAP), y0 + r * (BOX_H + ROW_GAP)});
      }
    }

    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"").append(FONT)
        .append("\" role=\"img\"><defs><marker id=\"gc-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#777\"/></marker></defs>")
        .append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>");
    boolean edgeLabels = edges.size() <= 40;
    for (Edge e : edges) {
      int[] a = xy.get(e.from());
      int[] z = xy.get(e.to());
      double x1;
      double x2;
      double y1 = a[1] + BOX_H / 2.0;
      double y2 = z[1] + BOX_H / 2.0;
      String d;
      if (a[0] == z[0]) { // same column: bulge to the right
        x1 = a[0] + BOX_W;
        x2 = z[0] + BOX_W;
        d = curve(x1, y1, x1 + 45, y1, x2 + 45, y2, x2, y2);
      } else {
        boolean forward = a[0] < z[0];
        x1 = forward ? a[0] + BOX_W : a[0];
        x2 = forward ? z[0] : z[0] + BOX_W;
        double mx = (x1 + x2) / 2;
        d = curve(x1, y1, mx, y1, mx, y2, x2, y2);
      }
      double sw = e.weight() == null ? 1.2 : 0.8 + 2.5 * e.weight();
      b.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"#9a9a9a\" stroke-width=\"")
          .append(Decimals.fixed(sw, 1)).append("\" marker-end=\"url(#gc-arrow)\"><title>")
          .append(Html.esc(e.type() + (e.weight() == null ? "" : " " + e.weight()))).append("</title></path>");
      if (edgeLabels) {
        double lx = (x1 + x2) / 2;
        double ly = (y1 + y2) / 2 - 3;
        String text = e.type() + (e.weight() == null ? "" : " " + Decimals.fixed(e.weight(), 2));
        b.append("<text x=\"").append(Decimals.fixed(lx, 1)).append("\" y=\"").append(Decimals.fixed(ly, 1))
            .append("\" font-size=\"9\" fill=\"#666\" text-anchor=\"middle\">")
            .append(Html.esc(text)).append("</text>");
      }
    }
    for (Node n : byKey.values()) {
      int[] p = xy.get(n.key());
      String first = zhFirst ? n.nameZh() : n.nameEn();
      String second = zhFirst ? n.nameEn() : n.nameZh();
      b.append("<g class=\"gc-node\" data-label=\"").append(Html.esc(n.label())).append("\" data-id=\"").append(Html.esc(n.id())).append("\">")
          .append("<title>").append(Html.esc(n.label() + " " + n.id())).append("</title>")
          .append("<rect x=\"").append(p[0]).append("\" y=\"").append(p[1]).append("\" width=\"").append(BOX_W)
          .append("\" height=\"").append(BOX_H).append("\" rx=\"8\" fill=\"").append(fill(n.label()))
          .append("\" stroke=\"").append(stroke(n.label())).append("\" stroke-width=\"").append(n.highlight() ? "3" : "1.2").append("\"/>")
          .append("<text x=\"").append(p[0] + 8).append("\" y=\"").append(p[1] + 12).append("\" font-size=\"8.5\" fill=\"")
          .append(stroke(n.label())).append("\">").append(Html.esc(n.label())).append("</text>")
          .append("<text x=\"").append(p[0] + 8).append("\" y=\"").append(p[1] + 27).append("\" font-size=\"12.5\" font-weight=\"600\" fill=\"#222\">")
          .append(Html.esc(fit(first == null || first.isBlank() ? n.id() : first, BOX_W - 16, 12.5))).append("</text>")
          .append("<text x=\"").append(p[0] + 8).append("\" y=\"").append(p[1] + 40).append("\" font-size=\"10\" fill=\"#555\">")
          .append(Html.esc(fit(second == null || second.isBlank() ? n.id() : second, BOX_W - 16, 10))).append("</text>")
          .append("</g>");
    }
    if (nodesIn.size() > MAX_NODES) {
      b.append("<text x=\"").append(MARGIN).append("\" y=\"").append(height - 4).append("\" font-size=\"10\" fill=\"#a00\">")
          .append(nodesIn.size() - MAX_NODES).append(" more nodes not drawn</text>");
    }
    return b.append("</svg>").toString();
  }

  /** An SVG path: a cubic curve from (x1,y1) through two control points to (x2,y2), in tenths of a pixel. */
  private static String curve(double x1, double y1, double cx1, double cy1, double cx2, double cy2, double x2, double y2) {
    return new StringBuilder("M").append(Decimals.fixed(x1, 1)).append(',').append(Decimals.fixed(y1, 1))
        .append(" C").append(Decimals.fixed(cx1, 1)).append(',').append(Decimals.fixed(cy1, 1))
        .append(' ').append(Decimals.fixed(cx2, 1)).append(',').append(Decimals.fixed(cy2, 1))
        .append(' ').append(Decimals.fixed(x2, 1)).append(',').append(Decimals.fixed(y2, 1)).toString();
  }

  private static Map<String, Double> positions(List<List<Node>> columns) {
    Map<String, Double> pos = new HashMap<>();
    for (List<Node> col : columns) {
      for (int i = 0; i < col.size(); i++) {
        pos.put(col.get(i).key(), (i + 0.5) / col.size());
      }
    }
    return pos;
  }

  /** Shortens text to fit {@code width} px at {@code size} (CJK glyphs are about one em wide). */
  static String fit(String s, int width, double size) {
    double w = 0;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      double cw = TextTable.isWide(cp) ? size : size * 0.56;
      if (w + cw > width - size) {
        if (i < s.length()) {
          return out.append('…').toString();
        }
      }
      w += cw;
      out.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
