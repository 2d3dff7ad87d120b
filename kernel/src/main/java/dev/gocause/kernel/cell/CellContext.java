package dev.gocause.kernel.cell;

/**
 * What long work inside a cell may use of the running cell, whoever runs it (magics, the graph):
 * interrupt hooks, an interruption check and a progress line shown in the cell while it runs.
 * Its own package so that the magics and the graph depend on it and not on each other.
 */
public interface CellContext {

  /** Registers work to stop when the user interrupts the cell (e.g. terminate a transaction). */
  AutoCloseable onInterrupt(Runnable hook);

  /** Throws {@link InterruptedError} when the running cell was interrupted. */
  void checkInterrupted();

  /** Shows one line of progress in the running cell (e.g. "starting the graph ..."); no-op outside a cell. */
  void progress(String line);
}
