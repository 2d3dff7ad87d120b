package dev.gocause.graph.diagnosis;

import java.util.List;

/**
 * A named fact an analyzer derived from the goroutines or race accesses Go printed; {@code id} is
 * a Symptom id of the knowledge (which causes it points to, and how strongly, is seed-data).
 * {@code strength} says how sure the derivation is; {@code goroutines} and {@code lines} cite
 * what it was derived from.
 */
record Fact(String id, String text, double strength, List<String> goroutines, List<Integer> lines) {
  /** A fact cites at most this many goroutines and input lines: the first of each list it is given. */
  static final int MAX_GOROUTINES = 10;
  static final int MAX_LINES = 5;

  Fact {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a fact needs the id of the Symptom it is");
    }
    if (strength <= 0 || strength > 1) {
      throw new IllegalArgumentException("fact " + id + ": strength " + strength + " is outside (0, 1]");
    }
    goroutines = List.copyOf(goroutines.size() > MAX_GOROUTINES ? goroutines.subList(0, MAX_GOROUTINES) : goroutines);
    lines = List.copyOf(lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines);
  }
}
