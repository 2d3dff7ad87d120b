package dev.gocause.graph;

/** Escapes graph or user text for HTML: one implementation for the Browser guide and the kernel. */
public final class HtmlText {
  private HtmlText() {}

  /** {@code text} with {@code < > & " '} replaced by entities; null becomes the empty string. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
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
}
