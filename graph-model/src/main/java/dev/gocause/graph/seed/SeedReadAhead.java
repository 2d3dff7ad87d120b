package dev.gocause.graph.seed;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads and validates seed-data on a thread of its own, so that a caller can start a graph
 * meanwhile (reading the YAML and starting Neo4j are both a second or more of a cold JVM).
 * {@link #join()} gives the knowledge or throws what {@link SeedReader#read} threw.
 */
public final class SeedReadAhead {
  private final CompletableFuture<KnowledgeSet> result = new CompletableFuture<>();

  private SeedReadAhead() {}

  /** Starts reading {@code source} on a daemon thread. */
  public static SeedReadAhead start(SeedSource source) {
    Objects.requireNonNull(source, "source must not be null");
    SeedReadAhead ahead = new SeedReadAhead();
    Thread t = new Thread(() -> {
      try {
        ahead.result.complete(SeedReader.read(source));
      } catch (Throwable e) {
        ahead.result.completeExceptionally(e);
      }
    }, "seed-read-ahead");
    t.setDaemon(true);
    t.start();
    return ahead;
  }

  /** Waits for the read; rethrows its exception as it was thrown (e.g. {@link SeedValidationException}). */
  public KnowledgeSet join() {
    try {
      return result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
