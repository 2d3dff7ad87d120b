package dev.gocause.sim.vm;

import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.vm.Values.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import static dev.gocause.sim.vm.SyncNatives.*;
import static dev.gocause.sim.vm.AtomicNatives.*;
import static dev.gocause.sim.vm.TimeNatives.*;
import static dev.gocause.sim.vm.ContextNatives.*;
import static dev.gocause.sim.vm.ErrgroupNatives.*;
import static dev.gocause.sim.vm.LibNatives.*;
import static dev.gocause.sim.vm.TestingNatives.*;

/**
 * The registry of library models by import path, and what they share (errors, registration helpers, trampolines). Each
 * Go package is modelled in its own class: {@link SyncNatives}, {@link AtomicNatives}, {@link TimeNatives},
 * {@link ContextNatives}, {@link ErrgroupNatives}, {@link LibNatives} (fmt, errors, strings, os, runtime, log, math,
 * math/rand), {@link SortNatives} (sort), {@link TextNatives} (strconv, more of strings, unicode, unicode/utf8, bytes),
 * {@link Scan} (fmt's Sscan family), {@link TimeFormat} (time's text functions) and {@link TestingNatives}.
 */
public final class Natives {
  private Natives() {}

  /** A library function; arguments are Go values, results are pushed on the caller's frame. */
  @FunctionalInterface
  public interface NativeFn {
    void call(Machine m, G g, Frame f, Object[] args);

    /** Scheduling point? (pure helpers like strings.ToUpper are not). */
    default boolean visible() {
      return true;
    }
  }

  /** A NativeFn that touches no shared state. */
  record Pure(NativeFn fn) implements NativeFn {
    @Override public void call(Machine m, G g, Frame f, Object[] a) { fn.call(m, g, f, a); }
    @Override public boolean visible() { return false; }
  }

  public enum MKind { FUNC, CONST, VAR, TYPE }

  public record Member(MKind kind, Type type, Object value, boolean visible) {}

  /** A library call that needs compile-time help (e.g. errors.As needs the target's static type). */
  interface Special {
    Type compile(Compiler c, Ast.Call call);
  }

  private static final Map<String, Map<String, Member>> PKGS = new HashMap<>();
  private static final Map<String, Special> SPECIALS = new HashMap<>();

  static boolean knownPackage(String path) {
    return PKGS.containsKey(path);
  }

  static String implicitImport(String name) {
    return switch (name) {
      case "fmt", "errors", "strings", "strconv", "sync", "context", "time", "runtime", "os", "sort", "log", "math", "bytes", "unicode" -> name;
      case "atomic" -> "sync/atomic";
      case "utf8" -> "unicode/utf8";
      case "rand" -> "math/rand";
      case "errgroup" -> "golang.org/x/sync/errgroup";
      default -> null;
    };
  }

  static Member member(String path, String name) {
    Map<String, Member> p = PKGS.get(path);
    return p == null ? null : p.get(name);
  }

  static Special special(String qname) {
    return SPECIALS.get(qname);
  }

  static void special(String qname, Special s) {
    SPECIALS.put(qname, s);
  }

  // ---------------- common types ----------------
  public static final Type.Interface EMPTY_IFACE = new Type.Interface();
  public static final Type.Named ERROR;
  static final Type.Struct EMPTY_STRUCT = new Type.Struct();

  static {
    Type.Interface ei = new Type.Interface();
    ei.methods.put("Error", new Type.Func(List.of(), List.of(Type.STRING), false));
    ERROR = new Type.Named("error", ei);
  }

  /** An error value created by the library (errors.New, fmt.Errorf, runtime errors). */
  public static final class ErrorVal {
    public final String msg;
    public final Object wrapped; // Iface or null (fmt.Errorf %w)
    public boolean goexit;
    public boolean calledByProgram; // runtime.Goexit called by the program, not by t.FailNow or t.SkipNow
    ErrorVal(String msg, Object wrapped) {
      this.msg = msg;
      this.wrapped = wrapped;
    }
    @Override public String toString() { return msg; }
  }

  static final Type.Named ERRSTR = opaqueNamed("errors.errorString");
  static final Type.Named WRAPERR = opaqueNamed("fmt.wrapError");
  static final Type.Named RUNTIME_ERR = opaqueNamed("runtime.Error");
  static final Type.Named PLAIN_ERR = opaqueNamed("runtime.plainError");
  /** Go 1.19's dynamic types of runtime errors, which {@code %T} of a recovered value prints. */
  static final Type.Named RT_ERRSTRING = opaqueNamed("runtime.errorString");
  static final Type.Named BOUNDS_ERR = opaqueNamed("runtime.boundsError");
  static final Type.Named TYPE_ASSERT_ERR = opaqueNamed("runtime.TypeAssertionError");
  static final Type.Named CTXERR = opaqueNamed("context.deadlineExceededError");
  static final Type.Named NUMERR = opaqueNamed("strconv.NumError");

