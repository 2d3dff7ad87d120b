package dev.gocause.sim.vm;

import dev.gocause.sim.vm.Machine.Shadow;
import java.util.LinkedHashMap;
import java.util.Objects;

/** Runtime value representations. ints are Long, floats Double, strings String, bools Boolean. */
public final class Values {
  private Values() {}

  /** Values stored inline in their variable (structs, arrays, sync.Mutex ...): copied on assignment. */
  public interface ValueObj {
    Object copyValue();
  }

  /** Something a pointer can point at. */
  public interface Ref {
    Object load();
    void store(Object v);
    /** Race-detector shadow of this location. */
    Shadow shadow();
  }

  /** A heap cell: a variable captured by a closure, a global, new(int), &x of a scalar. */
  public static final class Box implements Ref {
    public Object v;
    public Shadow sh;
    public String name; // variable name for race reports
    public Box(Object v) { this.v = v; }
    @Override public Object load() { return v; }
    @Override public void store(Object nv) { v = nv; }
    @Override public Shadow shadow() { return sh == null ? (sh = new Shadow()) : sh; }
  }

  /** A struct value; a pointer to a struct is a reference to the same object. */
  public static final class StructVal implements ValueObj {
    public final Type type; // Named or Struct
    public final Object[] f;
    public Shadow[] sh;
    public StructVal(Type type, Object[] f) { this.type = type; this.f = f; }
    @Override public Object copyValue() {
      Object[] nf = new Object[f.length];
      // fields stored inline (structs, arrays, sync.Mutex...) are copied; a pointer field shares what it points at
      boolean[] inline = type.underlying() instanceof Type.Struct st ? st.inlineFields() : null;
      for (int i = 0; i < f.length; i++) {
        nf[i] = f[i] instanceof ValueObj vo && (inline == null || i >= inline.length || inline[i]) ? vo.copyValue() : f[i];
      }
      return new StructVal(type, nf);
    }
    public Shadow shadow(int i) {
      if (sh == null) sh = new Shadow[f.length];
      return sh[i] == null ? (sh[i] = new Shadow()) : sh[i];
    }
    @Override public boolean equals(Object o) {
      if (!(o instanceof StructVal s) || s.f.length != f.length) return false;
      for (int i = 0; i < f.length; i++) if (!Values.equal(f[i], s.f[i])) return false;
      return true;
    }
    @Override public int hashCode() {
      int h = 1;
      for (Object x : f) h = 31 * h + Values.hash(x);
      return h;
    }
  }

  /** Pointer to a struct field. */
  public record FieldRef(StructVal s, int i) implements Ref {
    @Override public Object load() { return s.f[i]; }
    @Override public void store(Object v) { s.f[i] = v; }
    @Override public Shadow shadow() { return s.shadow(i); }
  }

  /** An array value, and also the backing store of slices. */
  public static final class ArrayVal implements ValueObj {
    public final Object[] a;
    public Shadow[] sh;
    public ArrayVal(Object[] a) { this.a = a; }
    @Override public Object copyValue() {
      Object[] na = new Object[a.length];
      for (int i = 0; i < a.length; i++) na[i] = a[i] instanceof ValueObj vo ? vo.copyValue() : a[i];
      return new ArrayVal(na);
    }
    public Shadow shadow(int i) {
      if (sh == null) sh = new Shadow[a.length];
      return sh[i] == null ? (sh[i] = new Shadow()) : sh[i];
    }
    @Override public boolean equals(Object o) {
      if (!(o instanceof ArrayVal s) || s.a.length != a.length) return false;
      for (int i = 0; i < a.length; i++) if (!Values.equal(a[i], s.a[i])) return false;
      return true;
    }
    @Override public int hashCode() {
      int h = 1;
      for (Object x : a) h = 31 * h + Values.hash(x);
      return h;
    }
  }

  public record ElemRef(ArrayVal arr, int i) implements Ref {
    @Override public Object load() { return arr.a[i]; }
    @Override public void store(Object v) { arr.a[i] = v; }
    @Override public Shadow shadow() { return arr.shadow(i); }
  }

  public static final class SliceVal {
    public final ArrayVal arr;
    public final int off;
    public final int len;
    public final int cap;
    public SliceVal(ArrayVal arr, int off, int len, int cap) {
      this.arr = arr;
      this.off = off;
      this.len = len;
      this.cap = cap;
    }
  }

