package dev.gocause.graph.seed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the full-text properties. {@code searchZh} joins every {@code *Zh} field (names,
 * aliases, descriptions, mechanisms, titles ...), {@code searchEn} every {@code *En} field plus
 * the few fields that are English by nature (Go's messages, command lines) and the id spelled
 * as words. Generic by field-name suffix so new prose fields are searchable without code.
 */
final class SearchText {
  private static final Set<String> ENGLISH_BY_NATURE = Set.of("pattern", "example", "commandLine");

  private SearchText() {}

  static String zh(Map<String, Object> props) {
    return join(props, k -> k.endsWith("Zh"), null);
  }

  static String en(Map<String, Object> props) {
    Object id = props.get("id");
    String idWords = id == null ? null : id.toString().replace('-', ' ');
    return join(props, k -> k.endsWith("En") || ENGLISH_BY_NATURE.contains(k), idWords);
  }

  private static String join(Map<String, Object> props, java.util.function.Predicate<String> take, String extra) {
    List<String> parts = new ArrayList<>();
    if (extra != null) {
      parts.add(extra);
    }
    for (Map.Entry<String, Object> e : props.entrySet()) {
      if (e.getKey().startsWith("search") || !take.test(e.getKey()) || e.getValue() == null) {
        continue;
      }
      if (e.getValue() instanceof Collection<?> c) {
        c.forEach(x -> parts.add(String.valueOf(x)));
      } else {
        parts.add(e.getValue().toString());
      }
    }
    return String.join("\n", parts);
  }
}