  static Type.Named opaqueNamed(String name) {
    return new Type.Named(name, new Type.Opaque(name, () -> null, false));
  }

  static {
    for (Type.Named n : List.of(ERRSTR, WRAPERR, RUNTIME_ERR, PLAIN_ERR, CTXERR, NUMERR, RT_ERRSTRING, BOUNDS_ERR,
        TYPE_ASSERT_ERR)) {
      method(n, "Error", true, sig(List.of(), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((ErrorVal) a[0]).msg)));
    }
    // context.DeadlineExceeded is a net.Error-like timeout
    method(CTXERR, "Timeout", true, sig(List.of(), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(true)));
    method(CTXERR, "Temporary", true, sig(List.of(), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(true)));
    method(WRAPERR, "Unwrap", true, sig(List.of(), List.of(ERROR)), pure((m, g, f, a) -> f.push(((ErrorVal) a[0]).wrapped)));
    method(RUNTIME_ERR, "RuntimeError", true, sig(List.of(), List.of()), pure((m, g, f, a) -> {}));
    // runtime.plainError ("send on closed channel", "assignment to entry in nil map", ...) is a runtime.Error too
    for (Type.Named n : List.of(PLAIN_ERR, RT_ERRSTRING, BOUNDS_ERR, TYPE_ASSERT_ERR)) {
      method(n, "RuntimeError", true, sig(List.of(), List.of()), pure((m, g, f, a) -> {}));
    }
  }

  static Object newError(String msg) {
    return new Iface(new Type.Pointer(ERRSTR), new ErrorVal(msg, null));
  }

  /** A runtime error as Go raises it: a runtime.boundsError for indexes and slices, else a runtime.errorString. */
  public static Object runtimeError(String msg) {
    boolean bounds = msg.startsWith("index out of range") || msg.startsWith("slice bounds out of range");
    return new Iface(bounds ? BOUNDS_ERR : RT_ERRSTRING, new ErrorVal("runtime error: " + msg, null));
  }

  /** A failed type assertion: a *runtime.TypeAssertionError, whose text has no "runtime error: " prefix. */
  static Object typeAssertionError(String msg) {
    return new Iface(new Type.Pointer(TYPE_ASSERT_ERR), new ErrorVal(msg, null));
  }

  public static Object plainError(String msg) {
    return new Iface(PLAIN_ERR, new ErrorVal(msg, null));
  }

  /**
   * What panic(nil) raises. Go 1.19 (before 1.21's *runtime.PanicNilError) panics with nil itself: recover returns nil
   * and an unrecovered one prints "panic: nil". A marker, because a null panic value means "no panic" here.
   */
  static final Object NIL_PANIC = new Iface(RUNTIME_ERR, new ErrorVal("nil", null));

  static Object nilPanic() {
    return NIL_PANIC;
  }

  static final Object CANCELED = newError("context canceled");
  static final Object DEADLINE_EXCEEDED = new Iface(CTXERR, new ErrorVal("context deadline exceeded", null));

  /** Text after "panic: " as Go prints it. */
  static String panicText(Machine m, G g, Object v) {
    if (v instanceof Iface i) {
      String s;
      if (i.v instanceof ErrorVal ev) {
        s = ev.msg;
        if (i.t == RT_ERRSTRING && ev.msg.contains("nil pointer dereference")) {
          s += "\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]";
        }
        if (i.t == ERRSTR || (i.t instanceof Type.Pointer p && p.elem == ERRSTR)) return s;
        return s;
      }
      if (Ops.findMethod(i.t, "Error") != null) return Fmt.callString(m, g, i, "Error");
      if (i.t.underlying() instanceof Type.Basic b) {
        String val = Fmt.format(m, g, i.v, i.t, 'v');
        if (i.t instanceof Type.Named) return i.t.str() + "(" + (b.isString() ? Fmt.quote(val) : val) + ")";
        if (b.isString()) return val;
        return val;
      }
      if (Ops.findMethod(i.t, "String") != null) return Fmt.callString(m, g, i, "String");
      return "(" + i.t.str() + ") " + Fmt.format(m, g, i.v, i.t, 'v');
    }
    return "nil";
  }

  // ---------------- registration helpers ----------------
  static NativeFn pure(NativeFn f) {
    return new Pure(f);
  }

  /**
   * A method of a library value with internal state (bytes.Buffer, strings.Builder): it reads or writes that state
   * where the race detector sees the fields of the value (its receiver, args[0]), then does what fn does.
   */
  static NativeFn touching(boolean write, String var, NativeFn fn) {
    return pure((m, g, f, a) -> {
      if (a[0] instanceof Shadowed s) {
        if (write) m.write(g, s.shadow(), a[0], var);
        else m.read(g, s.shadow(), a[0], var);
      }
      fn.call(m, g, f, a);
    });
  }

  /** A library value whose internal state has one race-detector shadow. */
  interface Shadowed {
    Machine.Shadow shadow();
  }

  static Type.Func sig(List<Type> params, List<Type> results) {
    return new Type.Func(params, results, false);
  }

  static Type.Func vsig(List<Type> params, List<Type> results) {
    return new Type.Func(params, results, true);
  }

  static void method(Type.Named t, String name, boolean ptr, Type.Func sig, NativeFn fn) {
    Type.Method m = new Type.Method(name, ptr);
    m.sig = sig;
    m.nat = fn;
    t.methods.put(name, m);
  }

  static Map<String, Member> pkg(String path) {
    return PKGS.computeIfAbsent(path, k -> new LinkedHashMap<>());
  }

  static void fn(String path, String name, Type.Func sig, NativeFn f) {
    pkg(path).put(name, new Member(MKind.FUNC, sig, f, f.visible()));
  }

  static void cnst(String path, String name, Type t, Object v) {
    pkg(path).put(name, new Member(MKind.CONST, t, v, false));
  }

  static void var(String path, String name, Type t, Object v) {
    pkg(path).put(name, new Member(MKind.VAR, t, v, false));
  }

  static void type(String path, String name, Type t) {
    pkg(path).put(name, new Member(MKind.TYPE, t, null, false));
  }

  static Object[] sliceItems(Object s) {
    SliceVal sv = (SliceVal) s;
    if (sv == null) return new Object[0];
    return Arrays.copyOfRange(sv.arr.a, sv.off, sv.off + sv.len);
  }

  static SliceVal sliceOf(Object[] items) {
    return new SliceVal(new ArrayVal(items), 0, items.length, items.length);
  }

  /** A tiny frame that calls a library function as the body of a goroutine (go wg.Wait()). */
  static FuncCode trampoline(Closure c, Object[] args, String file) {
    FuncCode fc = new FuncCode(c.name(), file);
    Object[] full;
    if (c.recv != Values.NO_RECV) {
      full = new Object[args.length + 1];
      full[0] = c.recv;
      System.arraycopy(args, 0, full, 1, args.length);
    } else {
      full = args;
    }
    NativeFn nf = c.nat;
    fc.code = new FuncCode.Ins[] {
      new FuncCode.Ins((m, g, f) -> {
        int pcBefore = f.pc;
        nf.call(m, g, f, full);
        if (f.pc < pcBefore) return;
        f.sp = 0;
      }, 0, true, c.name()),
      new FuncCode.Ins((m, g, f) -> m.ret(g, f), 0, false, null)
    };
    return fc;
  }

  /** Builtins used in go/defer statements become native closures. */
  static NativeFn builtinAsFunc(String name, Compiler c, Ast.Call call) {
    switch (name) {
      case "close":
        return (m, g, f, a) -> m.close(g, (Machine.Chan) a[0]);
      case "panic":
        return (m, g, f, a) -> {
          throw new Machine.GoPanic(a[0] == null ? nilPanic() : a[0]);
        };
      case "print":
      case "println":
        return (m, g, f, a) -> m.print(Fmt.printBuiltin(a, name.equals("println")));
      case "recover":
        return (m, g, f, a) -> m.recover(g, f);
      default:
        throw c.unsupported(call, name + " in go/defer statement");
    }
  }

  static {
    SyncNatives.registerSync();
    OnceFuncNatives.register();
    ReflectNatives.register();
    AtomicNatives.registerAtomic();
    TimeNatives.registerTime();
    ContextNatives.registerContext();
    ErrgroupNatives.registerErrgroup();
    LibNatives.registerMisc();
    TestingNatives.registerTesting();
    IoNatives.registerIo();
    SignalNatives.registerSignals();
    ListNatives.registerList();
  }
}
