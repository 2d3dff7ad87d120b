package dev.gocause.kernel.render;

import java.util.ArrayList;
import java.util.List;

/** Plain-text and Markdown tables for the {@code text/plain} and {@code text/markdown} forms. */
public final class TextTable {
  private TextTable() {}

  /** Columns padded to their widest cell (CJK characters count double, as terminals show them). */
  public static String plain(List<String> header, List<List<String>> rows) {
    int n = header.size();
    int[] w = new int[n];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> r : all) {
      for (int i = 0; i < n && i < r.size(); i++) {
        w[i] = Math.max(w[i], width(oneLine(r.get(i))));
      }
    }
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < all.size(); k++) {
      List<String> r = all.get(k);
      for (int i = 0; i < n; i++) {
        String c = i < r.size() ? oneLine(r.get(i)) : "";
        b.append(c);
        if (i < n - 1) {
          b.append(" ".repeat(w[i] - width(c) + 2));
        }
      }
      b.append('\n');
      if (k == 0) {
        for (int i = 0; i < n; i++) {
          b.append("-".repeat(w[i]));
          if (i < n - 1) {
            b.append("  ");
          }
        }
        b.append('\n');
      }
    }
    return b.toString().stripTrailing();
  }

  public static String markdown(List<String> header, List<List<String>> rows) {
    StringBuilder b = new StringBuilder("| ");
    b.append(String.join(" | ", header.stream().map(TextTable::md).toList())).append(" |\n|");
    header.forEach(h -> b.append("---|"));
    b.append('\n');
    for (List<String> r : rows) {
      b.append("| ").append(String.join(" | ", r.stream().map(TextTable::md).toList())).append(" |\n");
    }
    return b.toString();
  }

  static String md(String s) {
    return oneLine(s).replace("|", "\\|");
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
  }

  /** Display width: East Asian wide characters take two columns. */
  public static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += isWide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
