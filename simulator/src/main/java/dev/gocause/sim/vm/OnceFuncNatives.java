package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.fn;
import static dev.gocause.sim.vm.Natives.sig;

import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.vm.Values.Box;
import dev.gocause.sim.vm.Values.Closure;
import java.util.List;

/**
 * sync.OnceFunc, OnceValue and OnceValues (Go 1.21; Go 1.19 has none of them): a function that calls f once, every
 * caller waiting for that first call and then returning its results; if f panicked, every call panics with the same
 * value. OnceValue and OnceValues are generic: their result type comes from f's at compile time.
 */
final class OnceFuncNatives {
  private OnceFuncNatives() {}

  /** One OnceFunc's state: like a sync.Once plus f's results or panic value. */
  static final class State {
    final Closure f;
    boolean done;
    G running;
    int[] vc;
    Object[] results;
    boolean panicked;
    Object panicVal;
    State(Closure f) {
      this.f = f;
    }
  }

  static void register() {
    Type.Func v = sig(List.of(), List.of());
    fn("sync", "OnceFunc", sig(List.of(v), List.of(v)), (m, g, f, a) -> f.push(wrap((Closure) a[0], "sync.OnceFunc.func1")));
    // the member's signature stands for the generic one; calls compile through the special below
    Type.Func anyFn = sig(List.of(), List.of(Natives.EMPTY_IFACE));
    fn("sync", "OnceValue", sig(List.of(anyFn), List.of(anyFn)), (m, g, f, a) -> f.push(wrap((Closure) a[0], "sync.OnceValue.func1")));
    fn("sync", "OnceValues", sig(List.of(anyFn), List.of(anyFn)), (m, g, f, a) -> f.push(wrap((Closure) a[0], "sync.OnceValues.func1")));
    Natives.special("sync.OnceValue", (c, call) -> compileGeneric(c, call, "sync.OnceValue", 1));
    Natives.special("sync.OnceValues", (c, call) -> compileGeneric(c, call, "sync.OnceValues", 2));
  }

  /** OnceValue[T](f func() T) func() T, OnceValues[T1, T2](f func() (T1, T2)) func() (T1, T2). */
  private static Type compileGeneric(Compiler c, Ast.Call call, String name, int results) {
    if (call.args.size() != 1) throw c.err(call, "wrong argument count in call to " + name);
    Type t = c.expr(call.args.get(0), null, false);
    if (!(t != null && t.underlying() instanceof Type.Func ft) || !ft.params.isEmpty() || ft.results.size() != results) {
      throw c.err(call, "in call to " + name + ", the argument must be a func() with " + results + " result" + (results == 1 ? "" : "s")
          + (t == null ? "" : ", not " + t.str()));
    }
    c.line = call.line;
    String fname = name + ".func1";
    c.emit((m, g, f) -> f.push(wrap((Closure) f.pop(), fname)));
    return new Type.Func(List.of(), ft.results, false);
  }

  private static Closure wrap(Closure userFn, String name) {
    if (userFn == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
    return new Closure(null, null, new State(userFn), OnceFuncNatives::call, name);
  }

  /** A call of the returned function (a[0] is its state). */
  private static void call(Machine m, G g, Frame f, Object[] a) {
    State s = (State) a[0];
    if (s.done) {
      m.acquire(g, s.vc);
      if (s.panicked) throw new Machine.GoPanic(s.panicVal);
      for (Object r : s.results) f.push(r);
      return;
    }
    if (s.running != null) {
      // later callers (and a recursive call, which never returns, as in Go) wait for the first
      m.waitOn(g, f, "semacquire", s);
      return;
    }
    s.running = g;
    if (s.f.nat != null) {
      // a library function: runs to completion here
      s.results = m.callSync(g, s.f, new Object[0]);
      finish(m, g, s);
      for (Object r : s.results) f.push(r);
      return;
    }
    Frame[] callee = new Frame[1];
    callee[0] = m.callWithHook(g, f, s.f, new Object[0], () -> {
      if (g.panicking) {
        s.panicked = true;
        s.panicVal = g.panicVal;
        s.results = new Object[0];
      } else {
        Frame done = callee[0];
        int[] slots = done.fn.resultSlots;
        boolean[] boxed = done.fn.boxedResults;
        s.results = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
          Object v = done.locals[slots[i]];
          s.results[i] = boxed != null && boxed[i] && v instanceof Box b ? b.v : v;
        }
      }
      finish(m, g, s);
    });
    callee[0].discard = false; // the first caller gets the results as from a plain call
  }

  private static void finish(Machine m, G g, State s) {
    s.done = true;
    s.running = null;
    s.vc = m.release(g, s.vc);
    m.wakeAll(s);
  }
}
