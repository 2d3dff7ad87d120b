package dev.gocause.graph.query;

import dev.gocause.graph.GocauseException;

/**
 * The graph database does not answer (stopped, restarting, network down). Transient: callers
 * may retry later; adapters map it to "service unavailable".
 */
public class GraphUnavailableException extends GocauseException {
  public GraphUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
