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
  static final class TVal {
    final String name;
    boolean failed;
    boolean skipped;
    boolean finished;
    final StringBuilder log = new StringBuilder();
    final List<Closure> cleanups = new ArrayList<>();
    TVal(String name) { this.name = name; }
  }

  static final Type.Named TESTING_T = new Type.Named("testing.T", new Type.Opaque("testing.T", () -> new TVal("?"), false));

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
    method(TESTING_T, "Parallel", true, sig(List.of(), List.of()), pure((m, g, f, a) -> {}));
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
      TVal sub = new TVal(parent.name + "/" + ((String) a[1]).replace(' ', '_'));
      // run the subtest synchronously on this goroutine's stack (sequential subtests)
      m.call(g, f, (Closure) a[2], new Object[] {sub});
      Frame nf = g.frame;
      nf.discard = true;
      nf.endsGoexit = true;
      nf.onReturn = () -> {
        sub.finished = true;
        if (sub.failed) parent.failed = true;
        m.print((sub.failed ? "    --- FAIL: " : "    --- PASS: ") + sub.name + " (0.00s)\n" + indent(sub.log.toString()));
        f.push(!sub.failed);
      };
    });
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

  /** Test-runner mode: init calls every TestXxx (selected by the machine's test filter) in order. */
  static void emitTestRunner(Compiler c, Program prog) {
    List<String> tests = new ArrayList<>(prog.tests);
    List<FuncCode> codes = new ArrayList<>();
    for (String t : tests) codes.add(c.funcNamed(t));
    c.emitRaw((m, g, f) -> {
      m.testIndex = 0;
      m.testsFailed = 0;
    });
    int loopPc = c.currentFn().code.building.size();
    c.emitRaw((m, g, f) -> {
      // skip tests not selected by --run
      while (m.testIndex < tests.size() && m.testFilter != null && !m.testFilter.matcher(tests.get(m.testIndex)).find()) m.testIndex++;
      if (m.testIndex >= tests.size()) {
        // like go test's summary; returning (not exiting) lets the leak check look at what is left
        m.print(m.testsFailed > 0 ? "FAIL\n" : "PASS\n");
        m.exitCode = m.testsFailed > 0 ? 1 : 0;
        f.pc = f.fn.code.length;
        return;
      }
      TVal t = new TVal(tests.get(m.testIndex));
      m.currentTest = t;
      m.print("=== RUN   " + t.name + "\n");
      Frame nf = m.enter(new Closure(codes.get(m.testIndex), null), new Object[] {t});
      nf.caller = f;
      nf.discard = true;
      g.frame = nf;
    });
    c.emitRaw((m, g, f) -> {
      TVal t = m.currentTest;
      for (int i = t.cleanups.size() - 1; i >= 0; i--) m.callSync(g, t.cleanups.get(i), new Object[0]);
      t.finished = true;
      if (t.failed) m.testsFailed++;
      m.print((t.failed ? "--- FAIL: " : t.skipped ? "--- SKIP: " : "--- PASS: ") + t.name + " (0.00s)\n" + t.log);
      m.testIndex++;
      f.pc = loopPc;
    });
  }
}
