package dev.gocause.sim.vm;

import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.vm.Values.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.gocause.sim.vm.Natives.*;
import static dev.gocause.sim.vm.SyncNatives.*;
import static dev.gocause.sim.vm.AtomicNatives.*;
import static dev.gocause.sim.vm.TimeNatives.*;
import static dev.gocause.sim.vm.ContextNatives.*;
import static dev.gocause.sim.vm.ErrgroupNatives.*;
import static dev.gocause.sim.vm.LibNatives.*;

/** Library model of testing in test-runner mode: T and its methods, and the runner that calls each TestXxx. Registered by import path from {@link Natives}. */
final class TestingNatives {
  private TestingNatives() {}

  // ---------------- testing (test-runner mode) ----------------
  /**
   * go test's name for a subtest: parent/name, made unique with #01, #02, ... when that name was given before, and
   * #00 for an empty name (testing's matcher.unique; the names live as long as the test binary, here the root).
   */
  static String uniqueSubtestName(TVal parent, String subname) {
    TVal root = parent;
    while (root.parent != null && root.level > 0) root = root.parent;
    if (root.subNames == null) root.subNames = new java.util.HashMap<>();
    String name = parent.name + "/" + subname;
    boolean empty = subname.isEmpty();
    while (true) {
      Integer next = root.subNames.get(name);
      if (!empty && next == null) {
        root.subNames.put(name, 1);
        return name;
      }
      int n = next == null ? 0 : next;
      root.subNames.put(name, n + 1);
      name = name + String.format("#%02d", n);
      empty = false;
    }
  }

  static final class TVal {
    final String name;
    boolean failed;
    boolean skipped;
    boolean finished;
    final StringBuilder log = new StringBuilder();
    final List<Closure> cleanups = new ArrayList<>();
    /** The test that ran it (the runner's root for a TestXxx), null for a T made by the program. */
    TVal parent;
    /** 1 for a TestXxx, 2 for its subtests, ... (0: the root). */
    int level;
    /** Its tRunner frame (wait for parallel subtests, cleanups, report) while it runs; null for a T made by the program. */
    Frame tail;
    /** Called t.Parallel: runs on its own goroutine once its parent's function returned. */
    boolean parallel;
    /** Its subtests that called t.Parallel, in order. */
    final List<TVal> subs = new ArrayList<>();
    /** On the root: each subtest name given so far and the next #NN suffix for it (testing's matcher.subNames). */
    java.util.Map<String, Integer> subNames;
    /** Its function returned and its parallel subtests were let go (close(t.barrier)), with the clock they acquire. */
    boolean barrierReleased;
    int[] barrierVC;
    /** Whether it gave up its running slot for its parallel subtests (and must take one back if it is sequential). */
    boolean slotReleased;
    boolean slotTaken;
    int cleanupsRun;
    /** A parallel test finished (t.signal), with the clock its parent acquires. */
    boolean done;
    int[] doneVC;
    /** What its paused parallel subtests and the parent waiting for them block on. */
    final Object barrier = new Object();
    final Object subsDone = new Object();
    TVal(String name) { this.name = name; }
  }

  /** go test's testContext: at most maxParallel (-parallel, GOMAXPROCS) parallel tests run; its mutex orders them. */
  static final class TestContext {
    final int maxParallel;
    int running = 1; // the main (sequential) test
    int[] vc;
    TestContext(int maxParallel) { this.maxParallel = maxParallel; }
  }

  /** testing.M of func TestMain(m *testing.M). */
  static final class MVal {
    boolean ran;
  }

  static final Type.Named TESTING_T = new Type.Named("testing.T", new Type.Opaque("testing.T", () -> new TVal("?"), false));
  static final Type.Named TESTING_M = new Type.Named("testing.M", new Type.Opaque("testing.M", MVal::new, false));
  /** Where go test starts each test's goroutine (Go 1.19's testing.go), for "created by" lines. */
  static final Machine.StackLine T_RUN = new Machine.StackLine("testing.(*T).Run", "/usr/local/go/src/testing/testing.go", 1493);

