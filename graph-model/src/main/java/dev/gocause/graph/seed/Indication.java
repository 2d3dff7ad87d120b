package dev.gocause.graph.seed;

/**
 * One {@code (Symptom)-[:INDICATES {weight, panickingFrame}]->(RootCause)} link; weight within [0,1].
 * {@code panickingFrames}: when not empty, the link holds only if the goroutine that panicked (or died of a
 * fatal error) shows one of these frames (function-name prefixes) on its stack, whenever the input shows it.
 */
public record Indication(String cause, double weight, java.util.List<String> panickingFrames) {
  public Indication {
    panickingFrames = panickingFrames == null ? java.util.List.of() : java.util.List.copyOf(panickingFrames);
  }

  public Indication(String cause, double weight) {
    this(cause, weight, java.util.List.of());
  }
}
