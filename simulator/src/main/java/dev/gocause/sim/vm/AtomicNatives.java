package dev.gocause.sim.vm;

import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.vm.Values.*;
import dev.gocause.sim.vm.Machine.Shadow;
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
    Shadow sh;
    AtomicVal(Object v) { this.v = v; }
    Shadow shadow() { return sh == null ? (sh = new Shadow()) : sh; }
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

  /** Go 1.19's race_amd64.s line of each sync/atomic function (its TEXT line + 3, where Go's reports point) and type.go/value.go line of each method, for the frame on top of an atomic access. */
  static final Map<String, Integer> RACE_S_LINES = new HashMap<>();
  static {
    String lines = "LoadInt32=199 LoadInt64=205 LoadUint32=211 LoadUint64=215 LoadUintptr=219 LoadPointer=223 StoreInt32=228 "
        + "StoreInt64=234 StoreUint32=240 StoreUint64=244 StoreUintptr=248 SwapInt32=253 SwapInt64=259 SwapUint32=265 SwapUint64=269 "
        + "SwapUintptr=273 AddInt32=278 AddInt64=286 AddUint32=294 AddUint64=298 AddUintptr=302 CompareAndSwapInt32=307 "
        + "CompareAndSwapInt64=313 CompareAndSwapUint32=319 CompareAndSwapUint64=323 CompareAndSwapUintptr=327";
    lines += " Bool.Load=17 Bool.Store=20 Bool.Swap=23 Bool.CompareAndSwap=26 Int32.Load=70 Int32.Store=73 Int32.Swap=76 "
        + "Int32.CompareAndSwap=79 Int32.Add=84 Int64.Load=94 Int64.Store=97 Int64.Swap=100 Int64.CompareAndSwap=103 Int64.Add=108 "
        + "Uint32.Load=117 Uint32.Store=120 Uint32.Swap=123 Uint32.CompareAndSwap=126 Uint32.Add=131 Uint64.Load=141 Uint64.Store=144 "
        + "Uint64.Swap=147 Uint64.CompareAndSwap=150 Uint64.Add=155 Uintptr.Load=164 Uintptr.Store=167 Uintptr.Swap=170 "
        + "Uintptr.CompareAndSwap=173 Uintptr.Add=178 Value.Load=28 Value.Store=47 Value.Swap=90 Value.CompareAndSwap=135";
    for (String kv : lines.split(" ")) RACE_S_LINES.put(kv.substring(0, kv.indexOf('=')), Integer.parseInt(kv.substring(kv.indexOf('=') + 1)) + (kv.contains(".") ? 0 : 3));
  }

  /** The frames a race report shows on top of an atomic access ({@code func\tfile\tline} lines): the function, then the method of a typed atomic. */
  static String frames(String fn, String typeName, String method) {
    StringBuilder sb = new StringBuilder();
    if (fn != null) sb.append("sync/atomic.").append(fn).append("\t$GOROOT/src/runtime/race_amd64.s\t").append(RACE_S_LINES.getOrDefault(fn, 0));
    if (method != null) {
      if (sb.length() > 0) sb.append('\n');
      sb.append("sync/atomic.(*").append(typeName).append(").").append(method).append("\t$GOROOT/src/sync/atomic/")
          .append(typeName.equals("Value") ? "value.go" : "type.go").append("\t")
          .append(RACE_S_LINES.getOrDefault(typeName + "." + method, 0));
    }
    return sb.toString();
  }

  /** An atomic access of the word at loc: checked against plain accesses first (as the race runtime does), then the synchronisation atomics give. */
  static void access(Machine m, G g, Object loc, Shadow sh, boolean isWrite, String frames) {
    String var = loc instanceof Box b && b.name != null ? b.name
        : loc instanceof FieldRef fr && fr.s().type.underlying() instanceof Type.Struct st && fr.i() < st.fields.size()
            ? st.fields.get(fr.i()).name() // &s.count: the field's name, as a plain access of it is named
            : "atomic";
    if (isWrite) m.atomicWrite(g, sh, loc, var, frames);
    else m.atomicRead(g, sh, loc, var, frames);
    atomicClock(m, g, loc, isWrite);
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
      String frAdd = frames("Add" + bits, null, null);
      fn(p, "Add" + bits, sig(List.of(pt, it), List.of(it)), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        access(m, g, r, r.shadow(), true, frAdd);
        long nv = Ops.wrap(k, (Long) r.load() + (Long) a[1]);
        r.store(nv);
        f.push(nv);
      });
      String frLoad = frames("Load" + bits, null, null);
      fn(p, "Load" + bits, sig(List.of(pt), List.of(it)), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        access(m, g, r, r.shadow(), false, frLoad);
        f.push(r.load());
      });
      String frStore = frames("Store" + bits, null, null);
      fn(p, "Store" + bits, sig(List.of(pt, it), List.of()), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        access(m, g, r, r.shadow(), true, frStore);
        r.store(a[1]);
      });
      String frSwap = frames("Swap" + bits, null, null);
      fn(p, "Swap" + bits, sig(List.of(pt, it), List.of(it)), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        access(m, g, r, r.shadow(), true, frSwap);
        f.push(r.load());
        r.store(a[1]);
      });
      String frCompareAndSwap = frames("CompareAndSwap" + bits, null, null);
      fn(p, "CompareAndSwap" + bits, sig(List.of(pt, it, it), List.of(Type.BOOL)), (m, g, f, a) -> {
        Ref r = ref(a[0]);
        access(m, g, r, r.shadow(), true, frCompareAndSwap);
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
      String fmtAdd = frames("Add" + typeName(t), typeName(t), "Add");
      method(t, "Add", true, sig(List.of(it), List.of(it)), (m, g, f, a) -> {
        AtomicVal av = (AtomicVal) a[0];
        access(m, g, av, av.shadow(), true, fmtAdd);
        av.v = Ops.wrap(k, (Long) av.v + (Long) a[1]);
        f.push(av.v);
      });
      String fmtLoad = frames("Load" + typeName(t), typeName(t), "Load");
      method(t, "Load", true, sig(List.of(), List.of(it)), (m, g, f, a) -> {
        AtomicVal av = (AtomicVal) a[0];
        access(m, g, av, av.shadow(), false, fmtLoad);
        f.push(av.v);
      });
      String fmtStore = frames("Store" + typeName(t), typeName(t), "Store");
      method(t, "Store", true, sig(List.of(it), List.of()), (m, g, f, a) -> {
        AtomicVal av = (AtomicVal) a[0];
        access(m, g, av, av.shadow(), true, fmtStore);
        av.v = a[1];
      });
      String fmtSwap = frames("Swap" + typeName(t), typeName(t), "Swap");
      method(t, "Swap", true, sig(List.of(it), List.of(it)), (m, g, f, a) -> {
        AtomicVal av = (AtomicVal) a[0];
        access(m, g, av, av.shadow(), true, fmtSwap);
        f.push(av.v);
        av.v = a[1];
      });
      String fmtCompareAndSwap = frames("CompareAndSwap" + typeName(t), typeName(t), "CompareAndSwap");
      method(t, "CompareAndSwap", true, sig(List.of(it, it), List.of(Type.BOOL)), (m, g, f, a) -> {
        AtomicVal av = (AtomicVal) a[0];
        access(m, g, av, av.shadow(), true, fmtCompareAndSwap);
        boolean ok = ((Long) av.v).longValue() == (Long) a[1];
        if (ok) av.v = a[2];
        f.push(ok);
      });
    }
    String fmABOOLLoad = frames("LoadUint32", "Bool", "Load");
    method(A_BOOL, "Load", true, sig(List.of(), List.of(Type.BOOL)), (m, g, f, a) -> {
      AtomicVal av = (AtomicVal) a[0];
      access(m, g, av, av.shadow(), false, fmABOOLLoad);
      f.push(av.v);
    });
    String fmABOOLStore = frames("StoreUint32", "Bool", "Store");
    method(A_BOOL, "Store", true, sig(List.of(Type.BOOL), List.of()), (m, g, f, a) -> {
      AtomicVal av = (AtomicVal) a[0];
      access(m, g, av, av.shadow(), true, fmABOOLStore);
      av.v = a[1];
    });
    String fmABOOLCompareAndSwap = frames("CompareAndSwapUint32", "Bool", "CompareAndSwap");
    method(A_BOOL, "CompareAndSwap", true, sig(List.of(Type.BOOL, Type.BOOL), List.of(Type.BOOL)), (m, g, f, a) -> {
      AtomicVal av = (AtomicVal) a[0];
      access(m, g, av, av.shadow(), true, fmABOOLCompareAndSwap);
      boolean ok = av.v.equals(a[1]);
      if (ok) av.v = a[2];
      f.push(ok);
    });
    String fmAVALUELoad = frames(null, "Value", "Load");
    method(A_VALUE, "Load", true, sig(List.of(), List.of(EMPTY_IFACE)), (m, g, f, a) -> {
      AtomicVal av = (AtomicVal) a[0];
      access(m, g, av, av.shadow(), false, fmAVALUELoad);
      f.push(av.v);
    });
    String fmAVALUEStore = frames(null, "Value", "Store");
    method(A_VALUE, "Store", true, sig(List.of(EMPTY_IFACE), List.of()), (m, g, f, a) -> {
      AtomicVal av = (AtomicVal) a[0];
      // sync/atomic/value.go: a nil value, or one of another dynamic type than the first Store's, panics (a string)
      if (!(a[1] instanceof Iface nv)) throw new Machine.GoPanic(new Iface(Type.STRING, "sync/atomic: store of nil value into Value"));
      if (av.v instanceof Iface old && !Type.identical(old.t, nv.t)) {
        throw new Machine.GoPanic(new Iface(Type.STRING, "sync/atomic: store of inconsistently typed value into Value"));
      }
      access(m, g, av, av.shadow(), true, fmAVALUEStore);
      av.v = a[1];
    });
  }

  /**
   * atomic.Pointer[T] (Go 1.19): Load, Store, Swap and CompareAndSwap of a *T, atomic like the other typed atomics (an
   * access of its word that never races with another atomic one, and a release/acquire edge from Store to Load).
   */
  static Type.Named pointerType(Type elem) {
    String name = "atomic.Pointer[" + elem.str() + "]";
    Type.Named t = new Type.Named(name, new Type.Opaque(name, () -> new AtomicVal(null), true));
    t.typeArgs = List.of(elem);
    Type pt = new Type.Pointer(elem);
    // Go inlines the methods: the report shows the functions they call (the Uintptr ones jump to the Int64 ones)
    String frLoad = frames("LoadInt64", null, null);
    method(t, "Load", true, sig(List.of(), List.of(pt)), (m, g, f, a) -> {
      AtomicVal av = atomicVal(a[0]);
      access(m, g, av, av.shadow(), false, frLoad);
      f.push(av.v);
    });
    String frStore = pointerFrames("StoreInt64", "StorePointer", 51);
    method(t, "Store", true, sig(List.of(pt), List.of()), (m, g, f, a) -> {
      AtomicVal av = atomicVal(a[0]);
      access(m, g, av, av.shadow(), true, frStore);
      av.v = a[1];
    });
    String frSwap = pointerFrames("SwapInt64", "SwapPointer", 63);
    method(t, "Swap", true, sig(List.of(pt), List.of(pt)), (m, g, f, a) -> {
      AtomicVal av = atomicVal(a[0]);
      access(m, g, av, av.shadow(), true, frSwap);
      f.push(av.v);
      av.v = a[1];
    });
    String frCas = pointerFrames("CompareAndSwapInt64", "CompareAndSwapPointer", 76);
    method(t, "CompareAndSwap", true, sig(List.of(pt, pt), List.of(Type.BOOL)), (m, g, f, a) -> {
      AtomicVal av = atomicVal(a[0]);
      access(m, g, av, av.shadow(), true, frCas);
      boolean ok = Values.equal(av.v, a[1]);
      if (ok) av.v = a[2];
      f.push(ok);
    });
    return t;
  }

  private static String pointerFrames(String asm, String fn, int line) {
    return frames(asm, null, null) + "\nsync/atomic." + fn + "\t$GOROOT/src/runtime/atomic_pointer.go\t" + line;
  }

  /** Int64, Uint32 ...: also the suffix of the function the typed atomic's methods call (AddInt64). */
  static String typeName(Type.Named t) {
    return t.str().substring("atomic.".length());
  }

  static AtomicVal atomicVal(Object p) {
    if (p == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
    return (AtomicVal) p;
  }

  static Ref ref(Object p) {
    if (p == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
    return (Ref) p;
  }
}
