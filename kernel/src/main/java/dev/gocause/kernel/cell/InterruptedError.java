package dev.gocause.kernel.cell;

/** The cell was interrupted by the user. */
public final class InterruptedError extends KernelError {
  public InterruptedError() {
    super("interrupted", "the cell was stopped; the kernel is ready for the next one");
  }
}
