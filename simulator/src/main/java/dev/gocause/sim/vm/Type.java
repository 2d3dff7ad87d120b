package dev.gocause.sim.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Static (and, inside interface values, dynamic) Go types. */
public abstract class Type {

  /** Go's spelling, as %T prints it. */
  public abstract String str();

  @Override
  public String toString() {
    return str();
  }

  public Type underlying() {
    return this;
  }

  // ---------------- basic ----------------
  public enum BKind { BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR, FLOAT32, FLOAT64, STRING,
    UNTYPED_INT, UNTYPED_FLOAT, UNTYPED_RUNE, UNTYPED_STRING, UNTYPED_BOOL, UNTYPED_NIL, UNSAFE_POINTER }

  public static final class Basic extends Type {
    public final BKind kind;
    public final String name;
    Basic(BKind kind, String name) { this.kind = kind; this.name = name; }
    @Override public String str() { return name; }
    public boolean isInteger() {
      return switch (kind) {
        case INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR, UNTYPED_INT, UNTYPED_RUNE -> true;
        default -> false;
      };
    }
    public boolean isFloat() { return kind == BKind.FLOAT32 || kind == BKind.FLOAT64 || kind == BKind.UNTYPED_FLOAT; }
    public boolean isString() { return kind == BKind.STRING || kind == BKind.UNTYPED_STRING; }
    public boolean isBool() { return kind == BKind.BOOL || kind == BKind.UNTYPED_BOOL; }
    public boolean isUntyped() { return name.startsWith("untyped"); }
  }

  public static final Basic BOOL = new Basic(BKind.BOOL, "bool");
  public static final Basic INT = new Basic(BKind.INT, "int");
  public static final Basic INT8 = new Basic(BKind.INT8, "int8");
  public static final Basic INT16 = new Basic(BKind.INT16, "int16");
  public static final Basic INT32 = new Basic(BKind.INT32, "int32");
  public static final Basic INT64 = new Basic(BKind.INT64, "int64");
  public static final Basic UINT = new Basic(BKind.UINT, "uint");
  public static final Basic UINT8 = new Basic(BKind.UINT8, "uint8");
  public static final Basic UINT16 = new Basic(BKind.UINT16, "uint16");
  public static final Basic UINT32 = new Basic(BKind.UINT32, "uint32");
  public static final Basic UINT64 = new Basic(BKind.UINT64, "uint64");
  public static final Basic UINTPTR = new Basic(BKind.UINTPTR, "uintptr");
  public static final Basic FLOAT32 = new Basic(BKind.FLOAT32, "float32");
  public static final Basic FLOAT64 = new Basic(BKind.FLOAT64, "float64");
  public static final Basic STRING = new Basic(BKind.STRING, "string");
  public static final Basic UNTYPED_INT = new Basic(BKind.UNTYPED_INT, "untyped int");
  public static final Basic UNTYPED_FLOAT = new Basic(BKind.UNTYPED_FLOAT, "untyped float");
  public static final Basic UNTYPED_RUNE = new Basic(BKind.UNTYPED_RUNE, "untyped rune");
  public static final Basic UNTYPED_STRING = new Basic(BKind.UNTYPED_STRING, "untyped string");
  public static final Basic UNTYPED_BOOL = new Basic(BKind.UNTYPED_BOOL, "untyped bool");
  public static final Basic UNTYPED_NIL = new Basic(BKind.UNTYPED_NIL, "untyped nil");

  // ---------------- composite ----------------
  public static final class Pointer extends Type {
    public final Type elem;
    public Pointer(Type elem) { this.elem = elem; }
    @Override public String str() { return "*" + elem.str(); }
    @Override public boolean equals(Object o) { return o instanceof Pointer p && p.elem.equals(elem); }
    @Override public int hashCode() { return 31 * elem.hashCode() + 1; }
  }

  public static final class Slice extends Type {
    public final Type elem;
    public Slice(Type elem) { this.elem = elem; }
    @Override public String str() { return "[]" + elem.str(); }
    @Override public boolean equals(Object o) { return o instanceof Slice p && p.elem.equals(elem); }
    @Override public int hashCode() { return 31 * elem.hashCode() + 2; }
  }

  public static final class Array extends Type {
    public final int len;
    public final Type elem;
    public Array(int len, Type elem) { this.len = len; this.elem = elem; }
    @Override public String str() { return "[" + len + "]" + elem.str(); }
    @Override public boolean equals(Object o) { return o instanceof Array p && p.elem.equals(elem) && p.len == len; }
    @Override public int hashCode() { return 31 * elem.hashCode() + len; }
  }

  public static final class MapT extends Type {
    public final Type key;
    public final Type value;
    public MapT(Type key, Type value) { this.key = key; this.value = value; }
    @Override public String str() { return "map[" + key.str() + "]" + value.str(); }
    @Override public boolean equals(Object o) { return o instanceof MapT p && p.key.equals(key) && p.value.equals(value); }
    @Override public int hashCode() { return 31 * key.hashCode() + value.hashCode(); }
  }

