package dev.gocause.graph.store;

/** The embedded server's Bolt port is taken by another process. */
public class PortInUseException extends GraphStoreException {
  public PortInUseException(String message, Throwable cause) {
    super(message, cause);
  }
}
