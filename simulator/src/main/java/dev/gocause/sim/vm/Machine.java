package dev.gocause.sim.vm;

import dev.gocause.sim.UnsupportedConstructException;

import dev.gocause.sim.vm.Values.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs one schedule of a compiled program: goroutines as explicit frames, a pluggable chooser at
 * every scheduling point, virtual time, and the race/deadlock/leak/panic detectors. This class is the scheduler (main
 * loop, goroutines) and the public types; state, happens-before, channels and calls are the classes it extends.
 */
public final class Machine extends CallsAndPanics {
  public Machine(Program prog, Chooser chooser, boolean recordTimeline, long maxSteps, long seed) {
    super(prog, chooser, recordTimeline, maxSteps, seed);
  }


  // ---------------- configuration and results ----------------
  /** Picks the next goroutine (and resolves other nondeterminism such as select and map order). */
  public interface Chooser {
    /** Index into {@code runnable} of the goroutine that makes the next step. */
    int pick(Machine m, G current, List<G> runnable);
    /** A uniform choice among n alternatives (select cases, map iteration start). */
    int choose(int n);
    /** Called when a goroutine is created. */
    default void onSpawn(G g) {}
    /**
     * Like {@link #pick}, at a scheduling point where the earliest pending deadline is within {@link #stallNanos} of
     * now: the extra index {@code runnable.size()} advances the clock to that deadline and fires the timers due.
     */
    default int pickOrAdvanceClock(Machine m, G current, List<G> runnable) {
      return pick(m, current, runnable);
    }
    /**
     * The longest the runnable goroutines may be passed over by the clock in this schedule, asked once per schedule: a
     * timer due within it may fire while goroutines can still run; a later one fires only once every goroutine is
     * blocked or asleep. -1: time advances only then.
     */
    default long stallNanos() {
      return -1;
    }
    /**
     * The goroutine made {@link MachineState#SPIN_STEPS} steps in a row while others were runnable, and Go's
     * scheduler preempts it: a chooser that ranks goroutines (PCT) ranks it below the others from now on.
     */
    default void onPreempt(G g) {}
  }

  public enum Outcome { OK, DEADLOCK, PANIC, FATAL, EXIT, INTERNAL, LIMIT }

  /** One frame of a stack as Go prints it. */
  public record StackLine(String func, String file, int line) {}

  /** A visible step of the schedule. */
  public record Step(int goroutine, int line, String what, long timeNanos) {}

  /** A data race between two accesses. */
  public record Race(String report, int line1, int line2, String var) {}

  /** A goroutine left behind when main returned. */
  public record Leak(int id, String state, String topFunc, String report) {}

  /** Goroutine count at a point of virtual time. */
  public record CountPoint(long timeNanos, long step, int goroutines, long estBytes) {}

  public static final class Fatal extends RuntimeException {
    public final String msg;
    public Fatal(String msg) {
      super(msg, null, false, false);
      this.msg = msg;
    }
  }

  /**
   * A construct the simulator meets only while running (a library call with arguments it does not model); the
   * message names it in Go's terms and becomes {@code file:line:1: unsupported: message}.
   */
  public static final class Unmodelled extends RuntimeException {
    public Unmodelled(String msg) {
      super(msg, null, false, false);
    }
  }

  /** A Go panic thrown from inside an instruction; value is an interface value (Iface) or null. */
  public static final class GoPanic extends RuntimeException {
    public final Object val;
    public GoPanic(Object val) {
      super(null, null, false, false);
      this.val = val;
    }
  }

  // ---------------- timers (virtual time) ----------------
  public static final class Timer {
    long when;
    long seq;
    long period;
    boolean stopped;
    Runnable fire;
    /** The channel it sends the time on (After, Tick, Timer, Ticker); null when it runs code or wakes a goroutine. */
    Chan sendsOn;
    /** Line that armed it (for the timeline). */
    int line;
  }

