package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import java.util.Map;

/** One of the four dimensions of the seed's framework. */
public record Dimension(Common common) implements SeedEntry {

  @Override
  public NodeLabel label() {
    return NodeLabel.DIMENSION;
  }

  @Override
  public Map<String, Object> ownProperties() {
    return Props.of();
  }
}
