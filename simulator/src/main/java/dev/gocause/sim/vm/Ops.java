package dev.gocause.sim.vm;

import dev.gocause.sim.vm.Values.*;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runtime helpers used by compiled instructions. */
final class Ops {
  private Ops() {}

  static long wrap(Type.BKind k, long v) {
    return switch (k) {
      case INT8 -> (byte) v;
      case INT16 -> (short) v;
      case INT32 -> (int) v;
      case UINT8 -> v & 0xff;
      case UINT16 -> v & 0xffff;
      case UINT32 -> v & 0xffffffffL;
      default -> v;
    };
  }

  static boolean unsigned(Type.BKind k) {
    return switch (k) {
      case UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR -> true;
      default -> false;
    };
  }

  static Object binary(String op, Object x, Object y, Type.BKind k) {
    if (x instanceof Long a && y instanceof Long b) {
      long l = a;
      long r = b;
      long v;
      switch (op) {
        case "+": v = l + r; break;
        case "-": v = l - r; break;
        case "*": v = l * r; break;
        case "/":
          if (r == 0) throw new ArithmeticException();
          v = k != null && unsigned(k) ? Long.divideUnsigned(l, r) : l / r;
          break;
        case "%":
          if (r == 0) throw new ArithmeticException();
          v = k != null && unsigned(k) ? Long.remainderUnsigned(l, r) : l % r;
          break;
        case "&": v = l & r; break;
        case "|": v = l | r; break;
        case "^": v = l ^ r; break;
        case "&^": v = l & ~r; break;
        case "<<": v = r >= 64 ? 0 : l << r; break;
        case ">>": v = k != null && unsigned(k) ? (r >= 64 ? 0 : l >>> r) : (r >= 64 ? (l < 0 ? -1 : 0) : l >> r); break;
        default: throw new IllegalStateException(op);
      }
      return k == null ? v : wrap(k, v);
    }
    if (x instanceof String a && op.equals("+")) return a + (String) y;
    double l = ((Number) x).doubleValue();
    double r = ((Number) y).doubleValue();
    switch (op) {
      case "+": return l + r;
      case "-": return l - r;
      case "*": return l * r;
      case "/": return l / r;
      default: throw new IllegalStateException(op + " on floats");
    }
  }

