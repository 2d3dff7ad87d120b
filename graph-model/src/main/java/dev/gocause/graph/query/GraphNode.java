package dev.gocause.graph.query;

/**
 * A node of a subgraph. Ids are unique per label only, so {@code key} ({@code Label:id}) is what
 * edges refer to.
 */
public record GraphNode(String key, String label, String id, String nameZh, String nameEn) {
  public static String key(String label, String id) {
    return label + ":" + id;
  }
}
