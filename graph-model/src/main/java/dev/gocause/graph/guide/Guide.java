package dev.gocause.graph.guide;

import java.util.List;
import java.util.Objects;

/**
 * A rendered Neo4j Browser guide.
 *
 * @param html the page the Browser loads with {@code :play <url>} (slides inside a carousel)
 * @param queries every runnable Cypher block, in slide order (the first one draws nodes)
 */
public record Guide(String html, List<Query> queries) {
  public Guide {
    Objects.requireNonNull(html, "html");
    queries = List.copyOf(queries);
  }

  /**
   * One runnable block.
   *
   * @param slide the slide's title, e.g. {@code 四个维度 / The four dimensions}
   * @param cypher the text the Browser runs
   * @param drawsGraph true when it returns nodes or paths (the Browser draws them)
   */
  public record Query(String slide, String cypher, boolean drawsGraph) {}
}
