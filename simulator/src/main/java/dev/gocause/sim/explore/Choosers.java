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

  /** Uniform choice among runnable goroutines at every scheduling point. */
  public static final class RandomChooser implements Machine.Chooser {
    private final SplittableRandom rnd;
    public RandomChooser(long seed) {
      rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
    }
    @Override public int pick(Machine m, G current, List<G> runnable) {
      return rnd.nextInt(runnable.size());
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
    private final Random rnd;
    private final Map<Integer, Integer> prio = new HashMap<>();
    private final long[] changePoints;
    private final int depth;
    private int changed;
    private long step;

    public PctChooser(long seed, int depth, long expectedSteps) {
      this.rnd = new Random(seed * 0x9E3779B97F4A7C15L + 31);
      this.depth = depth;
      changePoints = new long[Math.max(0, depth - 1)];
      for (int i = 0; i < changePoints.length; i++) changePoints[i] = 1 + (long) (rnd.nextDouble() * Math.max(1, expectedSteps));
      java.util.Arrays.sort(changePoints);
    }

    @Override public void onSpawn(G g) {
      // initial priorities are >= depth so change points (1..d-1) sort below all of them
      prio.put(g.id, depth + rnd.nextInt(1 << 20));
    }

    @Override public int pick(Machine m, G current, List<G> runnable) {
      step++;
      int best = 0;
      int bp = Integer.MIN_VALUE;
      for (int i = 0; i < runnable.size(); i++) {
        int p = prio.getOrDefault(runnable.get(i).id, depth);
        if (p > bp || (p == bp && runnable.get(i).id < runnable.get(best).id)) {
          bp = p;
          best = i;
        }
      }
      while (changed < changePoints.length && step >= changePoints[changed]) {
        prio.put(runnable.get(best).id, changePoints.length - changed);
        changed++;
        return pick2(runnable);
      }
      return best;
    }

    private int pick2(List<G> runnable) {
      int best = 0;
      int bp = Integer.MIN_VALUE;
      for (int i = 0; i < runnable.size(); i++) {
        int p = prio.getOrDefault(runnable.get(i).id, depth);
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

    @Override public int pick(Machine m, G current, List<G> runnable) {
      Node n;
      if (pos < path.size()) {
        n = path.get(pos++);
      } else {
        n = new Node();
        int ci = current == null ? -1 : runnable.indexOf(current);
        n.gids = new int[runnable.size()];
        n.fps = new Object[runnable.size()][];
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
