package dev.gocause.graph.query;

import java.util.List;

/**
 * One page of a list that may grow. {@code nextCursor} is opaque; pass it back to get the
 * following page; it is {@code null} on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {
  public Page {
    items = List.copyOf(items);
  }
}
