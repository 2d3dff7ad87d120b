package dev.gocause.graph.store;

/** A Neo4j server given by URI does not answer, or refuses the credentials. */
public class GraphUnreachableException extends GraphStoreException {
  public GraphUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