  public static final class Chan extends Type {
    public final Type elem;
    public final int dir; // 0 both, 1 send, 2 recv
    public Chan(Type elem, int dir) { this.elem = elem; this.dir = dir; }
    @Override public String str() { return (dir == 2 ? "<-chan " : dir == 1 ? "chan<- " : "chan ") + elem.str(); }
    @Override public boolean equals(Object o) { return o instanceof Chan p && p.elem.equals(elem) && p.dir == dir; }
    @Override public int hashCode() { return 31 * elem.hashCode() + dir + 7; }
  }

  public static final class Func extends Type {
    public final List<Type> params;
    public final List<Type> results;
    public final boolean variadic;
    public Func(List<Type> params, List<Type> results, boolean variadic) {
      this.params = params;
      this.results = results;
      this.variadic = variadic;
    }
    @Override public String str() {
      StringBuilder sb = new StringBuilder("func(");
      for (int i = 0; i < params.size(); i++) {
        if (i > 0) sb.append(", ");
        if (variadic && i == params.size() - 1) sb.append("...").append(((Slice) params.get(i)).elem.str());
        else sb.append(params.get(i).str());
      }
      sb.append(")");
      if (results.size() == 1) sb.append(" ").append(results.get(0).str());
      else if (results.size() > 1) {
        sb.append(" (");
        for (int i = 0; i < results.size(); i++) sb.append(i > 0 ? ", " : "").append(results.get(i).str());
        sb.append(")");
      }
      return sb.toString();
    }
    @Override public boolean equals(Object o) {
      return o instanceof Func p && p.params.equals(params) && p.results.equals(results) && p.variadic == variadic;
    }
    @Override public int hashCode() { return params.hashCode() * 31 + results.hashCode(); }
  }

  public static final class Tuple extends Type {
    public final List<Type> types;
    public Tuple(List<Type> types) { this.types = types; }
    @Override public String str() { return types.toString(); }
  }

  /** One struct field. */
  public record FieldT(String name, Type type, boolean embedded) {}

  public static final class Struct extends Type {
    public final List<FieldT> fields = new ArrayList<>();
    private boolean[] inline;

