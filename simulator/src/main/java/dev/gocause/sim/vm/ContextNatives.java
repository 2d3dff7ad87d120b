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
import static dev.gocause.sim.vm.ErrgroupNatives.*;
import static dev.gocause.sim.vm.LibNatives.*;
import static dev.gocause.sim.vm.TestingNatives.*;

/** Library model of context: Background, TODO, WithCancel, WithTimeout, WithDeadline, WithValue and their errors. Registered by import path from {@link Natives}. */
final class ContextNatives {
  private ContextNatives() {}

  // ---------------- context ----------------
  static final class CtxVal {
    final CtxVal parent;
    final String kind;
    Machine.Chan done;
    Object err;
    final List<CtxVal> children = new ArrayList<>();
    Object key;
    Object val;
    long deadline = Long.MIN_VALUE;
    Machine.Timer timer;
    /** The parent when the program implements it (parent is then null): Value, Deadline, Done, Err and String ask it. */
    Object prog;
    /** The cancelable context whose cancellation cancels this one (Go's parentCancelCtx), set when made. */
    CtxVal cancelParent;
    CtxVal(CtxVal parent, String kind) {
      this.parent = parent;
      this.kind = kind;
    }
    boolean cancelable() {
      return kind.equals("cancel") || kind.equals("timer");
    }
  }

  /** Go's &cancelCtxKey: Value(CANCEL_KEY) of a context returns the nearest cancelCtx it wraps. */
  static final Object CANCEL_KEY = new Iface(new Type.Pointer(new Type.Named("context.cancelCtxKey", Type.INT)), new Object());

  static final Type.Named CONTEXT;
  static final Type.Named CANCEL_FUNC = new Type.Named("context.CancelFunc", sig(List.of(), List.of()));
  static final Type.Named CTX_IMPL = new Type.Named("context.cancelCtx", new Type.Opaque("context.cancelCtx", () -> null, false));
  static final Type CTX_PTR = new Type.Pointer(CTX_IMPL);
  static final CtxVal BACKGROUND = new CtxVal(null, "background");
  static final CtxVal TODO = new CtxVal(null, "todo");

  static {
    Type.Interface ci = new Type.Interface();
    ci.methods.put("Deadline", sig(List.of(), List.of(TIME, Type.BOOL)));
    ci.methods.put("Done", sig(List.of(), List.of(new Type.Chan(EMPTY_STRUCT, 2))));
    ci.methods.put("Err", sig(List.of(), List.of(ERROR)));
    ci.methods.put("Value", sig(List.of(EMPTY_IFACE), List.of(EMPTY_IFACE)));
    CONTEXT = new Type.Named("context.Context", ci);
  }

  static Machine.Chan ctxDone(Machine m, G g, CtxVal c) {
    if (c.kind.equals("background") || c.kind.equals("todo")) return null;
    if (c.kind.equals("value")) return c.prog != null ? (Machine.Chan) call(m, g, c.prog, "Done")[0] : ctxDone(m, g, c.parent);
    if (c.done == null) {
      c.done = new Machine.Chan(0, new StructVal(EMPTY_STRUCT, new Object[0]));
      for (CtxVal x = c; x != null; x = x.parent != null ? x.parent : x.cancelParent) {
        if (x.kind.equals("timer")) c.done.timer = true; // closes by itself at the deadline
      }
      if (c.err != null) c.done.closed = true;
    }
    return c.done;
  }

  static Object ctxErr(Machine m, G g, CtxVal c) {
    if (c.kind.equals("value")) return c.prog != null ? call(m, g, c.prog, "Err", new Object[0])[0] : ctxErr(m, g, c.parent);
    return c.err;
  }

  /** Calls a method of a Context the program implements (it runs to completion, as fmt calls String). */
  static Object[] call(Machine m, G g, Object ctx, String method, Object... args) {
    return m.callSync(g, (Closure) Ops.ifaceMethodValue(ctx, method), args);
  }

  /**
   * Go's propagateCancel for a parent the program implements: a parent whose Done is nil never cancels; one already
   * done cancels the child at once; otherwise Value(&cancelCtxKey) finds the cancelCtx it wraps (an embedded
   * context.Context, at any depth, by value or pointer, or a Value method that delegates), which must own the
   * parent's Done channel. Without one Go starts a goroutine watching both Done channels: not modelled, refused.
   */
  static CtxVal propagateFromProgram(Machine m, G g, CtxVal c, String constructor) {
    Object done = call(m, g, c.prog, "Done")[0];
    if (done == null) return null;
    if (((Machine.Chan) done).closed) {
      c.err = call(m, g, c.prog, "Err")[0];
      return null;
    }
    Object found = call(m, g, c.prog, "Value", CANCEL_KEY)[0];
    if (found instanceof Iface i && i.v instanceof CtxVal p && p.cancelable() && ctxDone(m, g, p) == done) return p;
    throw new Machine.Unmodelled("context." + constructor + " with a parent Context implemented by the program ("
        + ((Iface) c.prog).t.str() + ") that wraps no context of package context: Go watches such a parent from a "
        + "goroutine, which the simulator does not model");
  }