  public static final class MapVal {
    public final LinkedHashMap<Object, Object> m = new LinkedHashMap<>();
    public final Shadow sh = new Shadow();
    public int writing; // goroutine id + 1 while a write is in progress (Go's hashWriting flag)
  }

  /** A function value: compiled code plus captured cells, or a bound method / native. */
  public static final class Closure {
    public final FuncCode fn;
    public final Object[] caps;
    public final Object recv; // bound receiver for method values, or NO_RECV
    public final Natives.NativeFn nat;
    public final String natName;
    public Closure(FuncCode fn, Object[] caps) { this(fn, caps, NO_RECV, null, null); }
    public Closure(FuncCode fn, Object[] caps, Object recv, Natives.NativeFn nat, String natName) {
      this.fn = fn;
      this.caps = caps;
      this.recv = recv;
      this.nat = nat;
      this.natName = natName;
    }
    public String name() { return fn != null ? fn.name : natName; }
  }

  public static final Object NO_RECV = new Object() {
    @Override public String toString() { return "<no receiver>"; }
  };

  /** An interface value holding a non-nil dynamic type; the nil interface is Java null. */
  public static final class Iface {
    public final Type t;
    public final Object v;
    public Iface(Type t, Object v) { this.t = t; this.v = v; }
    @Override public boolean equals(Object o) {
      if (!(o instanceof Iface i)) return false;
      if (!Type.identical(t, i.t) && !t.equals(i.t) && !(t.str().equals(i.t.str()))) return false;
      if (t instanceof Type.Pointer || t.underlying() instanceof Type.Pointer) return v == i.v;
      return Values.equal(v, i.v);
    }
    @Override public int hashCode() { return Values.hash(v); }
  }

  /** A library value that Go compares by value (time.Time): {@code ==} and map keys use its equals and hashCode. */
  public interface ComparedByValue {}

  /** Struct keys in maps compare by value; everything else by Java equality. */
  public static boolean equal(Object a, Object b) {
    if (a == b) return true;
    if (a == null || b == null) return false;
    if (a instanceof StructVal || a instanceof ArrayVal || a instanceof Iface || a instanceof ComparedByValue) return a.equals(b);
    if (a instanceof Long x && b instanceof Long y) return x.longValue() == y.longValue();
    if (a instanceof Double x && b instanceof Double y) return x.doubleValue() == y.doubleValue();
    if (a instanceof String || a instanceof Boolean) return a.equals(b);
    return false; // pointers, channels, maps: identity (checked above)
  }

  public static int hash(Object x) {
    if (x == null) return 0;
    if (x instanceof Long || x instanceof String || x instanceof Boolean || x instanceof Double) return x.hashCode();
    if (x instanceof StructVal || x instanceof ArrayVal || x instanceof Iface || x instanceof ComparedByValue) return x.hashCode();
    return System.identityHashCode(x);
  }

  /** Map key wrapper so that pointer keys compare by identity and struct keys by value. */
  public static Object key(Object k) {
    if (k == null || k instanceof Long || k instanceof String || k instanceof Boolean || k instanceof Double
        || k instanceof StructVal || k instanceof ArrayVal || k instanceof Iface || k instanceof ComparedByValue) return k;
    return new IdKey(k);
  }

  public static Object unkey(Object k) {
    return k instanceof IdKey ik ? ik.o : k;
  }

  record IdKey(Object o) {
    @Override public boolean equals(Object x) { return x instanceof IdKey k && k.o == o; }
    @Override public int hashCode() { return System.identityHashCode(o); }
  }

  /** The zero value of a type. */
  public static Object zero(Type t) {
    Type u = t.underlying();
    if (u instanceof Type.Basic b) {
      if (b.isInteger()) return 0L;
      if (b.isFloat()) return 0.0;
      if (b.isString()) return "";
      if (b.isBool()) return Boolean.FALSE;
      return null;
    }
    if (u instanceof Type.Struct s) {
      Object[] f = new Object[s.fields.size()];
      for (int i = 0; i < f.length; i++) f[i] = zero(s.fields.get(i).type());
      return new StructVal(t, f);
    }
    if (u instanceof Type.Array a) {
      Object[] arr = new Object[a.len];
      for (int i = 0; i < arr.length; i++) arr[i] = zero(a.elem);
      return new ArrayVal(arr);
    }
    if (u instanceof Type.Opaque o) return o.zero.get();
    return null;
  }

  public static Object copy(Object v) {
    return v instanceof ValueObj vo ? vo.copyValue() : v;
  }

  static String describe(Object o) {
    return Objects.toString(o);
  }
}