  // ---------------- main loop ----------------
  public void run() {
    globals = new Object[prog.nGlobals];
    main = newG(null);
    Frame init = new Frame(prog.init, null);
    main.frame = init;
    main.createdBy = null;
    try {
      loop();
    } catch (Fatal f) {
      // outcome and crash already set
      if (outcome == Outcome.PANIC || outcome == Outcome.FATAL) afterCrash();
    } catch (OutOfMemoryError e) {
      // an allocation the estimate does not count (long strings, deep recursion): drop the schedule's state first
      runq.clear();
      all.clear();
      globals = null;
      outcome = Outcome.LIMIT;
      crash = "memory: the simulated program used more memory than the JVM has (" + (Runtime.getRuntime().maxMemory() >> 20)
          + " MiB); give the JVM more (GOCAUSE_JAVA_OPTS=-Xmx4g) or lower --max-heap";
    }
  }

  /**
   * Ends the schedule at the step bound: a LIMIT, not a finding (a long run, a busy loop or a livelock look alike
   * here). The message stays the same for every schedule that hits it, so they count together.
   */
  void stepLimit() {
    limit("steps: the schedule did not finish within " + maxSteps + " scheduling steps and " + maxInstrs
        + " instructions (a long run, a busy loop or a livelock); raise it with --max-steps N");
  }

  /** Ends the schedule at the exploration's wall-clock budget: the message is the same for every schedule it cuts. */
  void timeLimit() {
    limit("time: the wall-clock budget" + (deadlineBudget == null ? "" : " (" + deadlineBudget.toMillis() + " ms)")
        + " ran out while this schedule ran; raise it with --budget DURATION");
  }

  /** Ends this schedule: a resource limit was hit. */
  void limit(String what) {
    outcome = Outcome.LIMIT;
    crash = what;
    throw new Fatal("limit");
  }


  /**
   * The process does not stop the world when it panics: other goroutines keep running while the
   * runtime prints and exits (much longer under -race). Let them run for a short virtual window so
   * that unordered accesses they make are still reported as races; output and crashes are ignored.
   */
  private void afterCrash() {
    postCrash = true;
    G crashed = current;
    if (crashed != null && crashed.state != G.DONE) {
      crashed.state = G.DONE;
      removeRunnable(crashed);
    }
    long until = now + 10_000_000L;
    long limit = steps + 20_000;
    try {
      while (steps < limit) {
        if (runq.isEmpty()) {
          if (timers.isEmpty() || timers.peek().when > until) return;
          Timer t = timers.poll();
          if (t.when > now) now = t.when;
          t.fire.run();
          continue;
        }
        steps++;
        G g = runq.size() == 1 ? runq.get(0) : runq.get(chooser.pick(this, current, runq));
        current = g;
        g.granted = true;
        runSlice(g);
      }
    } catch (RuntimeException e) {
      // anything after the crash is moot
    }
  }

  private void loop() {
    long idleFires = 0; // timers fired in a row with no goroutine to run: a ticker nobody reads advances time forever
    long iterations = 0;
    while (true) {
      if ((++iterations & 1023) == 0 && deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) timeLimit();
      if (spinAdvance && !timers.isEmpty()) {
        spinAdvance = false;
        fireNextTimer();
      }
      if (runq.isEmpty()) {
        // goleak checks at once and retries only while goroutines are alive: once none is, timers still pending
        // (an AfterFunc due later) start nothing it could see
        if (grace && (timers.isEmpty() || timers.peek().when > graceUntil || leakCandidates().isEmpty())) {
          finishLeakCheck();
          return;
        }
        if (!timers.isEmpty()) {
          if (!grace && !anyTimerCanWake()) {
            // only timers left whose channels nobody waits on: Go's deadlock check never fires, the program hangs
            hang();
            return;
          }
          if (++idleFires > maxSteps) stepLimit();
          fireNextTimer();
          continue;
        }
        deadlock();
        return;
      }
      if (++steps > maxSteps || instrs > maxInstrs) stepLimit();
      idleFires = 0;
      G g;
      List<G> cands = runq;
      boolean yielded = current != null && current.yielded;
      if (!yielded && current != null && spinSteps >= SPIN_STEPS && current.state == G.RUNNABLE && runq.size() > 1) {
        // one goroutine made step after step while others could run (a select with a default case in a loop, a
        // spin on an atomic): Go runs the others on its other Ps and preempts a goroutine after 10ms, so it never
        // starves them; a chooser that would (PCT's fixed priorities) is told to rank it last
        chooser.onPreempt(current);
        yielded = current.yielded = true;
      }
      if (yielded) {
        // runtime.Gosched or a preemption put it at the back of the run queue: someone else goes first
        current.yielded = false;
        if (runq.size() > 1 && current.state == G.RUNNABLE) {
          cands = new ArrayList<>(runq);
          cands.remove(current);
        }
      }
      if (clockMayAdvance()) {
        int i = chooser.pickOrAdvanceClock(this, current, cands);
        if (i == cands.size()) {
          // time is one more choice: the timer fires before the runnable goroutines go on
          if (yielded) current.yielded = true;
          advanceClockEarly();
          continue;
        }
        g = cands.get(i);
      } else if (cands.size() == 1) {
        g = cands.get(0);
      } else {
        g = cands.get(chooser.pick(this, current, cands));
      }
      spinSteps = g == current && cands.size() > 1 ? spinSteps + 1 : 0;
      current = g;
      g.granted = true;
      g.runnableSince = now;
      clockAdvancedEarly = false;
      runSlice(g);
      if (mainDone && !grace) {
        if (outcome != Outcome.OK) return;
        startGrace();
        if (runq.isEmpty() && timers.isEmpty()) {
          finishLeakCheck();
          return;
        }
      }
      if (outcome != Outcome.OK && outcome != Outcome.EXIT) return;
      if (outcome == Outcome.EXIT) return;
    }
  }

