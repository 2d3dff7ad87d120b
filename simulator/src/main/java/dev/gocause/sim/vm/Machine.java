package dev.gocause.sim.vm;

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
 * every scheduling point, virtual time, and the race/deadlock/leak/panic detectors.
 */
public final class Machine {

  // ---------------- configuration and results ----------------
  /** Picks the next goroutine (and resolves other nondeterminism such as select and map order). */
  public interface Chooser {
    /** Index into {@code runnable} of the goroutine that makes the next step. */
    int pick(Machine m, G current, List<G> runnable);
    /** A uniform choice among n alternatives (select cases, map iteration start). */
    int choose(int n);
    /** Called when a goroutine is created. */
    default void onSpawn(G g) {}
  }

  public enum Outcome { OK, DEADLOCK, PANIC, FATAL, HANG, EXIT, INTERNAL, LIMIT }

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

  /** A Go panic thrown from inside an instruction; value is an interface value (Iface) or null. */
  public static final class GoPanic extends RuntimeException {
    public final Object val;
    public GoPanic(Object val) {
      super(null, null, false, false);
      this.val = val;
    }
  }

  public final Program prog;
  public final Chooser chooser;
  public final String file;
  public final StringBuilder out = new StringBuilder();
  public Outcome outcome = Outcome.OK;
  public String crash = ""; // Go's own words for a panic / fatal error incl. goroutine dump
  public final List<Race> races = new ArrayList<>();
  public final List<Leak> leaks = new ArrayList<>();
  /** Lock-order graph of this schedule (potential deadlocks). */
  public final LockOrder lockOrder = new LockOrder();
  public final List<Step> timeline;
  public final List<CountPoint> counts = new ArrayList<>();
  public int exitCode;
  public RuntimeException internalError;
  public int internalLine;

