package dev.gocause.sim.vm;

import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.vm.Values.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Library models: fmt, errors, strings, strconv, sync, sync/atomic, context, time (virtual), runtime, errgroup ... */
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
      case "fmt", "errors", "strings", "strconv", "sync", "context", "time", "runtime", "os", "sort", "log", "math" -> name;
      case "atomic" -> "sync/atomic";
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
  static final Type.Named CTXERR = opaqueNamed("context.deadlineExceededError");
  static final Type.Named NUMERR = opaqueNamed("strconv.NumError");

  private static Type.Named opaqueNamed(String name) {
    return new Type.Named(name, new Type.Opaque(name, () -> null, false));
  }

  static {
    for (Type.Named n : List.of(ERRSTR, WRAPERR, RUNTIME_ERR, PLAIN_ERR, CTXERR, NUMERR)) {
      method(n, "Error", true, sig(List.of(), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((ErrorVal) a[0]).msg)));
    }
    method(WRAPERR, "Unwrap", true, sig(List.of(), List.of(ERROR)), pure((m, g, f, a) -> f.push(((ErrorVal) a[0]).wrapped)));
    method(RUNTIME_ERR, "RuntimeError", true, sig(List.of(), List.of()), pure((m, g, f, a) -> {}));
  }

  static Object newError(String msg) {
    return new Iface(new Type.Pointer(ERRSTR), new ErrorVal(msg, null));
  }

  public static Object runtimeError(String msg) {
    return new Iface(RUNTIME_ERR, new ErrorVal("runtime error: " + msg, null));
  }

  /** A runtime.Error whose text has no "runtime error: " prefix (interface conversion ...). */
  static Object runtimeError0(String msg) {
    return new Iface(RUNTIME_ERR, new ErrorVal(msg, null));
  }

  public static Object plainError(String msg) {
    return new Iface(PLAIN_ERR, new ErrorVal(msg, null));
  }

  static Object nilPanic() {
    return new Iface(RUNTIME_ERR, new ErrorVal("panic called with nil argument (goexit=false)", null));
  }

  static final Object CANCELED = newError("context canceled");
  static final Object DEADLINE_EXCEEDED = new Iface(CTXERR, new ErrorVal("context deadline exceeded", null));

  /** Text after "panic: " as Go prints it. */
  static String panicText(Machine m, G g, Object v) {
    if (v instanceof Iface i) {
      String s;
      if (i.v instanceof ErrorVal ev) {
        s = ev.msg;
        if (i.t == RUNTIME_ERR && ev.msg.contains("nil pointer dereference")) {
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

  // ---------------- sync ----------------
  static final class MutexVal implements ValueObj {
    boolean locked;
    int[] vc;
    @Override public Object copyValue() {
      MutexVal c = new MutexVal();
      c.locked = locked;
      return c;
    }
  }

  static final class RWMutexVal implements ValueObj {
    boolean writer;
    int readers;
    int waitingWriters;
    int[] vc;
    int[] rvc;
    @Override public Object copyValue() {
      RWMutexVal c = new RWMutexVal();
      c.writer = writer;
      c.readers = readers;
      return c;
    }
  }

  static final class WaitGroupVal implements ValueObj {
    long counter;
    int[] vc;
    @Override public Object copyValue() {
      WaitGroupVal c = new WaitGroupVal();
      c.counter = counter;
      return c;
    }
  }

  static final class OnceVal implements ValueObj {
    boolean done;
    G running;
    int[] vc;
    @Override public Object copyValue() {
      OnceVal c = new OnceVal();
      c.done = done;
      return c;
    }
  }

  static final class CondState {
    final ArrayList<G> waiters = new ArrayList<>();
    int[] vc;
  }

  static final class PoolState {
    final ArrayList<Object> items = new ArrayList<>();
  }

  static final class SyncMapState {
    final LinkedHashMap<Object, Object> m = new LinkedHashMap<>();
    int[] vc;
  }

  static final Type.Named MUTEX = new Type.Named("sync.Mutex", new Type.Opaque("sync.Mutex", MutexVal::new, true));
  static final Type.Named RWMUTEX = new Type.Named("sync.RWMutex", new Type.Opaque("sync.RWMutex", RWMutexVal::new, true));
  static final Type.Named WAITGROUP = new Type.Named("sync.WaitGroup", new Type.Opaque("sync.WaitGroup", WaitGroupVal::new, true));
  static final Type.Named ONCE = new Type.Named("sync.Once", new Type.Opaque("sync.Once", OnceVal::new, true));
  static final Type.Named LOCKER;
  static final Type.Named COND;
  static final Type.Named POOL;
  static final Type.Named SYNCMAP;

  static {
    Type.Interface li = new Type.Interface();
    li.methods.put("Lock", sig(List.of(), List.of()));
    li.methods.put("Unlock", sig(List.of(), List.of()));
    LOCKER = new Type.Named("sync.Locker", li);
    Type.Struct cs = new Type.Struct();
    cs.fields.add(new Type.FieldT("L", LOCKER, false));
    cs.fields.add(new Type.FieldT("state", new Type.Opaque("sync.condState", CondState::new, false), false));
    COND = new Type.Named("sync.Cond", cs);
    Type.Struct ps = new Type.Struct();
    ps.fields.add(new Type.FieldT("New", sig(List.of(), List.of(EMPTY_IFACE)), false));
    ps.fields.add(new Type.FieldT("state", new Type.Opaque("sync.poolState", PoolState::new, false), false));
    POOL = new Type.Named("sync.Pool", ps);
    Type.Struct ms = new Type.Struct();
    ms.fields.add(new Type.FieldT("state", new Type.Opaque("sync.mapState", SyncMapState::new, false), false));
    SYNCMAP = new Type.Named("sync.Map", ms);
  }

  static void lockMutex(Machine m, G g, Frame f, MutexVal mu) {
    if (mu == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
    m.lockOrder.attempt(g, mu, false, f.line());
    if (mu.locked) {
      m.waitOn(g, f, "semacquire", mu);
      return;
    }
    mu.locked = true;
    m.acquire(g, mu.vc);
    m.lockOrder.acquired(g, mu, false, f.line());
  }

  static void unlockMutex(Machine m, G g, MutexVal mu) {
    if (mu == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
    if (!mu.locked) m.fatal(g, "sync: unlock of unlocked mutex", true);
    mu.locked = false;
    m.lockOrder.released(g, mu, false);
    mu.vc = m.release(g, mu.vc);
    m.wakeAll(mu);
  }

  static void rlock(Machine m, G g, Frame f, RWMutexVal rw) {
    if (rw == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
    m.lockOrder.attempt(g, rw, true, f.line());
    if (rw.writer || rw.waitingWriters > 0) {
      m.waitOn(g, f, "semacquire", rw);
      return;
    }
    rw.readers++;
    m.acquire(g, rw.vc);
    m.lockOrder.acquired(g, rw, true, f.line());
  }

  static void wlock(Machine m, G g, Frame f, RWMutexVal rw) {
    if (rw == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
    boolean counted = g.scratch == rw;
    m.lockOrder.attempt(g, rw, false, f.line());
    if (rw.writer || rw.readers > 0) {
      if (!counted) {
        rw.waitingWriters++; // writer preference: new readers now wait
        g.scratch = rw;
      }
      m.waitOn(g, f, "semacquire", rw);
      return;
    }
    if (counted) {
      rw.waitingWriters--;
      g.scratch = null;
    }
    rw.writer = true;
    m.acquire(g, rw.vc);
    m.acquire(g, rw.rvc);
    m.lockOrder.acquired(g, rw, false, f.line());
  }

  static void registerSync() {
    type("sync", "Mutex", MUTEX);
    type("sync", "RWMutex", RWMUTEX);
    type("sync", "WaitGroup", WAITGROUP);
    type("sync", "Once", ONCE);
    type("sync", "Cond", COND);
    type("sync", "Pool", POOL);
    type("sync", "Map", SYNCMAP);
    type("sync", "Locker", LOCKER);
    Type.Func v = sig(List.of(), List.of());
    method(MUTEX, "Lock", true, v, (m, g, f, a) -> lockMutex(m, g, f, (MutexVal) a[0]));
    method(MUTEX, "Unlock", true, v, (m, g, f, a) -> unlockMutex(m, g, (MutexVal) a[0]));
    method(MUTEX, "TryLock", true, sig(List.of(), List.of(Type.BOOL)), (m, g, f, a) -> {
      MutexVal mu = (MutexVal) a[0];
      if (mu.locked) {
        f.push(false);
        return;
      }
      mu.locked = true;
      m.acquire(g, mu.vc);
      m.lockOrder.acquired(g, mu, false, f.line());
      f.push(true);
    });
    method(RWMUTEX, "Lock", true, v, (m, g, f, a) -> wlock(m, g, f, (RWMutexVal) a[0]));
    method(RWMUTEX, "Unlock", true, v, (m, g, f, a) -> {
      RWMutexVal rw = (RWMutexVal) a[0];
      if (!rw.writer) m.fatal(g, "sync: Unlock of unlocked RWMutex", true);
      rw.writer = false;
      m.lockOrder.released(g, rw, false);
      rw.vc = m.release(g, rw.vc);
      m.wakeAll(rw);
    });
    method(RWMUTEX, "RLock", true, v, (m, g, f, a) -> rlock(m, g, f, (RWMutexVal) a[0]));
    method(RWMUTEX, "RUnlock", true, v, (m, g, f, a) -> {
      RWMutexVal rw = (RWMutexVal) a[0];
      if (rw.readers <= 0) m.fatal(g, "sync: RUnlock of unlocked RWMutex", true);
      rw.readers--;
      m.lockOrder.released(g, rw, true);
      rw.rvc = m.release(g, rw.rvc);
      if (rw.readers == 0) m.wakeAll(rw);
    });
    method(WAITGROUP, "Add", true, sig(List.of(Type.INT), List.of()), (m, g, f, a) -> wgAdd(m, g, (WaitGroupVal) a[0], (Long) a[1]));
    method(WAITGROUP, "Done", true, v, (m, g, f, a) -> wgAdd(m, g, (WaitGroupVal) a[0], -1));
    method(WAITGROUP, "Wait", true, v, (m, g, f, a) -> {
      WaitGroupVal wg = (WaitGroupVal) a[0];
      if (wg.counter > 0) {
        m.waitOn(g, f, "semacquire", wg);
        return;
      }
      m.acquire(g, wg.vc);
    });
    method(ONCE, "Do", true, sig(List.of(sig(List.of(), List.of())), List.of()), (m, g, f, a) -> {
      OnceVal o = (OnceVal) a[0];
      if (o.done) {
        m.acquire(g, o.vc);
        return;
      }
      if (o.running != null) {
        // a second Do (also a re-entrant one) waits on the Once's mutex
        m.waitOn(g, f, "semacquire", o);
        return;
      }
      o.running = g;
      m.callWithHook(g, f, (Closure) a[1], new Object[0], () -> {
        o.done = true;
        o.running = null;
        o.vc = m.release(g, o.vc);
        m.wakeAll(o);
      });
    });
    fn("sync", "NewCond", sig(List.of(LOCKER), List.of(new Type.Pointer(COND))), (m, g, f, a) -> {
      StructVal c = (StructVal) Values.zero(COND);
      c.f[0] = a[0];
      f.push(c);
    });
    method(COND, "Wait", true, v, (m, g, f, a) -> {
      StructVal c = (StructVal) a[0];
      CondState cs = (CondState) c.f[1];
      Object marker = g.scratch;
      if (marker instanceof Object[] mk && mk[0] == cs) {
        if (mk[1] == "waiting") {
          m.blockRetry(g, f, "sync.Cond.Wait", cs);
          return;
        }
        // signaled: re-acquire the lock
        Object l = ((Iface) c.f[0]).v;
        if (l instanceof MutexVal mu) {
          if (mu.locked) {
            m.waitOn(g, f, "semacquire", mu);
            return;
          }
          mu.locked = true;
          m.acquire(g, mu.vc);
          m.lockOrder.acquired(g, mu, false, f.line());
        } else if (l instanceof RWMutexVal rw) {
          wlock(m, g, f, rw);
          if (g.state != G.RUNNABLE) return;
        }
        m.acquire(g, cs.vc);
        g.scratch = null;
        return;
      }
      Object l = c.f[0] instanceof Iface li ? li.v : null;
      if (l instanceof MutexVal mu) unlockMutex(m, g, mu);
      else if (l instanceof RWMutexVal rw) {
        if (!rw.writer) m.fatal(g, "sync: Unlock of unlocked RWMutex", true);
        rw.writer = false;
        m.lockOrder.released(g, rw, false);
        rw.vc = m.release(g, rw.vc);
        m.wakeAll(rw);
      } else throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
      cs.waiters.add(g);
      g.scratch = new Object[] {cs, "waiting"};
      m.blockRetry(g, f, "sync.Cond.Wait", cs);
    });
    method(COND, "Signal", true, v, (m, g, f, a) -> {
      CondState cs = (CondState) ((StructVal) a[0]).f[1];
      cs.vc = m.release(g, cs.vc);
      if (!cs.waiters.isEmpty()) {
        G w = cs.waiters.remove(0);
        w.scratch = new Object[] {cs, "signaled"};
        m.wake(w);
      }
    });
    method(COND, "Broadcast", true, v, (m, g, f, a) -> {
      CondState cs = (CondState) ((StructVal) a[0]).f[1];
      cs.vc = m.release(g, cs.vc);
      for (G w : cs.waiters) {
        w.scratch = new Object[] {cs, "signaled"};
        m.wake(w);
      }
      cs.waiters.clear();
    });
    method(POOL, "Get", true, sig(List.of(), List.of(EMPTY_IFACE)), (m, g, f, a) -> {
      StructVal p = (StructVal) a[0];
      PoolState ps = (PoolState) p.f[1];
      if (!ps.items.isEmpty()) {
        f.push(ps.items.remove(ps.items.size() - 1));
        return;
      }
      Closure nf = (Closure) p.f[0];
      if (nf == null) {
        f.push(null);
        return;
      }
      m.call(g, f, nf, new Object[0]);
    });
    method(POOL, "Put", true, sig(List.of(EMPTY_IFACE), List.of()), (m, g, f, a) -> {
      PoolState ps = (PoolState) ((StructVal) a[0]).f[1];
      if (a[1] != null) ps.items.add(a[1]);
    });
    Type.Func kv = sig(List.of(EMPTY_IFACE), List.of(EMPTY_IFACE, Type.BOOL));
    method(SYNCMAP, "Load", true, kv, (m, g, f, a) -> {
      SyncMapState s = (SyncMapState) ((StructVal) a[0]).f[0];
      m.acquire(g, s.vc);
      Object k = Values.key(a[1]);
      f.push(s.m.get(k));
      f.push(s.m.containsKey(k));
    });
    method(SYNCMAP, "Store", true, sig(List.of(EMPTY_IFACE, EMPTY_IFACE), List.of()), (m, g, f, a) -> {
      SyncMapState s = (SyncMapState) ((StructVal) a[0]).f[0];
      s.vc = m.release(g, s.vc);
      s.m.put(Values.key(a[1]), a[2]);
    });
    method(SYNCMAP, "LoadOrStore", true, sig(List.of(EMPTY_IFACE, EMPTY_IFACE), List.of(EMPTY_IFACE, Type.BOOL)), (m, g, f, a) -> {
      SyncMapState s = (SyncMapState) ((StructVal) a[0]).f[0];
      m.acquire(g, s.vc);
      s.vc = m.release(g, s.vc);
      Object k = Values.key(a[1]);
      if (s.m.containsKey(k)) {
        f.push(s.m.get(k));
        f.push(true);
      } else {
        s.m.put(k, a[2]);
        f.push(a[2]);
        f.push(false);
      }
    });
    method(SYNCMAP, "Delete", true, sig(List.of(EMPTY_IFACE), List.of()), (m, g, f, a) -> {
      SyncMapState s = (SyncMapState) ((StructVal) a[0]).f[0];
      s.vc = m.release(g, s.vc);
      s.m.remove(Values.key(a[1]));
    });
    method(SYNCMAP, "Range", true, sig(List.of(sig(List.of(EMPTY_IFACE, EMPTY_IFACE), List.of(Type.BOOL))), List.of()), (m, g, f, a) -> {
      SyncMapState s = (SyncMapState) ((StructVal) a[0]).f[0];
      m.acquire(g, s.vc);
      for (Map.Entry<Object, Object> e : new ArrayList<>(s.m.entrySet())) {
        Object[] r = m.callSync(g, (Closure) a[1], new Object[] {Values.unkey(e.getKey()), e.getValue()});
        if (r.length > 0 && Boolean.FALSE.equals(r[0])) break;
      }
    });
  }

  static void wgAdd(Machine m, G g, WaitGroupVal wg, long d) {
    if (wg == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
    if (d < 0) wg.vc = m.release(g, wg.vc);
    wg.counter += d;
    if (wg.counter < 0) throw new Machine.GoPanic(plainError("sync: negative WaitGroup counter"));
    if (wg.counter == 0) m.wakeAll(wg);
  }

  // ---------------- sync/atomic ----------------
  static final Map<Object, int[]> ATOMIC_DUMMY = new HashMap<>();

  static final class AtomicVal implements ValueObj {
    Object v;
    int[] vc;
    AtomicVal(Object v) { this.v = v; }
    @Override public Object copyValue() { return new AtomicVal(v); }
  }

  static final Type.Named A_INT64 = new Type.Named("atomic.Int64", new Type.Opaque("atomic.Int64", () -> new AtomicVal(0L), true));
  static final Type.Named A_INT32 = new Type.Named("atomic.Int32", new Type.Opaque("atomic.Int32", () -> new AtomicVal(0L), true));
  static final Type.Named A_BOOL = new Type.Named("atomic.Bool", new Type.Opaque("atomic.Bool", () -> new AtomicVal(false), true));
  static final Type.Named A_VALUE = new Type.Named("atomic.Value", new Type.Opaque("atomic.Value", () -> new AtomicVal(null), true));

  /** Atomic ops synchronize through a clock kept per location (Go's race detector treats them as sync). */
  static int[] atomicClock(Machine m, G g, Object loc, boolean isWrite) {
    Map<Object, int[]> clocks = m.atomicClocks;
    Object k = new IdKeyPublic(loc instanceof FieldRef fr ? fr.s() : loc instanceof ElemRef er ? er.arr() : loc,
        loc instanceof FieldRef fr2 ? fr2.i() : loc instanceof ElemRef er2 ? er2.i() : -1);
    int[] vc = clocks.get(k);
    m.acquire(g, vc);
    if (isWrite) clocks.put(k, m.release(g, vc));
    return vc;
  }

  record IdKeyPublic(Object o, int i) {
    @Override public boolean equals(Object x) { return x instanceof IdKeyPublic k && k.o == o && k.i == i; }
    @Override public int hashCode() { return System.identityHashCode(o) * 31 + i; }
  }

  static void registerAtomic() {
    String p = "sync/atomic";
    for (String bits : List.of("32", "64")) {
      Type it = bits.equals("32") ? Type.INT32 : Type.INT64;
      Type pt = new Type.Pointer(it);
      Type.BKind k = bits.equals("32") ? Type.BKind.INT32 : Type.BKind.INT64;
      fn(p, "AddInt" + bits, sig(List.of(pt, it), List.of(it)), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        atomicClock(m, g, r, true);
        long nv = Ops.wrap(k, (Long) r.load() + (Long) a[1]);
        r.store(nv);
        f.push(nv);
      });
      fn(p, "LoadInt" + bits, sig(List.of(pt), List.of(it)), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        atomicClock(m, g, r, false);
        f.push(r.load());
      });
      fn(p, "StoreInt" + bits, sig(List.of(pt, it), List.of()), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        atomicClock(m, g, r, true);
        r.store(a[1]);
      });
      fn(p, "SwapInt" + bits, sig(List.of(pt, it), List.of(it)), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        atomicClock(m, g, r, true);
        f.push(r.load());
        r.store(a[1]);
      });
      fn(p, "CompareAndSwapInt" + bits, sig(List.of(pt, it, it), List.of(Type.BOOL)), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        atomicClock(m, g, r, true);
        boolean ok = ((Long) r.load()).longValue() == (Long) a[1];
        if (ok) r.store(a[2]);
        f.push(ok);
      });
    }
    type(p, "Int64", A_INT64);
    type(p, "Int32", A_INT32);
    type(p, "Bool", A_BOOL);
    type(p, "Value", A_VALUE);
    for (Type.Named t : List.of(A_INT64, A_INT32)) {
      Type it = t == A_INT64 ? Type.INT64 : Type.INT32;
      Type.BKind k = t == A_INT64 ? Type.BKind.INT64 : Type.BKind.INT32;
      method(t, "Add", true, sig(List.of(it), List.of(it)), (m, g, f, a) -> {
        AtomicVal av = (AtomicVal) a[0];
        atomicClock(m, g, av, true);
        av.v = Ops.wrap(k, (Long) av.v + (Long) a[1]);
        f.push(av.v);
      });
      method(t, "Load", true, sig(List.of(), List.of(it)), (m, g, f, a) -> {
        AtomicVal av = (AtomicVal) a[0];
        atomicClock(m, g, av, false);
        f.push(av.v);
      });
      method(t, "Store", true, sig(List.of(it), List.of()), (m, g, f, a) -> {
        AtomicVal av = (AtomicVal) a[0];
        atomicClock(m, g, av, true);
        av.v = a[1];
      });
      method(t, "Swap", true, sig(List.of(it), List.of(it)), (m, g, f, a) -> {
        AtomicVal av = (AtomicVal) a[0];
        atomicClock(m, g, av, true);
        f.push(av.v);
        av.v = a[1];
      });
      method(t, "CompareAndSwap", true, sig(List.of(it, it), List.of(Type.BOOL)), (m, g, f, a) -> {
        AtomicVal av = (AtomicVal) a[0];
        atomicClock(m, g, av, true);
        boolean ok = ((Long) av.v).longValue() == (Long) a[1];
        if (ok) av.v = a[2];
        f.push(ok);
      });
    }
    method(A_BOOL, "Load", true, sig(List.of(), List.of(Type.BOOL)), (m, g, f, a) -> {
      AtomicVal av = (AtomicVal) a[0];
      atomicClock(m, g, av, false);
      f.push(av.v);
    });
    method(A_BOOL, "Store", true, sig(List.of(Type.BOOL), List.of()), (m, g, f, a) -> {
      AtomicVal av = (AtomicVal) a[0];
      atomicClock(m, g, av, true);
      av.v = a[1];
    });
    method(A_BOOL, "CompareAndSwap", true, sig(List.of(Type.BOOL, Type.BOOL), List.of(Type.BOOL)), (m, g, f, a) -> {
      AtomicVal av = (AtomicVal) a[0];
      atomicClock(m, g, av, true);
      boolean ok = av.v.equals(a[1]);
      if (ok) av.v = a[2];
      f.push(ok);
    });
    method(A_VALUE, "Load", true, sig(List.of(), List.of(EMPTY_IFACE)), (m, g, f, a) -> {
      AtomicVal av = (AtomicVal) a[0];
      atomicClock(m, g, av, false);
      f.push(av.v);
    });
    method(A_VALUE, "Store", true, sig(List.of(EMPTY_IFACE), List.of()), (m, g, f, a) -> {
      AtomicVal av = (AtomicVal) a[0];
      atomicClock(m, g, av, true);
      av.v = a[1];
    });
  }

  static Ref ref(Object p) {
    if (p == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
    return (Ref) p;
  }

  // ---------------- time (virtual) ----------------
  static final Type.Named DURATION = new Type.Named("time.Duration", Type.INT64);
  static final class TimeVal {
    final long nanos;
    TimeVal(long n) { nanos = n; }
    @Override public boolean equals(Object o) { return o instanceof TimeVal t && t.nanos == nanos; }
    @Override public int hashCode() { return Long.hashCode(nanos); }
  }
  static final Type.Named TIME = new Type.Named("time.Time", new Type.Opaque("time.Time", () -> new TimeVal(Long.MIN_VALUE), false));
  static final Type.Named TIMER;
  static final Type.Named TICKER;
  static final long EPOCH = 1_257_894_000_000_000_000L; // 2009-11-10 23:00:00 UTC, like the Go playground

  static {
    Type.Struct ts = new Type.Struct();
    ts.fields.add(new Type.FieldT("C", new Type.Chan(TIME, 2), false));
    ts.fields.add(new Type.FieldT("t", new Type.Opaque("time.runtimeTimer", () -> null, false), false));
    TIMER = new Type.Named("time.Timer", ts);
    Type.Struct ks = new Type.Struct();
    ks.fields.add(new Type.FieldT("C", new Type.Chan(TIME, 2), false));
    ks.fields.add(new Type.FieldT("t", new Type.Opaque("time.runtimeTimer", () -> null, false), false));
    TICKER = new Type.Named("time.Ticker", ks);
  }

  public static String durationString(long d) {
    if (d == 0) return "0s";
    StringBuilder sb = new StringBuilder();
    boolean neg = d < 0;
    long u = Math.abs(d);
    if (u < 1_000_000_000L) {
      String unit;
      double v;
      if (u < 1000) return (neg ? "-" : "") + u + "ns";
      if (u < 1_000_000) {
        unit = "µs";
        v = u / 1e3;
      } else {
        unit = "ms";
        v = u / 1e6;
      }
      return (neg ? "-" : "") + Fmt.formatG(v) + unit;
    }
    long h = u / 3_600_000_000_000L;
    u -= h * 3_600_000_000_000L;
    long mi = u / 60_000_000_000L;
    u -= mi * 60_000_000_000L;
    double s = u / 1e9;
    if (neg) sb.append('-');
    if (h > 0) sb.append(h).append('h');
    if (h > 0 || mi > 0) sb.append(mi).append('m');
    sb.append(Fmt.formatG(Math.round(s * 1e9) / 1e9)).append('s');
    return sb.toString();
  }

  static void registerTime() {
    String p = "time";
    type(p, "Duration", DURATION);
    type(p, "Time", TIME);
    type(p, "Timer", TIMER);
    type(p, "Ticker", TICKER);
    long[] units = {1L, 1_000L, 1_000_000L, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L};
    String[] names = {"Nanosecond", "Microsecond", "Millisecond", "Second", "Minute", "Hour"};
    for (int i = 0; i < units.length; i++) cnst(p, names[i], DURATION, units[i]);
    method(DURATION, "String", false, sig(List.of(), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(durationString((Long) a[0]))));
    method(DURATION, "Seconds", false, sig(List.of(), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push((Long) a[0] / 1e9)));
    method(DURATION, "Milliseconds", false, sig(List.of(), List.of(Type.INT64)), pure((m, g, f, a) -> f.push((Long) a[0] / 1_000_000L)));
    method(DURATION, "Microseconds", false, sig(List.of(), List.of(Type.INT64)), pure((m, g, f, a) -> f.push((Long) a[0] / 1_000L)));
    method(DURATION, "Nanoseconds", false, sig(List.of(), List.of(Type.INT64)), pure((m, g, f, a) -> f.push((Long) a[0])));
    method(DURATION, "Minutes", false, sig(List.of(), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push((Long) a[0] / 6e10)));
    method(DURATION, "Hours", false, sig(List.of(), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push((Long) a[0] / 3.6e12)));
    fn(p, "Sleep", sig(List.of(DURATION), List.of()), (m, g, f, a) -> {
      long d = (Long) a[0];
      if (g.scratch == SLEPT) {
        g.scratch = null;
        return;
      }
      if (d <= 0) return;
      f.pc--;
      g.state = G.SLEEPING;
      g.waitReason = "sleep";
      g.blockedSince = m.now;
      m.removeRunnable(g);
      m.addTimer(d, 0, () -> {
        g.scratch = SLEPT;
        m.wake(g);
      });
    });
    fn(p, "Now", sig(List.of(), List.of(TIME)), (m, g, f, a) -> f.push(new TimeVal(EPOCH + m.now)));
    fn(p, "Since", sig(List.of(TIME), List.of(DURATION)), (m, g, f, a) -> f.push(EPOCH + m.now - ((TimeVal) a[0]).nanos));
    fn(p, "Until", sig(List.of(TIME), List.of(DURATION)), (m, g, f, a) -> f.push(((TimeVal) a[0]).nanos - EPOCH - m.now));
    method(TIME, "Sub", false, sig(List.of(TIME), List.of(DURATION)), pure((m, g, f, a) -> f.push(((TimeVal) a[0]).nanos - ((TimeVal) a[1]).nanos)));
    method(TIME, "Add", false, sig(List.of(DURATION), List.of(TIME)), pure((m, g, f, a) -> f.push(new TimeVal(((TimeVal) a[0]).nanos + (Long) a[1]))));
    method(TIME, "After", false, sig(List.of(TIME), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((TimeVal) a[0]).nanos > ((TimeVal) a[1]).nanos)));
    method(TIME, "Before", false, sig(List.of(TIME), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((TimeVal) a[0]).nanos < ((TimeVal) a[1]).nanos)));
    method(TIME, "IsZero", false, sig(List.of(), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((TimeVal) a[0]).nanos == Long.MIN_VALUE)));
    method(TIME, "UnixNano", false, sig(List.of(), List.of(Type.INT64)), pure((m, g, f, a) -> f.push(((TimeVal) a[0]).nanos)));
    method(TIME, "Unix", false, sig(List.of(), List.of(Type.INT64)), pure((m, g, f, a) -> f.push(((TimeVal) a[0]).nanos / 1_000_000_000L)));
    fn(p, "After", sig(List.of(DURATION), List.of(new Type.Chan(TIME, 2))), (m, g, f, a) -> {
      Machine.Chan c = new Machine.Chan(1, null);
      c.timer = true;
      m.alloc(200); // a timer lives until it fires
      m.addTimer((Long) a[0], 0, () -> m.offer(c, new TimeVal(EPOCH + m.now)));
      f.push(c);
    });
    fn(p, "Tick", sig(List.of(DURATION), List.of(new Type.Chan(TIME, 2))), (m, g, f, a) -> {
      Machine.Chan c = new Machine.Chan(1, null);
      c.timer = true;
      long d = (Long) a[0];
      if (d <= 0) {
        f.push(null);
        return;
      }
      m.addTimer(d, d, () -> m.offer(c, new TimeVal(EPOCH + m.now)));
      f.push(c);
    });
    fn(p, "NewTimer", sig(List.of(DURATION), List.of(new Type.Pointer(TIMER))), (m, g, f, a) -> {
      StructVal t = (StructVal) Values.zero(TIMER);
      Machine.Chan c = new Machine.Chan(1, null);
      c.timer = true;
      t.f[0] = c;
      t.f[1] = m.addTimer((Long) a[0], 0, () -> m.offer(c, new TimeVal(EPOCH + m.now)));
      f.push(t);
    });
    fn(p, "AfterFunc", sig(List.of(DURATION, sig(List.of(), List.of())), List.of(new Type.Pointer(TIMER))), (m, g, f, a) -> {
      StructVal t = (StructVal) Values.zero(TIMER);
      Closure fnv = (Closure) a[1];
      int[] vc = g.vc.clone();
      List<Machine.StackLine> at = m.stack(g);
      t.f[1] = m.addTimer((Long) a[0], 0, () -> m.goFromRuntime(fnv, new Object[0], vc, at, "time.goFunc"));
      f.push(t);
    });
    fn(p, "NewTicker", sig(List.of(DURATION), List.of(new Type.Pointer(TICKER))), (m, g, f, a) -> {
      long d = (Long) a[0];
      if (d <= 0) throw new Machine.GoPanic(newError("non-positive interval for NewTicker"));
      StructVal t = (StructVal) Values.zero(TICKER);
      Machine.Chan c = new Machine.Chan(1, null);
      c.timer = true;
      t.f[0] = c;
      t.f[1] = m.addTimer(d, d, () -> m.offer(c, new TimeVal(EPOCH + m.now)));
      f.push(t);
    });
    for (Type.Named tt : List.of(TIMER, TICKER)) {
      method(tt, "Stop", true, sig(List.of(), tt == TIMER ? List.of(Type.BOOL) : List.of()), (m, g, f, a) -> {
        Machine.Timer t = (Machine.Timer) ((StructVal) a[0]).f[1];
        boolean was = t != null && m.stopTimer(t);
        if (tt == TIMER) f.push(was);
      });
      method(tt, "Reset", true, sig(List.of(DURATION), tt == TIMER ? List.of(Type.BOOL) : List.of()), (m, g, f, a) -> {
        Machine.Timer t = (Machine.Timer) ((StructVal) a[0]).f[1];
        boolean was = t != null && m.stopTimer(t);
        long d = (Long) a[1];
        if (t != null) {
          if (tt == TICKER) t.period = d;
          m.resetTimer(t, d);
        }
        if (tt == TIMER) f.push(was);
      });
    }
  }

  static final Object SLEPT = new Object();

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
    CtxVal(CtxVal parent, String kind) {
      this.parent = parent;
      this.kind = kind;
    }
    boolean cancelable() {
      return kind.equals("cancel") || kind.equals("timer");
    }
    CtxVal cancelParent() {
      for (CtxVal p = parent; p != null; p = p.parent) if (p.cancelable()) return p;
      return null;
    }
  }

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

  static Machine.Chan ctxDone(Machine m, CtxVal c) {
    if (c.kind.equals("background") || c.kind.equals("todo")) return null;
    if (c.kind.equals("value")) return ctxDone(m, c.parent);
    if (c.done == null) {
      c.done = new Machine.Chan(0, new StructVal(EMPTY_STRUCT, new Object[0]));
      for (CtxVal x = c; x != null; x = x.parent) if (x.kind.equals("timer")) c.done.timer = true; // closes by itself at the deadline
      if (c.err != null) c.done.closed = true;
    }
    return c.done;
  }

  static Object ctxErr(CtxVal c) {
    if (c.kind.equals("value")) return ctxErr(c.parent);
    return c.err;
  }

  static void cancel(Machine m, G g, CtxVal c, Object err) {
    if (c.err != null) return;
    c.err = err;
    if (c.timer != null) m.stopTimer(c.timer);
    if (c.done != null) m.closeBy(g, c.done);
    for (CtxVal ch : new ArrayList<>(c.children)) cancel(m, g, ch, err);
    c.children.clear();
    CtxVal p = c.cancelParent();
    if (p != null) p.children.remove(c);
  }

  static CtxVal ctxOf(Object iface) {
    if (iface == null) throw new Machine.GoPanic(plainError("cannot create context from nil parent"));
    return (CtxVal) ((Iface) iface).v;
  }

  static Object wrapCtx(CtxVal c) {
    return new Iface(CTX_PTR, c);
  }

  static CtxVal newCancelCtx(Machine m, G g, CtxVal parent, String kind) {
    CtxVal c = new CtxVal(parent, kind);
    CtxVal p = c.cancelParent();
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
      CtxVal c = new CtxVal(ctxOf(a[0]), "value");
      c.key = a[1];
      c.val = a[2];
      f.push(wrapCtx(c));
    }));
    method(CTX_IMPL, "Done", true, sig(List.of(), List.of(new Type.Chan(EMPTY_STRUCT, 2))), (m, g, f, a) -> {
      CtxVal c = (CtxVal) a[0];
      Machine.Chan d = ctxDone(m, c);
      f.push(d);
    });
    method(CTX_IMPL, "Err", true, sig(List.of(), List.of(ERROR)), (m, g, f, a) -> {
      CtxVal c = (CtxVal) a[0];
      Object e = ctxErr(c);
      if (e != null) {
        Machine.Chan d = ctxDone(m, c);
        if (d != null) m.acquire(g, d.closeVC);
      }
      f.push(e);
    });
    method(CTX_IMPL, "Value", true, sig(List.of(EMPTY_IFACE), List.of(EMPTY_IFACE)), pure((m, g, f, a) -> {
      for (CtxVal c = (CtxVal) a[0]; c != null; c = c.parent) {
        if (c.kind.equals("value") && Values.equal(c.key, a[1])) {
          f.push(c.val);
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
      }
      f.push(new TimeVal(Long.MIN_VALUE));
      f.push(false);
    }));
    method(CTX_IMPL, "String", true, sig(List.of(), List.of(Type.STRING)), pure((m, g, f, a) -> {
      CtxVal c = (CtxVal) a[0];
      f.push(switch (c.kind) {
        case "background" -> "context.Background";
        case "todo" -> "context.TODO";
        case "value" -> "context.WithValue";
        case "timer" -> "context.WithDeadline";
        default -> "context.WithCancel";
      });
    }));
  }

  // ---------------- errgroup ----------------
  static final class GroupVal implements ValueObj {
    long counter;
    Object err;
    CtxVal ctx;
    int[] vc;
    long limit = -1;
    @Override public Object copyValue() {
      GroupVal c = new GroupVal();
      c.counter = counter;
      c.err = err;
      c.ctx = ctx;
      return c;
    }
  }

  static final Type.Named GROUP = new Type.Named("errgroup.Group", new Type.Opaque("errgroup.Group", GroupVal::new, true));

  static void registerErrgroup() {
    String p = "golang.org/x/sync/errgroup";
    type(p, "Group", GROUP);
    fn(p, "WithContext", sig(List.of(CONTEXT), List.of(new Type.Pointer(GROUP), CONTEXT)), (m, g, f, a) -> {
      GroupVal gv = new GroupVal();
      gv.ctx = newCancelCtx(m, g, ctxOf(a[0]), "cancel");
      f.push(gv);
      f.push(wrapCtx(gv.ctx));
    });
    method(GROUP, "SetLimit", true, sig(List.of(Type.INT), List.of()), (m, g, f, a) -> ((GroupVal) a[0]).limit = (Long) a[1]);
    method(GROUP, "Go", true, sig(List.of(sig(List.of(), List.of(ERROR))), List.of()), (m, g, f, a) -> {
      GroupVal gv = (GroupVal) a[0];
      if (gv.limit >= 0 && gv.counter >= gv.limit) {
        m.waitOn(g, f, "chan send", gv);
        return;
      }
      gv.counter++;
      Closure fnv = (Closure) a[1];
      G child = m.go(g, fnv, new Object[0]);
      Frame cf = child.frame;
      child.createdAt = m.stack(g);
      Runnable prev = cf.onReturn;
      cf.onReturn = () -> {
        if (prev != null) prev.run();
        Object err = cf.fn.resultSlots.length > 0 ? cf.locals[cf.fn.resultSlots[0]] : null;
        if (err instanceof Box b) err = b.v;
        if (err != null && gv.err == null) {
          gv.err = err;
          if (gv.ctx != null) cancel(m, child, gv.ctx, CANCELED);
        }
        gv.vc = m.release(child, gv.vc);
        gv.counter--;
        m.wakeAll(gv);
      };
    });
    method(GROUP, "Wait", true, sig(List.of(), List.of(ERROR)), (m, g, f, a) -> {
      GroupVal gv = (GroupVal) a[0];
      if (gv.counter > 0) {
        m.waitOn(g, f, "semacquire", gv);
        return;
      }
      m.acquire(g, gv.vc);
      if (gv.ctx != null) cancel(m, g, gv.ctx, CANCELED);
      f.push(gv.err);
    });
  }

  // ---------------- fmt, errors, strings, strconv, os, runtime, log, sort, math/rand ----------------
  static final Type.Named OSFILE = new Type.Named("os.File", new Type.Opaque("os.File", () -> null, false));
  static final Object STDOUT = "stdout";
  static final Object STDERR = "stderr";

  static void registerMisc() {
    Type anyS = new Type.Slice(EMPTY_IFACE);
    String p = "fmt";
    fn(p, "Println", vsig(List.of(anyS), List.of()), (m, g, f, a) -> m.print(Fmt.sprintln(m, g, sliceItems(a[0]))));
    fn(p, "Print", vsig(List.of(anyS), List.of()), (m, g, f, a) -> m.print(Fmt.sprint(m, g, sliceItems(a[0]))));
    fn(p, "Printf", vsig(List.of(Type.STRING, anyS), List.of()), (m, g, f, a) -> m.print(Fmt.sprintf(m, g, (String) a[0], sliceItems(a[1]))));
    fn(p, "Sprintf", vsig(List.of(Type.STRING, anyS), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(Fmt.sprintf(m, g, (String) a[0], sliceItems(a[1])))));
    fn(p, "Sprint", vsig(List.of(anyS), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(Fmt.sprint(m, g, sliceItems(a[0])))));
    fn(p, "Sprintln", vsig(List.of(anyS), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(Fmt.sprintln(m, g, sliceItems(a[0])))));
    fn(p, "Errorf", vsig(List.of(Type.STRING, anyS), List.of(ERROR)), pure((m, g, f, a) -> {
      Object[] items = sliceItems(a[1]);
      String msg = Fmt.sprintf(m, g, (String) a[0], items);
      Object wrapped = null;
      int wi = Fmt.wrapIndex((String) a[0]);
      if (wi >= 0 && wi < items.length) wrapped = items[wi];
      f.push(wrapped != null ? new Iface(new Type.Pointer(WRAPERR), new ErrorVal(msg, wrapped)) : newError(msg));
    }));
    Type fileT = new Type.Pointer(OSFILE);
    fn(p, "Fprintln", vsig(List.of(fileT, anyS), List.of()), (m, g, f, a) -> m.print(Fmt.sprintln(m, g, sliceItems(a[1]))));
    fn(p, "Fprintf", vsig(List.of(fileT, Type.STRING, anyS), List.of()), (m, g, f, a) -> m.print(Fmt.sprintf(m, g, (String) a[1], sliceItems(a[2]))));
    fn(p, "Fprint", vsig(List.of(fileT, anyS), List.of()), (m, g, f, a) -> m.print(Fmt.sprint(m, g, sliceItems(a[1]))));
    Type.Interface stringer = new Type.Interface();
    stringer.methods.put("String", sig(List.of(), List.of(Type.STRING)));
    type(p, "Stringer", new Type.Named("fmt.Stringer", stringer));

    p = "os";
    var(p, "Stdout", fileT, STDOUT);
    var(p, "Stderr", fileT, STDERR);
    fn(p, "Exit", sig(List.of(Type.INT), List.of()), (m, g, f, a) -> m.exit((int) (long) (Long) a[0]));
    fn(p, "Getenv", sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push("")));

    p = "errors";
    fn(p, "New", sig(List.of(Type.STRING), List.of(ERROR)), pure((m, g, f, a) -> f.push(newError((String) a[0]))));
    fn(p, "Is", sig(List.of(ERROR, ERROR), List.of(Type.BOOL)), pure((m, g, f, a) -> {
      Object e = a[0];
      int guard = 0;
      while (e != null && guard++ < 100) {
        if (Values.equal(e, a[1])) {
          f.push(true);
          return;
        }
        e = unwrap(m, g, e);
      }
      f.push(a[1] == null && a[0] == null);
    }));
    fn(p, "Unwrap", sig(List.of(ERROR), List.of(ERROR)), pure((m, g, f, a) -> f.push(unwrap(m, g, a[0]))));
    fn(p, "As", sig(List.of(ERROR, EMPTY_IFACE), List.of(Type.BOOL)), pure((m, g, f, a) -> {
      // a[1] is an interface holding *T: the target's type tells what to look for
      Iface target = (Iface) a[1];
      Type want = ((Type.Pointer) target.t).elem;
      Object e = a[0];
      int guard = 0;
      while (e != null && guard++ < 100) {
        if (Ops.typeMatches(e, want)) {
          Object v = Type.isInterface(want) ? e : ((Iface) e).v;
          if (target.v instanceof Ref r) r.store(v);
          else if (target.v instanceof StructVal sv && v instanceof StructVal src) System.arraycopy(src.f, 0, sv.f, 0, sv.f.length);
          f.push(true);
          return;
        }
        e = unwrap(m, g, e);
      }
      f.push(false);
    }));

    p = "strings";
    fn(p, "Repeat", sig(List.of(Type.STRING, Type.INT), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((String) a[0]).repeat((int) (long) (Long) a[1]))));
    fn(p, "Contains", sig(List.of(Type.STRING, Type.STRING), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((String) a[0]).contains((String) a[1]))));
    fn(p, "HasPrefix", sig(List.of(Type.STRING, Type.STRING), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((String) a[0]).startsWith((String) a[1]))));
    fn(p, "HasSuffix", sig(List.of(Type.STRING, Type.STRING), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((String) a[0]).endsWith((String) a[1]))));
    fn(p, "Index", sig(List.of(Type.STRING, Type.STRING), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) ((String) a[0]).indexOf((String) a[1]))));
    fn(p, "ToUpper", sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((String) a[0]).toUpperCase())));
    fn(p, "ToLower", sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((String) a[0]).toLowerCase())));
    fn(p, "TrimSpace", sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((String) a[0]).strip())));
    fn(p, "TrimPrefix", sig(List.of(Type.STRING, Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> {
      String s = (String) a[0];
      f.push(s.startsWith((String) a[1]) ? s.substring(((String) a[1]).length()) : s);
    }));
    fn(p, "TrimSuffix", sig(List.of(Type.STRING, Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> {
      String s = (String) a[0];
      f.push(s.endsWith((String) a[1]) ? s.substring(0, s.length() - ((String) a[1]).length()) : s);
    }));
    fn(p, "ReplaceAll", sig(List.of(Type.STRING, Type.STRING, Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((String) a[0]).replace((String) a[1], (String) a[2]))));
    fn(p, "Split", sig(List.of(Type.STRING, Type.STRING), List.of(new Type.Slice(Type.STRING))), pure((m, g, f, a) -> {
      String s = (String) a[0];
      String sep = (String) a[1];
      List<Object> parts = new ArrayList<>();
      if (sep.isEmpty()) {
        s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
      } else {
        int i = 0;
        int j;
        while ((j = s.indexOf(sep, i)) >= 0) {
          parts.add(s.substring(i, j));
          i = j + sep.length();
        }
        parts.add(s.substring(i));
      }
      f.push(sliceOf(parts.toArray()));
    }));
    fn(p, "Fields", sig(List.of(Type.STRING), List.of(new Type.Slice(Type.STRING))), pure((m, g, f, a) -> {
      String s = ((String) a[0]).strip();
      f.push(s.isEmpty() ? null : sliceOf(s.split("\\s+")));
    }));
    fn(p, "Join", sig(List.of(new Type.Slice(Type.STRING), Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> {
      StringBuilder sb = new StringBuilder();
      Object[] items = sliceItems(a[0]);
      for (int i = 0; i < items.length; i++) sb.append(i > 0 ? (String) a[1] : "").append((String) items[i]);
      f.push(sb.toString());
    }));
    Type.Named builder = new Type.Named("strings.Builder", new Type.Opaque("strings.Builder", () -> new BuilderVal(), true));
    type(p, "Builder", builder);
    method(builder, "WriteString", true, sig(List.of(Type.STRING), List.of(Type.INT, ERROR)), pure((m, g, f, a) -> {
      ((BuilderVal) a[0]).sb.append((String) a[1]);
      f.push((long) ((String) a[1]).length());
      f.push(null);
    }));
    method(builder, "String", true, sig(List.of(), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((BuilderVal) a[0]).sb.toString())));
    method(builder, "Len", true, sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) ((BuilderVal) a[0]).sb.length())));

    p = "strconv";
    fn(p, "Itoa", sig(List.of(Type.INT), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(Long.toString((Long) a[0]))));
    fn(p, "Atoi", sig(List.of(Type.STRING), List.of(Type.INT, ERROR)), pure((m, g, f, a) -> {
      try {
        f.push(Long.parseLong(((String) a[0]).startsWith("+") ? ((String) a[0]).substring(1) : (String) a[0]));
        f.push(null);
      } catch (NumberFormatException e) {
        f.push(0L);
        f.push(new Iface(new Type.Pointer(NUMERR), new ErrorVal("strconv.Atoi: parsing " + Fmt.quote((String) a[0]) + ": invalid syntax", null)));
      }
    }));
    fn(p, "FormatInt", sig(List.of(Type.INT64, Type.INT), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(Long.toString((Long) a[0], (int) (long) (Long) a[1]))));
    fn(p, "Quote", sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(Fmt.quote((String) a[0]))));

    p = "runtime";
    fn(p, "NumGoroutine", sig(List.of(), List.of(Type.INT)), (m, g, f, a) -> f.push((long) m.liveGoroutines()));
    fn(p, "Gosched", sig(List.of(), List.of()), (m, g, f, a) -> g.yielded = true);
    fn(p, "GOMAXPROCS", sig(List.of(Type.INT), List.of(Type.INT)), pure((m, g, f, a) -> f.push(2L)));
    fn(p, "NumCPU", sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push(2L)));
    fn(p, "GC", sig(List.of(), List.of()), pure((m, g, f, a) -> {}));
    fn(p, "Stack", sig(List.of(new Type.Slice(Type.UINT8), Type.BOOL), List.of(Type.INT)), (m, g, f, a) -> {
      byte[] dump = m.goroutineDump(g, (Boolean) a[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      SliceVal buf = (SliceVal) a[0];
      int n = buf == null ? 0 : Math.min(buf.len, dump.length);
      for (int i = 0; i < n; i++) buf.arr.a[buf.off + i] = (long) (dump[i] & 0xff);
      f.push((long) n);
    });

    p = "log";
    fn(p, "Println", vsig(List.of(anyS), List.of()), (m, g, f, a) -> m.print(logPrefix(m) + Fmt.sprintln(m, g, sliceItems(a[0]))));
    fn(p, "Printf", vsig(List.of(Type.STRING, anyS), List.of()), (m, g, f, a) -> m.print(logPrefix(m) + nl(Fmt.sprintf(m, g, (String) a[0], sliceItems(a[1])))));
    fn(p, "Fatal", vsig(List.of(anyS), List.of()), (m, g, f, a) -> {
      m.print(logPrefix(m) + nl(Fmt.sprint(m, g, sliceItems(a[0]))));
      m.exit(1);
    });
    fn(p, "Fatalf", vsig(List.of(Type.STRING, anyS), List.of()), (m, g, f, a) -> {
      m.print(logPrefix(m) + nl(Fmt.sprintf(m, g, (String) a[0], sliceItems(a[1]))));
      m.exit(1);
    });

    p = "sort";
    fn(p, "Ints", sig(List.of(new Type.Slice(Type.INT)), List.of()), (m, g, f, a) -> sortSlice(a[0], (x, y) -> Long.compare((Long) x, (Long) y)));
    fn(p, "Strings", sig(List.of(new Type.Slice(Type.STRING)), List.of()), (m, g, f, a) -> sortSlice(a[0], (x, y) -> ((String) x).compareTo((String) y)));
    fn(p, "Slice", sig(List.of(EMPTY_IFACE, sig(List.of(Type.INT, Type.INT), List.of(Type.BOOL))), List.of()), (m, g, f, a) -> {
      SliceVal s = (SliceVal) ((Iface) a[0]).v;
      if (s == null) return;
      Closure less = (Closure) a[1];
      // insertion sort through the user's less(i, j) on the live slice
      for (int i = 1; i < s.len; i++) {
        for (int j = i; j > 0; j--) {
          Object[] r = m.callSync(g, less, new Object[] {(long) j, (long) (j - 1)});
          if (!(Boolean) r[0]) break;
          Object t = s.arr.a[s.off + j];
          s.arr.a[s.off + j] = s.arr.a[s.off + j - 1];
          s.arr.a[s.off + j - 1] = t;
        }
      }
    });

    p = "math/rand";
    fn(p, "Intn", sig(List.of(Type.INT), List.of(Type.INT)), (m, g, f, a) -> f.push((long) m.rnd.nextInt((int) (long) (Long) a[0])));
    fn(p, "Int", sig(List.of(), List.of(Type.INT)), (m, g, f, a) -> f.push(m.rnd.nextLong() & Long.MAX_VALUE));
    fn(p, "Float64", sig(List.of(), List.of(Type.FLOAT64)), (m, g, f, a) -> f.push(m.rnd.nextDouble()));
    fn(p, "Seed", sig(List.of(Type.INT64), List.of()), (m, g, f, a) -> {});

    p = "math";
    cnst(p, "MaxInt64", Type.UNTYPED_INT, Long.MAX_VALUE);
    cnst(p, "MinInt64", Type.UNTYPED_INT, Long.MIN_VALUE);
    cnst(p, "MaxInt32", Type.UNTYPED_INT, (long) Integer.MAX_VALUE);
    cnst(p, "MaxInt", Type.UNTYPED_INT, Long.MAX_VALUE);
    cnst(p, "Pi", Type.UNTYPED_FLOAT, Math.PI);
    fn(p, "Sqrt", sig(List.of(Type.FLOAT64), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push(Math.sqrt((Double) a[0]))));
    fn(p, "Abs", sig(List.of(Type.FLOAT64), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push(Math.abs((Double) a[0]))));
  }

  static final class BuilderVal implements ValueObj {
    final StringBuilder sb = new StringBuilder();
    @Override public Object copyValue() {
      BuilderVal b = new BuilderVal();
      b.sb.append(sb);
      return b;
    }
  }

  private static String nl(String s) {
    return s.endsWith("\n") ? s : s + "\n";
  }

  static String logPrefix(Machine m) {
    java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond((EPOCH + m.now) / 1_000_000_000L, 0, java.time.ZoneOffset.UTC);
    return t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss ")); // log's default flags
  }

  static void sortSlice(Object s, java.util.Comparator<Object> c) {
    SliceVal sv = (SliceVal) s;
    if (sv == null) return;
    Arrays.sort(sv.arr.a, sv.off, sv.off + sv.len, c);
  }

  static Object unwrap(Machine m, G g, Object e) {
    Iface i = (Iface) e;
    if (i.v instanceof ErrorVal ev) return ev.wrapped;
    Object[] um = Ops.findMethod(i.t, "Unwrap");
    if (um == null) return null;
    Object[] r = m.callSync(g, (Closure) Ops.ifaceMethodValue(e, "Unwrap"), new Object[0]);
    return r.length > 0 ? r[0] : null;
  }

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

  private static String indent(String s) {
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

  static {
    registerSync();
    registerAtomic();
    registerTime();
    registerContext();
    registerErrgroup();
    registerMisc();
    registerTesting();
  }
}
