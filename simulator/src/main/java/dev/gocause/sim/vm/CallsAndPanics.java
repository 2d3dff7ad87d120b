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

/** Calls, returns, defers, panics and recover; goroutine stacks as Go prints them. */
abstract class CallsAndPanics extends Channels {
  CallsAndPanics(Program prog, Chooser chooser, boolean recordTimeline, long maxSteps, long seed) {
    super(prog, chooser, recordTimeline, maxSteps, seed);
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
      c.nat.call(self(), g, f, withRecv(c, args));
      return;
    }
    Frame nf = enter(c, args);
    nf.caller = f;
    g.frame = nf;
  }

  static Object[] withRecv(Closure c, Object[] args) {
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

  void runNextDefer(G g, Frame f) {
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
      c.nat.call(self(), g, f, withRecv(c, args));
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
  void afterDefer(G g, Frame f) {
    if (f.mode == Frame.PANICKING) {
      if (g.panicking) {
        unwind(g);
      } else {
        // recovered: the function returns normally with its current result values
        f.mode = Frame.RETURNING;
        g.recoveredPanic = null;
        resumeEarlierPanic(g, f);
        ret(g, f);
      }
      return;
    }
    ret(g, f);
  }

  void finishReturn(G g, Frame f) {
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
    Frame owner = deferOwner(g.frame);
    if (owner != null && (g.panicking || g.recoveredPanic != null)) {
      // a deferred call run by an earlier panic panics: Go keeps the earlier one on its list
      if (g.earlierPanics == null) g.earlierPanics = new ArrayList<>();
      g.earlierPanics.add(g.panicking ? new G.EarlierPanic(g.panicVal, g.panicStack, false, owner) : g.recoveredPanic);
      g.recoveredPanic = null;
    }
    if (!g.panicking) {
      g.panicStack = stack(g);
      g.entryWithoutArguments = entryWithoutArguments(g); // the frames unwind before the dump is written
    }
    g.panicking = true;
    g.panicVal = val;
    g.frame.mode = Frame.PANICKING;
    unwind(g);
  }

  void unwind(G g) {
    while (true) {
      Frame f = g.frame;
      if (f == null) {
        crashPanic(g);
        return;
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
      if (f.onReturn != null) {
        // what the library defers around user code (Once.Do marks the Once done, errgroup.Go calls Done, t.Run ends
        // the subtest) runs whether the call returned or panicked
        Runnable hook = f.onReturn;
        f.onReturn = null;
        hook.run();
      }
      if ((f.endsGoexit || g.frame != null && g.frame.fn == prog.init && !prog.hasMain) && isGoexit(g.panicVal)
          && ((Natives.ErrorVal) ((Iface) g.panicVal).v).calledByProgram) {
        // testing's tRunner sees a test that neither returned nor called FailNow/SkipNow
        g.panicVal = new Iface(Type.STRING, "test executed panic(nil) or runtime.Goexit");
        g.frame = null;
        crashPanic(g);
        return;
      }
      if (f.endsGoexit && isGoexit(g.panicVal) && g.frame != null) {
        g.panicking = false;
        g.panicVal = null;
        g.frame.mode = Frame.NORMAL;
        return;
      }
      if (g.frame == null) {
        crashPanic(g);
        return;
      }
      if (isGoexit(g.panicVal) && g.frame.fn == prog.init && prog.hasMain && g == main) {
        // runtime.Goexit in main: the program goes on without main's goroutine until the others are done or blocked
        g.panicking = false;
        g.panicVal = null;
        mainGoexited = true;
        finishG(g);
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
    if (g.panicking && f.isDefer && f.caller != null && f.caller.mode == Frame.PANICKING && !isGoexit(g.panicVal)) {
      g.panicking = false;
      Object v = g.panicVal;
      g.recoveredPanic = new G.EarlierPanic(v, g.panicStack, true, f.caller);
      g.panicVal = null;
      return v == Natives.NIL_PANIC ? null : v;
    }
    return null;
  }

  /** The nearest frame (from f up) that is running a deferred call because of a panic, or null. */
  private static Frame deferOwner(Frame f) {
    for (Frame x = f; x != null; x = x.caller) {
      if (x.isDefer && x.caller != null && x.caller.mode == Frame.PANICKING) return x.caller;
    }
    return null;
  }

  /**
   * A panic was recovered in frame f, which now returns normally. Earlier panics whose deferred call is still running
   * above f go on (Go's gopanic resumes the one below on its list); ones whose frame is f or gone were aborted by the
   * recovered panic and are dropped, as Go's recovery removes aborted panics.
   */
  private void resumeEarlierPanic(G g, Frame f) {
    java.util.ArrayList<G.EarlierPanic> list = g.earlierPanics;
    while (list != null && !list.isEmpty()) {
      G.EarlierPanic p = list.remove(list.size() - 1);
      if (p.recovered() || !above(f, p.owner())) continue;
      g.panicking = true;
      g.panicVal = p.val();
      g.panicStack = p.stack();
      return;
    }
  }

  /** Whether owner is a caller of f (strictly above it on the stack). */
  private static boolean above(Frame f, Frame owner) {
    for (Frame x = f.caller; x != null; x = x.caller) if (x == owner) return true;
    return false;
  }

  static boolean isGoexit(Object v) {
    return v instanceof Iface i && i.v instanceof Natives.ErrorVal ev && ev.goexit;
  }

  void crashPanic(G g) {
    if (grace || postCrash || isGoexit(g.panicVal)) {
      finishG(g);
      return;
    }
    StringBuilder sb = new StringBuilder();
    String signal = ""; // a nil dereference on the list: Go prints its signal line once, after the whole list
    if (g.earlierPanics != null) {
      // Go's printpanics: the earlier panics first, each still on the list, a recovered one marked so
      for (G.EarlierPanic p : g.earlierPanics) {
        if (isGoexit(p.val())) continue;
        String text = Natives.panicText(self(), g, p.val());
        int sig = text.indexOf("\n[signal ");
        sb.append("panic: ").append(sig < 0 ? text : text.substring(0, sig));
        if (sig >= 0) signal = text.substring(sig);
        if (p.recovered()) sb.append(" [recovered]");
        sb.append("\n\t");
      }
    }
    String last = Natives.panicText(self(), g, g.panicVal);
    sb.append("panic: ").append(last);
    if (!last.contains("\n[signal ")) sb.append(signal);
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
      appendLiveGoroutines(sb, g);
    }
    return sb.toString();
  }

  /** go test's default -timeout, and how long main may stay blocked while timers keep other goroutines going. */
  static final long TEN_MINUTES = 600_000_000_000L;
  /** Timers that must fire while main stays blocked before it counts as hung (a loop, not a few long waits). */
  static final long HANG_FIRES = 1000;
  private long hangWatchSince = -1;
  private long hangWatchFires;

  /**
   * The clock is about to move to {@code when} while goroutines still run on timers (a ticker loop, a retry with a
   * sleep). Under go test the binary panics once 10 minutes have passed, whatever its goroutines do. A program whose
   * main goroutine has been blocked (not sleeping) for 10 minutes, while at least {@link #HANG_FIRES} timers fired
   * (a loop on timers, not a few long sleeps that order the program), is taken for hung: Go prints nothing and
   * waits forever, since the live timers keep its deadlock detector quiet. Both end as DEADLOCK, as {@link #hang}.
   */
  @Override
  void hangHorizon(long when) {
    if (mainDone) return;
    if (!prog.hasMain && !prog.tests.isEmpty()) {
      if (when < TEN_MINUTES) return;
      now = Math.max(now, TEN_MINUTES);
      endInDeadlock("panic: test timed out after 10m0s\n");
      throw new Fatal("test timeout");
    }
    if (main.state != G.BLOCKED) return;
    if (main.blockedSince != hangWatchSince) {
      hangWatchSince = main.blockedSince;
      hangWatchFires = timerFires;
    }
    if (when - main.blockedSince < TEN_MINUTES || timerFires - hangWatchFires < HANG_FIRES) return;
    now = Math.max(now, main.blockedSince + TEN_MINUTES);
    endInDeadlock("program did not finish: the main goroutine has been blocked for 10 minutes while timers keep other"
        + " goroutines running (Go prints nothing and waits forever: a live timer or ticker keeps its deadlock detector"
        + " from firing)\n");
    throw new Fatal("hang");
  }

  void deadlock() {
    if (mainGoexited && live == 0) {
      endInDeadlock("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
      return;
    }
    if (mainDone) {
      finishLeakCheck();
      return;
    }
    if (!prog.hasMain && !prog.tests.isEmpty()) {
      // under go test the deadlock detector never fires: the test binary hangs until its timeout
      now = Math.max(now, TEN_MINUTES);
      endInDeadlock("panic: test timed out after 10m0s\n");
      return;
    }
    if (signalWatcher) {
      endInDeadlock("program did not finish: every goroutine is blocked (Go prints nothing and waits forever: the"
          + " goroutine signal.Notify started keeps its deadlock detector from firing)\n");
      return;
    }
    endInDeadlock("fatal error: all goroutines are asleep - deadlock!\n");
  }

  /**
   * Every goroutine is blocked and the only pending timers send on channels nobody waits on: no progress is possible,
   * yet a live timer keeps Go's deadlock detector quiet, so Go hangs (a test until its timeout). Reported as DEADLOCK.
   */
  void hang() {
    if (!prog.hasMain && !prog.tests.isEmpty()) {
      deadlock();
      return;
    }
    endInDeadlock("program did not finish: every goroutine is blocked and no pending timer can wake one"
        + " (Go prints nothing and waits forever: a live timer or ticker keeps its deadlock detector from firing)\n");
  }

  private void endInDeadlock(String header) {
    StringBuilder sb = new StringBuilder(header);
    appendLiveGoroutines(sb, null);
    outcome = Outcome.DEADLOCK;
    crash = sb.toString().stripTrailing();
    exitCode = 2;
  }

  /** Every goroutine that has not finished, but {@code except}, each after a blank line, as Go dumps them. */
  private void appendLiveGoroutines(StringBuilder sb, G except) {
    for (G x : all) {
      if (x == except || x.state == G.DONE) continue;
      sb.append("\n");
      dumpG(sb, x, null);
    }
  }

  /** Leak check once main returned and the others had their grace period (like goleak.VerifyNone). */
  void finishLeakCheck() {
    List<G> left = leakCandidates();
    if (left.isEmpty()) return;
    StringBuilder sb = new StringBuilder("found unexpected goroutines:\n");
    for (G x : left) {
      String state = stateName(x);
      String top = topFunc(x);
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

  /** The goroutines goleak would list now: alive and not ignored. */
  List<G> leakCandidates() {
    List<G> left = new ArrayList<>();
    for (G x : all) if (x.state != G.DONE && !x.leakIgnored && !leakIgnoredTops.contains(topFunc(x))) left.add(x);
    return left;
  }

  /** The innermost function of a goroutine's stack, as goleak names it. */
  private String topFunc(G x) {
    List<StackLine> st = x.frame != null ? stackOf(x.frame) : List.of();
    return st.isEmpty() ? (x.topFunc == null ? "?" : x.topFunc) : st.get(0).func();
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
    if (x.state == G.BLOCKED && x.waitObj != null) {
      for (String frame : SyncNatives.waitFrames(x, x.waitObj, addr(x.waitObj))) {
        sb.append(frame).append('\n');
      }
    }
    appendStack(sb, x.frame == null ? List.of() : stackOf(x.frame), x);
  }

  void appendStack(StringBuilder sb, List<StackLine> st, G x) {
    String noArgsEntry = entryWithoutArguments(x);
    for (int i = 0, n = st.size(); i < n; i++) {
      StackLine s = st.get(i);
      // Go prints a frame's argument words, which the simulator does not have: "(...)", except for the function the
      // goroutine started in when it takes none (main.main, a go func(){...}): Go prints "()" there
      boolean noArgs = i == n - 1 && s.func().equals(noArgsEntry);
      sb.append(s.func()).append(noArgs ? "()\n\t" : "(...)\n\t").append(s.file()).append(":").append(s.line()).append(" +0x").append(pcHex(s)).append("\n");
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

  /** The name of the function goroutine x started in (its bottom visible frame) if it has no parameters, else null. */
  static String entryWithoutArguments(G x) {
    if (x.frame == null) return x.entryWithoutArguments;
    Frame bottom = null;
    for (Frame f = x.frame; f != null; f = f.caller) if (!f.fn.name.startsWith("<")) bottom = f;
    return bottom != null && bottom.fn.nParams == 0 ? bottom.fn.name : null;
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
}
