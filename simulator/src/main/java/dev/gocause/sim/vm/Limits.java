package dev.gocause.sim.vm;

/**
 * Resource limits of one schedule. Hitting one ends the schedule with outcome {@link Machine.Outcome#LIMIT} and a
 * message naming the limit and the option that raises it; memory is bounded by these, not by the program.
 *
 * @param maxGoroutines goroutines alive at once besides main (each costs a vector clock as long as the number of
 *     goroutines started: memory grows with the square of this bound)
 * @param maxHeapBytes bytes the program allocates in one schedule (an estimate of Go's sizes, counted without garbage
 *     collection: make, new, append, composite literals, map entries, timers)
 * @param maxTraceSteps timeline entries recorded when a schedule is replayed for its report
 */
public record Limits(int maxGoroutines, long maxHeapBytes, int maxTraceSteps) {
  /** 10,000 goroutines besides main, 512 MiB, 1,000,000 timeline entries. */
  public static final Limits DEFAULT = new Limits(10_000, 512L << 20, 1_000_000);

  public Limits {
    if (maxGoroutines < 1) throw new IllegalArgumentException("maxGoroutines must be at least 1, got " + maxGoroutines);
    if (maxHeapBytes < 1) throw new IllegalArgumentException("maxHeapBytes must be positive, got " + maxHeapBytes);
    if (maxTraceSteps < 1) throw new IllegalArgumentException("maxTraceSteps must be at least 1, got " + maxTraceSteps);
  }

  public Limits withMaxGoroutines(int n) {
    return new Limits(n, maxHeapBytes, maxTraceSteps);
  }

  public Limits withMaxHeapBytes(long n) {
    return new Limits(maxGoroutines, n, maxTraceSteps);
  }

  public Limits withMaxTraceSteps(int n) {
    return new Limits(maxGoroutines, maxHeapBytes, n);
  }
}
