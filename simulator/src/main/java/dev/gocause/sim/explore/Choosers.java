package dev.gocause.sim.explore;

import dev.gocause.sim.vm.G;
import dev.gocause.sim.vm.Machine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/** Schedule choosers: seeded random, PCT, and the DFS tree walker. */
public final class Choosers {
  private Choosers() {}

  /** Durations up to this race with any step: a goroutine's next step takes about this long on real hardware. */
  static final long TINY_NANOS = 1_000;

  /**
   * Chance that a schedule stalls the runnable goroutines for at least {@code nanos} (so a timer due that soon may fire
   * before they go on): 1 up to a microsecond, then halved per tenfold longer duration up to a second (1 ms 1/8, 1 s
   * 1/64), then divided by 100 per tenfold (10 s 1/6,400, 1 min about 1/230,000). A loaded CI machine stalls for a
   * second now and then, for ten seconds almost never, for a minute not at all.
   */
  public static double stallChance(long nanos) {
    if (nanos <= TINY_NANOS) return 1.0;
    double decades = Math.log10((double) nanos / TINY_NANOS);
    if (decades <= 6) return Math.pow(0.5, decades);
    return Math.pow(0.5, 6) * Math.pow(0.01, decades - 6);
  }

  /** The stall of a schedule from a uniform draw u in [0, 1): the inverse of {@link #stallChance}. */
  public static long stallFor(double u) {
    if (u <= 0) return Long.MAX_VALUE;
    double decades = u >= 1.0 / 64 ? -Math.log(u) / Math.log(2) : 6 + Math.log10(1 / (64 * u)) / 2;
    double nanos = TINY_NANOS * Math.pow(10, decades);
    return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(nanos);
  }

