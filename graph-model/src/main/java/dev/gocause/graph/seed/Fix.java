package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import java.util.Map;

/** How to repair a cause: before/after Go code and the trade-off. */
public record Fix(Common common, String before, String after, String tradeoffZh, String tradeoffEn) implements SeedEntry {

  @Override
  public NodeLabel label() {
    return NodeLabel.FIX;
  }

  @Override
  public Map<String, Object> ownProperties() {
    return Props.of("before", before, "after", after, "tradeoffZh", tradeoffZh, "tradeoffEn", tradeoffEn);
  }
}
