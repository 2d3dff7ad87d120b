package dev.gocause.graph.guide;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Neo4j Browser graph style (a "grass" file, applied with {@code :style <url>}) for the
 * labels in the graph: nodes show their Chinese name ({@code nameZh}), relationships their
 * type, each label in its own colour. Without it the Browser picks an arbitrary property as the
 * caption, since no gocause property is called {@code name}.
 */
public final class GraphStyle {
  /** Presentation only: a colour per label (fill, border); unknown labels get the default grey. */
  private static final Map<String, String[]> COLOURS = Map.ofEntries(
      Map.entry("Dimension", new String[] {"#4C8EDA", "#2870c2"}),
      Map.entry("RootCause", new String[] {"#F16667", "#eb2728"}),
      Map.entry("Symptom", new String[] {"#FFC454", "#d7a013"}),
      Map.entry("Fix", new String[] {"#57C7E3", "#23b3d7"}),
      Map.entry("Command", new String[] {"#8DCC93", "#5db665"}),
      Map.entry("Signature", new String[] {"#F79767", "#f36924"}),
      Map.entry("Primitive", new String[] {"#C990C0", "#b261a5"}),
      Map.entry("Case", new String[] {"#D9C8AE", "#c0a378"}),
      Map.entry("Section", new String[] {"#DA7194", "#cc3c6c"}),
      Map.entry("Correction", new String[] {"#569480", "#447666"}),
      Map.entry("KnowledgeBase", new String[] {"#A5ABB6", "#9AA1AC"}));

  /** Hubs are drawn larger so their (short) names fit inside the circle. */
  private static final Map<String, String> DIAMETERS = Map.of(
      "Dimension", "85px", "KnowledgeBase", "85px", "Section", "70px");

  private GraphStyle() {}

  /** The grass text for these labels (sorted, so the output is stable). */
  public static String grass(Collection<String> labels) {
    StringBuilder b = new StringBuilder();
    b.append("node {\n  diameter: 60px;\n  color: #A5ABB6;\n  border-color: #9AA1AC;\n  border-width: 2px;\n")
        .append("  text-color-internal: #FFFFFF;\n  font-size: 11px;\n  caption: '{nameZh}';\n}\n\n");
    b.append("relationship {\n  color: #A5ABB6;\n  shaft-width: 1px;\n  font-size: 8px;\n  padding: 3px;\n")
        .append("  text-color-external: #000000;\n  text-color-internal: #FFFFFF;\n  caption: '<type>';\n}\n\n");
    for (String label : new TreeSet<>(labels)) {
      if (!label.matches("[A-Za-z][A-Za-z0-9_]*")) {
        continue; // grass selectors cannot quote; such labels keep the default style
      }
      String[] c = COLOURS.getOrDefault(label, new String[] {"#A5ABB6", "#9AA1AC"});
      String caption = label.equals("KnowledgeBase") ? "{titleZh}" : "{nameZh}";
      b.append("node.").append(label).append(" {\n  diameter: ").append(DIAMETERS.getOrDefault(label, "60px"))
          .append(";\n  color: ").append(c[0]).append(";\n  border-color: ").append(c[1])
          .append(";\n  text-color-internal: #2A2C34;\n  caption: '").append(caption).append("';\n}\n\n");
    }
    return b.toString();
  }
}