  // ---------------- state ----------------
  public final ArrayList<G> all = new ArrayList<>();
  final ArrayList<G> runq = new ArrayList<>();
  int nextId = 1;
  public G main;
  G current;
  public long now; // virtual nanoseconds
  public long steps;
  public long instrs;
  boolean mainDone;
  boolean grace;
  long graceUntil;
  int live;
  long allocBytes;
  final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.when != b.when ? Long.compare(a.when, b.when) : Long.compare(a.seq, b.seq));
  long timerSeq;
  public Object[] globals;
  final Map<Object, Long> addrs = new HashMap<>();
  final java.util.HashSet<String> raceKeys = new java.util.HashSet<>();
  public final long maxSteps;
  static final int SLICE = 20_000;
  static final int SPIN_POLLS = 1000;
  boolean spinAdvance;
  static final long MAX_INSTRS = 20_000_000L; // per schedule: a goroutine spinning without scheduling points hangs the run // preempt a goroutine that runs this many instructions without a scheduling point
  public final java.util.Random rnd;
  final Map<Object, int[]> atomicClocks = new HashMap<>();
  // test-runner mode
  public java.util.regex.Pattern testFilter;
  /** Resource limits of this schedule (set before {@link #run()}). */
  public Limits limits = Limits.DEFAULT;
  int testIndex;
  int testsFailed;
  TestingNatives.TVal currentTest;

  public Machine(Program prog, Chooser chooser, boolean recordTimeline, long maxSteps, long seed) {
    this.prog = prog;
    this.chooser = chooser;
    this.file = prog.file;
    this.timeline = recordTimeline ? new ArrayList<>() : null;
    this.maxSteps = maxSteps;
    this.rnd = new java.util.Random(seed);
  }

  // ---------------- timers (virtual time) ----------------
  public static final class Timer {
    long when;
    long seq;
    long period;
    boolean stopped;
    Runnable fire;
  }

  public Timer addTimer(long delay, long period, Runnable fire) {
    Timer t = new Timer();
    t.when = now + Math.max(0, delay);
    t.period = period;
    t.seq = timerSeq++;
    t.fire = fire;
    timers.add(t);
    return t;
  }

  public boolean stopTimer(Timer t) {
    boolean was = !t.stopped && timers.contains(t);
    t.stopped = true;
    timers.remove(t);
    return was;
  }

  public void resetTimer(Timer t, long delay) {
    timers.remove(t);
    t.stopped = false;
    t.when = now + Math.max(0, delay);
    t.seq = timerSeq++;
    timers.add(t);
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

  /** Ends this schedule: a resource limit was hit. */
  void limit(String what) {
    outcome = Outcome.LIMIT;
    crash = what;
    throw new Fatal("limit");
  }

  boolean postCrash;

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
    while (true) {
      if (spinAdvance && !timers.isEmpty()) {
        spinAdvance = false;
        Timer t = timers.poll();
        if (t.when > now) now = t.when;
        if (t.period > 0 && !t.stopped) {
          t.when = now + t.period;
          t.seq = timerSeq++;
          timers.add(t);
        }
        t.fire.run();
      }
      if (runq.isEmpty()) {
        if (grace && (timers.isEmpty() || timers.peek().when > graceUntil)) {
          finishLeakCheck();
          return;
        }
        if (!timers.isEmpty()) {
          Timer t = timers.poll();
          if (t.when > now) now = t.when;
          if (t.period > 0 && !t.stopped) {
            t.when = now + t.period;
            t.seq = timerSeq++;
            timers.add(t);
          }
          t.fire.run();
          continue;
        }
        deadlock();
        return;
      }
      if (++steps > maxSteps || instrs > MAX_INSTRS) {
        hang();
        return;
      }
      G g;
      List<G> cands = runq;
      if (current != null && current.yielded) {
        // runtime.Gosched or a preemption put it at the back of the run queue: someone else goes first
        current.yielded = false;
        if (runq.size() > 1 && current.state == G.RUNNABLE) {
          cands = new ArrayList<>(runq);
          cands.remove(current);
        }
      }
      if (cands.size() == 1) {
        g = cands.get(0);
      } else {
        g = cands.get(chooser.pick(this, current, cands));
      }
      current = g;
      g.granted = true;
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
      } catch (Fatal e) {
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
    if (g == main) {
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

  // ---------------- calls, returns, defers, panics ----------------
  /** Creates the frame for calling c with args (receiver first for bound methods). */
  public Frame enter(Closure c, Object[] args) {
    FuncCode fn = c.fn;
    Frame nf = new Frame(fn, c.caps);
    int k = 0;
    if (c.recv != Values.NO_RECV) nf.locals[k++] = c.recv;
    for (Object a : args) {
      if (k < nf.locals.length) nf.locals[k++] = a;
    }
    return nf;
  }

  /** Calls a function value from an instruction (results pushed on the caller's stack when it returns). */
  public void call(G g, Frame f, Closure c, Object[] args) {
    if (c == null) throw new GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
    if (c.nat != null) {
      c.nat.call(this, g, f, withRecv(c, args));
      return;
    }
    Frame nf = enter(c, args);
    nf.caller = f;
    g.frame = nf;
  }

  private static Object[] withRecv(Closure c, Object[] args) {
    if (c.recv == Values.NO_RECV) return args;
    Object[] a = new Object[args.length + 1];
    a[0] = c.recv;
    System.arraycopy(args, 0, a, 1, args.length);
    return a;
  }

  /** Pushes a Go call whose completion runs a hook (used by library code that calls user code). */
  public Frame callWithHook(G g, Frame f, Closure c, Object[] args, Runnable onReturn) {
    Frame nf = enter(c, args);
    nf.caller = f;
    nf.discard = true;
    nf.onReturn = onReturn;
    g.frame = nf;
    return nf;
  }

  /** return statement: results already stored into the result slots. */
  public void ret(G g, Frame f) {
    if (f.defers != null && !f.defers.isEmpty()) {
      f.mode = Frame.RETURNING;
      runNextDefer(g, f);
      return;
    }
    finishReturn(g, f);
  }

  private void runNextDefer(G g, Frame f) {
    Object[] d = f.defers.remove(f.defers.size() - 1);
    Closure c = (Closure) d[0];
    Object[] args = (Object[]) d[1];
    if (c == null) {
      throw new GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
    }
    if (c.nat != null) {
      // library call deferred (mu.Unlock, wg.Done, close...): run it right here
      int before = f.sp;
      Frame saveTop = g.frame;
      c.nat.call(this, g, f, withRecv(c, args));
      if (g.frame != saveTop) {
        // it pushed a Go frame (e.g. Once.Do): mark it as deferred
        g.frame.isDefer = true;
        g.frame.discard = true;
        return;
      }
      f.sp = Math.min(f.sp, before);
      if (g.state != G.RUNNABLE) {
        // a deferred blocking library call (e.g. deferred wg.Wait): retry later
        f.defers.add(d);
        return;
      }
      afterDefer(g, f);
      return;
    }
    Frame nf = enter(c, args);
    nf.caller = f;
    nf.isDefer = true;
    nf.discard = true;
    g.frame = nf;
  }

  /** Continues a frame after one of its deferred calls completed. */
  private void afterDefer(G g, Frame f) {
    if (f.mode == Frame.PANICKING) {
      if (g.panicking) {
        unwind(g);
      } else {
        // recovered: the function returns normally with its current result values
        f.mode = Frame.RETURNING;
        ret(g, f);
      }
      return;
    }
    ret(g, f);
  }

  private void finishReturn(G g, Frame f) {
    Frame c = f.caller;
    g.frame = c;
    if (f.onReturn != null) f.onReturn.run();
    if (!f.discard && c != null) {
      int[] rs = f.fn.resultSlots;
      boolean[] boxed = f.fn.boxedResults;
      for (int i = 0; i < rs.length; i++) {
        Object v = f.locals[rs[i]];
        c.push(boxed != null && boxed[i] && v instanceof Box b ? b.v : v);
      }
    }
    if (c == null) {
      if (g.frame == null) finishG(g);
      return;
    }
    if (f.isDefer && c.mode != Frame.NORMAL) {
      // loop back into the frame whose deferred call just finished
      if (g.state == G.RUNNABLE || g.state == G.BLOCKED) afterDefer(g, c);
    } else if (c.mode == Frame.RETURNING && c.pc >= c.fn.code.length) {
      ret(g, c);
    }
  }

  public void defer(Frame f, Closure c, Object[] args) {
    if (f.defers == null) f.defers = new ArrayList<>();
    f.defers.add(new Object[] {c, args});
  }

  public void startPanic(G g, Object val) {
    if (!g.panicking) g.panicStack = stack(g);
    g.panicking = true;
    g.panicVal = val;
    g.frame.mode = Frame.PANICKING;
    unwind(g);
  }

  private void unwind(G g) {
    while (true) {
      Frame f = g.frame;
      if (f == null) {
        crashPanic(g);
        return;
      }
      if (f.onReturn != null && f.caller != null && f.fn.name.startsWith("<")) {
        // library trampolines have nothing to unwind
      }
      if (f.defers != null && !f.defers.isEmpty()) {
        f.mode = Frame.PANICKING;
        runNextDefer(g, f);
        return;
      }
      // no more deferred calls here: drop the frame
      if (f.isDefer && f.caller != null) {
        // a deferred call itself panicked: the frame that deferred it continues unwinding
        g.frame = f.caller;
        g.frame.mode = Frame.PANICKING;
        continue;
      }
      g.frame = f.caller;
      if (g.frame == null) {
        crashPanic(g);
        return;
      }
      if (isGoexit(g.panicVal) && g.frame.fn == prog.init) {
        // t.Fatal: runtime.Goexit ends the test function; the runner goes on
        g.panicking = false;
        g.panicVal = null;
        return;
      }
      g.frame.mode = Frame.PANICKING;
    }
  }


  /** recover(): returns the panic value when called directly by a deferred function during panicking. */
  public Object recover(G g, Frame f) {
    if (g.panicking && f.isDefer && f.caller != null && f.caller.mode == Frame.PANICKING) {
      g.panicking = false;
      Object v = g.panicVal;
      g.panicVal = null;
      return v;
    }
    return null;
  }

  static boolean isGoexit(Object v) {
    return v instanceof Iface i && i.v instanceof Natives.ErrorVal ev && ev.goexit;
  }

  private void crashPanic(G g) {
    if (grace || postCrash || isGoexit(g.panicVal)) {
      finishG(g);
      return;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("panic: ").append(Natives.panicText(this, g, g.panicVal));
    if (g.panicVal instanceof Iface i && i.v instanceof Natives.ErrorVal ev && ev.goexit) sb.setLength(0);
    sb.append("\n\ngoroutine ").append(g.id).append(" [running]:\n");
    appendStack(sb, g.panicStack == null ? List.of() : g.panicStack, g);
    outcome = Outcome.PANIC;
    crash = sb.toString().stripTrailing();
    exitCode = 2;
    throw new Fatal(crash);
  }

  /** fatal error: ... (not recoverable). */
  public void fatal(G g, String msg, boolean dumpAll) {
    if (grace || postCrash) throw new Fatal(msg);
    StringBuilder sb = new StringBuilder("fatal error: ").append(msg).append("\n");
    if (dumpAll) {
      for (G x : all) {
        if (x.state == G.DONE) continue;
        sb.append("\n");
        dumpG(sb, x, x == g ? "running" : null);
      }
    } else if (g != null) {
      sb.append("\n");
      dumpG(sb, g, "running");
    }
    outcome = Outcome.FATAL;
    crash = sb.toString().stripTrailing();
    exitCode = 2;
    throw new Fatal(crash);
  }

  /** runtime.Stack: the calling goroutine first, then (all) the others. */
  public String goroutineDump(G g, boolean all) {
    StringBuilder sb = new StringBuilder();
    dumpG(sb, g, "running");
    if (all) {
      for (G x : this.all) {
        if (x == g || x.state == G.DONE) continue;
        sb.append("\n");
        dumpG(sb, x, null);
      }
    }
    return sb.toString();
  }

  private void deadlock() {
    if (mainDone) {
      finishLeakCheck();
      return;
    }
    if (!prog.hasMain && !prog.tests.isEmpty()) {
      // under go test the deadlock detector never fires: the test binary hangs until its timeout
      long timeout = 600_000_000_000L;
      now = Math.max(now, timeout);
      StringBuilder sb = new StringBuilder("panic: test timed out after 10m0s\n");
      for (G x : all) {
        if (x.state == G.DONE) continue;
        sb.append("\n");
        dumpG(sb, x, null);
      }
      outcome = Outcome.DEADLOCK;
      crash = sb.toString().stripTrailing();
      exitCode = 2;
      return;
    }
    StringBuilder sb = new StringBuilder("fatal error: all goroutines are asleep - deadlock!\n");
    for (G x : all) {
      if (x.state == G.DONE) continue;
      sb.append("\n");
      dumpG(sb, x, null);
    }
    outcome = Outcome.DEADLOCK;
    crash = sb.toString().stripTrailing();
    exitCode = 2;
  }

  private void hang() {
    StringBuilder sb = new StringBuilder();
    sb.append("program did not finish within ").append(Math.min(steps, maxSteps)).append(" scheduling steps and ").append(instrs).append(" instructions (")
        .append(TimeNatives.durationString(now)).append(" of virtual time)");
    if (!mainDone) {
      sb.append("; goroutines:\n");
      for (G x : all) {
        if (x.state == G.DONE) continue;
        sb.append("\n");
        dumpG(sb, x, null);
      }
    }
    outcome = Outcome.HANG;
    crash = sb.toString().stripTrailing();
  }

  /** Leak check once main returned and the others had their grace period (like goleak.VerifyNone). */
  private void finishLeakCheck() {
    List<G> left = new ArrayList<>();
    for (G x : all) if (x.state != G.DONE) left.add(x);
    if (left.isEmpty()) return;
    StringBuilder sb = new StringBuilder("found unexpected goroutines:\n");
    for (G x : left) {
      String state = stateName(x);
      List<StackLine> st = x.frame != null ? stackOf(x.frame) : List.of();
      String top = st.isEmpty() ? (x.topFunc == null ? "?" : x.topFunc) : st.get(0).func();
      StringBuilder one = new StringBuilder();
      one.append("[Goroutine ").append(x.id).append(" in state ").append(state).append(", with ").append(top)
          .append(" on top of the stack:\n");
      dumpG(one, x, null);
      one.setLength(one.length() - 1);
      one.append("\n]");
      leaks.add(new Leak(x.id, state, top, one.toString()));
      sb.append(" ").append(one).append("\n");
    }
    crash = sb.toString().stripTrailing();
  }

  String stateName(G x) {
    return switch (x.state) {
      case G.RUNNABLE -> "runnable";
      case G.SLEEPING -> "sleep";
      case G.BLOCKED -> x.waitReason;
      default -> "dead";
    };
  }

  void dumpG(StringBuilder sb, G x, String stateOverride) {
    String st = stateOverride != null ? stateOverride : stateName(x);
    long mins = (now - x.blockedSince) / 60_000_000_000L;
    sb.append("goroutine ").append(x.id).append(" [").append(st);
    if (stateOverride == null && (x.state == G.BLOCKED || x.state == G.SLEEPING) && mins >= 1) {
      sb.append(", ").append(mins).append(mins == 1 ? " minute" : " minutes");
    }
    sb.append("]:\n");
    appendStack(sb, x.frame == null ? List.of() : stackOf(x.frame), x);
  }

  void appendStack(StringBuilder sb, List<StackLine> st, G x) {
    for (StackLine s : st) {
      sb.append(s.func()).append("(...)\n\t").append(s.file()).append(":").append(s.line()).append(" +0x").append(pcHex(s)).append("\n");
    }
    if (x.createdAt != null && !x.createdAt.isEmpty()) {
      StackLine c = x.createdAt.get(0);
      sb.append("created by ").append(c.func()).append("\n\t").append(c.file()).append(":").append(c.line()).append(" +0x")
          .append(pcHex(c)).append("\n");
    }
  }

  static String pcHex(StackLine s) {
    return Integer.toHexString(0x1d + (s.line() * 13 + s.func().length() * 7) % 0x1c0);
  }

  public List<StackLine> stack(G g) {
    return g.frame == null ? List.of() : stackOf(g.frame);
  }

  List<StackLine> stackOf(Frame f) {
    // cached per frame while its pc stays put (race shadows capture a stack at every shared access)
    if (f.stackCache != null && f.stackPc == f.pc) return f.stackCache;
    List<StackLine> rest = f.caller == null ? List.of() : stackOf(f.caller);
    List<StackLine> l;
    if (f.fn.name.startsWith("<")) {
      l = rest; // hidden trampolines / init
    } else {
      l = new ArrayList<>(rest.size() + 1);
      l.add(new StackLine(f.fn.name, f.fn.file, f.line()));
      l.addAll(rest);
    }
    f.stackCache = l;
    f.stackPc = f.pc;
    return l;
  }

  // ---------------- happens-before (vector clocks) ----------------
  static void tick(G g) {
    g.vc[g.id]++;
  }

  /** Release: the clock others acquire later (join of this goroutine's clock into vc). */
  public int[] release(G g, int[] into) {
    int[] r = into == null ? new int[g.vc.length] : (into.length < g.vc.length ? Arrays.copyOf(into, g.vc.length) : into);
    int n = Math.min(g.vc.length, g.vcDense);
    for (int i = 0; i < n; i++) if (g.vc[i] > r[i]) r[i] = g.vc[i];
    if (g.vc[g.id] > r[g.id]) r[g.id] = g.vc[g.id];
    tick(g);
    return r;
  }

  public void acquire(G g, int[] from) {
    if (from == null) return;
    if (g.vc.length < from.length) g.vc = Arrays.copyOf(g.vc, from.length);
    for (int i = 0; i < from.length; i++) if (from[i] > g.vc[i]) g.vc[i] = from[i];
    if (from.length > g.vcDense) g.vcDense = from.length;
  }

  /** A read of a shared location. */
  public void read(G g, Shadow s, Object loc, String var) {
    if (grace) return;
    if (s.wG > 0 && s.wG != g.id && s.wC > clockOf(g, s.wG)) report(g, s, false, s.wG, s.wStack, true, loc, var);
    s.addRead(g.id, g.vc[g.id], stack(g));
  }

  /** A write of a shared location. */
  public void write(G g, Shadow s, Object loc, String var) {
    if (grace) return;
    if (s.wG > 0 && s.wG != g.id && s.wC > clockOf(g, s.wG)) {
      report(g, s, true, s.wG, s.wStack, true, loc, var);
    } else {
      for (int i = 0; i < s.rn; i++) {
        if (s.rG[i] != g.id && s.rC[i] > clockOf(g, s.rG[i])) {
          report(g, s, true, s.rG[i], s.rStack[i], false, loc, var);
          break;
        }
      }
    }
    s.wG = g.id;
    s.wC = g.vc[g.id];
    s.wStack = stack(g);
    s.rn = 0;
  }

  private static int clockOf(G g, int id) {
    return id < g.vc.length ? g.vc[id] : 0;
  }

  long addr(Object loc) {
    return addrs.computeIfAbsent(new IdKey(loc), k -> 0xc000010000L + addrs.size() * 0x18L);
  }

  private void report(G g, Shadow s, boolean isWrite, int otherId, List<StackLine> otherStack, boolean otherWrite, Object loc, String var) {
    List<StackLine> mine = stack(g);
    int l1 = mine.isEmpty() ? 0 : mine.get(0).line();
    int l2 = otherStack == null || otherStack.isEmpty() ? 0 : otherStack.get(0).line();
    String key = Math.min(l1, l2) + ":" + Math.max(l1, l2);
    if (!raceKeys.add(key)) return;
    G other = otherId - 1 < all.size() ? all.get(otherId - 1) : null;
    String a = String.format("0x%012x", addr(loc));
    StringBuilder sb = new StringBuilder();
    sb.append("==================\nWARNING: DATA RACE\n");
    sb.append(isWrite ? "Write" : "Read").append(" at ").append(a).append(" by ").append(gname(g)).append(":\n");
    raceStack(sb, mine);
    sb.append("\nPrevious ").append(otherWrite ? "write" : "read").append(" at ").append(a).append(" by ")
        .append(other == null ? "goroutine " + otherId : gname(other)).append(":\n");
    raceStack(sb, otherStack);
    if (g != main) {
      sb.append("\nGoroutine ").append(g.id).append(" (running) created at:\n");
      raceStack(sb, g.createdAt);
    }
    if (other != null && other != main) {
      sb.append("\nGoroutine ").append(other.id).append(other.state == G.DONE ? " (finished)" : " (running)").append(" created at:\n");
      raceStack(sb, other.createdAt);
    }
    sb.append("==================");
    races.add(new Race(sb.toString(), l1, l2, var));
  }

  private String gname(G g) {
    return g == main ? "main goroutine" : "goroutine " + g.id;
  }

  private void raceStack(StringBuilder sb, List<StackLine> st) {
    if (st == null) return;
    for (StackLine s : st) {
      sb.append("  ").append(s.func()).append("()\n      ").append(s.file()).append(":").append(s.line()).append(" +0x").append(pcHex(s)).append("\n");
    }
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

    void addRead(int gid, int c, List<StackLine> st) {
      // scan only a short tail: many readers (10,000 goroutines reading one variable) stay linear
      for (int i = Math.max(0, rn - 8); i < rn; i++) {
        if (rG[i] == gid) {
          rC[i] = c;
          rStack[i] = st;
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
      rn++;
    }
  }

  // ---------------- output ----------------
  public void print(String s) {
    if (!grace && !postCrash) out.append(s);
  }

  // ---------------- channels ----------------
  /** Stands for a nil value inside channel buffers (ArrayDeque holds no nulls). */
  static final Object NIL = new Object();

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

  private static Sudog firstLive(ArrayDeque<Sudog> q) {
    while (!q.isEmpty()) {
      Sudog s = q.pollFirst();
      if (s.live()) return s;
    }
    return null;
  }

  private static boolean hasLive(ArrayDeque<Sudog> q) {
    for (Sudog s : q) if (s.live()) return true;
    return false;
  }

  /** Delivers a received value to a waiting receiver. */
  private void deliverRecv(Sudog r, Object v, boolean ok) {
    Frame rf = r.g.frame;
    if (r.sel != null) {
      r.sel.done = true;
      rf.push((long) r.caseIdx);
      rf.push(v);
      rf.push(ok);
    } else {
      rf.push(v);
      if (r.commaOk) rf.push(ok);
    }
    wake(r.g);
  }

  private void completeSend(Sudog s) {
    if (s.sel != null) {
      s.sel.done = true;
      Frame sf = s.g.frame;
      sf.push((long) s.caseIdx);
      sf.push(null);
      sf.push(Boolean.FALSE);
    }
    wake(s.g);
  }

  /** Tries a send; returns false when it would block. */
  private boolean trySend(G g, Chan c, Object v) {
    if (c.closed) throw new GoPanic(Natives.plainError("send on closed channel"));
    Sudog r = firstLive(c.recvq);
    if (r != null) {
      // rendezvous: both sides synchronize
      int[] gv = g.vc.clone();
      acquire(g, r.g.vc);
      acquire(r.g, gv);
      tick(g);
      tick(r.g);
      c.sends++;
      c.recvs++;
      deliverRecv(r, v, true);
      return true;
    }
    if (c.buf.size() < c.cap) {
      int slot = (int) (c.sends % c.slotVC.length);
      acquire(g, c.slotVC[slot]); // the receive that freed this slot happens before this send completes
      c.buf.addLast(v == null ? NIL : v);
      c.bufVC.addLast(release(g, null));
      c.sends++;
      return true;
    }
    return false;
  }

  public void send(G g, Frame f, Chan c, Object v) {
    if (c == null) {
      block(g, "chan send (nil chan)", null);
      g.blockedForever = true;
      return;
    }
    // the race detector sees a send as a read of the channel and close as a write
    read(g, c.shadow(), c, "channel");
    if (g.lo != null) lockOrder.chanOp(g, c, LockOrder.Op.SEND, f.line(), false, true);
    if (trySend(g, c, v)) return;
    c.sendBlocked = true;
    c.sendq.addLast(new Sudog(g, v, false, -1, null));
    block(g, "chan send", c);
  }

  /** Tries a receive; returns null when it would block, else {value, ok}. */
  private Object[] tryRecv(G g, Chan c) {
    if (!c.buf.isEmpty()) {
      Object v = c.buf.pollFirst();
      if (v == NIL) v = null;
      acquire(g, c.bufVC.pollFirst());
      int slot = (int) (c.recvs % c.slotVC.length);
      c.slotVC[slot] = release(g, c.slotVC[slot]);
      c.recvs++;
      Sudog s = firstLive(c.sendq);
      if (s != null) {
        // move the waiting sender's value into the freed slot
        int sslot = (int) (c.sends % c.slotVC.length);
        acquire(s.g, c.slotVC[sslot]);
        c.buf.addLast(s.val == null ? NIL : s.val);
        c.bufVC.addLast(release(s.g, null));
        c.sends++;
        completeSend(s);
      }
      return new Object[] {v, Boolean.TRUE};
    }
    Sudog s = firstLive(c.sendq);
    if (s != null) {
      int[] gv = g.vc.clone();
      acquire(g, s.g.vc);
      acquire(s.g, gv);
      tick(g);
      tick(s.g);
      c.sends++;
      c.recvs++;
      completeSend(s);
      return new Object[] {s.val, Boolean.TRUE};
    }
    if (c.closed) {
      acquire(g, c.closeVC);
      return new Object[] {Values.copy(c.zero), Boolean.FALSE};
    }
    return null;
  }

  public void recv(G g, Frame f, Chan c, boolean commaOk) {
    if (c == null) {
      block(g, "chan receive (nil chan)", null);
      g.blockedForever = true;
      return;
    }
    if (g.lo != null) lockOrder.chanOp(g, c, LockOrder.Op.RECV, f.line(), false, true);
    Object[] r = tryRecv(g, c);
    if (r != null) {
      f.push(r[0]);
      if (commaOk) f.push(r[1]);
      return;
    }
    c.recvBlocked = true;
    c.recvq.addLast(new Sudog(g, null, commaOk, -1, null));
    block(g, "chan receive", c);
  }

  public void close(G g, Chan c) {
    if (c == null) throw new GoPanic(Natives.plainError("close of nil channel"));
    if (c.closed) throw new GoPanic(Natives.plainError("close of closed channel"));
    write(g, c.shadow(), c, "channel");
    if (g.lo != null) lockOrder.chanOp(g, c, LockOrder.Op.CLOSE, g.frame != null ? g.frame.line() : 0, false, false);
    c.closed = true;
    c.closeVC = release(g, c.closeVC);
    Sudog r;
    while ((r = firstLive(c.recvq)) != null) {
      acquire(r.g, c.closeVC);
      deliverRecv(r, Values.copy(c.zero), false);
    }
    Sudog s;
    while ((s = firstLive(c.sendq)) != null) {
      // a blocked sender panics once it runs again
      s.g.pendingPanic = Natives.plainError("send on closed channel");
      completeSend(s);
    }
  }

  /**
   * select: chans[i] and vals[i] (send value) per case, dirs[i] true for send. Pushes
   * {caseIndex, received value, ok}; index -1 is default.
   */
  public void select(G g, Frame f, Chan[] chans, Object[] vals, boolean[] isSend, boolean hasDefault, int[] caseLines) {
    int n = chans.length;
    if (g.lo != null) {
      // each case is a possible wait (unless default or a timer case guarantees the select returns) and a partner op
      boolean mayBlock = !hasDefault;
      for (int i = 0; i < n && mayBlock; i++) if (chans[i] != null && chans[i].timer) mayBlock = false;
      for (int i = 0; i < n; i++) {
        if (chans[i] != null) lockOrder.chanOp(g, chans[i], isSend[i] ? LockOrder.Op.SEND : LockOrder.Op.RECV, caseLines[i], true, mayBlock);
      }
    }
    int[] ready = new int[n];
    int nr = 0;
    for (int i = 0; i < n; i++) {
      Chan c = chans[i];
      if (c == null) continue;
      if (isSend[i]) {
        if (c.closed || hasLive(c.recvq) || c.buf.size() < c.cap) ready[nr++] = i;
      } else {
        if (!c.buf.isEmpty() || hasLive(c.sendq) || c.closed) ready[nr++] = i;
      }
    }
    if (nr > 0) {
      g.spins = 0;
      int i = ready[nr == 1 ? 0 : chooser.choose(nr)];
      Chan c = chans[i];
      if (isSend[i]) {
        read(g, c.shadow(), c, "channel");
        trySend(g, c, vals[i]);
        f.push((long) i);
        f.push(null);
        f.push(Boolean.FALSE);
      } else {
        Object[] r = tryRecv(g, c);
        f.push((long) i);
        f.push(r[0]);
        f.push(r[1]);
      }
      return;
    }
    if (hasDefault) {
      // a goroutine polling with select/default burns real time: after many polls let the clock
      // reach the next timer, as it would while the loop spins
      if (++g.spins >= SPIN_POLLS && !timers.isEmpty()) {
        g.spins = 0;
        spinAdvance = true;
      }
      f.push(-1L);
      f.push(null);
      f.push(Boolean.FALSE);
      return;
    }
    SelectWait w = new SelectWait();
    boolean any = false;
    for (int i = 0; i < n; i++) {
      Chan c = chans[i];
      if (c == null) continue;
      any = true;
      if (isSend[i]) {
        c.sendBlocked = true;
        c.sendq.addLast(new Sudog(g, vals[i], false, i, w));
      } else {
        c.recvBlocked = true;
        c.recvq.addLast(new Sudog(g, null, true, i, w));
      }
    }
    block(g, n == 0 ? "select (no cases)" : "select", w);
    if (!any) g.blockedForever = true;
  }

  /** Called after a blocked goroutine resumes: delivers a panic decided while it slept. */
  public void checkPending(G g) {
    if (g.pendingPanic != null) {
      Object p = g.pendingPanic;
      g.pendingPanic = null;
      throw new GoPanic(p);
    }
  }

  private static final FuncCode SYNC_BASE = new FuncCode("<sync>", "");
  static {
    SYNC_BASE.code = new FuncCode.Ins[0];
  }

  /**
   * Runs Go code to completion inside a library call (String()/Error() for fmt, sort's less), without
   * scheduling points. Returns the results.
   */
  public Object[] callSync(G g, Closure c, Object[] args) {
    if (c.nat != null) {
      Frame base = new Frame(SYNC_BASE, null);
      c.nat.call(this, g, base, withRecv(c, args));
      return Arrays.copyOf(base.stack, base.sp);
    }
    Frame saved = g.frame;
    Frame base = new Frame(SYNC_BASE, null);
    Frame nf = enter(c, args);
    nf.caller = base;
    g.frame = nf;
    try {
      int guard = 0;
      while (g.frame != base) {
        Frame f = g.frame;
        if (f.pc >= f.fn.code.length) {
          ret(g, f);
          continue;
        }
        FuncCode.Ins in = f.fn.code[f.pc++];
        in.op.exec(this, g, f);
        if (g.state != G.RUNNABLE) {
          fatal(g, "simulator: blocking operation inside " + c.name() + " called from a library function is not supported", false);
        }
        if (++guard > 10_000_000) fatal(g, "simulator: " + c.name() + " does not return", false);
      }
      return Arrays.copyOf(base.stack, base.sp);
    } finally {
      g.frame = saved;
    }
  }

  /** Closes a channel on behalf of the runtime (timer-driven context cancellation): g may be null. */
  public void closeBy(G g, Chan c) {
    if (g != null) {
      close(g, c);
      return;
    }
    if (c.closed) return;
    c.closed = true;
    Sudog r;
    while ((r = firstLive(c.recvq)) != null) deliverRecv(r, Values.copy(c.zero), false);
    Sudog s;
    while ((s = firstLive(c.sendq)) != null) {
      s.g.pendingPanic = Natives.plainError("send on closed channel");
      completeSend(s);
    }
  }

  /** Non-blocking send used by timers: drops the value when the buffer is full. */
  public void offer(Chan c, Object v) {
    if (c.closed) return;
    Sudog r = firstLive(c.recvq);
    if (r != null) {
      deliverRecv(r, v, true);
      return;
    }
    if (c.buf.size() < c.cap) {
      c.buf.addLast(v == null ? NIL : v);
      c.bufVC.addLast(new int[0]);
      c.sends++;
    }
  }

  /** Starts a goroutine from the runtime (time.AfterFunc), happening after the given clock. */
  public G goFromRuntime(Closure c, Object[] args, int[] vc, List<StackLine> createdAt, String createdBy) {
    G g = newG(null);
    acquire(g, vc);
    g.createdAt = createdAt;
    g.createdBy = createdBy;
    g.frame = c.nat != null ? new Frame(Natives.trampoline(c, args, file), null) : enter(c, args);
    g.frame.discard = true;
    g.topFunc = c.name();
    return g;
  }

  /** What g's next operation will touch ({object, write}), or null when unknown. */
  public Object[] footprint(G g) {
    Frame f = g.frame;
    if (f == null || g.pendingPanic != null || f.pc >= f.fn.code.length) return null;
    FuncCode.Ins in = f.fn.code[f.pc];
    if (!in.visible || in.peek == null) return null;
    try {
      return in.peek.peek(this, f);
    } catch (RuntimeException e) {
      return null;
    }
  }

  public int liveGoroutines() {
    return live;
  }

  public void exit(int code) {
    exitCode = code;
    outcome = Outcome.EXIT;
    throw new Fatal("exit status " + code);
  }
}
