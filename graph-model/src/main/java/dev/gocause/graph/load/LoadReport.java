package dev.gocause.graph.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a load did.
 *
 * @param unchanged true when the graph already held this content hash and nothing was written
 * @param forced true when {@code --force} reloaded an unchanged graph
 * @param source where seed-data was read from
 * @param nodes node count per managed label after the load, in the graph
 * @param relationships relationship count per managed type after the load, in the graph
 * @param changes what the write transaction changed (all zero when unchanged)
 * @param elapsedMillis total time, validation and schema included
 */
public record LoadReport(
    boolean unchanged,
    boolean forced,
    String version,
    String contentHash,
    String source,
    Map<String, Long> nodes,
    Map<String, Long> relationships,
    Changes changes,
    long elapsedMillis) {

  public LoadReport {
    nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    relationships = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(relationships));
  }

  /** Counters summed over the write transaction's statements. */
  public record Changes(int nodesCreated, int nodesDeleted, int relationshipsCreated, int relationshipsDeleted, int propertiesSet) {
    public static final Changes NONE = new Changes(0, 0, 0, 0, 0);

    Changes plus(org.neo4j.driver.summary.SummaryCounters c) {
      return new Changes(nodesCreated + c.nodesCreated(), nodesDeleted + c.nodesDeleted(),
          relationshipsCreated + c.relationshipsCreated(), relationshipsDeleted + c.relationshipsDeleted(),
          propertiesSet + c.propertiesSet());
    }

    Changes plus(Changes c) {
      return new Changes(nodesCreated + c.nodesCreated(), nodesDeleted + c.nodesDeleted(),
          relationshipsCreated + c.relationshipsCreated(), relationshipsDeleted + c.relationshipsDeleted(),
          propertiesSet + c.propertiesSet());
    }
  }

  public long totalNodes() {
    return nodes.values().stream().mapToLong(Long::longValue).sum();
  }

  public long totalRelationships() {
    return relationships.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A JSON-friendly view (plain maps, lists, strings and numbers). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("unchanged", unchanged);
    m.put("forced", forced);
    m.put("version", version);
    m.put("contentHash", contentHash);
    m.put("source", source);
    m.put("nodes", nodes);
    m.put("relationships", relationships);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("nodesCreated", changes.nodesCreated());
    c.put("nodesDeleted", changes.nodesDeleted());
    c.put("relationshipsCreated", changes.relationshipsCreated());
    c.put("relationshipsDeleted", changes.relationshipsDeleted());
    c.put("propertiesSet", changes.propertiesSet());
    m.put("changes", c);
    m.put("elapsedMillis", elapsedMillis);
    return m;
  }
}
