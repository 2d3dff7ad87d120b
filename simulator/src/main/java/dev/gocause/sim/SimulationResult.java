package dev.gocause.sim;

import java.util.List;
import java.util.Map;

/**
 * What the exploration found.
 *
 * @param findings distinct bugs (first occurrence of each), most frequent first
 * @param outcomeCounts outcome class (e.g. {@code exit 0}, {@code fatal error: all goroutines are asleep - deadlock!}) → schedules
 * @param printedValues program output (stdout, trimmed) → schedules that printed exactly it
 * @param schedulesRun schedules actually run
 * @param exhaustive true when DFS explored every schedule within its bound
 * @param bound human description of the exploration bound (e.g. {@code 1000 schedules, random+PCT(d=3)})
 * @param elapsedMillis wall-clock time of the exploration
 * @param goroutineSeries goroutine count and memory estimate over virtual time for the first schedule (or first failing one)
 */
public record SimulationResult(
    List<Finding> findings,
    Map<String, Integer> outcomeCounts,
    Map<String, Integer> printedValues,
    int schedulesRun,
    boolean exhaustive,
    String bound,
    long elapsedMillis,
    List<SeriesPoint> goroutineSeries) {

  /** Kinds of findings, as the CLI prints them. */
  public enum Kind {
    DEADLOCK("DEADLOCK"), LEAK("LEAK"), DATA_RACE("DATA RACE"), PANIC("PANIC");
    public final String label;
    Kind(String label) { this.label = label; }
  }

  /**
   * One bug.
   *
   * @param kind what kind
   * @param message Go's own words (first line: e.g. {@code fatal error: all goroutines are asleep - deadlock!})
   * @param report the full report as Go prints it (goroutine dump, race report, goleak list)
   * @param replaySeed {@code --seed S --schedules 1} (with the same strategy) replays the schedule
   * @param strategy strategy of the failing schedule
   * @param occurrences schedules in which it showed up
   * @param timeline the failing schedule, step by step
   * @param symptomIds ids of the knowledge graph's Symptom nodes this finding exhibits
   * @param series goroutine count over virtual time in the failing schedule
   */
  public record Finding(
      Kind kind,
      String message,
      String report,
      long replaySeed,
      String strategy,
      int occurrences,
      List<TimelineStep> timeline,
      List<String> symptomIds,
      List<SeriesPoint> series) {}

  /** One visible step of a schedule: goroutine, source line (and its text), what it did. */
  public record TimelineStep(int goroutine, int line, String source, String what, long timeNanos) {}

  /** Goroutines alive and an estimate of memory (2 KiB per goroutine stack + allocations) at a virtual time. */
  public record SeriesPoint(long timeNanos, long step, int goroutines, long estimatedBytes) {}

  public boolean clean() {
    return findings.isEmpty();
  }
}
