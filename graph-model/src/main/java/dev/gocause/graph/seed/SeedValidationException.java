package dev.gocause.graph.seed;

import dev.gocause.graph.GocauseException;
import java.util.List;

/**
 * Seed-data has problems; nothing was written. {@link #problems()} holds one line per problem,
 * each naming the file, the entry (index and id) and the field. The message is the first
 * problem plus how many more there are (adapters print {@link #problems()} in full).
 */
public class SeedValidationException extends GocauseException {
  private final List<String> problems;

  public SeedValidationException(List<String> problems) {
    super(summary(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  private static String summary(List<String> problems) {
    if (problems.isEmpty()) {
      return "seed-data is invalid";
    }
    String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more problem" + (problems.size() == 2 ? "" : "s") + "; run 'gocause validate')";
    return problems.get(0) + more;
  }

  public List<String> problems() {
    return problems;
  }
}