  static void cancel(Machine m, G g, CtxVal c, Object err) {
    if (c.err != null) return;
    c.err = err;
    if (c.timer != null) m.stopTimer(c.timer);
    if (c.done != null) m.closeBy(g, c.done);
    for (CtxVal ch : new ArrayList<>(c.children)) cancel(m, g, ch, err);
    c.children.clear();
    CtxVal p = c.cancelParent;
    if (p != null) p.children.remove(c);
  }

  /** The parent of a new context: a modelled one as is, one the program implements as a placeholder asking it. */
  static CtxVal ctxOf(Object iface) {
    if (iface == null) throw new Machine.GoPanic(plainError("cannot create context from nil parent"));
    if (((Iface) iface).v instanceof CtxVal c) return c;
    CtxVal c = new CtxVal(null, "value");
    c.prog = iface;
    return c;
  }

  static Object wrapCtx(CtxVal c) {
    return new Iface(CTX_PTR, c);
  }

  static CtxVal newCancelCtx(Machine m, G g, CtxVal parent, String kind) {
    CtxVal c = new CtxVal(parent, kind);
    CtxVal p = null;
    for (CtxVal x = parent; x != null; x = x.parent) {
      if (x.cancelable()) {
        p = x;
        break;
      }
      if (x.prog != null) {
        p = propagateFromProgram(m, g, x, kind.equals("timer") ? "WithDeadline" : "WithCancel");
        if (x.err != null) c.err = x.err;
        break;
      }
    }
    c.cancelParent = p;
    if (p != null) {
      if (p.err != null) {
        c.err = p.err;
      } else {
        p.children.add(c);
      }
    }
    m.alloc(80);
    return c;
  }

  static Closure cancelFunc(CtxVal c) {
    return new Closure(null, null, Values.NO_RECV, (m, g, f, a) -> cancel(m, g, c, CANCELED), "context.WithCancel.func1");
  }