    /** Which fields hold their value inline (copied with the struct) rather than a reference; computed once used. */
    public boolean[] inlineFields() {
      boolean[] in = inline;
      if (in == null || in.length != fields.size()) {
        in = new boolean[fields.size()];
        for (int i = 0; i < in.length; i++) in[i] = isValueAggregate(fields.get(i).type());
        inline = in;
      }
      return in;
    }
    @Override public String str() {
      StringBuilder sb = new StringBuilder("struct {");
      for (int i = 0; i < fields.size(); i++) {
        sb.append(i > 0 ? "; " : " ").append(fields.get(i).embedded() ? "" : fields.get(i).name() + " ").append(fields.get(i).type().str());
      }
      return sb.append(fields.isEmpty() ? "}" : " }").toString();
    }
    public int index(String name) {
      for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(name)) return i;
      return -1;
    }
  }

  /** One term of a constraint's type set: {@code int} or {@code ~int}. */
  public record Term(boolean tilde, Type type) {
    @Override public String toString() { return (tilde ? "~" : "") + type.str(); }
  }

  public static final class Interface extends Type {
    public final Map<String, Func> methods = new LinkedHashMap<>();
    public final List<Type> embeds = new ArrayList<>();
    /** A constraint's type elements: each line is a union of terms; a type must match one term of every line. */
    public final List<List<Term>> typeSet = new ArrayList<>();
    /** Whether the constraint embeds {@code comparable}. */
    public boolean comparable;
    @Override public String str() {
      if (methods.isEmpty()) return "interface {}";
      StringBuilder sb = new StringBuilder("interface {");
      int i = 0;
      for (var e : methods.entrySet()) sb.append(i++ > 0 ? "; " : " ").append(e.getKey()).append(e.getValue().str().substring(4));
      return sb.append(" }").toString();
    }
  }

  /** A method: compiled Go function, or a native implementation. */
  public static final class Method {
    public final String name;
    public final boolean ptrRecv;
    public Func sig; // without receiver
    public FuncCode code; // Go method (receiver is local 0)
    public Natives.NativeFn nat; // library method
    public Method(String name, boolean ptrRecv) { this.name = name; this.ptrRecv = ptrRecv; }
  }

  /**
   * A type parameter while a generic signature is unified with the arguments of a call (type-argument inference); code
   * is only compiled for instantiations, where each parameter names its type argument.
   */
  public static final class TypeParam extends Type {
    public final String name;
    public final int index;
    public TypeParam(String name, int index) { this.name = name; this.index = index; }
    @Override public String str() { return name; }
  }

  public static final class Named extends Type {
    public final String name; // qualified as Go prints it: main.Counter, sync.Mutex
    public Type under;
    /** For an instantiation of a generic type: the generic declaration and the type arguments. */
    public Object origin;
    public List<Type> typeArgs;
    public final Map<String, Method> methods = new LinkedHashMap<>();
    public Named(String name, Type under) { this.name = name; this.under = under; }
    @Override public String str() { return name; }
    @Override public Type underlying() { return under == null ? this : under.underlying(); }
  }

  /** A library type implemented in Java (sync.Mutex, time.Time, ...); zero() makes its zero value. */
  public static final class Opaque extends Type {
    public final String name;
    public final java.util.function.Supplier<Object> zero;
    public final boolean byValue; // copied on assignment (Mutex, WaitGroup...) vs reference-like (context)
    public Opaque(String name, java.util.function.Supplier<Object> zero, boolean byValue) {
      this.name = name;
      this.zero = zero;
      this.byValue = byValue;
    }
    @Override public String str() { return name; }
  }

  // ---------------- sizes (Go on amd64: unsafe.Sizeof / Alignof) ----------------
  /** Size in bytes of a value of type t as Go lays it out on amd64 (library types by their Go 1.19 layout). */
  public static long sizeof(Type t) {
    if (t instanceof Named n && n.under == null) return 8;
    Type u = t.underlying();
    if (u instanceof Basic b) {
      return switch (b.kind) {
        case BOOL, INT8, UINT8, UNTYPED_BOOL -> 1;
        case INT16, UINT16 -> 2;
        case INT32, UINT32, FLOAT32, UNTYPED_RUNE -> 4;
        case STRING, UNTYPED_STRING -> 16;
        default -> 8;
      };
    }
    if (u instanceof Slice) return 24;
    if (u instanceof Interface) return 16;
    if (u instanceof Array a) return a.len * sizeof(a.elem);
    if (u instanceof Struct st) {
      long off = 0;
      long align = 1;
      for (FieldT f : st.fields) {
        long fa = alignof(f.type());
        off = (off + fa - 1) / fa * fa + sizeof(f.type());
        align = Math.max(align, fa);
      }
      // a final zero-size field gets one byte of padding so that its address stays inside the struct
      if (!st.fields.isEmpty() && sizeof(st.fields.get(st.fields.size() - 1).type()) == 0 && off > 0) off++;
      return (off + align - 1) / align * align;
    }
    if (u instanceof Opaque o) {
      return switch (o.name) {
        case "sync.Mutex" -> 8;
        case "sync.Once" -> 12;
        case "sync.RWMutex", "time.Time" -> 24;
        case "sync.WaitGroup", "atomic.Value" -> 16;
        case "rand.Rand" -> 48;
        case "strings.Builder" -> 32;
        case "atomic.Bool", "atomic.Int32", "atomic.Uint32" -> 4;
        default -> 8;
      };
    }
    return 8; // pointers, maps, channels, funcs
  }

  /** Alignment in bytes of a value of type t on amd64. */
  public static long alignof(Type t) {
    if (t instanceof Named n && n.under == null) return 8;
    Type u = t.underlying();
    if (u instanceof Basic b) return Math.min(8, Math.max(1, b.isString() ? 8 : sizeof(b)));
    if (u instanceof Array a) return alignof(a.elem);
    if (u instanceof Struct st) {
      long align = 1;
      for (FieldT f : st.fields) align = Math.max(align, alignof(f.type()));
      return align;
    }
    if (u instanceof Opaque o) {
      return switch (o.name) {
        case "sync.Mutex", "sync.Once", "atomic.Bool", "atomic.Int32", "atomic.Uint32" -> 4;
        default -> 8;
      };
    }
    return 8;
  }

  // ---------------- helpers ----------------
  public static boolean isInterface(Type t) {
    return t != null && t.underlying() instanceof Interface;
  }

  /** Default type of an untyped constant. */
  public static Type defaultType(Type t) {
    if (t instanceof Basic b) {
      return switch (b.kind) {
        case UNTYPED_INT -> INT;
        case UNTYPED_FLOAT -> FLOAT64;
        case UNTYPED_RUNE -> INT32;
        case UNTYPED_STRING -> STRING;
        case UNTYPED_BOOL -> BOOL;
        default -> t;
      };
    }
    return t;
  }

  public static boolean identical(Type a, Type b) {
    if (a == b) return true;
    if (a == null || b == null) return false;
    if (a instanceof Named || b instanceof Named) return false;
    if (a instanceof Basic || b instanceof Basic) return false;
    if (a instanceof Struct sa && b instanceof Struct sb) {
      if (sa.fields.size() != sb.fields.size()) return false;
      for (int i = 0; i < sa.fields.size(); i++) {
        if (!sa.fields.get(i).name().equals(sb.fields.get(i).name()) || !identical(sa.fields.get(i).type(), sb.fields.get(i).type())) return false;
      }
      return true;
    }
    if (a instanceof Interface ia && b instanceof Interface ib) return ia.methods.keySet().equals(ib.methods.keySet());
    return a.equals(b);
  }

  /** True when values of this type are stored inline (copied on assignment): structs and arrays. */
  public static boolean isValueAggregate(Type t) {
    Type u = t.underlying();
    return u instanceof Struct || u instanceof Array || (u instanceof Opaque o && o.byValue);
  }
}
