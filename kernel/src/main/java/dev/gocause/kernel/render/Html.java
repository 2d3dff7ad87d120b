package dev.gocause.kernel.render;

import java.util.List;

/** Small HTML helpers; every piece of graph or user text goes through {@link #esc}. */
public final class Html {
  private Html() {}

  public static String esc(Object value) {
    return value == null ? "" : dev.gocause.graph.HtmlText.escape(String.valueOf(value));
  }

  /** A table with a header row; cells are HTML already (escape text before). */
  public static String table(List<String> header, List<List<String>> rows) {
    StringBuilder b = new StringBuilder("<table class=\"gocause\"><thead><tr>");
    header.forEach(h -> b.append("<th style=\"text-align:left\">").append(esc(h)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      b.append("<tr>");
      row.forEach(c -> b.append("<td style=\"text-align:left;vertical-align:top\">").append(c).append("</td>"));
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  public static String code(Object text) {
    return "<code>" + esc(text) + "</code>";
  }

  public static String pre(Object text) {
    return "<pre>" + esc(text) + "</pre>";
  }
}