  static Object binaryConst(String op, Object x, Object y, Type t) {
    try {
      if (Compiler.isCompare(op)) return compare(op, x, y, null);
      if (op.equals("&&")) return (Boolean) x && (Boolean) y;
      if (op.equals("||")) return (Boolean) x || (Boolean) y;
      if (t == Type.UNTYPED_FLOAT || (t.underlying() instanceof Type.Basic b && b.isFloat())) {
        if (x instanceof Long l) x = l.doubleValue();
        if (y instanceof Long l) y = l.doubleValue();
      }
      if (op.equals("/") && x instanceof Double && y instanceof Double) return (Double) x / (Double) y;
      return binary(op, x, y, t.underlying() instanceof Type.Basic b ? b.kind : null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Object unary(String op, Object x, Type.BKind k) {
    switch (op) {
      case "-":
        return x instanceof Long l ? (Object) wrap(k, -l) : (Object) (-(Double) x);
      case "+":
        return x;
      case "!":
        return !(Boolean) x;
      case "^":
        return wrap(k, ~(Long) x);
      default:
        throw new IllegalStateException(op);
    }
  }

  @SuppressWarnings("unchecked")
  static Object compare(String op, Object x, Object y, Type.BKind k) {
    switch (op) {
      case "==":
        return Values.equal(x, y) || (x instanceof Number a && y instanceof Number b && a.doubleValue() == b.doubleValue() && !(x instanceof Long && y instanceof Long));
      case "!=":
        return !(Boolean) compare("==", x, y, k);
      default:
        break;
    }
    int c;
    if (x instanceof Long a && y instanceof Long b) c = k != null && unsigned(k) ? Long.compareUnsigned(a, b) : Long.compare(a, b);
    else if (x instanceof String a) c = a.compareTo((String) y);
    else c = Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue());
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  static Object convertBasic(Object v, Type.BKind k) {
    switch (k) {
      case FLOAT32:
      case FLOAT64:
        return v instanceof Long l ? (Object) l.doubleValue() : v;
      case STRING:
        return v;
      case BOOL:
        return v;
      default:
        if (v instanceof Double d) return wrap(k, d.longValue());
        if (v instanceof Long l) return wrap(k, l);
        return v;
    }
  }

  static Object retype(Object v, Type t) {
    if (v instanceof StructVal s) return new StructVal(t, s.f);
    return v;
  }

  static Object assignInto(Machine m, G g, Object old, Object nv, boolean inPlace) {
    if (inPlace && old instanceof StructVal o && nv instanceof StructVal n && o != n && o.f.length == n.f.length) {
      // keep the variable's identity so that pointers to it (&x) see the new value
      writeFields(m, g, o, 0);
      System.arraycopy(n.f, 0, o.f, 0, o.f.length);
      return o;
    }
    return nv;
  }

  /**
   * A whole struct written in place ({@code x = T{...}}, {@code *p = v}, a range variable's next
   * value) is a write of each of its fields, as the race detector sees it: a goroutine reading a
   * field through a pointer to it ({@code go f(&v)} in a loop before Go 1.22) races with it.
   */
  static void writeFields(Machine m, G g, StructVal o, int depth) {
    Type.Struct st = o.type.underlying() instanceof Type.Struct s ? s : null;
    for (int i = 0; i < o.f.length; i++) {
      m.write(g, o.shadow(i), new FieldRef(o, i), st != null && i < st.fields.size() ? st.fields.get(i).name() : "field");
      if (depth < 4 && o.f[i] instanceof StructVal inner && (st == null || i >= st.inlineFields().length || st.inlineFields()[i])) {
        writeFields(m, g, inner, depth + 1);
      }
    }
  }

  static int len(Object v) {
    if (v == null) return 0;
    if (v instanceof SliceVal s) return s.len;
    if (v instanceof String s) return s.getBytes(StandardCharsets.UTF_8).length;
    if (v instanceof ArrayVal a) return a.a.length;
    if (v instanceof MapVal m) return m.m.size();
    if (v instanceof Machine.Chan c) return c.buf.size();
    throw new IllegalStateException("len of " + v.getClass());
  }

  static int cap(Object v) {
    if (v == null) return 0;
    if (v instanceof SliceVal s) return s.cap;
    if (v instanceof ArrayVal a) return a.a.length;
    if (v instanceof Machine.Chan c) return c.cap;
    throw new IllegalStateException("cap of " + v.getClass());
  }

  static ElemRef elemRef(Object idx, Object container) {
    long i = (Long) idx;
    if (container instanceof SliceVal s) {
      if (i < 0 || i >= s.len) throw new Machine.GoPanic(Natives.runtimeError("index out of range [" + i + "] with length " + s.len));
      return new ElemRef(s.arr, s.off + (int) i);
    }
    if (container instanceof ArrayVal a) {
      if (i < 0 || i >= a.a.length) throw new Machine.GoPanic(Natives.runtimeError("index out of range [" + i + "] with length " + a.a.length));
      return new ElemRef(a, (int) i);
    }
    if (container == null) throw new Machine.GoPanic(Natives.runtimeError("index out of range [" + i + "] with length 0"));
    throw new IllegalStateException("index into " + container.getClass());
  }

  static Object slice(Object x, Long lo, Long hi, Long max) {
    if (x instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      int l = lo == null ? 0 : lo.intValue();
      int h = hi == null ? b.length : hi.intValue();
      if (h < 0 || h > b.length) throw new Machine.GoPanic(Natives.runtimeError("slice bounds out of range [:" + h + "] with length " + b.length));
      if (l < 0 || l > h) throw new Machine.GoPanic(Natives.runtimeError("slice bounds out of range [" + l + ":" + h + "]"));
      return new String(b, l, h - l, StandardCharsets.UTF_8);
    }
    ArrayVal arr;
    int off;
    int len;
    int cap;
    if (x instanceof SliceVal s) {
      arr = s.arr;
      off = s.off;
      len = s.len;
      cap = s.cap;
    } else if (x instanceof ArrayVal a) {
      arr = a;
      off = 0;
      len = a.a.length;
      cap = len;
    } else if (x == null) {
      arr = new ArrayVal(new Object[0]);
      off = 0;
      len = 0;
      cap = 0;
    } else {
      throw new IllegalStateException("slice of " + x.getClass());
    }
    int l = lo == null ? 0 : lo.intValue();
    int h = hi == null ? len : hi.intValue();
    int mx = max == null ? cap : max.intValue();
    if (mx < 0 || mx > cap) throw new Machine.GoPanic(Natives.runtimeError("slice bounds out of range [::" + mx + "] with capacity " + cap));
    if (h < 0 || h > mx) throw new Machine.GoPanic(Natives.runtimeError("slice bounds out of range [:" + h + "] with capacity " + cap));
    if (l < 0 || l > h) throw new Machine.GoPanic(Natives.runtimeError("slice bounds out of range [" + l + ":" + h + "]"));
    if (x == null && l == 0 && h == 0) return null;
    return new SliceVal(arr, off + l, h - l, mx - l);
  }

  static Object append(Machine m, G g, Object s, Object[] vs, Type elem) {
    SliceVal sl = (SliceVal) s;
    int len = sl == null ? 0 : sl.len;
    int cap = sl == null ? 0 : sl.cap;
    if (vs.length == 0) return s;
    if (len + vs.length <= cap) {
      for (int i = 0; i < vs.length; i++) {
        int k = sl.off + len + i;
        m.write(g, sl.arr.shadow(k), new ElemRef(sl.arr, k), "slice element");
        sl.arr.a[k] = vs[i];
      }
      return new SliceVal(sl.arr, sl.off, len + vs.length, cap);
    }
    long esize = Type.sizeof(elem);
    int ncap = growCap(cap, len + vs.length, esize);
    m.alloc(Math.max(8L, esize) * ncap); // before the array exists: growing past the heap limit ends in LIMIT
    Object[] na = new Object[ncap];
    if (sl != null) {
      for (int i = 0; i < len; i++) {
        int k = sl.off + i;
        m.read(g, sl.arr.shadow(k), new ElemRef(sl.arr, k), "slice element");
      }
      System.arraycopy(sl.arr.a, sl.off, na, 0, len);
    }
    System.arraycopy(vs, 0, na, len, vs.length);
    boolean agg = Type.isValueAggregate(elem);
    Object z = agg ? null : Values.zero(elem);
    for (int i = len + vs.length; i < ncap; i++) na[i] = agg ? Values.zero(elem) : z;
    return new SliceVal(new ArrayVal(na), 0, len + vs.length, ncap);
  }

  /** Go 1.19's class_to_size (runtime/sizeclasses.go): the sizes of the small-object allocator's size classes. */
  private static final int[] SIZE_CLASSES = {0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224,
      240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048,
      2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568,
      14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

  /** Go's roundupsize: the bytes malloc really hands out for a request of size bytes. */
  static long roundupsize(long size) {
    if (size < 32768) {
      int i = java.util.Arrays.binarySearch(SIZE_CLASSES, (int) size);
      return SIZE_CLASSES[i >= 0 ? i : -i - 1];
    }
    long page = 8192;
    return size + page < size ? size : (size + page - 1) / page * page;
  }

  /**
   * Go 1.19's runtime.growslice: the capacity of the array append allocates to hold {@code needed} elements of
   * {@code esize} bytes when the old capacity is {@code oldCap} — double below 256 elements, then grow by
   * (newcap + 3*256)/4 until it fits, then round the bytes up to a malloc size class.
   */
  static int growCap(int oldCap, int needed, long esize) {
    if (esize == 0) return needed;
    long newcap = oldCap;
    long doublecap = newcap + newcap;
    if (needed > doublecap) {
      newcap = needed;
    } else if (oldCap < 256) {
      newcap = doublecap;
    } else {
      while (0 < newcap && newcap < needed) newcap += (newcap + 3 * 256) / 4;
      if (newcap <= 0) newcap = needed;
    }
    long capmem = roundupsize(newcap * esize);
    return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, capmem / esize));
  }

  private static Object zeroLike(Object v) {
    if (v instanceof Long) return 0L;
    if (v instanceof Double) return 0.0;
    if (v instanceof String) return "";
    if (v instanceof Boolean) return Boolean.FALSE;
    return null;
  }

  static Object appendSlice(Machine m, G g, Object s, Object more, Type elem) {
    SliceVal ms = (SliceVal) more;
    if (ms == null || ms.len == 0) return s;
    Object[] vs = new Object[ms.len];
    System.arraycopy(ms.arr.a, ms.off, vs, 0, ms.len);
    if (Type.isValueAggregate(elem)) for (int i = 0; i < vs.length; i++) vs[i] = Values.copy(vs[i]);
    return append(m, g, s, vs, elem);
  }

  static int copy(Machine m, G g, Object dst, Object src) {
    SliceVal d = (SliceVal) dst;
    if (d == null) return 0;
    if (src instanceof String s) src = stringToSlice(s, false);
    SliceVal sr = (SliceVal) src;
    if (sr == null) return 0;
    int n = Math.min(d.len, sr.len);
    Object[] tmp = new Object[n];
    System.arraycopy(sr.arr.a, sr.off, tmp, 0, n);
    for (int i = 0; i < n; i++) {
      int k = d.off + i;
      m.write(g, d.arr.shadow(k), new ElemRef(d.arr, k), "slice element");
      d.arr.a[k] = tmp[i];
    }
    return n;
  }

  static void clear(Object v) {
    if (v instanceof MapVal mv) mv.m.clear();
    else if (v instanceof SliceVal s) for (int i = 0; i < s.len; i++) s.arr.a[s.off + i] = zeroLike(s.arr.a[s.off + i]);
  }

  static Object stringToSlice(String s, boolean runes) {
    if (runes) {
      int[] cps = s.codePoints().toArray();
      Object[] a = new Object[cps.length];
      for (int i = 0; i < cps.length; i++) a[i] = (long) cps[i];
      return new SliceVal(new ArrayVal(a), 0, a.length, a.length);
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    Object[] a = new Object[b.length];
    for (int i = 0; i < b.length; i++) a[i] = (long) (b[i] & 0xff);
    return new SliceVal(new ArrayVal(a), 0, a.length, a.length);
  }

  static String bytesToString(Object v) {
    SliceVal s = (SliceVal) v;
    if (s == null) return "";
    boolean allBytes = true;
    for (int i = 0; i < s.len; i++) if ((Long) s.arr.a[s.off + i] > 255) allBytes = false;
    if (!allBytes) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < s.len; i++) sb.appendCodePoint((int) (long) (Long) s.arr.a[s.off + i]);
      return sb.toString();
    }
    byte[] b = new byte[s.len];
    for (int i = 0; i < s.len; i++) b[i] = (byte) (long) (Long) s.arr.a[s.off + i];
    return new String(b, StandardCharsets.UTF_8);
  }

  /** {byteIndex, rune} pairs for range over a string. */
  static long[][] runes(String s) {
    List<long[]> out = new ArrayList<>();
    int bi = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      out.add(new long[] {bi, cp});
      bi += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      i += Character.charCount(cp);
    }
    return out.toArray(new long[0][]);
  }

