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
 * @param lockOrderCycles potential deadlocks from the lock-order graph of every explored schedule (reported even when
 *     no schedule deadlocked; they do not make the result unclean)
 * @param firstFindingMillis wall-clock time from the start (compilation included) until the end of the first schedule
 *     with a finding; -1 when clean
 * @param firstPotentialMillis the same until the end of the first schedule whose lock-order analysis found a potential
 *     deadlock; -1 when none
 * @param limitHits resource limits that ended schedules (each schedule that hit one counts as not finished)
 */
public record SimulationResult(
    List<Finding> findings,
    Map<String, Integer> outcomeCounts,
    Map<String, Integer> printedValues,
    int schedulesRun,
    boolean exhaustive,
    String bound,
    long elapsedMillis,
    List<SeriesPoint> goroutineSeries,
    List<LockOrderCycle> lockOrderCycles,
    long firstFindingMillis,
    long firstPotentialMillis,
    List<LimitHit> limitHits) {

  /** The result without lock-order analysis. */
  public SimulationResult(List<Finding> findings, Map<String, Integer> outcomeCounts, Map<String, Integer> printedValues,
      int schedulesRun, boolean exhaustive, String bound, long elapsedMillis, List<SeriesPoint> goroutineSeries) {
    this(findings, outcomeCounts, printedValues, schedulesRun, exhaustive, bound, elapsedMillis, goroutineSeries, List.of(), -1, -1,
        List.of());
  }

  /**
   * A resource limit that ended schedules.
   *
   * @param message which limit and how to raise it, e.g. {@code goroutines: more than 100000 goroutines alive at once;
   *     raise it with --max-goroutines N}
   * @param seed the first schedule that hit it ({@code --seed S --schedules 1} replays it)
   * @param schedules schedules that hit it
   */
  public record LimitHit(String message, long seed, int schedules) {
    /** The line the CLI prints: {@code LIMIT goroutines: ...  [replay: --seed 1 --schedules 1; hit in 3/3 schedules]}. */
    public String describe(int schedulesRun) {
      return "LIMIT " + message + "  [replay: --seed " + seed + " --schedules 1; hit in " + schedules + "/" + schedulesRun + " schedules]";
    }
  }

  /** Schedules that ran to their end (not stopped by a resource limit). */
  public int schedulesFinished() {
    int hit = 0;
    for (LimitHit h : limitHits) hit += h.schedules();
    return schedulesRun - hit;
  }

  /**
   * One edge of the lock-order graph, seen in a schedule and made by goroutine {@code goroutine}. Modes are
   * {@code Lock} or {@code RLock} for locks and {@code send}, {@code receive}, {@code close}, {@code select send} or
   * {@code select receive} for channel steps. Three kinds:
   * <ul>
   *   <li>lock → lock: it held {@code held} (acquired at line {@code heldLine}) when it acquired {@code acquired} at
   *       line {@code line};</li>
   *   <li>lock → channel: it held {@code held} (since {@code heldLine}) while it did {@code acquiredMode} on channel
   *       {@code acquired} at line {@code line} (where it can block);</li>
   *   <li>channel → lock: its {@code heldMode} on channel {@code held} at line {@code heldLine} (the step that would
   *       release a goroutine blocked the other way on that channel) comes after it acquired {@code acquired} at line
   *       {@code line}.</li>
   * </ul>
   * Lock names are the receiver expressions at their first acquisition (e.g. {@code a.mu}); channel names the
   * channel expression at the blocking step (e.g. {@code h.events}).
   */
  public record LockOrderEdge(String held, String heldMode, int heldLine, String acquired, String acquiredMode, int line, int goroutine) {
    /** Whether {@code held} is a channel (the edge is a partner's channel step after a lock acquisition). */
    public boolean fromChannel() {
      return !isLockMode(heldMode);
    }

    /** Whether {@code acquired} is a channel (the goroutine can block on it while holding {@code held}). */
    public boolean toChannel() {
      return !isLockMode(acquiredMode);
    }

    private static boolean isLockMode(String mode) {
      return mode.equals("Lock") || mode.equals("RLock");
    }
  }

  /**
   * A potential deadlock: a cycle in the lock-order graph whose edges come from distinct goroutines with no common
   * gate lock (or a single goroutine re-acquiring a lock it holds). Cycles through channels alternate lock → channel
   * edges (a goroutine blocks on the channel while holding a lock) and channel → lock edges (the partner that would
   * unblock it must first acquire a lock).
   *
   * @param reason {@code lock order}, {@code lock order through a channel} (or {@code through channels}) for a
   *     cycle, otherwise what the self-deadlock is
   * @param file the source file the lines refer to
   * @param edges the cycle, in order (a cycle through a channel starts with a lock → channel edge)
   * @param seed a schedule (with the result's strategy) in which all its edges were seen
   * @param schedules schedules in which the cycle was seen
   */
  public record LockOrderCycle(String reason, String file, List<LockOrderEdge> edges, long seed, int schedules) {
    /**
     * One line, e.g. {@code POTENTIAL DEADLOCK (lock order): m1 → m2 at k_test.go:31 (goroutine 7, holding since
     * line 30), m2 → m1 at k_test.go:44 (goroutine 8, holding since line 43)}, or for a cycle through a channel
     * {@code POTENTIAL DEADLOCK (lock order through a channel): goroutine 2 holds mu (line 12) while sending on ch at
     * f.go:13; goroutine 3 locks mu at f.go:20 before receiving from ch (line 24)}. Each {@code at file:line} is where
     * that goroutine would block.
     */
    public String describe() {
      StringBuilder sb = new StringBuilder("POTENTIAL DEADLOCK (").append(reason).append("): ");
      boolean channel = edges.stream().anyMatch(e -> e.toChannel() || e.fromChannel());
      for (int i = 0; i < edges.size(); i++) {
        LockOrderEdge e = edges.get(i);
        if (channel) {
          if (i > 0) sb.append("; ");
          sb.append("goroutine ").append(e.goroutine()).append(' ');
          if (e.fromChannel()) {
            sb.append(lockVerb(e.acquiredMode())).append(' ').append(e.acquired()).append(" at ").append(file).append(':').append(e.line())
                .append(" before ").append(chanStep(e.heldMode(), e.held())).append(" (line ").append(e.heldLine()).append(')');
          } else {
            sb.append("holds ").append(e.held()).append(e.heldMode().equals("RLock") ? " (RLock, line " : " (line ").append(e.heldLine())
                .append(") while ");
            if (e.toChannel()) sb.append(chanStep(e.acquiredMode(), e.acquired()));
            else sb.append(e.acquiredMode().equals("RLock") ? "read-locking " : "locking ").append(e.acquired());
            sb.append(" at ").append(file).append(':').append(e.line());
          }
          continue;
        }
        if (i > 0) sb.append(", ");
        sb.append(e.held()).append(e.heldMode().equals("RLock") ? " (RLock)" : "").append(" → ").append(e.acquired())
            .append(e.acquiredMode().equals("RLock") ? " (RLock)" : "").append(" at ").append(file).append(':').append(e.line())
            .append(" (goroutine ").append(e.goroutine()).append(", holding since line ").append(e.heldLine()).append(')');
      }
      return sb.toString();
    }

    private static String lockVerb(String mode) {
      return mode.equals("RLock") ? "read-locks" : "locks";
    }

    /** {@code sending on ch}, {@code receiving from ch in a select}, {@code closing ch}. */
    private static String chanStep(String mode, String chan) {
      boolean select = mode.startsWith("select ");
      String op = select ? mode.substring("select ".length()) : mode;
      String s = switch (op) {
        case "send" -> "sending on ";
        case "receive" -> "receiving from ";
        case "close" -> "closing ";
        default -> op + " on ";
      };
      return s + chan + (select ? " in a select" : "");
    }
  }

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
