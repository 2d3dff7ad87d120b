package dev.gocause.graph.store;

import dev.gocause.graph.GocauseException;

/** The graph could not be opened or reached; the message is one line saying why and what to do. */
public class GraphStoreException extends GocauseException {
  public GraphStoreException(String message) {
    super(message);
  }

  public GraphStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
