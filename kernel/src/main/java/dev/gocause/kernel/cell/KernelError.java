package dev.gocause.kernel.cell;

import dev.gocause.graph.GocauseException;

/** A failure shown to the notebook user as one line plus a suggestion of what to do. */
public class KernelError extends GocauseException {
  private final String suggestion;

  public KernelError(String message, String suggestion) {
    super(message);
    this.suggestion = suggestion;
  }

  public String suggestion() {
    return suggestion;
  }
}
