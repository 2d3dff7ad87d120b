package dev.gocause.graph.guide;

import java.util.Objects;

/**
 * Absolute URLs the guide refers to, decided by whoever serves it (the Browser fetches them from
 * its own page, so they must be reachable from there and on the Browser's host allowlist).
 *
 * @param styleUrl the graph style (grass) the guide's first slide applies with {@code :style}
 */
public record GuideLinks(String styleUrl) {
  public GuideLinks {
    Objects.requireNonNull(styleUrl, "styleUrl");
    if (!styleUrl.startsWith("http://") && !styleUrl.startsWith("https://")) {
      throw new IllegalArgumentException("styleUrl must be an absolute http(s) URL, got '" + styleUrl + "'");
    }
  }
}