  // ---------------- maps (with Go's concurrent-write detection) ----------------
  static void mapReadCheck(Machine m, G g, MapVal mv) {
    if (mv.writing != 0 && mv.writing != g.id) m.fatal(g, "concurrent map read and map write", true);
  }

  static Object mapGet(Machine m, G g, MapVal mv, Object key, Type vt, boolean commaOk) {
    if (mv == null) return commaOk ? new Object[] {Values.zero(vt), Boolean.FALSE} : Values.zero(vt);
    mapReadCheck(m, g, mv);
    m.read(g, mv.sh, mv, "map");
    Object v = mv.m.get(key);
    boolean ok = v != null || mv.m.containsKey(key);
    if (!ok) v = Values.zero(vt);
    else if (Type.isValueAggregate(vt)) v = Values.copy(v);
    return commaOk ? new Object[] {v, ok} : v;
  }

  static void mapWriteBegin(Machine m, G g, MapVal mv) {
    if (mv == null) throw new Machine.GoPanic(Natives.plainError("assignment to entry in nil map"));
    if (mv.writing != 0 && mv.writing != g.id) m.fatal(g, "concurrent map writes", true);
    mv.writing = g.id;
  }

  static void mapWriteEnd(Machine m, G g, MapVal mv, Object key, Object v) {
    if (mv == null) throw new Machine.GoPanic(Natives.plainError("assignment to entry in nil map"));
    if (mv.writing != g.id && mv.writing != 0) m.fatal(g, "concurrent map writes", true);
    m.write(g, mv.sh, mv, "map");
    if (!mv.m.containsKey(key)) m.alloc(16);
    mv.m.put(key, v);
    mv.writing = 0;
  }

