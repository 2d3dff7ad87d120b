package dev.gocause.graph.store;

/** Another process holds the embedded store folder. */
public class StoreLockedException extends GraphStoreException {
  public StoreLockedException(String message, Throwable cause) {
    super(message, cause);
  }
}