  /**
   * Whether firing the pending timers could ever let a goroutine run, every goroutine being blocked: a Sleep,
   * AfterFunc or context deadline can; a timer or ticker sending on a channel only if a goroutine waits on it now.
   */
  private boolean anyTimerCanWake() {
    for (Timer t : timers) {
      if (t.sendsOn == null || hasLive(t.sendsOn.recvq)) return true;
    }
    return false;
  }

  private void startGrace() {
    grace = true;
    graceUntil = now + 1_000_000_000L; // goleak retries for about a second before it reports
  }

  void runSlice(G g) {
    int budget = SLICE;
    if (g.pendingPanic != null) {
      Object p = g.pendingPanic;
      g.pendingPanic = null;
      try {
        startPanic(g, p);
      } catch (GoPanic e) {
        return;
      }
      if (g.state != G.RUNNABLE || g.frame == null || (outcome != Outcome.OK && !postCrash)) return;
    }
    while (true) {
      Frame f = g.frame;
      if (f == null) return;
      FuncCode.Ins[] code = f.fn.code;
      if (f.pc >= code.length) {
        // fell off the end: implicit return
        ret(g, f);
        if (g.state != G.RUNNABLE || g.frame == null) return;
        continue;
      }
      FuncCode.Ins in = code[f.pc];
      if (in.visible) {
        if (!g.granted) return;
        g.granted = false;
        if (timeline != null && !grace && !postCrash) {
          if (timeline.size() >= limits.maxTraceSteps()) {
            limit("trace: more than " + limits.maxTraceSteps() + " timeline steps recorded in one schedule; raise it with --max-trace N");
          }
          timeline.add(new Step(g.id, in.line, in.desc, now));
        }
      } else if (--budget <= 0) {
        g.yielded = true; // preempted (Go preempts a goroutine that runs for 10ms)
        // a slice this long is where a busy loop spends its time: look at the clock here too
        if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) timeLimit();
        return;
      }
      f.pc++;
      instrs++;
      try {
        in.op.exec(this, g, f);
      } catch (GoPanic p) {
        startPanic(g, p.val);
      } catch (NullPointerException e) {
        startPanic(g, Natives.runtimeError("invalid memory address or nil pointer dereference"));
      } catch (ArithmeticException e) {
        startPanic(g, Natives.runtimeError("integer divide by zero"));
      } catch (Fatal | UnsupportedConstructException e) {
        throw e;
      } catch (RuntimeException e) {
        // a gap in the simulator, never a wrong run: surface it as an unsupported construct at this line
        if (postCrash) throw new Fatal("after crash");
        internalError = e;
        internalLine = in.line;
        outcome = Outcome.INTERNAL;
        throw new Fatal("internal error");
      }
      if (g.state != G.RUNNABLE || g.frame == null || (outcome != Outcome.OK && !postCrash)) return;
    }
  }

  // ---------------- goroutines ----------------
  G newG(G parent) {
    if (parent != null && live > limits.maxGoroutines()) {
      limit("goroutines: more than " + limits.maxGoroutines() + " goroutines alive at once besides main; raise it with --max-goroutines N");
    }
    G g = new G(nextId++);
    g.vc = parent == null ? new int[8] : Arrays.copyOf(parent.vc, Math.max(parent.vc.length, g.id + 1));
    if (g.vc.length <= g.id) g.vc = Arrays.copyOf(g.vc, g.id * 2 + 1);
    g.vc[g.id] = 1;
    // entries past the parent's meaningful prefix are zero (except our own): release() can skip them
    g.vcDense = parent == null ? 0 : Math.min(g.vc.length, Math.max(parent.vcDense, parent.id + 1));
    if (parent != null) tick(parent);
    lockOrder.spawned(parent, g);
    all.add(g);
    live++;
    addRunnable(g);
    chooser.onSpawn(g);
    recordCount();
    return g;
  }

  /** go statement: starts fn(args) on a new goroutine. */
  public G go(G parent, Closure c, Object[] args) {
    G g = newG(parent);
    g.createdAt = stack(parent);
    g.createdBy = parent.frame != null ? parent.frame.fn.name : "main.main";
    if (c.nat != null) {
      // a library function started as a goroutine: wrap in a tiny frame
      FuncCode fc = Natives.trampoline(c, args, file);
      g.frame = new Frame(fc, null);
    } else {
      g.frame = enter(c, args);
      g.frame.discard = true;
    }
    g.topFunc = c.name();
    return g;
  }

  void finishG(G g) {
    g.state = G.DONE;
    g.frame = null;
    removeRunnable(g);
    live--;
    recordCount();
    if (g == main && !mainGoexited) {
      mainDone = true;
    }
  }

  void recordCount() {
    long est = live * 2048L + allocBytes;
    if (counts.size() >= 4000) {
      // downsample: of each pair keep the point with more goroutines, so peaks survive
      int j = 0;
      for (int i = 0; i < counts.size(); i += 2, j++) {
        CountPoint a = counts.get(i);
        CountPoint b = i + 1 < counts.size() ? counts.get(i + 1) : a;
        counts.set(j, b.goroutines() > a.goroutines() ? b : a);
      }
      counts.subList(j, counts.size()).clear();
    }
    counts.add(new CountPoint(now, steps, live, est));
  }

  public void alloc(long bytes) {
    allocBytes += bytes;
    if (allocBytes > limits.maxHeapBytes()) {
      limit("heap: the program allocated more than " + (limits.maxHeapBytes() >> 20) + " MiB in one schedule (estimated, without"
          + " garbage collection); raise it with --max-heap MIB");
    }
  }

  public void block(G g, String reason, Object on) {
    g.state = G.BLOCKED;
    g.waitReason = reason;
    g.blockedSince = now;
    g.waitObj = on;
    removeRunnable(g);
  }

  /** Block and re-execute the current instruction when woken (retry-style primitives). */
  public void blockRetry(G g, Frame f, String reason, Object on) {
    f.pc--;
    block(g, reason, on);
  }

  public void wake(G g) {
    if (g.state == G.BLOCKED || g.state == G.SLEEPING) {
      g.state = G.RUNNABLE;
      g.waitObj = null;
      addRunnable(g);
    }
  }

  /** Wake every goroutine blocked (retry-style) on obj. */
  public void wakeAll(Object obj) {
    for (G g : waitersOf(obj)) wake(g);
  }

  private final Map<Object, ArrayList<G>> waiters = new HashMap<>();

  public void waitOn(G g, Frame f, String reason, Object obj) {
    blockRetry(g, f, reason, obj);
    waiters.computeIfAbsent(new IdKey(obj), k -> new ArrayList<>()).add(g);
  }

  private List<G> waitersOf(Object obj) {
    ArrayList<G> l = waiters.remove(new IdKey(obj));
    return l == null ? List.of() : l;
  }

  /** Wake the first goroutine waiting on obj (FIFO), leaving the others queued. */
  public void wakeOne(Object obj) {
    ArrayList<G> l = waiters.get(new IdKey(obj));
    if (l == null || l.isEmpty()) return;
    G g = l.remove(0);
    if (l.isEmpty()) waiters.remove(new IdKey(obj));
    wake(g);
  }

  public boolean hasWaiters(Object obj) {
    ArrayList<G> l = waiters.get(new IdKey(obj));
    return l != null && !l.isEmpty();
  }

  void removeRunnable(G g) {
    int i = g.rqIdx;
    if (i >= 0 && i < runq.size() && runq.get(i) == g) {
      int last = runq.size() - 1;
      G moved = runq.get(last);
      runq.set(i, moved);
      moved.rqIdx = i;
      runq.remove(last);
      g.rqIdx = -1;
    }
  }

  private void addRunnable(G g) {
    g.runnableSince = now;
    g.rqIdx = runq.size();
    runq.add(g);
  }

  public void sleep(G g, long nanos) {
    g.state = G.SLEEPING;
    g.waitReason = "sleep";
    g.blockedSince = now;
    removeRunnable(g);
    addTimer(nanos, 0, () -> wake(g));
  }

  /** Shadow word of a shared location for the race detector. */
  public static final class Shadow {
    int wG;
    int wC;
    List<StackLine> wStack;
    int[] rG = new int[2];
    int[] rC = new int[2];
    @SuppressWarnings("unchecked")
    List<StackLine>[] rStack = new List[2];
    int rn;

    /** The sync/atomic function of the last write when it was atomic (null for a plain write). */
    String wAtomic;
    /** Per read: its sync/atomic function when it was atomic; allocated with the first atomic read. */
    String[] rAtomic;

    void addRead(int gid, int c, List<StackLine> st) {
      addRead(gid, c, st, null);
    }

    void addRead(int gid, int c, List<StackLine> st, String atomic) {
      // scan only a short tail: many readers (10,000 goroutines reading one variable) stay linear
      for (int i = Math.max(0, rn - 8); i < rn; i++) {
        if (rG[i] == gid) {
          rC[i] = c;
          rStack[i] = st;
          if (atomic != null || rAtomic != null) atomicRead(i, atomic);
          return;
        }
      }
      if (rn == rG.length) {
        rG = Arrays.copyOf(rG, rn * 2);
        rC = Arrays.copyOf(rC, rn * 2);
        rStack = Arrays.copyOf(rStack, rn * 2);
      }
      rG[rn] = gid;
      rC[rn] = c;
      rStack[rn] = st;
      if (atomic != null || rAtomic != null) atomicRead(rn, atomic);
      rn++;
    }

    private void atomicRead(int i, String atomic) {
      if (rAtomic == null) rAtomic = new String[rG.length];
      else if (rAtomic.length < rG.length) rAtomic = Arrays.copyOf(rAtomic, rG.length);
      rAtomic[i] = atomic;
    }

    String readAtomic(int i) {
      return rAtomic == null || i >= rAtomic.length ? null : rAtomic[i];
    }
  }

  public static final class Chan {
    public final int cap;
    public final ArrayDeque<Object> buf = new ArrayDeque<>();
    public final ArrayDeque<int[]> bufVC = new ArrayDeque<>();
    public int[][] slotVC;
    public long sends;
    public long recvs;
    public boolean closed;
    public int[] closeVC;
    public final ArrayDeque<Sudog> sendq = new ArrayDeque<>();
    public final ArrayDeque<Sudog> recvq = new ArrayDeque<>();
    public final Object zero;
    /** Timer or deadline channel: a select with it as a case does not block forever. */
    public boolean timer;
    // lock-order analysis: whether each direction blocked in this schedule, and the graph's wait nodes
    boolean sendBlocked;
    boolean recvBlocked;
    LockOrder.ChanWait sendWait;
    LockOrder.ChanWait recvWait;
    long createdSeq; // lock-order step of make(chan); 0 for channels of the runtime
    Shadow sh;
    Shadow shadow() {
      return sh == null ? (sh = new Shadow()) : sh;
    }
    public Chan(int cap, Object zero) {
      this.cap = cap;
      this.zero = zero;
      if (cap > 0) slotVC = new int[Math.min(cap, 1 << 16)][];
    }
  }

  /** A goroutine waiting on a channel (possibly as one case of a select). */
  static final class Sudog {
    final G g;
    final Object val;
    final boolean commaOk;
    final int caseIdx; // -1: plain op
    final SelectWait sel;
    Sudog(G g, Object val, boolean commaOk, int caseIdx, SelectWait sel) {
      this.g = g;
      this.val = val;
      this.commaOk = commaOk;
      this.caseIdx = caseIdx;
      this.sel = sel;
    }
    boolean live() {
      return sel == null || !sel.done;
    }
  }

  static final class SelectWait {
    boolean done;
  }

}