  static void mapDeleteEnd(Machine m, G g, MapVal mv, Object key) {
    if (mv.writing != g.id && mv.writing != 0) m.fatal(g, "concurrent map writes", true);
    m.write(g, mv.sh, mv, "map");
    mv.m.remove(Values.key(key));
    mv.writing = 0;
  }

  // ---------------- pointers ----------------
  static Object deref(Machine m, G g, Object p) {
    if (p == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
    if (p instanceof Ref r) {
      m.read(g, r.shadow(), r, "*p");
      return r.load();
    }
    return p; // pointer to struct/array: the object itself
  }

  static void storeDeref(Machine m, G g, Object p, Object v) {
    if (p == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
    if (p instanceof Ref r) {
      m.write(g, r.shadow(), r, "*p");
      r.store(v);
      return;
    }
    if (p instanceof StructVal s && v instanceof StructVal n) {
      writeFields(m, g, s, 0);
      System.arraycopy(((StructVal) Values.copy(n)).f, 0, s.f, 0, s.f.length);
      return;
    }
    if (p instanceof ArrayVal a && v instanceof ArrayVal n) {
      System.arraycopy(n.a, 0, a.a, 0, a.a.length);
    }
  }

  // ---------------- interfaces ----------------
  static boolean typeMatches(Object v, Type t) {
    if (v == null) return false;
    Type dyn = ((Iface) v).t;
    if (Type.isInterface(t)) {
      Type.Interface it = (Type.Interface) t.underlying();
      for (String name : it.methods.keySet()) if (findMethod(dyn, name) == null) return false;
      return true;
    }
    return sameType(dyn, t);
  }

  static String missingMethod(Object v, Type t) {
    Type dyn = ((Iface) v).t;
    for (String name : ((Type.Interface) t.underlying()).methods.keySet()) if (findMethod(dyn, name) == null) return name;
    return "?";
  }

  static boolean sameType(Type a, Type b) {
    if (a == b) return true;
    if (a instanceof Type.Named || b instanceof Type.Named) return false;
    if (a instanceof Type.Basic x && b instanceof Type.Basic y) return x.kind == y.kind;
    if (a instanceof Type.Pointer x && b instanceof Type.Pointer y) return sameType(x.elem, y.elem);
    if (a instanceof Type.Slice x && b instanceof Type.Slice y) return sameType(x.elem, y.elem);
    if (a instanceof Type.MapT x && b instanceof Type.MapT y) return sameType(x.key, y.key) && sameType(x.value, y.value);
    if (a instanceof Type.Chan x && b instanceof Type.Chan y) return sameType(x.elem, y.elem) && x.dir == y.dir;
    return Type.identical(a, b);
  }

  /** Method lookup on a dynamic type (pointer receivers and embedded promotion included). */
  static Object[] findMethod(Type dyn, String name) {
    Type base = dyn;
    if (dyn instanceof Type.Pointer p) base = p.elem;
    return findIn(base, name, new int[0], 0);
  }

  private static Object[] findIn(Type t, String name, int[] path, int depth) {
    if (depth > 5) return null;
    if (t instanceof Type.Named n) {
      Type.Method m = n.methods.get(name);
      if (m != null) return new Object[] {m, path};
    }
    if (t.underlying() instanceof Type.Struct st) {
      for (int i = 0; i < st.fields.size(); i++) {
        Type.FieldT f = st.fields.get(i);
        if (!f.embedded()) continue;
        Type ft = f.type();
        if (ft.underlying() instanceof Type.Pointer p) ft = p.elem;
        int[] np = java.util.Arrays.copyOf(path, path.length + 1);
        np[path.length] = i;
        if (Type.isInterface(ft)) {
          if (((Type.Interface) ft.underlying()).methods.containsKey(name)) return new Object[] {name, np};
          continue;
        }
        Object[] r = findIn(ft, name, np, depth + 1);
        if (r != null) return r;
      }
    }
    return null;
  }

  static void callIface(Machine m, G g, Frame f, Object recv, String name, Object[] args) {
    if (recv == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
    Iface i = (Iface) recv;
    Object[] found = findMethod(i.t, name);
    if (found == null) throw new IllegalStateException("no method " + name + " on " + i.t.str());
    Object r = i.v;
    for (int k : (int[]) found[1]) r = ((StructVal) r).f[k];
    if (found[0] instanceof String) {
      // promoted through an embedded interface
      callIface(m, g, f, r, name, args);
      return;
    }
    Type.Method meth = (Type.Method) found[0];
    Object[] a = new Object[args.length + 1];
    a[0] = meth.ptrRecv ? r : Values.copy(r);
    if (!meth.ptrRecv && r == null && i.t instanceof Type.Pointer) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
    System.arraycopy(args, 0, a, 1, args.length);
    if (meth.nat != null) {
      int pcBefore = f.pc;
      meth.nat.call(m, g, f, a);
      if (f.pc < pcBefore) {
        f.push(recv);
        for (Object x : args) f.push(x);
      }
      return;
    }
    Frame nf = new Frame(meth.code, null);
    System.arraycopy(a, 0, nf.locals, 0, a.length);
    nf.caller = f;
    g.frame = nf;
  }

  static Object ifaceMethodValue(Object recv, String name) {
    if (recv == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
    Iface i = (Iface) recv;
    Object[] found = findMethod(i.t, name);
    Object r = i.v;
    for (int k : (int[]) found[1]) r = ((StructVal) r).f[k];
    if (found[0] instanceof String) return ifaceMethodValue(r, name);
    Type.Method meth = (Type.Method) found[0];
    Object rv = meth.ptrRecv ? r : Values.copy(r);
    if (meth.nat != null) return new Closure(null, null, rv, meth.nat, i.t.str() + "." + name);
    return new Closure(meth.code, null, rv, null, null);
  }
}
