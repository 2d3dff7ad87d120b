package dev.gocause.graph;

/**
 * A failure the user can act on: its message is one line saying what went wrong and how to
 * fix it. Adapters (CLI, API, kernel) print or map these in one place and never show a stack
 * trace for them. Subclasses name the kind of failure.
 */
public class GocauseException extends RuntimeException {

  public GocauseException(String message) {
    super(message);
  }

  public GocauseException(String message, Throwable cause) {
    super(message, cause);
  }
}
