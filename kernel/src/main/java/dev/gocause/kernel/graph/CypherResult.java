package dev.gocause.kernel.graph;

import java.util.List;
import java.util.Map;

/**
 * A Cypher result as plain values: rows of column → value, where graph values become
 * {@link NodeValue}, {@link RelValue} or {@link PathValue}.
 */
public record CypherResult(List<String> columns, List<Map<String, Object>> rows, boolean truncated, String summary) {

  /** A node: its element id, labels and properties. */
  public record NodeValue(String elementId, List<String> labels, Map<String, Object> properties) {}

  /** A relationship between two node element ids. */
  public record RelValue(String elementId, String type, String startId, String endId, Map<String, Object> properties) {}

  /** A path: nodes and relationships in order. */
  public record PathValue(List<NodeValue> nodes, List<RelValue> relationships) {}
}
