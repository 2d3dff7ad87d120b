package dev.gocause.graph.query;

/** Told the duration of every look-up (for metrics); must be fast and must not throw. */
@FunctionalInterface
public interface QueryListener {
  QueryListener NONE = (name, nanos, ok) -> {};

  void completed(String query, long nanos, boolean ok);
}
