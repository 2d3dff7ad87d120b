package dev.gocause.graph.query;

import dev.gocause.graph.GocauseException;
import java.util.List;

/**
 * An id that names no node of the expected kind. Carries the closest existing ids (by prefix,
 * substring and edit distance) so that callers can say "did you mean ...".
 */
public class NotFoundException extends GocauseException {
  private final String kind;
  private final String id;
  private final List<String> closeMatches;

  public NotFoundException(String kind, String id, List<String> closeMatches) {
    super(message(kind, id, closeMatches));
    this.kind = kind;
    this.id = id;
    this.closeMatches = List.copyOf(closeMatches);
  }

  private static String message(String kind, String id, List<String> closeMatches) {
    String base = "no " + kind + " with id '" + id + "'";
    return closeMatches.isEmpty() ? base : base + "; did you mean: " + String.join(", ", closeMatches);
  }

  /** The kind of node looked for, e.g. {@code RootCause} or {@code node}. */
  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  /** Existing ids close to the one asked for, best first (possibly empty). */
  public List<String> closeMatches() {
    return closeMatches;
  }
}
