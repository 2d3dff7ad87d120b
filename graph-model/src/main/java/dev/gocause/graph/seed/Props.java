package dev.gocause.graph.seed;

import java.util.LinkedHashMap;
import java.util.Map;

final class Props {
  private Props() {}

  /** A map from alternating keys and values; values may be null (Map.of refuses them). */
  static Map<String, Object> of(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
