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
   * Stateless depth-first exploration of the schedule tree with preemption bounding: a switch away
   * from a goroutine that could continue costs one preemption; at the bound only non-preemptive
   * choices remain. Each run replays the recorded prefix and branches at the deepest open choice.
   */
  public static final class DfsChooser implements Machine.Chooser {
    private final int bound;
    private final List<int[]> path = new ArrayList<>(); // {chosen, options}
    private int pos;
    private int preemptions;
    private boolean done;
    private boolean started;
    private final long maxDepth;
    public long truncated;

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
      // drop the untaken tail and advance the deepest open choice
      while (path.size() > pos) path.remove(path.size() - 1);
      while (!path.isEmpty()) {
        int[] last = path.get(path.size() - 1);
        if (last[0] + 1 < last[1]) {
          last[0]++;
          pos = 0;
          preemptions = 0;
          return true;
        }
        path.remove(path.size() - 1);
      }
      done = true;
      return false;
    }

    public void reset() {
      pos = 0;
      preemptions = 0;
    }

    private int choice(int n) {
      if (n <= 1) return 0;
      if (pos < path.size()) return path.get(pos++)[0];
      if (path.size() >= maxDepth) {
        truncated++;
        return 0;
      }
      path.add(new int[] {0, n});
      pos++;
      return 0;
    }

    @Override public int pick(Machine m, G current, List<G> runnable) {
      int ci = current == null ? -1 : runnable.indexOf(current);
      if (ci < 0) {
        // current blocked or finished: free choice among all
        return choice(runnable.size());
      }
      if (preemptions >= bound) return ci;
      // option 0 = keep running current; others = preempt
      int c = choice(runnable.size());
      if (c == 0) return ci;
      preemptions++;
      int k = c - 1;
      return k >= ci ? k + 1 : k;
    }

    @Override public int choose(int n) {
      return choice(n);
    }

    public boolean exhausted() {
      return done;
    }
  }
}