  static void registerTesting() {
    String p = "testing";
    // go test without -short and -v
    fn(p, "Short", sig(List.of(), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(false)));
    fn(p, "Verbose", sig(List.of(), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(false)));
    type(p, "T", TESTING_T);
    Type anyS = new Type.Slice(EMPTY_IFACE);
    method(TESTING_T, "Log", true, vsig(List.of(anyS), List.of()), pure((m, g, f, a) -> tlog(m, g, (TVal) a[0], Fmt.sprintln(m, g, sliceItems(a[1])))));
    method(TESTING_T, "Logf", true, vsig(List.of(Type.STRING, anyS), List.of()), pure((m, g, f, a) -> tlog(m, g, (TVal) a[0], Fmt.sprintf(m, g, (String) a[1], sliceItems(a[2])))));
    method(TESTING_T, "Error", true, vsig(List.of(anyS), List.of()), (m, g, f, a) -> {
      ((TVal) a[0]).failed = true;
      tlog(m, g, (TVal) a[0], Fmt.sprintln(m, g, sliceItems(a[1])));
    });
    method(TESTING_T, "Errorf", true, vsig(List.of(Type.STRING, anyS), List.of()), (m, g, f, a) -> {
      ((TVal) a[0]).failed = true;
      tlog(m, g, (TVal) a[0], Fmt.sprintf(m, g, (String) a[1], sliceItems(a[2])));
    });
    NativeFn fatal = (m, g, f, a) -> {
      TVal t = (TVal) a[0];
      t.failed = true;
      String msg = a.length > 2 ? Fmt.sprintf(m, g, (String) a[1], sliceItems(a[2])) : Fmt.sprintln(m, g, sliceItems(a[1]));
      tlog(m, g, t, msg);
      // FailNow: runtime.Goexit of this goroutine (deferred calls run)
      ErrorVal ev = new ErrorVal("runtime.Goexit", null);
      ev.goexit = true;
      throw new Machine.GoPanic(new Iface(RUNTIME_ERR, ev));
    };
    NativeFn skip = (m, g, f, a) -> {
      TVal t = (TVal) a[0];
      t.skipped = true;
      if (a.length > 1 && a[1] != null) {
        tlog(m, g, t, a.length > 2 ? Fmt.sprintf(m, g, (String) a[1], sliceItems(a[2])) : Fmt.sprintln(m, g, sliceItems(a[1])));
      }
      ErrorVal ev = new ErrorVal("runtime.Goexit", null); // SkipNow: runtime.Goexit, like FailNow
      ev.goexit = true;
      throw new Machine.GoPanic(new Iface(RUNTIME_ERR, ev));
    };
    method(TESTING_T, "Skip", true, vsig(List.of(anyS), List.of()), skip);
    method(TESTING_T, "Skipf", true, vsig(List.of(Type.STRING, anyS), List.of()), skip);
    method(TESTING_T, "SkipNow", true, sig(List.of(), List.of()), (m, g, f, a) -> skip.call(m, g, f, new Object[] {a[0], null}));
    method(TESTING_T, "Skipped", true, sig(List.of(), List.of(Type.BOOL)), (m, g, f, a) -> f.push(((TVal) a[0]).skipped));
    method(TESTING_T, "TempDir", true, sig(List.of(), List.of(Type.STRING)), pure((m, g, f, a) -> f.push("/tmp/" + ((TVal) a[0]).name.replace('/', '_') + "001")));
    method(TESTING_T, "Setenv", true, sig(List.of(Type.STRING, Type.STRING), List.of()), pure((m, g, f, a) -> {}));
    method(TESTING_T, "Fatal", true, vsig(List.of(anyS), List.of()), fatal);
    method(TESTING_T, "Fatalf", true, vsig(List.of(Type.STRING, anyS), List.of()), fatal);
    method(TESTING_T, "FailNow", true, sig(List.of(), List.of()), (m, g, f, a) -> fatal.call(m, g, f, new Object[] {a[0], null}));
    method(TESTING_T, "Fail", true, sig(List.of(), List.of()), (m, g, f, a) -> ((TVal) a[0]).failed = true);
    method(TESTING_T, "Failed", true, sig(List.of(), List.of(Type.BOOL)), (m, g, f, a) -> f.push(((TVal) a[0]).failed));
    method(TESTING_T, "Helper", true, sig(List.of(), List.of()), pure((m, g, f, a) -> {}));
    method(TESTING_T, "Parallel", true, sig(List.of(), List.of()), (m, g, f, a) -> parallel(m, g, f, (TVal) a[0]));
    method(TESTING_T, "Name", true, sig(List.of(), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((TVal) a[0]).name)));
    // go test's default -timeout 10m: the deadline is ten minutes after the test started (virtual time)
    method(TESTING_T, "Deadline", true, sig(List.of(), List.of(TimeNatives.TIME, Type.BOOL)), pure((m, g, f, a) -> {
      f.push(new TimeNatives.TimeVal(TimeNatives.EPOCH + m.now + 600_000_000_000L));
      f.push(true);
    }));
    method(TESTING_T, "Cleanup", true, sig(List.of(sig(List.of(), List.of())), List.of()), pure((m, g, f, a) -> ((TVal) a[0]).cleanups.add((Closure) a[1])));
    registerBenchmarks(p, anyS);
    Type tptr = new Type.Pointer(TESTING_T);
    method(TESTING_T, "Run", true, sig(List.of(Type.STRING, sig(List.of(tptr), List.of())), List.of(Type.BOOL)), (m, g, f, a) -> {
      TVal parent = (TVal) a[0];
      TVal sub = new TVal(uniqueSubtestName(parent, ((String) a[1]).replace(' ', '_')));
      sub.parent = parent.tail != null ? parent : null;
      sub.level = parent.level + 1;
      // runs on this goroutine's stack until it calls t.Parallel (then its frames move to a goroutine of their own);
      // its tRunner frame pushes t.Run's result when it returns here
      startTest(m, g, f, (Closure) a[2], sub);
    });
    type(p, "M", TESTING_M);
    registerGoleak();
    method(TESTING_M, "Run", true, sig(List.of(), List.of(Type.INT)), (m, g, f, a) -> {
      ((MVal) a[0]).ran = true;
      runTests(m, g, f, false);
    });
  }

  /**
   * Calls a test's function on g above f: a tRunner frame (wait for its parallel subtests, cleanups, report, t.Run's
   * result) below the function's frame, whose runtime.Goexit (t.FailNow, t.SkipNow) ends the test only.
   */
  static void startTest(Machine m, G g, Frame f, Closure body, TVal t) {
    Frame tail = new Frame(TRUNNER, null);
    tail.locals[0] = t;
    tail.caller = f;
    tail.discard = true;
    t.tail = tail;
    g.frame = tail;
    m.call(g, tail, body, new Object[] {t});
    if (g.frame != tail) {
      g.frame.discard = true;
      g.frame.endsGoexit = true;
    }
  }

  /**
   * t.Parallel(): the test's frames (from its tRunner frame up) move to a goroutine of their own, which waits until the
   * parent's function returned (the parent's t.Run returns true at once, as t.signal releases it), then for a running
   * slot of -parallel; the new goroutine's clock is the test's, so what it did before happens before the parent goes on.
   */
  static void parallel(Machine m, G g, Frame f, TVal t) {
    if (t.parallel) throw new Machine.GoPanic(new Iface(Type.STRING, "testing: t.Parallel called multiple times"));
    if (t.tail == null || t.parent == null) return;
    Frame x = g.frame;
    while (x != null && x != t.tail) x = x.caller;
    if (x == null) return; // called on another goroutine than the test's: not modelled, nothing happens
    t.parallel = true;
    t.parent.subs.add(t);
    Frame resume = t.tail.caller;
    for (Frame y = g.frame; y != null; y = y.caller) y.stackCache = null;
    t.tail.caller = null;
    G ng = m.newG(g);
    ng.createdAt = List.of(T_RUN);
    ng.createdBy = T_RUN.func();
    Frame body = null;
    for (Frame y = g.frame; y != t.tail; y = y.caller) body = y;
    ng.topFunc = body == null ? t.name : body.fn.name;
    Frame pause = new Frame(PAUSE, null);
    pause.locals[0] = t;
    pause.caller = f;
    pause.discard = true;
    ng.frame = pause;
    g.frame = resume;
    if (t.level == 1) m.print("=== PAUSE " + t.name + "\n");
    else resume.push(!t.failed);
  }

  /** A paused parallel test: waits for close(parent.barrier), then for a running slot (t.context.waitParallel). */
  static final FuncCode PAUSE = new FuncCode("<testing.(*T).Parallel>", "testing.go");
  /** The end of tRunner: parallel subtests, cleanups, report. */
  static final FuncCode TRUNNER = new FuncCode("<testing.tRunner>", "testing.go");

  static {
    PAUSE.nLocals = 1;
    PAUSE.code = new FuncCode.Ins[] {
      new FuncCode.Ins((m, g, f) -> {
        TVal t = (TVal) f.locals[0];
        if (!t.parent.barrierReleased) {
          m.waitOn(g, f, "chan receive", t.parent.barrier);
          return;
        }
        m.acquire(g, t.parent.barrierVC);
        if (!waitParallel(m, g, f)) return;
        if (t.level == 1) m.print("=== CONT  " + t.name + "\n");
      }, 0, true, "t.Parallel: wait for the parent test")
    };
    TRUNNER.nLocals = 1;
    TRUNNER.code = new FuncCode.Ins[] {
      new FuncCode.Ins((m, g, f) -> waitSubtests(m, g, f, (TVal) f.locals[0]), 0, false, null),
      new FuncCode.Ins((m, g, f) -> {
        TVal t = (TVal) f.locals[0];
        if (t.cleanupsRun < t.cleanups.size()) {
          Closure c = t.cleanups.get(t.cleanups.size() - 1 - t.cleanupsRun++);
          f.pc--;
          m.call(g, f, c, new Object[0]);
          if (g.frame != f) {
            g.frame.discard = true;
            g.frame.endsGoexit = true;
          }
        }
      }, 0, false, null),
      new FuncCode.Ins((m, g, f) -> finishTest(m, g, f, (TVal) f.locals[0]), 0, false, null)
    };
  }

  /**
   * After a test's function returned: lets its paused parallel subtests go (giving up its running slot) and waits until
   * they all finished, then takes a slot back if it is sequential. Retries (blocked) until then; true when done.
   */
  static boolean waitSubtests(Machine m, G g, Frame f, TVal t) {
    if (t.subs.isEmpty()) return true;
    if (!t.barrierReleased) {
      t.barrierReleased = true;
      releaseParallel(m, g);
      t.slotReleased = true;
      t.barrierVC = m.release(g, null);
      m.wakeAll(t.barrier);
    }
    for (TVal s : t.subs) {
      if (!s.done) {
        m.waitOn(g, f, "chan receive", t.subsDone);
        return false;
      }
    }
    for (TVal s : t.subs) m.acquire(g, s.doneVC);
    if (!t.parallel && t.slotReleased && !t.slotTaken) {
      if (!waitParallel(m, g, f)) return false;
      t.slotTaken = true;
    }
    return true;
  }

  /** t.context.waitParallel: takes a running slot or blocks (retrying) until one is free; through its mutex. */
  static boolean waitParallel(Machine m, G g, Frame f) {
    TestContext c = m.testCtx;
    if (c.running >= c.maxParallel) {
      m.waitOn(g, f, "chan receive", c);
      return false;
    }
    c.running++;
    m.acquire(g, c.vc);
    c.vc = m.release(g, c.vc);
    return true;
  }

  /** t.context.release: gives a running slot back. */
  static void releaseParallel(Machine m, G g) {
    TestContext c = m.testCtx;
    c.running--;
    m.acquire(g, c.vc);
    c.vc = m.release(g, c.vc);
    m.wakeAll(c);
  }

  /** tRunner's report once the test, its parallel subtests and its cleanups are done; a parallel test signals its parent. */
  static void finishTest(Machine m, G g, Frame f, TVal t) {
    t.finished = true;
    String pad = "    ".repeat(Math.max(0, t.level - 1));
    m.print(pad + (t.failed ? "--- FAIL: " : t.skipped ? "--- SKIP: " : "--- PASS: ") + t.name + " (0.00s)\n"
        + (pad.isEmpty() ? t.log.toString() : t.log.toString().replaceAll("(?m)^", pad)));
    if (t.failed && t.parent != null) t.parent.failed = true;
    t.tail = null;
    if (t.parallel) {
      if (t.subs.isEmpty()) releaseParallel(m, g);
      t.done = true;
      t.doneVC = m.release(g, null);
      m.wakeAll(t.parent.subsDone);
    } else if (t.level > 1 && f.caller != null) {
      f.caller.push(!t.failed);
    }
  }

  /**
   * testing.B and testing.PB so that files with benchmarks compile (the runner runs only TestXxx: benchmark bodies are
   * never called, so B's methods do nothing), and testing.TB, the interface T and B share.
   */
  static void registerBenchmarks(String p, Type anyS) {
    Type.Named pb = new Type.Named("testing.PB", new Type.Opaque("testing.PB", () -> null, false));
    method(pb, "Next", true, sig(List.of(), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(false)));
    type(p, "PB", pb);
    Type.Struct bs = new Type.Struct();
    bs.fields.add(new Type.FieldT("N", Type.INT, false));
    Type.Named b = new Type.Named("testing.B", bs);
    type(p, "B", b);
    NativeFn none = pure((m, g, f, a) -> {});
    for (String n : List.of("ResetTimer", "StartTimer", "StopTimer", "ReportAllocs", "Helper", "FailNow", "SkipNow", "Fail")) {
      method(b, n, true, sig(List.of(), List.of()), none);
    }
    for (String n : List.of("Log", "Error", "Fatal", "Skip")) method(b, n, true, vsig(List.of(anyS), List.of()), none);
    for (String n : List.of("Logf", "Errorf", "Fatalf", "Skipf")) method(b, n, true, vsig(List.of(Type.STRING, anyS), List.of()), none);
    method(b, "SetBytes", true, sig(List.of(Type.INT64), List.of()), none);
    method(b, "SetParallelism", true, sig(List.of(Type.INT), List.of()), none);
    method(b, "ReportMetric", true, sig(List.of(Type.FLOAT64, Type.STRING), List.of()), none);
    method(b, "Name", true, sig(List.of(), List.of(Type.STRING)), pure((m, g, f, a) -> f.push("Benchmark")));
    method(b, "Failed", true, sig(List.of(), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(false)));
    method(b, "Cleanup", true, sig(List.of(sig(List.of(), List.of())), List.of()), none);
    method(b, "Run", true, sig(List.of(Type.STRING, sig(List.of(new Type.Pointer(b)), List.of())), List.of(Type.BOOL)),
        pure((m, g, f, a) -> f.push(true)));
    method(b, "RunParallel", true, sig(List.of(sig(List.of(new Type.Pointer(pb)), List.of())), List.of()), none);
    Type.Interface tb = new Type.Interface();
    for (String n : List.of("Helper", "FailNow", "SkipNow", "Fail")) tb.methods.put(n, sig(List.of(), List.of()));
    for (String n : List.of("Log", "Error", "Fatal", "Skip")) tb.methods.put(n, vsig(List.of(anyS), List.of()));
    for (String n : List.of("Logf", "Errorf", "Fatalf", "Skipf")) tb.methods.put(n, vsig(List.of(Type.STRING, anyS), List.of()));
    tb.methods.put("Name", sig(List.of(), List.of(Type.STRING)));
    tb.methods.put("Failed", sig(List.of(), List.of(Type.BOOL)));
    tb.methods.put("Cleanup", sig(List.of(sig(List.of(), List.of())), List.of()));
    type(p, "TB", new Type.Named("testing.TB", tb));
  }

  static String indent(String s) {
    return s.isEmpty() ? "" : s.replaceAll("(?m)^", "    ");
  }

  static void tlog(Machine m, G g, TVal t, String msg) {
    if (!msg.endsWith("\n")) msg += "\n";
    List<Machine.StackLine> st = m.stack(g);
    int line = st.isEmpty() ? 0 : st.get(0).line();
    String file = st.isEmpty() ? "?" : st.get(0).file();
    file = file.substring(file.lastIndexOf('/') + 1);
    if (t.finished) {
      m.fatal(g, "panic: Log in goroutine after " + t.name + " has completed: " + msg.strip(), false);
    }
    t.log.append("    ").append(file).append(":").append(line).append(": ").append(msg);
  }

  /**
   * go.uber.org/goleak's VerifyTestMain(m, options...): runs the tests, then the leak check (the one every run of a
   * test file ends with here: goroutines still alive after a grace period are reported), then os.Exit. Options are
   * accepted and not modelled (no constructor of them is).
   */
  static void registerGoleak() {
    String p = "go.uber.org/goleak";
    Type.Named option = new Type.Named("goleak.Option", new Type.Opaque("goleak.Option", () -> null, false));
    type(p, "Option", option);
    // VerifyNone(t, options...) at the end of a test: the leak check every run ends with (after the same grace
    // period goleak's retries give) reports what it would; the options below narrow that check.
    Type anyS = new Type.Slice(EMPTY_IFACE);
    Type.Interface tt = new Type.Interface();
    tt.methods.put("Error", vsig(List.of(anyS), List.of()));
    Type.Named testingT = new Type.Named("goleak.TestingT", tt);
    type(p, "TestingT", testingT);
    fn(p, "VerifyNone", vsig(List.of(testingT, new Type.Slice(option)), List.of()), (m, g, f, a) -> {});
    // IgnoreCurrent(): the goroutines alive when it is called are not leaks
    fn(p, "IgnoreCurrent", sig(List.of(), List.of(option)), pure((m, g, f, a) -> {
      for (G x : m.all) if (x.state != G.DONE) x.leakIgnored = true;
      f.push(null);
    }));
    // IgnoreTopFunction(name): a goroutine whose innermost function is name is not a leak
    fn(p, "IgnoreTopFunction", sig(List.of(Type.STRING), List.of(option)), pure((m, g, f, a) -> {
      m.leakIgnoredTops.add((String) a[0]);
      f.push(null);
    }));
    fn(p, "VerifyTestMain", vsig(List.of(new Type.Pointer(TESTING_M), new Type.Slice(option)), List.of()), (m, g, f, a) -> {
      ((MVal) a[0]).ran = true;
      Frame nf = new Frame(VERIFY_TEST_MAIN, null);
      nf.caller = f;
      nf.discard = true;
      g.frame = nf;
    });
  }

  /** goleak.VerifyTestMain: m.Run, then the leak check and exit with m.Run's code (main ends here). */
  static final FuncCode VERIFY_TEST_MAIN = new FuncCode("<goleak.VerifyTestMain>", "goleak.go");

  static {
    VERIFY_TEST_MAIN.code = new FuncCode.Ins[] {
      new FuncCode.Ins((m, g, f) -> runTests(m, g, f, true), 0, false, null),
      new FuncCode.Ins((m, g, f) -> exitAfterTests(m, g), 0, false, null)
    };
  }

  /**
   * os.Exit on the main goroutine after the tests ran (TestMain's os.Exit(m.Run())): the run ends with that exit code
   * and, as for a test file without TestMain, the leak check after a grace period (goleak.VerifyTestMain's check).
   * False when it is a plain os.Exit.
   */
  static boolean exitAfterTests(Machine m, G g, int code) {
    if (g != m.main || m.testRoot == null || !m.testRoot.finished) return false;
    m.exitCode = code;
    exitAfterTests(m, g);
    return true;
  }

  private static void exitAfterTests(Machine m, G g) {
    g.frame = null;
    m.finishG(g);
  }

  /** Test-runner mode: init (or m.Run of TestMain) calls the runner, which returns the exit code. */
  static void runTests(Machine m, G g, Frame f, boolean discard) {
    Frame nf = new Frame(m.prog.testRunner, null);
    nf.caller = f;
    nf.discard = discard;
    g.frame = nf;
  }

  /**
   * go test's runTests: every TestXxx selected by the machine's test filter, in order, as subtests of a root test; then
   * (the root's function returned) the ones that called t.Parallel, at most -parallel at once; then PASS or FAIL.
   */
  static FuncCode testRunner(Compiler c, Program prog) {
    List<String> tests = new ArrayList<>(prog.tests);
    List<FuncCode> codes = new ArrayList<>();
    for (String t : tests) codes.add(c.funcNamed(t));
    FuncCode fc = new FuncCode("<testing.(*M).Run>", prog.file);
    fc.nLocals = 1;
    fc.resultSlots = new int[] {0};
    fc.code = new FuncCode.Ins[] {
      new FuncCode.Ins((m, g, f) -> {
        m.testIndex = 0;
        TVal root = new TVal("");
        root.tail = f;
        m.testRoot = root;
        m.testCtx = new TestContext(2); // -parallel defaults to GOMAXPROCS, which runtime.GOMAXPROCS gives as 2
      }, 0, false, null),
      new FuncCode.Ins((m, g, f) -> {
        // skip tests not selected by --run
        while (m.testIndex < tests.size() && m.testFilter != null && !m.testFilter.matcher(tests.get(m.testIndex)).find()) m.testIndex++;
        if (m.testIndex >= tests.size()) {
          f.pc = 3;
          return;
        }
        TVal t = new TVal(tests.get(m.testIndex));
        t.parent = m.testRoot;
        t.level = 1;
        m.print("=== RUN   " + t.name + "\n");
        startTest(m, g, f, new Closure(codes.get(m.testIndex), null), t);
      }, 0, false, null),
      new FuncCode.Ins((m, g, f) -> {
        m.testIndex++;
        f.pc = 1;
      }, 0, false, null),
      new FuncCode.Ins((m, g, f) -> {
        TVal root = m.testRoot;
        if (!waitSubtests(m, g, f, root)) return;
        boolean failed = root.failed;
        root.finished = true;
        // like go test's summary; returning (not exiting) lets the leak check look at what is left
        m.print(failed ? "FAIL\n" : "PASS\n");
        m.exitCode = failed ? 1 : 0;
        f.locals[0] = (long) m.exitCode;
      }, 0, false, null)
    };
    return fc;
  }
}
