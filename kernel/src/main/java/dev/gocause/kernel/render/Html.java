package dev.gocause.kernel.render;

import java.util.List;

/** Small HTML helpers; every piece of graph or user text goes through {@link #esc}. */
public final class Html {
  private Html() {}

  public static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = String.valueOf(value);
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
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
