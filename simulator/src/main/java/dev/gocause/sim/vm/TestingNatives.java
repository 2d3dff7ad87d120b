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
    boolean finished;
    final StringBuilder log = new StringBuilder();
    final List<Closure> cleanups = new ArrayList<>();
    TVal(String name) { this.name = name; }
  }

  static final Type.Named TESTING_T = new Type.Named("testing.T", new Type.Opaque("testing.T", () -> new TVal("?"), false));

  static void registerTesting() {
    String p = "testing";
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
    method(TESTING_T, "Fatal", true, vsig(List.of(anyS), List.of()), fatal);
    method(TESTING_T, "Fatalf", true, vsig(List.of(Type.STRING, anyS), List.of()), fatal);
    method(TESTING_T, "FailNow", true, sig(List.of(), List.of()), (m, g, f, a) -> fatal.call(m, g, f, new Object[] {a[0], null}));
    method(TESTING_T, "Fail", true, sig(List.of(), List.of()), (m, g, f, a) -> ((TVal) a[0]).failed = true);
    method(TESTING_T, "Failed", true, sig(List.of(), List.of(Type.BOOL)), (m, g, f, a) -> f.push(((TVal) a[0]).failed));
    method(TESTING_T, "Helper", true, sig(List.of(), List.of()), pure((m, g, f, a) -> {}));
    method(TESTING_T, "Parallel", true, sig(List.of(), List.of()), pure((m, g, f, a) -> {}));
    method(TESTING_T, "Name", true, sig(List.of(), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((TVal) a[0]).name)));
    method(TESTING_T, "Cleanup", true, sig(List.of(sig(List.of(), List.of())), List.of()), pure((m, g, f, a) -> ((TVal) a[0]).cleanups.add((Closure) a[1])));
    Type tptr = new Type.Pointer(TESTING_T);
    method(TESTING_T, "Run", true, sig(List.of(Type.STRING, sig(List.of(tptr), List.of())), List.of(Type.BOOL)), (m, g, f, a) -> {
      TVal parent = (TVal) a[0];
      TVal sub = new TVal(parent.name + "/" + ((String) a[1]).replace(' ', '_'));
      // run the subtest synchronously on this goroutine's stack (sequential subtests)
      m.call(g, f, (Closure) a[2], new Object[] {sub});
      Frame nf = g.frame;
      nf.discard = true;
      nf.onReturn = () -> {
        sub.finished = true;
        if (sub.failed) parent.failed = true;
        m.print((sub.failed ? "    --- FAIL: " : "    --- PASS: ") + sub.name + " (0.00s)\n" + indent(sub.log.toString()));
        f.push(!sub.failed);
      };
    });
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
      m.print((t.failed ? "--- FAIL: " : "--- PASS: ") + t.name + " (0.00s)\n" + t.log);
      m.testIndex++;
      f.pc = loopPc;
    });
  }
}