  static void registerContext() {
    String p = "context";
    type(p, "Context", CONTEXT);
    type(p, "CancelFunc", CANCEL_FUNC);
    var(p, "Canceled", ERROR, CANCELED);
    var(p, "DeadlineExceeded", ERROR, DEADLINE_EXCEEDED);
    fn(p, "Background", sig(List.of(), List.of(CONTEXT)), pure((m, g, f, a) -> f.push(wrapCtx(BACKGROUND))));
    fn(p, "TODO", sig(List.of(), List.of(CONTEXT)), pure((m, g, f, a) -> f.push(wrapCtx(TODO))));
    fn(p, "WithCancel", sig(List.of(CONTEXT), List.of(CONTEXT, CANCEL_FUNC)), (m, g, f, a) -> {
      CtxVal c = newCancelCtx(m, g, ctxOf(a[0]), "cancel");
      f.push(wrapCtx(c));
      f.push(cancelFunc(c));
    });
    NativeFn withDeadline = (m, g, f, a) -> {
      CtxVal parent = ctxOf(a[0]);
      long deadline = a[1] instanceof TimeVal tv ? tv.nanos - EPOCH : m.now + (Long) a[1];
      CtxVal c = newCancelCtx(m, g, parent, "timer");
      c.deadline = deadline;
      if (c.err == null) {
        if (deadline <= m.now) cancel(m, g, c, DEADLINE_EXCEEDED);
        else c.timer = m.addTimer(deadline - m.now, 0, () -> cancel(m, null, c, DEADLINE_EXCEEDED));
      }
      f.push(wrapCtx(c));
      f.push(cancelFunc(c));
    };
    fn(p, "WithTimeout", sig(List.of(CONTEXT, DURATION), List.of(CONTEXT, CANCEL_FUNC)), withDeadline);
    fn(p, "WithDeadline", sig(List.of(CONTEXT, TIME), List.of(CONTEXT, CANCEL_FUNC)), withDeadline);
    fn(p, "WithValue", sig(List.of(CONTEXT, EMPTY_IFACE, EMPTY_IFACE), List.of(CONTEXT)), pure((m, g, f, a) -> {
      if (a[1] == null) throw new Machine.GoPanic(new Iface(Type.STRING, "nil key"));
      Type kt = ((Iface) a[1]).t.underlying();
      if (kt instanceof Type.Slice || kt instanceof Type.MapT || kt instanceof Type.Func) {
        throw new Machine.GoPanic(new Iface(Type.STRING, "key is not comparable"));
      }
      CtxVal c = new CtxVal(ctxOf(a[0]), "value");
      c.key = a[1];
      c.val = a[2];
      f.push(wrapCtx(c));
    }));
    method(CTX_IMPL, "Done", true, sig(List.of(), List.of(new Type.Chan(EMPTY_STRUCT, 2))), (m, g, f, a) -> {
      CtxVal c = (CtxVal) a[0];
      Machine.Chan d = ctxDone(m, g, c);
      f.push(d);
    });
    method(CTX_IMPL, "Err", true, sig(List.of(), List.of(ERROR)), (m, g, f, a) -> {
      CtxVal c = (CtxVal) a[0];
      Object e = ctxErr(m, g, c);
      if (e != null) {
        Machine.Chan d = ctxDone(m, g, c);
        if (d != null) m.acquire(g, d.closeVC);
      }
      f.push(e);
    });
    method(CTX_IMPL, "Value", true, sig(List.of(EMPTY_IFACE), List.of(EMPTY_IFACE)), pure((m, g, f, a) -> {
      for (CtxVal c = (CtxVal) a[0]; c != null; c = c.parent) {
        if (a[1] == CANCEL_KEY && c.cancelable()) {
          f.push(wrapCtx(c));
          return;
        }
        if (c.kind.equals("value") && c.key != null && Values.equal(c.key, a[1])) {
          f.push(c.val);
          return;
        }
        if (c.prog != null) {
          f.push(call(m, g, c.prog, "Value", a[1])[0]);
          return;
        }
      }
      f.push(null);
    }));
    method(CTX_IMPL, "Deadline", true, sig(List.of(), List.of(TIME, Type.BOOL)), pure((m, g, f, a) -> {
      for (CtxVal c = (CtxVal) a[0]; c != null; c = c.parent) {
        if (c.deadline != Long.MIN_VALUE) {
          f.push(new TimeVal(EPOCH + c.deadline));
          f.push(true);
          return;
        }
        if (c.prog != null) {
          Object[] r = call(m, g, c.prog, "Deadline");
          f.push(r[0]);
          f.push(r[1]);
          return;
        }
      }
      f.push(new TimeVal(Long.MIN_VALUE));
      f.push(false);
    }));
    method(CTX_IMPL, "String", true, sig(List.of(), List.of(Type.STRING)), pure((m, g, f, a) -> {
      f.push(contextName(m, g, (CtxVal) a[0]));
    }));
  }

  /** What Go 1.19's String methods of the context types print: the chain of constructors from the root. */
  static String contextName(Machine m, G g, CtxVal c) {
    return switch (c.kind) {
      case "background" -> "context.Background";
      case "todo" -> "context.TODO";
      case "value" -> c.prog != null ? programContextName(m, g, (Iface) c.prog) : contextName(m, g, c.parent) + ".WithValue(type " + ((Iface) c.key).t.str() + ", val " + stringify(m, g, c.val) + ")";
      case "timer" -> contextName(m, g, c.parent) + ".WithDeadline(" + TimeNatives.timeString(EPOCH + c.deadline) + " ["
          + TimeNatives.durationString(c.deadline - m.now) + "])";
      default -> c.parent == null ? "context.WithCancel" : contextName(m, g, c.parent) + ".WithCancel";
    };
  }

  /** Go's contextName of a Context the program implements: its String method, else its dynamic type. */
  private static String programContextName(Machine m, G g, Iface i) {
    Object[] found = Ops.findMethod(i.t, "String");
    if (found != null && found[0] instanceof Type.Method mm && mm.sig.params.isEmpty() && mm.sig.results.size() == 1) {
      return Fmt.callString(m, g, i, "String");
    }
    return i.t.str();
  }

  private static String stringify(Machine m, G g, Object v) {
    if (v == null) return "<nil>";
    Iface i = (Iface) v;
    if (i.v instanceof String str && i.t == Type.STRING) return str;
    if (Ops.findMethod(i.t, "String") != null) return Fmt.callString(m, g, i, "String");
    return "<not Stringer>";
  }
}