  /** Uniform choice among runnable goroutines at every scheduling point. */
  public static final class RandomChooser implements Machine.Chooser {
    private final SplittableRandom rnd;
    /** Time's choices draw apart, so a schedule without racing timers is the same as it was before time was a choice. */
    private final SplittableRandom timeRnd;
    private final long stall;
    public RandomChooser(long seed) {
      rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
      timeRnd = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + 23);
      stall = stallFor(timeRnd.nextDouble());
    }
    @Override public int pick(Machine m, G current, List<G> runnable) {
      return rnd.nextInt(runnable.size());
    }
    /** The clock is one more candidate, as likely as each runnable goroutine. */
    @Override public int pickOrAdvanceClock(Machine m, G current, List<G> runnable) {
      if (timeRnd.nextInt(runnable.size() + 1) == runnable.size()) return runnable.size();
      return runnable.size() == 1 ? 0 : pick(m, current, runnable);
    }
    @Override public long stallNanos() {
      return stall;
    }
    @Override public int choose(int n) {
      return rnd.nextInt(n);
    }
  }

  /**
   * PCT (Burckhardt et al., ASPLOS 2010): random distinct priorities, the highest-priority runnable
   * goroutine runs; at d-1 random steps the running goroutine drops to a low priority.
   */
  public static final class PctChooser implements Machine.Chooser {
    /** The clock's place in the priority table: it competes like a goroutine while a racing timer is pending. */
    private static final int CLOCK = 0;
    private final Random rnd;
    /** Time's choices draw apart, so a schedule without racing timers is the same as it was before time was a choice. */
    private final Random timeRnd;
    private final Map<Integer, Integer> prio = new HashMap<>();
    private final long[] changePoints;
    private final int depth;
    private final long stall;
    private int changed;
    private long step;
    /** Below the change points' priorities (1..d-1): where preempted spinners go, each lower than the last. */
    private int lowest = 0;

    public PctChooser(long seed, int depth, long expectedSteps) {
      this.rnd = new Random(seed * 0x9E3779B97F4A7C15L + 31);
      this.timeRnd = new Random(seed * 0xC2B2AE3D27D4EB4FL + 37);
      this.depth = depth;
      changePoints = new long[Math.max(0, depth - 1)];
      for (int i = 0; i < changePoints.length; i++) changePoints[i] = 1 + (long) (rnd.nextDouble() * Math.max(1, expectedSteps));
      java.util.Arrays.sort(changePoints);
      prio.put(CLOCK, depth + timeRnd.nextInt(1 << 20));
      stall = stallFor(timeRnd.nextDouble());
    }

    @Override public void onSpawn(G g) {
      // initial priorities are >= depth so change points (1..d-1) sort below all of them
      prio.put(g.id, depth + rnd.nextInt(1 << 20));
    }

    /** A preempted spinner sinks below every priority given so far, change points included. */
    @Override public void onPreempt(G g) {
      prio.put(g.id, --lowest);
    }

    @Override public int pick(Machine m, G current, List<G> runnable) {
      return pick(runnable, false);
    }

    /** The clock takes part with its own priority (index runnable.size()); a change point can lower it too. */
    @Override public int pickOrAdvanceClock(Machine m, G current, List<G> runnable) {
      return pick(runnable, true);
    }

    @Override public long stallNanos() {
      return stall;
    }

    private int idAt(List<G> runnable, int i) {
      return i == runnable.size() ? CLOCK : runnable.get(i).id;
    }

    private int pick(List<G> runnable, boolean clock) {
      step++;
      int n = runnable.size() + (clock ? 1 : 0);
      int best = 0;
      int bp = Integer.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        int p = prio.getOrDefault(idAt(runnable, i), depth);
        if (p > bp || (p == bp && idAt(runnable, i) < idAt(runnable, best))) {
          bp = p;
          best = i;
        }
      }
      if (changed < changePoints.length && step >= changePoints[changed]) {
        prio.put(idAt(runnable, best), changePoints.length - changed);
        changed++;
        return highest(runnable, n);
      }
      return best;
    }

    private int highest(List<G> runnable, int n) {
      int best = 0;
      int bp = Integer.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        int p = prio.getOrDefault(idAt(runnable, i), depth);
        if (p > bp) {
          bp = p;
          best = i;
        }
      }
      return best;
    }

    @Override public int choose(int n) {
      return rnd.nextInt(n);
    }
  }

  /**
   * Stateless depth-first exploration of the schedule tree with preemption bounding (a switch
   * away from a goroutine that could continue costs one preemption; at the bound only
   * non-preemptive choices remain) and sleep sets (partial-order reduction: after exploring
   * goroutine t at a node, a sibling branch does not re-run t first unless the sibling's step is
   * dependent on t's - same object, one of them a write; unknown footprints count as dependent).
   * Each run replays the recorded prefix and branches at the deepest open choice.
   */
  public static final class DfsChooser implements Machine.Chooser {
    private static final class Node {
      int[] gids; // options, as goroutine ids (select/map choices: 0..n-1)
      Object[][] fps; // footprint per option (null: unknown)
      java.util.Set<Integer> sleep = new java.util.HashSet<>();
      int chosen;
      int currentGid = -1; // goroutine that was running (preempting it costs one)
      int preemptionsBefore;
      boolean isChoose;
    }

    private final int bound;
    private final List<Node> path = new ArrayList<>();
    private int pos;
    private int preemptions;
    private boolean done;
    private boolean started;
    private final long maxDepth;
    public long truncated;
    /** Branches skipped by the sleep sets. */
    public long pruned;
    private java.util.Set<Integer> pendingSleep = new java.util.HashSet<>();
    private Object[][] pendingFps = new Object[0][];
    private int[] pendingGids = new int[0];

    public DfsChooser(int bound, long maxDepth) {
      this.bound = bound;
      this.maxDepth = maxDepth;
    }

    /** Prepares the next run; returns false when the tree is exhausted. */
    public boolean next() {
      if (done) return false;
      if (!started) {
        started = true;
        return true;
      }
      while (path.size() > pos) path.remove(path.size() - 1);
      while (!path.isEmpty()) {
        Node n = path.get(path.size() - 1);
        int j = nextOption(n, n.chosen + 1);
        if (j >= 0) {
          n.chosen = j;
          return true;
        }
        path.remove(path.size() - 1);
      }
      done = true;
      return false;
    }

    private int nextOption(Node n, int from) {
      for (int j = from; j < n.gids.length; j++) {
        if (n.isChoose) return j;
        if (n.sleep.contains(n.gids[j])) {
          pruned++;
          continue;
        }
        if (n.currentGid >= 0 && n.gids[j] != n.currentGid && n.preemptionsBefore >= bound) continue;
        return j;
      }
      return -1;
    }

    public void reset() {
      pos = 0;
      preemptions = 0;
      pendingSleep = new java.util.HashSet<>();
    }

    /** -Dgocause.sim.noPor=true turns the sleep sets off (to measure what they save). */
    private static final boolean NO_POR = Boolean.getBoolean("gocause.sim.noPor");

    private static boolean dependent(Object[] a, Object[] b) {
      if (NO_POR || a == null || b == null) return true;
      return a[0] == b[0] && (Boolean.TRUE.equals(a[1]) || Boolean.TRUE.equals(b[1]));
    }

    /** Sleep set of the child reached by taking option 'chosen' at node n. */
    private static java.util.Set<Integer> childSleep(Node n) {
      java.util.Set<Integer> out = new java.util.HashSet<>();
      if (n.isChoose) return out;
      Object[] t = n.fps[n.chosen];
      for (int j = 0; j < n.gids.length; j++) {
        if (j == n.chosen) continue;
        boolean asleepOrDone = n.sleep.contains(n.gids[j]) || j < n.chosen;
        if (asleepOrDone && !dependent(n.fps[j], t)) out.add(n.gids[j]);
      }
      return out;
    }

    /** Option id of "advance the clock" (goroutine ids start at 1). */
    private static final int CLOCK = 0;

    @Override public int pick(Machine m, G current, List<G> runnable) {
      return pick(m, current, runnable, false);
    }

    /**
     * Advancing the clock is one more branch, explored after the goroutines; like switching away from a goroutine that
     * could go on, it costs one preemption then. Its footprint is unknown (a timer sends, wakes, cancels, starts a
     * goroutine), so it is dependent on every step and never put to sleep.
     */
    @Override public int pickOrAdvanceClock(Machine m, G current, List<G> runnable) {
      return pick(m, current, runnable, true);
    }

    /**
     * The search covers each point at which a timer due within a second may fire (the longest stall the random
     * schedules give a fair chance); a later one fires once everything blocks, so idle timeouts of a minute are not
     * taken to race with a busy producer.
     */
    @Override public long stallNanos() {
      return DFS_STALL_NANOS;
    }

    static final long DFS_STALL_NANOS = 1_000_000_000L;

    private int pick(Machine m, G current, List<G> runnable, boolean clock) {
      Node n;
      if (pos < path.size()) {
        n = path.get(pos++);
      } else {
        n = new Node();
        int ci = current == null ? -1 : runnable.indexOf(current);
        int options = runnable.size() + (clock ? 1 : 0);
        n.gids = new int[options];
        n.fps = new Object[options][];
        int k = 0;
        if (ci >= 0) {
          n.gids[k] = current.id;
          n.fps[k++] = m.footprint(current);
          n.currentGid = current.id;
        }
        for (G g : runnable) {
          if (g == current) continue;
          n.gids[k] = g.id;
          n.fps[k++] = m.footprint(g);
        }
        if (clock) n.gids[k] = CLOCK; // footprint null: dependent on everything
        n.preemptionsBefore = preemptions;
        // goroutines asleep at the parent stay asleep while they do not run
        for (int j = 0; j < n.gids.length; j++) if (pendingSleep.contains(n.gids[j])) n.sleep.add(n.gids[j]);
        int first = path.size() >= maxDepth ? -1 : nextOption(n, 0);
        if (first < 0) {
          // every option is asleep (a reordering already explored) or past the depth bound: just continue
          if (path.size() >= maxDepth) truncated++;
          first = 0;
          for (int j = 0; j < n.gids.length; j++) {
            if (n.gids[j] == n.currentGid) first = j;
          }
          n.sleep.clear();
          n.gids = new int[] {n.gids[first]};
          n.fps = new Object[][] {n.fps[first]};
          first = 0;
        }
        n.chosen = first;
        path.add(n);
        pos++;
      }
      if (n.currentGid >= 0 && n.gids[n.chosen] != n.currentGid) preemptions++;
      pendingSleep = childSleep(n);
      int gid = n.gids[n.chosen];
      if (gid == CLOCK) return clock ? runnable.size() : 0;
      for (int i = 0; i < runnable.size(); i++) if (runnable.get(i).id == gid) return i;
      return 0; // replay diverged (should not happen): fall back
    }

    @Override public int choose(int n0) {
      if (n0 <= 1) return 0;
      Node n;
      if (pos < path.size()) {
        n = path.get(pos++);
      } else {
        n = new Node();
        n.isChoose = true;
        n.gids = new int[n0];
        for (int i = 0; i < n0; i++) n.gids[i] = i;
        n.fps = new Object[n0][];
        n.chosen = 0;
        if (path.size() >= maxDepth) {
          truncated++;
          return 0;
        }
        path.add(n);
        pos++;
      }
      return Math.min(n.chosen, n0 - 1);
    }

    public boolean exhausted() {
      return done;
    }
  }
}
