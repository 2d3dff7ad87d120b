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
import static dev.gocause.sim.vm.TimeNatives.*;
import static dev.gocause.sim.vm.ContextNatives.*;
import static dev.gocause.sim.vm.ErrgroupNatives.*;
import static dev.gocause.sim.vm.LibNatives.*;
import static dev.gocause.sim.vm.TestingNatives.*;

/** Library model of sync/atomic: the Add/Load/Store/Swap/CompareAndSwap functions and the typed values. Registered by import path from {@link Natives}. */
final class AtomicNatives {
  private AtomicNatives() {}

  // ---------------- sync/atomic ----------------
  static final Map<Object, int[]> ATOMIC_DUMMY = new HashMap<>();

  static final class AtomicVal implements ValueObj {
    Object v;
    int[] vc;
    AtomicVal(Object v) { this.v = v; }
    @Override public Object copyValue() { return new AtomicVal(v); }
  }

  static final Type.Named A_INT64 = new Type.Named("atomic.Int64", new Type.Opaque("atomic.Int64", () -> new AtomicVal(0L), true));
  static final Type.Named A_UINT64 = new Type.Named("atomic.Uint64", new Type.Opaque("atomic.Uint64", () -> new AtomicVal(0L), true));
  static final Type.Named A_UINT32 = new Type.Named("atomic.Uint32", new Type.Opaque("atomic.Uint32", () -> new AtomicVal(0L), true));
  static final Type.Named A_UINTPTR = new Type.Named("atomic.Uintptr", new Type.Opaque("atomic.Uintptr", () -> new AtomicVal(0L), true));
  /** The integer types of the Add/Load/Store/Swap/CompareAndSwap functions: {suffix, Go type}. */
  static final List<Object[]> INTEGERS = List.of(new Object[] {"Int32", Type.INT32}, new Object[] {"Int64", Type.INT64},
      new Object[] {"Uint32", Type.UINT32}, new Object[] {"Uint64", Type.UINT64}, new Object[] {"Uintptr", Type.UINTPTR});
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
    for (Object[] spec : INTEGERS) {
      String bits = (String) spec[0]; // Int32, Uint64, ...: the suffix of AddInt32, LoadUint64, ...
      Type it = (Type) spec[1];
      Type pt = new Type.Pointer(it);
      Type.BKind k = ((Type.Basic) it).kind;
      fn(p, "Add" + bits, sig(List.of(pt, it), List.of(it)), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        atomicClock(m, g, r, true);
        long nv = Ops.wrap(k, (Long) r.load() + (Long) a[1]);
        r.store(nv);
        f.push(nv);
      });
      fn(p, "Load" + bits, sig(List.of(pt), List.of(it)), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        atomicClock(m, g, r, false);
        f.push(r.load());
      });
      fn(p, "Store" + bits, sig(List.of(pt, it), List.of()), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        atomicClock(m, g, r, true);
        r.store(a[1]);
      });
      fn(p, "Swap" + bits, sig(List.of(pt, it), List.of(it)), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        atomicClock(m, g, r, true);
        f.push(r.load());
        r.store(a[1]);
      });
      fn(p, "CompareAndSwap" + bits, sig(List.of(pt, it, it), List.of(Type.BOOL)), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        atomicClock(m, g, r, true);
        boolean ok = ((Long) r.load()).longValue() == (Long) a[1];
        if (ok) r.store(a[2]);
        f.push(ok);
      });
    }
    type(p, "Int64", A_INT64);
    type(p, "Int32", A_INT32);
    type(p, "Uint64", A_UINT64);
    type(p, "Uint32", A_UINT32);
    type(p, "Uintptr", A_UINTPTR);
    type(p, "Bool", A_BOOL);
    type(p, "Value", A_VALUE);
    for (Type.Named t : List.of(A_INT64, A_INT32, A_UINT64, A_UINT32, A_UINTPTR)) {
      Type it = t == A_INT64 ? Type.INT64 : t == A_INT32 ? Type.INT32 : t == A_UINT64 ? Type.UINT64 : t == A_UINT32 ? Type.UINT32 : Type.UINTPTR;
      Type.BKind k = ((Type.Basic) it).kind;
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
}
