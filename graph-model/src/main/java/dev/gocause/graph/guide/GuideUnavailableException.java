package dev.gocause.graph.guide;

import dev.gocause.graph.GocauseException;

/** The guide could not be built because the graph did not answer; the message says why. */
public final class GuideUnavailableException extends GocauseException {
  public GuideUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
