package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.RelType;
import java.util.Map;

/** One relationship derived from seed-data. {@code properties} is empty except INDICATES' weight. */
public record SeedRelationship(
    RelType type, NodeLabel fromLabel, String fromId, NodeLabel toLabel, String toId, Map<String, Object> properties) {

  public SeedRelationship {
    properties = Map.copyOf(properties);
  }

  /** Identity of the relationship (type and both ends), properties excluded. */
  public String key() {
    return type + "|" + fromLabel.cypherName() + "|" + fromId + "|" + toLabel.cypherName() + "|" + toId;
  }
}
