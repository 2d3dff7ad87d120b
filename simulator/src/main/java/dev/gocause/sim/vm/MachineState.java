package dev.gocause.sim.vm;

import dev.gocause.sim.vm.Values.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import dev.gocause.sim.vm.Machine.*;

/** State of one schedule (goroutines, virtual time, timers, results) and the configuration it runs with; the machine is this chain of classes ending in {@link Machine}. */
abstract class MachineState {

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
  /** main called runtime.Goexit: its goroutine ended, the program did not (Go then ends in a deadlock error). */
  boolean mainGoexited;
  boolean grace;
  /**
   * signal.Notify was called: Go started the goroutine that waits for signals, which stays in a system call, and
   * from then on its deadlock detector never fires (a blocked program hangs silently).
   */
  boolean signalWatcher;
  /** The standard logger's flags and prefix (log.SetFlags, log.SetPrefix); Go starts with LstdFlags and "". */
  long logFlags = 3;
  String logPrefix = "";
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
  /**
   * Steps one goroutine may make in a row while others are runnable before it is preempted: far beyond Go's 10ms
   * slice (Go runs the others on its other Ps at once), so a schedule that runs one busy goroutine long before the
   * others still happens, as it does in Go (the first of two map writers may finish before the second starts), and
   * only a goroutine that would wait forever, or until the step limit, is let in.
   */
  static final int SPIN_STEPS = 200_000;
  /** Steps the current goroutine made in a row while another one was runnable. */
  int spinSteps;
  static final int SPIN_POLLS = 1000;
  boolean spinAdvance;
  /** Instructions per schedule (40 per step): a goroutine spinning without scheduling points ends the schedule here. */
  final long maxInstrs;
  public final java.util.Random rnd;
  /** How long runnable goroutines may go without a step in this schedule (the chooser's draw; -1: never). */
  final long stallNanos;
  final Map<Object, int[]> atomicClocks = new HashMap<>();
  // test-runner mode
  public java.util.regex.Pattern testFilter;
  /** goleak.IgnoreTopFunction's names: a goroutine with one of them innermost is not a leak. */
  final java.util.HashSet<String> leakIgnoredTops = new java.util.HashSet<>();
  /** Resource limits of this schedule (set before {@link #run()}). */
  public Limits limits = Limits.DEFAULT;

  /**
   * Wall-clock instant ({@link System#nanoTime()}) at which this schedule ends as {@code LIMIT time}: the exploration's
   * budget also stops a schedule that is still running (set before {@link Machine#run()}; none by default).
   */
  public long deadlineNanos = Long.MAX_VALUE;
  /** The budget the deadline comes from, named in the LIMIT message. */
  public java.time.Duration deadlineBudget;
  int testIndex;
  /** The root of this run's tests (the parent of every TestXxx) and go test's -parallel limit (GOMAXPROCS). */
  TestingNatives.TVal testRoot;
  TestingNatives.TestContext testCtx;

  MachineState(Program prog, Chooser chooser, boolean recordTimeline, long maxSteps, long seed) {
    this.prog = prog;
    this.chooser = chooser;
    this.file = prog.file;
    this.timeline = recordTimeline ? new ArrayList<>() : null;
    this.maxSteps = maxSteps;
    this.maxInstrs = maxSteps > Long.MAX_VALUE / 40 ? Long.MAX_VALUE : maxSteps * 40;
    this.rnd = new java.util.Random(seed);
    this.stallNanos = chooser.stallNanos();
  }

  public Timer addTimer(long delay, long period, Runnable fire) {
    Timer t = new Timer();
    t.when = now + Math.max(0, delay);
    t.period = period;
    t.seq = timerSeq++;
    t.fire = fire;
    t.line = current != null && current.frame != null ? current.frame.line() : 0;
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

  /** Timers fired so far in this schedule. */
  long timerFires;

  /** Fires the earliest timer, moving the clock to its deadline (a ticker is re-armed a period later). */
  final void fireNextTimer() {
    if (!grace && !postCrash) hangHorizon(timers.peek().when);
    timerFires++;
    Timer t = timers.poll();
    if (t.when > now) now = t.when;
    if (t.period > 0 && !t.stopped) {
      t.when = now + t.period;
      t.seq = timerSeq++;
      timers.add(t);
    }
    t.fire.run();
  }

  /**
   * Whether "advance the clock" is an option at this scheduling point although goroutines can run: the earliest
   * pending deadline is within this schedule's stall ({@link Chooser#stallNanos}) of the time every runnable goroutine
   * last ran or became runnable. Not after main returned
   * (goleak's grace period waits for running goroutines) nor once the schedule crashed.
   */
  final boolean clockMayAdvance() {
    if (clockAdvancedEarly || timers.isEmpty() || grace || postCrash) return false;
    long when = timers.peek().when;
    if (when - now > stallNanos) return false;
    // no runnable goroutine waits longer than the stall: the Go scheduler runs every runnable goroutine soon
    for (int i = 0, n = runq.size(); i < n; i++) if (when - runq.get(i).runnableSince > stallNanos) return false;
    return true;
  }

  /**
   * The clock advanced early and no goroutine has made a step since: it may not again (a ticker due every millisecond
   * would otherwise starve the goroutines under a PCT priority that favours the clock).
   */
  boolean clockAdvancedEarly;

  /**
   * Advances the clock to the earliest pending deadline while goroutines could still run, and fires every timer due
   * by then, in deadline order (timers armed with equal deadlines in the order they were armed).
   */
  final void advanceClockEarly() {
    Timer first = timers.peek();
    long when = Math.max(now, first.when);
    if (timeline != null) {
      timeline.add(new Machine.Step(0, first.line, "clock advances: timer fires early", when));
    }
    clockAdvancedEarly = true;
    while (!timers.isEmpty() && timers.peek().when <= when) fireNextTimer();
  }

  boolean postCrash;

  /** This machine as the one concrete class (ops and natives take a {@link Machine}). */
  final Machine self() {
    return (Machine) this;
  }

  // ---------------- implemented further up the chain ----------------
  /** Before the clock moves to {@code when}: ends the schedule if Go would hang there (see CallsAndPanics). */
  abstract void hangHorizon(long when);

  abstract void finishG(G g);

  public abstract void block(G g, String reason, Object on);

  public abstract void wake(G g);

  public abstract Frame enter(Closure c, Object[] args);

  public abstract void fatal(G g, String msg, boolean dumpAll);

  public abstract List<StackLine> stack(G g);

  public abstract void ret(G g, Frame f);

  abstract G newG(G parent);
}
