package dev.gocause.sim.vm;

import dev.gocause.sim.UnsupportedConstructException;
import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.lang.Ast.*;
import dev.gocause.sim.lang.Lexer;
import dev.gocause.sim.vm.FuncCode.Ins;
import dev.gocause.sim.vm.FuncCode.Op;
import dev.gocause.sim.vm.Values.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Type-checks the Go subset just enough for Go semantics and compiles it to {@link FuncCode}. */
public final class Compiler {

  // ---------------- symbols and scopes ----------------
  static final int VAR = 0, CONST = 1, TYPE = 2, FUNC = 3, PKG = 4, BUILTIN = 5, NIL = 6;

  static final class Sym {
    final String name;
    final int kind;
    Type type;
    Fn owner; // null: global
    int slot;
    boolean boxed;
    Object value; // const value, FuncCode, package path, builtin name
    String key;
    Sym(String name, int kind, Type type) {
      this.name = name;
      this.kind = kind;
      this.type = type;
    }
  }

  static final class Scope {
    final Scope parent;
    final Map<String, Sym> names = new HashMap<>();
    Scope(Scope parent) { this.parent = parent; }
    Sym lookup(String n) {
      for (Scope s = this; s != null; s = s.parent) {
        Sym x = s.names.get(n);
        if (x != null) return x;
      }
      return null;
    }
  }

  static final class Label {
    int pc = -1;
  }

  static final class Loop {
    final String label;
    final Label brk;
    final Label cont; // null for switch/select
    Loop(String label, Label brk, Label cont) {
      this.label = label;
      this.brk = brk;
      this.cont = cont;
    }
  }

  final class Fn {
    final FuncCode code;
    final Fn parent;
    final List<Sym> caps = new ArrayList<>();
    final Type.Func sig;
    final List<Sym> results = new ArrayList<>();
    final ArrayDeque<Loop> loops = new ArrayDeque<>();
    int closures;
    Fn(FuncCode code, Fn parent, Type.Func sig) {
      this.code = code;
      this.parent = parent;
      this.sig = sig;
    }
    int newLocal() {
      return code.nLocals++;
    }
    int capIndex(Sym s) {
      int i = caps.indexOf(s);
      if (i >= 0) return i;
      caps.add(s);
      return caps.size() - 1;
    }
  }

  // ---------------- state ----------------
  private final String file;
  private final String displayFile;
  private final boolean go122;
  private final Program prog;
  private final Scope universe = new Scope(null);
  private final Scope pkgScope = new Scope(universe);
  private final Map<String, String> imports = new HashMap<>();
  private final Set<String> boxedKeys = new HashSet<>();
  private boolean boxedChanged;
  private Fn fn;
  private Scope scope;
  private int line;
  private final List<Sym> globalsInOrder = new ArrayList<>();
  private final Map<String, Integer> methodClosureCounts = new HashMap<>();
  private final List<FuncDecl> funcDecls = new ArrayList<>();
  private final Map<FuncDecl, FuncCode> funcCodes = new LinkedHashMap<>();
  private boolean snippet;
  private String pkgName = "main";

  public Compiler(String file, String displayFile, boolean go122) {
    this.file = file;
    this.displayFile = displayFile;
    this.go122 = go122;
    this.prog = new Program(displayFile);
    Type[] basics = {Type.BOOL, Type.INT, Type.INT8, Type.INT16, Type.INT32, Type.INT64, Type.UINT, Type.UINT8, Type.UINT16,
      Type.UINT32, Type.UINT64, Type.UINTPTR, Type.FLOAT32, Type.FLOAT64, Type.STRING};
    for (Type t : basics) universe.names.put(t.str(), new Sym(t.str(), TYPE, t));
    universe.names.put("byte", new Sym("byte", TYPE, Type.UINT8));
    universe.names.put("rune", new Sym("rune", TYPE, Type.INT32));
    universe.names.put("any", new Sym("any", TYPE, new Type.Interface()));
    universe.names.put("error", new Sym("error", TYPE, Natives.ERROR));
    universe.names.put("true", constSym("true", Boolean.TRUE, Type.UNTYPED_BOOL));
    universe.names.put("false", constSym("false", Boolean.FALSE, Type.UNTYPED_BOOL));
    universe.names.put("nil", new Sym("nil", NIL, Type.UNTYPED_NIL));
    for (String b : List.of("len", "cap", "append", "make", "new", "delete", "copy", "close", "panic", "recover", "print",
        "println", "min", "max", "complex", "real", "imag", "clear")) {
      Sym s = new Sym(b, BUILTIN, null);
      s.value = b;
      universe.names.put(b, s);
    }
  }

  private static Sym constSym(String n, Object v, Type t) {
    Sym s = new Sym(n, CONST, t);
    s.value = v;
    return s;
  }

  UnsupportedConstructException err(Node n, String msg) {
    return new UnsupportedConstructException(file, n == null ? line : n.line, n == null ? 1 : n.col, msg);
  }

  UnsupportedConstructException unsupported(Node n, String what) {
    return err(n, "unsupported: " + what);
  }

  // ---------------- entry ----------------
  public Program compile(Ast.File f, boolean testMode) {
    if (!"main".equals(f.pkg)) {
      if (!testMode) throw new UnsupportedConstructException(file, 1, 1, "unsupported: package " + f.pkg + " (only package main runs; tests may use any package name)");
    }
    snippet = f.imports.isEmpty();
    pkgName = f.pkg == null ? "main" : f.pkg;
    for (String imp : f.imports) {
      String[] p = imp.split(" ", 2);
      if (!Natives.knownPackage(p[1])) {
        throw new UnsupportedConstructException(file, 1, 1, "unsupported: import \"" + p[1] + "\"");
      }
      imports.put(p[0], p[1]);
    }
    // 1. types
    List<TypeSpec> typeSpecs = new ArrayList<>();
    for (Node d : f.decls) {
      if (d instanceof GenDecl g && g.kind.equals("type")) {
        for (Node s : g.specs) {
          TypeSpec ts = (TypeSpec) s;
          Sym sym = new Sym(ts.name, TYPE, ts.alias ? null : new Type.Named(pkgName + "." + ts.name, null));
          pkgScope.names.put(ts.name, sym);
          typeSpecs.add(ts);
        }
      }
    }
    scope = pkgScope;
    for (TypeSpec ts : typeSpecs) {
      line = ts.line;
      Sym sym = pkgScope.names.get(ts.name);
      if (ts.alias) sym.type = resolveType(ts.type);
      else ((Type.Named) sym.type).under = resolveType(ts.type);
    }
    // 2. function and method signatures
    for (Node d : f.decls) {
      if (d instanceof FuncDecl fd) {
        line = fd.line;
        declareFunc(fd);
      }
    }
    // 3. globals and constants, in order
    FuncCode init = new FuncCode("<init>", displayFile);
    prog.init = init;
    List<Node> globalDecls = new ArrayList<>();
    for (Node d : f.decls) if (d instanceof GenDecl g && !g.kind.equals("type")) globalDecls.add(g);
    for (Node d : globalDecls) {
      GenDecl g = (GenDecl) d;
      for (Node s : g.specs) {
        ValueSpec vs = (ValueSpec) s;
        if (g.kind.equals("const")) declareConsts(vs, pkgScope);
        else {
          for (String n : vs.names) {
            if (n.equals("_")) continue;
            Sym sym = new Sym(n, VAR, null);
            sym.slot = prog.nGlobals++;
            sym.boxed = true;
            pkgScope.names.put(n, sym);
          }
        }
      }
    }
    inferGlobalTypes(globalDecls);
    // 4. bodies
    for (FuncDecl fd : funcDecls) compileFuncBody(fd);
    // 5. init: globals, init(), main or tests
    compileInit(init, globalDecls, f, testMode);
    return prog;
  }

  private void declareFunc(FuncDecl fd) {
    if (fd.recv == null) {
      if (fd.name.equals("init")) {
        funcDecls.add(fd);
        funcCodes.put(fd, new FuncCode(pkgName + ".init", displayFile));
        return;
      }
      Type.Func sig = (Type.Func) resolveType(fd.type);
      FuncCode fc = new FuncCode(pkgName + "." + fd.name, displayFile);
      Sym s = new Sym(fd.name, FUNC, sig);
      s.value = fc;
      pkgScope.names.put(fd.name, s);
      funcDecls.add(fd);
      funcCodes.put(fd, fc);
      if (fd.name.equals("main")) prog.hasMain = true;
      if (fd.name.startsWith("Test") && sig.params.size() == 1) prog.tests.add(fd.name);
      return;
    }
    Expr rt = fd.recv.type;
    boolean ptr = false;
    if (rt instanceof Star st) {
      ptr = true;
      rt = st.x;
    }
    if (!(rt instanceof Ident id)) throw unsupported(fd.recv, "receiver type");
    Sym ts = pkgScope.names.get(id.name);
    if (ts == null || ts.kind != TYPE || !(ts.type instanceof Type.Named named)) throw err(fd.recv, "undefined: " + id.name);
    Type.Method m = new Type.Method(fd.name, ptr);
    m.sig = (Type.Func) resolveType(fd.type);
    String qn = ptr ? pkgName + ".(*" + id.name + ")." + fd.name : pkgName + "." + id.name + "." + fd.name;
    m.code = new FuncCode(qn, displayFile);
    named.methods.put(fd.name, m);
    funcDecls.add(fd);
    funcCodes.put(fd, m.code);
  }

  private void declareConsts(ValueSpec vs, Scope sc) {
    for (int i = 0; i < vs.names.size(); i++) {
      if (i >= vs.values.size()) throw err(vs, "missing init expr for const declaration");
      iota = vs.iota;
      Expr e = vs.values.get(i);
      Object[] cv = constValue(e);
      if (cv == null) throw err(e, "const initializer is not a constant");
      Type t = (Type) cv[1];
      Object v = cv[0];
      if (vs.type != null) {
        t = resolveType(vs.type);
        v = convertConst(v, t, e);
      }
      iota = -1;
      if (!vs.names.get(i).equals("_")) sc.names.put(vs.names.get(i), constSym(vs.names.get(i), v, t));
    }
  }

  private int iota = -1;

  /** Gives every global variable its type before function bodies are compiled (they may use it first). */
  private void inferGlobalTypes(List<Node> globalDecls) {
    Fn saved = fn;
    Scope savedScope = scope;
    fn = new Fn(new FuncCode("<types>", displayFile), null, new Type.Func(List.of(), List.of(), false));
    scope = new Scope(pkgScope);
    try {
      for (Node d : globalDecls) {
        GenDecl g = (GenDecl) d;
        if (g.kind.equals("const")) continue;
        for (Node s : g.specs) {
          ValueSpec vs = (ValueSpec) s;
          line = vs.line;
          Type declared = vs.type == null ? null : resolveType(vs.type);
          for (int i = 0; i < vs.names.size(); i++) {
            String n = vs.names.get(i);
            if (n.equals("_")) continue;
            Sym sym = pkgScope.names.get(n);
            if (declared != null) {
              sym.type = declared;
            } else if (vs.values.size() == vs.names.size()) {
              Type t = Type.defaultType(expr(vs.values.get(i), null, false));
              sym.type = t;
            } else if (vs.values.size() == 1) {
              Type t = expr(vs.values.get(0), null, false, true);
              if (t instanceof Type.Tuple tu && i < tu.types.size()) sym.type = tu.types.get(i);
            }
          }
        }
      }
    } finally {
      fn = saved;
      scope = savedScope;
    }
  }

  private void compileInit(FuncCode init, List<Node> globalDecls, Ast.File f, boolean testMode) {
    Fn saved = fn;
    fn = new Fn(init, null, new Type.Func(List.of(), List.of(), false));
    scope = new Scope(pkgScope);
    for (Sym s : pkgScope.names.values()) {
      if (s.kind == VAR) {
        int slot = s.slot;
        emit(0, (m, g, fr) -> m.globals[slot] = new Box(null));
      }
    }
    for (Node d : globalDecls) {
      GenDecl g = (GenDecl) d;
      if (g.kind.equals("const")) continue;
      for (Node s : g.specs) {
        ValueSpec vs = (ValueSpec) s;
        line = vs.line;
        List<Sym> syms = new ArrayList<>();
        for (String n : vs.names) syms.add(n.equals("_") ? null : pkgScope.names.get(n));
        Type declared = vs.type == null ? null : resolveType(vs.type);
        initVars(vs, syms, declared);
      }
    }
    for (Map.Entry<FuncDecl, FuncCode> e : funcCodes.entrySet()) {
      if (e.getKey().name.equals("init") && e.getKey().recv == null) {
        FuncCode ic = e.getValue();
        Closure c = new Closure(ic, null);
        emit(0, (m, g, fr) -> m.call(g, fr, c, new Object[0]));
      }
    }
    if (testMode) {
      Natives.emitTestRunner(this, prog);
    } else {
      Sym main = pkgScope.names.get("main");
      if (main == null || main.kind != FUNC) throw new UnsupportedConstructException(file, 1, 1, "function main is undeclared in the main package");
      Closure c = new Closure((FuncCode) main.value, null);
      emit(0, (m, g, fr) -> m.call(g, fr, c, new Object[0]));
    }
    finish(fn);
    fn = saved;
  }

  /** Used by the test runner to call test functions. */
  FuncCode funcNamed(String name) {
    Sym s = pkgScope.names.get(name);
    return s == null ? null : (FuncCode) s.value;
  }

  void emitRaw(Op op) {
    emit(0, op);
  }

  // ---------------- types ----------------
  Type resolveType(Expr e) {
    if (e instanceof Paren p) return resolveType(p.x);
    if (e instanceof Ident id) {
      Sym s = scope == null ? pkgScope.lookup(id.name) : scope.lookup(id.name);
      if (s == null) throw err(e, "undefined: " + id.name);
      if (s.kind != TYPE) throw err(e, id.name + " is not a type");
      return s.type;
    }
    if (e instanceof Selector sel && sel.x instanceof Ident pk) {
      String path = pkgPath(pk.name);
      if (path == null) throw err(e, "undefined: " + pk.name);
      Natives.Member mem = Natives.member(path, sel.sel);
      if (mem == null || mem.kind() != Natives.MKind.TYPE) throw unsupported(e, path + "." + sel.sel);
      return mem.type();
    }
    if (e instanceof Star st) return new Type.Pointer(resolveType(st.x));
    if (e instanceof ArrayTypeExpr at) {
      Type el = resolveType(at.elem);
      if (at.len == null) return new Type.Slice(el);
      if (at.len instanceof Ellipsis) return new Type.Array(-1, el);
      Object[] cv = constValue(at.len);
      if (cv == null || !(cv[0] instanceof Long n)) throw err(at.len, "array length must be a constant");
      return new Type.Array(n.intValue(), el);
    }
    if (e instanceof MapTypeExpr mt) return new Type.MapT(resolveType(mt.key), resolveType(mt.value));
    if (e instanceof ChanTypeExpr ct) return new Type.Chan(resolveType(ct.elem), ct.dir);
    if (e instanceof FuncTypeExpr ft) {
      List<Type> ps = new ArrayList<>();
      boolean variadic = false;
      for (Field f : ft.params) {
        Type t;
        if (f.type instanceof Ellipsis el) {
          t = new Type.Slice(resolveType(el.elem));
          variadic = true;
        } else {
          t = resolveType(f.type);
        }
        int n = Math.max(1, f.names.size());
        for (int i = 0; i < n; i++) ps.add(t);
      }
      List<Type> rs = new ArrayList<>();
      for (Field f : ft.results) {
        Type t = resolveType(f.type);
        int n = Math.max(1, f.names.size());
        for (int i = 0; i < n; i++) rs.add(t);
      }
      return new Type.Func(ps, rs, variadic);
    }
    if (e instanceof StructTypeExpr st) {
      Type.Struct s = new Type.Struct();
      for (Field f : st.fields) {
        Type t = resolveType(f.type);
        if (f.names.isEmpty()) {
          Type base = t instanceof Type.Pointer p ? p.elem : t;
          String n = base.str();
          n = n.substring(n.lastIndexOf('.') + 1);
          s.fields.add(new Type.FieldT(n, t, true));
        } else {
          for (String n : f.names) s.fields.add(new Type.FieldT(n, t, false));
        }
      }
      return s;
    }
    if (e instanceof InterfaceTypeExpr it) {
      Type.Interface i = new Type.Interface();
      for (Field f : it.methods) {
        if (f.names.isEmpty()) {
          Type emb = resolveType(f.type);
          if (emb.underlying() instanceof Type.Interface ei) i.methods.putAll(ei.methods);
          i.embeds.add(emb);
        } else {
          i.methods.put(f.names.get(0), (Type.Func) resolveType(f.type));
        }
      }
      return i;
    }
    throw unsupported(e, "type expression");
  }

  String pkgPath(String name) {
    Sym s = scope == null ? null : scope.lookup(name);
    if (s != null && s.kind != PKG) return null;
    String p = imports.get(name);
    if (p == null && snippet) p = Natives.implicitImport(name);
    return p;
  }

  boolean isTypeExpr(Expr e) {
    if (e instanceof Paren p) return isTypeExpr(p.x);
    if (e instanceof Ident id) {
      Sym s = scope.lookup(id.name);
      return s != null && s.kind == TYPE;
    }
    if (e instanceof Selector sel && sel.x instanceof Ident pk && scope.lookup(pk.name) == null) {
      String path = pkgPath(pk.name);
      if (path == null) return false;
      Natives.Member mem = Natives.member(path, sel.sel);
      return mem != null && mem.kind() == Natives.MKind.TYPE;
    }
    if (e instanceof Star st) return isTypeExpr(st.x);
    return e instanceof ArrayTypeExpr || e instanceof MapTypeExpr || e instanceof ChanTypeExpr || e instanceof FuncTypeExpr
        || e instanceof StructTypeExpr || e instanceof InterfaceTypeExpr;
  }

  // ---------------- constants ----------------
  /** {value, type} of a constant expression, or null. */
  Object[] constValue(Expr e) {
    if (e instanceof Paren p) return constValue(p.x);
    if (e instanceof BasicLit b) {
      switch (b.kind) {
        case INT:
          return new Object[] {parseInt(b.value, b), Type.UNTYPED_INT};
        case FLOAT:
          return new Object[] {Double.parseDouble(b.value), Type.UNTYPED_FLOAT};
        case STRING:
          return new Object[] {b.value, Type.UNTYPED_STRING};
        case CHAR:
          return new Object[] {Long.parseLong(b.value), Type.UNTYPED_RUNE};
        default:
          return null;
      }
    }
    if (e instanceof Ident id) {
      if (id.name.equals("iota") && iota >= 0 && (scope == null || scope.lookup("iota") == null)) return new Object[] {(long) iota, Type.UNTYPED_INT};
      Sym s = (scope == null ? pkgScope : scope).lookup(id.name);
      if (s != null && s.kind == CONST) return new Object[] {s.value, s.type};
      return null;
    }
    if (e instanceof Selector sel && sel.x instanceof Ident pk && (scope == null || scope.lookup(pk.name) == null)) {
      String path = pkgPath(pk.name);
      if (path == null) return null;
      Natives.Member mem = Natives.member(path, sel.sel);
      if (mem != null && mem.kind() == Natives.MKind.CONST) return new Object[] {mem.value(), mem.type()};
      return null;
    }
    if (e instanceof Unary u) {
      Object[] x = constValue(u.x);
      if (x == null) return null;
      switch (u.op) {
        case "-":
          return new Object[] {x[0] instanceof Long l ? -l : -(Double) x[0], x[1]};
        case "+":
          return x;
        case "!":
          return new Object[] {!(Boolean) x[0], x[1]};
        case "^":
          return new Object[] {~(Long) x[0], x[1]};
        default:
          return null;
      }
    }
    if (e instanceof Binary b) {
      Object[] x = constValue(b.x);
      if (x == null) return null;
      Object[] y = constValue(b.y);
      if (y == null) return null;
      Type t = constResultType((Type) x[1], (Type) y[1]);
      Object r = Ops.binaryConst(b.op, x[0], y[0], t);
      if (r == null) return null;
      if (isCompare(b.op) || b.op.equals("&&") || b.op.equals("||")) t = Type.UNTYPED_BOOL;
      else if (b.op.equals("<<") || b.op.equals(">>")) t = (Type) x[1];
      r = convertConst(r, t, b);
      return new Object[] {r, t};
    }
    if (e instanceof Call c && c.args.size() == 1 && isTypeExpr(c.fun)) {
      Type t = resolveType(c.fun);
      Object[] x = constValue(c.args.get(0));
      if (x == null || !(t.underlying() instanceof Type.Basic)) return null;
      if (((Type.Basic) t.underlying()).isString() && x[0] instanceof Long l) return new Object[] {new String(Character.toChars(l.intValue())), t};
      return new Object[] {convertConst(x[0], t, c), t};
    }
    if (e instanceof Call c && c.fun instanceof Ident id && id.name.equals("len") && c.args.size() == 1) {
      Object[] x = constValue(c.args.get(0));
      if (x != null && x[0] instanceof String s) return new Object[] {(long) s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, Type.INT};
    }
    return null;
  }

  static boolean isCompare(String op) {
    return switch (op) {
      case "==", "!=", "<", "<=", ">", ">=" -> true;
      default -> false;
    };
  }

  private Type constResultType(Type a, Type b) {
    boolean ua = a instanceof Type.Basic ba && ba.isUntyped();
    boolean ub = b instanceof Type.Basic bb && bb.isUntyped();
    if (!ua) return a;
    if (!ub) return b;
    // both untyped: float wins over rune over int
    if (a == Type.UNTYPED_FLOAT || b == Type.UNTYPED_FLOAT) return Type.UNTYPED_FLOAT;
    if (a == Type.UNTYPED_RUNE || b == Type.UNTYPED_RUNE) return Type.UNTYPED_RUNE;
    return a;
  }

  private Long parseInt(String v, Node n) {
    try {
      if (v.startsWith("0x") || v.startsWith("0X")) return Long.parseUnsignedLong(v.substring(2), 16);
      if (v.startsWith("0b") || v.startsWith("0B")) return Long.parseLong(v.substring(2), 2);
      if (v.startsWith("0o") || v.startsWith("0O")) return Long.parseLong(v.substring(2), 8);
      if (v.length() > 1 && v.startsWith("0")) return Long.parseLong(v.substring(1), 8);
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw unsupported(n, "integer constant " + v + " (overflows int64)");
    }
  }

  Object convertConst(Object v, Type t, Node n) {
    Type u = t.underlying();
    if (u instanceof Type.Basic b) {
      if (b.isFloat() && v instanceof Long l) return l.doubleValue();
      if (b.isInteger() && v instanceof Double d) {
        if (d != Math.floor(d)) throw err(n, "cannot use " + d + " (untyped float constant) as " + t.str() + " value (truncated)");
        return d.longValue();
      }
      if (b.isInteger() && v instanceof Long l) return Ops.wrap(b.kind, l);
    }
    return v;
  }

  // ---------------- emission ----------------
  void emit(int ln, Op op) {
    fn.code.building.add(new Ins(op, ln == 0 ? line : ln, false, null));
  }

  void emit(Op op) {
    fn.code.building.add(new Ins(op, line, false, null));
  }

  void emitV(String desc, Op op) {
    fn.code.building.add(new Ins(op, line, true, desc));
  }

  /** A visible op with a known footprint (lets DFS skip reorderings of independent steps). */
  void emitV(String desc, Op op, FuncCode.Peek peek) {
    Ins in = new Ins(op, line, true, desc);
    in.peek = peek;
    fn.code.building.add(in);
  }

  static Object[] fp(Object o, boolean write) {
    return o == null ? null : new Object[] {o, write};
  }

  int pc() {
    return fn.code.building.size();
  }

  void mark(Label l) {
    l.pc = pc();
  }

  void jump(Label l) {
    emit((m, g, f) -> f.pc = l.pc);
  }

  void jumpIfFalse(Label l) {
    emit((m, g, f) -> {
      if (!(Boolean) f.pop()) f.pc = l.pc;
    });
  }

  void jumpIfTrue(Label l) {
    emit((m, g, f) -> {
      if ((Boolean) f.pop()) f.pc = l.pc;
    });
  }

  void pop(int n) {
    if (n == 0) return;
    emit((m, g, f) -> {
      for (int i = 0; i < n; i++) f.pop();
    });
  }

  void push(Object v) {
    emit((m, g, f) -> f.push(v));
  }

  private void finish(Fn x) {
    x.code.code = x.code.building.toArray(new Ins[0]);
    x.code.building.clear();
  }

  // ---------------- functions ----------------
  private void compileFuncBody(FuncDecl fd) {
    FuncCode fc = funcCodes.get(fd);
    // Recompile until the set of variables that must live in heap cells (captured or address-taken) is stable.
    for (int attempt = 0; attempt < 8; attempt++) {
      boxedChanged = false;
      fc.nLocals = 0;
      fc.building.clear();
      fc.closureCount = 0;
      Type.Func sig = (Type.Func) resolveTypeIn(fd.type);
      Fn x = new Fn(fc, null, sig);
      fc.line = fd.line;
      Scope sc = new Scope(pkgScope);
      List<Field> params = new ArrayList<>();
      List<Type> ptypes = new ArrayList<>();
      if (fd.recv != null) {
        params.add(fd.recv);
        Type rt = resolveTypeIn(fd.recv.type);
        ptypes.add(rt);
      }
      params.addAll(fd.type.params);
      ptypes.addAll(sig.params);
      compileBody(x, sc, params, ptypes, fd.type.results, sig, fd.body);
      if (!boxedChanged) return;
    }
  }

  private Type resolveTypeIn(Expr e) {
    Scope s = scope;
    scope = pkgScope;
    try {
      return resolveType(e);
    } finally {
      scope = s;
    }
  }

  /** Compiles params, results and body into x. */
  private void compileBody(Fn x, Scope sc, List<Field> params, List<Type> ptypes, List<Field> results, Type.Func sig, Block body) {
    Fn savedFn = fn;
    Scope savedScope = scope;
    fn = x;
    scope = sc;
    int pi = 0;
    List<Sym> boxParams = new ArrayList<>();
    for (Field p : params) {
      int n = Math.max(1, p.names.size());
      for (int i = 0; i < n; i++) {
        Type t = ptypes.get(pi++);
        int slot = fn.newLocal();
        if (!p.names.isEmpty() && !p.names.get(i).equals("_")) {
          Sym s = declareVar(p.names.get(i), t, p, slot);
          if (s.boxed) boxParams.add(s);
        }
      }
    }
    fn.code.nParams = pi;
    int[] rslots = new int[sig.results.size()];
    int ri = 0;
    for (Field r : results) {
      int n = Math.max(1, r.names.size());
      for (int i = 0; i < n; i++) {
        Type t = sig.results.get(ri);
        int slot = fn.newLocal();
        rslots[ri] = slot;
        Sym s;
        if (!r.names.isEmpty() && !r.names.get(i).equals("_")) {
          s = declareVar(r.names.get(i), t, r, slot);
        } else {
          s = new Sym("~r" + ri, VAR, t);
          s.owner = fn;
          s.slot = slot;
        }
        fn.results.add(s);
        ri++;
        // zero-initialize the result
        boolean boxed = s.boxed;
        line = r.line;
        emit((m, g, f) -> f.locals[slot] = boxed ? new Box(Values.zero(t)) : Values.zero(t));
      }
    }
    fn.code.resultSlots = rslots;
    boolean[] rboxed = new boolean[fn.results.size()];
    boolean anyBoxed = false;
    for (int k = 0; k < rboxed.length; k++) anyBoxed |= (rboxed[k] = fn.results.get(k).boxed);
    fn.code.boxedResults = anyBoxed ? rboxed : null;
    for (Sym s : boxParams) {
      int slot = s.slot;
      emit((m, g, f) -> f.locals[slot] = new Box(f.locals[slot]));
    }
    // results that are boxed must be unboxed for the return: result slots hold Box; resolved in RET
    block(body.stmts);
    line = body.endLine;
    if (!sig.results.isEmpty() && !terminates(body)) {
      throw err(body, "missing return");
    }
    emitReturn();
    finish(fn);
    // boxed named results: convert slots to unboxed values on return
    fn = savedFn;
    scope = savedScope;
  }

  private void emitReturn() {
    emit((m, g, f) -> m.ret(g, f));
  }

  private boolean terminates(Stmt s) {
    if (s instanceof Block b) return !b.stmts.isEmpty() && terminates(b.stmts.get(b.stmts.size() - 1));
    if (s instanceof Return) return true;
    if (s instanceof ExprStmt es && es.x instanceof Call c && c.fun instanceof Ident id && id.name.equals("panic")) return true;
    if (s instanceof ExprStmt es && es.x instanceof Call c && c.fun instanceof Selector sel && sel.x instanceof Ident pk
        && (pk.name.equals("log") || pk.name.equals("os")) && (sel.sel.startsWith("Fatal") || sel.sel.equals("Exit") || sel.sel.startsWith("Panic"))) return true;
    if (s instanceof If i) return i.els != null && terminates(i.then) && terminates(i.els);
    if (s instanceof For f) return f.cond == null && !hasBreak(f.body);
    if (s instanceof Labeled l) return terminates(l.stmt);
    if (s instanceof Select sel) {
      for (CommClause c : sel.cases) if (c.body.isEmpty() || !terminates(c.body.get(c.body.size() - 1)) || hasBreakList(c.body)) return false;
      return true;
    }
    if (s instanceof Switch sw) {
      boolean hasDefault = false;
      for (CaseClause c : sw.cases) {
        if (c.exprs == null) hasDefault = true;
        if (c.body.isEmpty()) return false;
        Stmt last = c.body.get(c.body.size() - 1);
        if (!(last instanceof Branch b && b.tok.equals("fallthrough")) && !terminates(last)) return false;
        if (hasBreakList(c.body)) return false;
      }
      return hasDefault;
    }
    if (s instanceof TypeSwitch sw) {
      boolean hasDefault = false;
      for (CaseClause c : sw.cases) {
        if (c.exprs == null) hasDefault = true;
        if (c.body.isEmpty() || !terminates(c.body.get(c.body.size() - 1)) || hasBreakList(c.body)) return false;
      }
      return hasDefault;
    }
    return false;
  }

  private boolean hasBreakList(List<Stmt> l) {
    for (Stmt s : l) if (hasBreak(s)) return true;
    return false;
  }

  private boolean hasBreak(Stmt s) {
    if (s instanceof Branch b) return b.tok.equals("break") && b.label == null;
    if (s instanceof Block b) return hasBreakList(b.stmts);
    if (s instanceof If i) return hasBreak(i.then) || (i.els != null && hasBreak(i.els));
    if (s instanceof Labeled l) return hasBreak(l.stmt);
    return false; // nested loops/switches/selects own their breaks
  }

  private Sym declareVar(String name, Type t, Node at, int slot) {
    Sym s = new Sym(name, VAR, t);
    s.owner = fn;
    s.slot = slot;
    s.key = at.line + ":" + at.col + ":" + name;
    s.boxed = boxedKeys.contains(s.key);
    scope.names.put(name, s);
    return s;
  }

  private void needBox(Sym s) {
    if (s.owner == null || s.boxed) return;
    if (boxedKeys.add(s.key)) boxedChanged = true;
  }

  // ---------------- statements ----------------
  void block(List<Stmt> stmts) {
    for (Stmt s : stmts) stmt(s);
  }

  void stmt(Stmt s) {
    line = s.line;
    if (s instanceof ExprStmt es) {
      Type t = expr(es.x, null, true);
      pop(count(t));
    } else if (s instanceof Assign a) {
      assign(a);
    } else if (s instanceof IncDec id) {
      compound(id.x, id.inc ? "+" : "-", null, id);
    } else if (s instanceof DeclStmt ds) {
      declStmt(ds.decl);
    } else if (s instanceof Block b) {
      Scope saved = scope;
      scope = new Scope(scope);
      block(b.stmts);
      scope = saved;
    } else if (s instanceof If i) {
      ifStmt(i);
    } else if (s instanceof For f) {
      forStmt(f, null);
    } else if (s instanceof Range r) {
      rangeStmt(r, null);
    } else if (s instanceof Switch sw) {
      switchStmt(sw, null);
    } else if (s instanceof TypeSwitch ts) {
      typeSwitch(ts, null);
    } else if (s instanceof Select sel) {
      selectStmt(sel, null);
    } else if (s instanceof Labeled l) {
      if (l.stmt instanceof For f) forStmt(f, l.label);
      else if (l.stmt instanceof Range r) rangeStmt(r, l.label);
      else if (l.stmt instanceof Switch sw) switchStmt(sw, l.label);
      else if (l.stmt instanceof TypeSwitch ts) typeSwitch(ts, l.label);
      else if (l.stmt instanceof Select sel) selectStmt(sel, l.label);
      else stmt(l.stmt);
    } else if (s instanceof Branch b) {
      branch(b);
    } else if (s instanceof Return r) {
      returnStmt(r);
    } else if (s instanceof GoStmt gs) {
      goDefer(gs.call, true);
    } else if (s instanceof DeferStmt ds) {
      fn.code.hasDefer = true;
      goDefer(ds.call, false);
    } else if (s instanceof SendStmt ss) {
      Type ct = expr(ss.ch, null, false);
      if (!(ct.underlying() instanceof Type.Chan ch)) throw err(ss, "invalid operation: cannot send to non-channel");
      exprTo(ss.value, ch.elem);
      line = ss.line;
      emitV("chan send", (m, g, f) -> {
        Object v = f.pop();
        Machine.Chan c = (Machine.Chan) f.pop();
        m.send(g, f, c, v);
      }, (m, f) -> fp(f.stack[f.sp - 2], true));
    } else if (s instanceof Empty) {
      // nothing
    } else {
      throw unsupported(s, s.getClass().getSimpleName());
    }
  }

  static int count(Type t) {
    if (t == null) return 0;
    if (t instanceof Type.Tuple tu) return tu.types.size();
    return 1;
  }

  private void declStmt(GenDecl d) {
    for (Node sp : d.specs) {
      line = sp.line;
      if (d.kind.equals("const")) {
        declareConsts((ValueSpec) sp, scope);
      } else if (d.kind.equals("type")) {
        TypeSpec ts = (TypeSpec) sp;
        if (ts.alias) {
          scope.names.put(ts.name, new Sym(ts.name, TYPE, resolveType(ts.type)));
        } else {
          Type.Named n = new Type.Named(pkgName + "." + ts.name, null);
          scope.names.put(ts.name, new Sym(ts.name, TYPE, n));
          n.under = resolveType(ts.type);
        }
      } else {
        ValueSpec vs = (ValueSpec) sp;
        Type declared = vs.type == null ? null : resolveType(vs.type);
        List<Sym> syms = new ArrayList<>();
        // the values are evaluated before the names come into scope
        List<String> names = vs.names;
        List<Sym> pending = new ArrayList<>();
        for (String n : names) {
          if (n.equals("_")) {
            pending.add(null);
            continue;
          }
          Sym s = new Sym(n, VAR, declared);
          s.owner = fn;
          s.slot = fn.newLocal();
          s.key = vs.line + ":" + vs.col + ":" + n;
          s.boxed = boxedKeys.contains(s.key);
          pending.add(s);
        }
        syms.addAll(pending);
        initVars(vs, syms, declared);
        for (Sym s : pending) if (s != null) scope.names.put(s.name, s);
      }
    }
  }

  /** var a, b T = x, y  (or no values: zero). Works for globals and locals. */
  private void initVars(ValueSpec vs, List<Sym> syms, Type declared) {
    if (vs.values.isEmpty()) {
      for (Sym s : syms) {
        if (s == null) continue;
        s.type = declared;
        emit((m, g, f) -> f.push(Values.zero(declared)));
        storeNew(s);
      }
      return;
    }
    if (vs.values.size() == 1 && syms.size() > 1) {
      Type t = expr(vs.values.get(0), null, true, true);
      List<Type> ts = tupleTypes(t, syms.size(), vs);
      for (int i = syms.size() - 1; i >= 0; i--) {
        Sym s = syms.get(i);
        if (s == null) {
          pop(1);
          continue;
        }
        s.type = declared != null ? declared : ts.get(i);
        storeNew(s);
      }
      return;
    }
    if (vs.values.size() != syms.size()) throw err(vs, "assignment mismatch: " + syms.size() + " variables but " + vs.values.size() + " values");
    for (int i = 0; i < syms.size(); i++) {
      Sym s = syms.get(i);
      Type t = declared != null ? exprTo(vs.values.get(i), declared) : Type.defaultType(exprCopy(vs.values.get(i), null));
      if (t == Type.UNTYPED_NIL) throw err(vs, "use of untyped nil in variable declaration");
      if (s == null) {
        pop(1);
        continue;
      }
      s.type = declared != null ? declared : t;
      storeNew(s);
    }
  }

  List<Type> tupleTypes(Type t, int n, Node at) {
    if (t instanceof Type.Tuple tu && tu.types.size() == n) return tu.types;
    throw err(at, "assignment mismatch: " + n + " variables but " + (t instanceof Type.Tuple tu ? tu.types.size() : 1) + " value" + (count(t) == 1 ? "" : "s"));
  }

  /** Stores the top of the stack into a freshly declared variable. */
  private void storeNew(Sym s) {
    if (s.owner == null) {
      int slot = s.slot;
      String name = s.name;
      emitV("write " + name, (m, g, f) -> {
        Box b = (Box) m.globals[slot];
        m.write(g, b.shadow(), b, name);
        b.v = f.pop();
      });
      return;
    }
    int slot = s.slot;
    if (s.boxed) {
      String name = s.name;
      emit((m, g, f) -> {
        Box b = new Box(f.pop());
        b.name = name;
        f.locals[slot] = b;
      });
    } else {
      emit((m, g, f) -> f.locals[slot] = f.pop());
    }
  }

  private void assign(Assign a) {
    if (a.op.equals(":=")) {
      define(a);
      return;
    }
    if (!a.op.equals("=")) {
      compound(a.lhs.get(0), a.op.substring(0, a.op.length() - 1), a.rhs.get(0), a);
      return;
    }
    if (a.lhs.size() > 1 && a.rhs.size() == 1) {
      List<LV> lvs = new ArrayList<>();
      for (Expr e : a.lhs) lvs.add(lvalue(e));
      for (LV lv : lvs) lv.prepare();
      Type t = expr(a.rhs.get(0), null, true, true);
      List<Type> ts = tupleTypes(t, a.lhs.size(), a);
      // values are on top of prepared lvalue parts: stash them in temporaries
      int[] tmp = new int[ts.size()];
      for (int i = ts.size() - 1; i >= 0; i--) {
        tmp[i] = fn.newLocal();
        int sl = tmp[i];
        emit((m, g, f) -> f.locals[sl] = f.pop());
      }
      for (int i = lvs.size() - 1; i >= 0; i--) {
        int sl = tmp[i];
        emit((m, g, f) -> f.push(f.locals[sl]));
        convertTop(ts.get(i), lvs.get(i).type());
        lvs.get(i).store();
      }
      return;
    }
    if (a.lhs.size() != a.rhs.size()) throw err(a, "assignment mismatch: " + a.lhs.size() + " variables but " + a.rhs.size() + " values");
    if (a.lhs.size() == 1) {
      LV lv = lvalue(a.lhs.get(0));
      lv.prepare();
      exprTo(a.rhs.get(0), lv.type());
      copyIfAggregate(lv.type());
      lv.store();
      return;
    }
    // parallel assignment: evaluate all rhs first (a, b = b, a)
    List<LV> lvs = new ArrayList<>();
    for (Expr e : a.lhs) lvs.add(lvalue(e));
    int[] tmp = new int[a.rhs.size()];
    for (int i = 0; i < a.rhs.size(); i++) {
      exprTo(a.rhs.get(i), lvs.get(i).type());
      copyIfAggregate(lvs.get(i).type());
      tmp[i] = fn.newLocal();
      int sl = tmp[i];
      emit((m, g, f) -> f.locals[sl] = f.pop());
    }
    for (int i = 0; i < lvs.size(); i++) {
      lvs.get(i).prepare();
      int sl = tmp[i];
      emit((m, g, f) -> f.push(f.locals[sl]));
      lvs.get(i).store();
    }
  }

  private void copyIfAggregate(Type t) {
    if (t != null && Type.isValueAggregate(t)) emit((m, g, f) -> f.push(Values.copy(f.pop())));
  }

  private void define(Assign a) {
    boolean anyNew = false;
    List<Sym> syms = new ArrayList<>();
    List<Boolean> isNew = new ArrayList<>();
    for (Expr e : a.lhs) {
      if (!(e instanceof Ident id)) throw err(e, "non-name on left side of :=");
      Sym existing = scope.names.get(id.name);
      if (id.name.equals("_")) {
        syms.add(null);
        isNew.add(false);
      } else if (existing != null && existing.kind == VAR) {
        syms.add(existing);
        isNew.add(false);
      } else {
        Sym s = new Sym(id.name, VAR, null);
        s.owner = fn;
        s.slot = fn.newLocal();
        s.key = e.line + ":" + e.col + ":" + id.name;
        s.boxed = boxedKeys.contains(s.key);
        syms.add(s);
        isNew.add(true);
        anyNew = true;
      }
    }
    if (!anyNew) throw err(a, "no new variables on left side of :=");
    List<Type> types = new ArrayList<>();
    if (a.rhs.size() == 1 && a.lhs.size() > 1) {
      Type t = expr(a.rhs.get(0), null, true, true);
      types.addAll(tupleTypes(t, a.lhs.size(), a));
    } else {
      if (a.rhs.size() != a.lhs.size()) throw err(a, "assignment mismatch: " + a.lhs.size() + " variables but " + a.rhs.size() + " values");
      for (int i = 0; i < a.rhs.size(); i++) {
        Sym s = syms.get(i);
        Type t;
        if (s != null && !isNew.get(i)) t = exprTo(a.rhs.get(i), s.type);
        else t = Type.defaultType(exprCopy(a.rhs.get(i), null));
        if (t == Type.UNTYPED_NIL) throw err(a, "use of untyped nil in assignment");
        types.add(t);
      }
    }
    for (int i = syms.size() - 1; i >= 0; i--) {
      Sym s = syms.get(i);
      if (s == null) {
        pop(1);
        continue;
      }
      if (isNew.get(i)) {
        s.type = types.get(i);
        storeNew(s);
      } else {
        convertTop(types.get(i), s.type);
        varLV(s).store();
      }
    }
    for (int i = 0; i < syms.size(); i++) if (syms.get(i) != null && isNew.get(i)) scope.names.put(syms.get(i).name, syms.get(i));
  }

  /** x op= y, x++ */
  private void compound(Expr lhs, String op, Expr rhs, Node at) {
    LV lv = lvalue(lhs);
    lv.prepare();
    lv.dupPrepared();
    lv.load();
    Type t = lv.type();
    if (rhs == null) push(convertConst(1L, t, at));
    else if (op.equals("<<") || op.equals(">>")) expr(rhs, Type.UINT, false);
    else exprTo(rhs, t);
    binaryOp(op, t, t, at);
    lv.store();
  }

  private void ifStmt(If i) {
    Scope saved = scope;
    scope = new Scope(scope);
    if (i.init != null) stmt(i.init);
    line = i.line;
    exprTo(i.cond, Type.BOOL);
    Label els = new Label();
    Label end = new Label();
    jumpIfFalse(els);
    Scope s2 = scope;
    scope = new Scope(scope);
    block(i.then.stmts);
    scope = s2;
    if (i.els != null) jump(end);
    mark(els);
    if (i.els != null) {
      stmt(i.els);
      mark(end);
    }
    scope = saved;
  }

  private void forStmt(For fs, String label) {
    Scope saved = scope;
    scope = new Scope(scope);
    if (fs.init != null) stmt(fs.init);
    List<Sym> loopVars = new ArrayList<>(scope.names.values());
    Label top = new Label();
    Label cont = new Label();
    Label brk = new Label();
    mark(top);
    if (fs.cond != null) {
      line = fs.line;
      exprTo(fs.cond, Type.BOOL);
      jumpIfFalse(brk);
    }
    fn.loops.push(new Loop(label, brk, cont));
    Scope s2 = scope;
    scope = new Scope(scope);
    block(fs.body.stmts);
    scope = s2;
    fn.loops.pop();
    mark(cont);
    if (go122) {
      // Go 1.22+: each iteration has its own copy of the loop variables
      for (Sym s : loopVars) {
        if (s.kind == VAR && s.boxed && s.owner == fn) {
          int slot = s.slot;
          emit((m, g, f) -> f.locals[slot] = new Box(((Box) f.locals[slot]).v));
        }
      }
    }
    if (fs.post != null) stmt(fs.post);
    jump(top);
    mark(brk);
    scope = saved;
  }

  private void rangeStmt(Range r, String label) {
    Scope saved = scope;
    scope = new Scope(scope);
    line = r.line;
    Type xt = expr(r.x, null, false);
    Type u = xt.underlying();
    if (u instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Array) u = p.elem.underlying();
    Label top = new Label();
    Label cont = new Label();
    Label brk = new Label();
    int xs = fn.newLocal();
    emit((m, g, f) -> f.locals[xs] = f.pop());
    Type kt;
    Type vt;
    if (u instanceof Type.Basic b && b.isInteger()) {
      kt = Type.defaultType(xt);
      vt = null;
      int i = fn.newLocal();
      emit((m, g, f) -> f.locals[i] = 0L);
      mark(top);
      emit((m, g, f) -> {
        if ((Long) f.locals[i] >= (Long) f.locals[xs]) f.pc = brk.pc;
      });
      rangeAssign(r, kt, vt, () -> emit((m, g, f) -> f.push(f.locals[i])), null);
      loopBody(r, label, brk, cont);
      mark(cont);
      emit((m, g, f) -> f.locals[i] = (Long) f.locals[i] + 1);
      jump(top);
    } else if (u instanceof Type.Slice || u instanceof Type.Array || (u instanceof Type.Basic b2 && b2.isString())) {
      boolean isStr = u instanceof Type.Basic;
      kt = Type.INT;
      vt = isStr ? Type.INT32 : u instanceof Type.Slice sl ? sl.elem : ((Type.Array) u).elem;
      int i = fn.newLocal();
      int n = fn.newLocal();
      if (isStr) {
        // iterate over runes: precompute {byteIndex, rune} pairs
        emit((m, g, f) -> {
          f.locals[xs] = Ops.runes((String) f.locals[xs]);
          f.locals[n] = (long) ((long[][]) f.locals[xs]).length;
          f.locals[i] = 0L;
        });
      } else {
        emit((m, g, f) -> {
          f.locals[n] = (long) Ops.len(f.locals[xs]);
          f.locals[i] = 0L;
        });
      }
      mark(top);
      emit((m, g, f) -> {
        if ((Long) f.locals[i] >= (Long) f.locals[n]) f.pc = brk.pc;
      });
      Runnable key = isStr ? () -> emit((m, g, f) -> f.push(((long[][]) f.locals[xs])[(int) (long) (Long) f.locals[i]][0]))
          : () -> emit((m, g, f) -> f.push(f.locals[i]));
      Runnable val = r.value == null || isBlank(r.value) ? null : isStr
          ? () -> emit((m, g, f) -> f.push(((long[][]) f.locals[xs])[(int) (long) (Long) f.locals[i]][1]))
          : () -> {
            boolean arrLocal = xt.underlying() instanceof Type.Array;
            boolean aggElem = Type.isValueAggregate(vt);
            Op op = (m, g, f) -> {
              Object c = f.locals[xs];
              int idx = (int) (long) (Long) f.locals[i];
              if (c instanceof SliceVal s) {
                int k = s.off + idx;
                m.read(g, s.arr.shadow(k), new ElemRef(s.arr, k), "slice element");
                f.push(aggElem ? Values.copy(s.arr.a[k]) : s.arr.a[k]);
              } else {
                Object e = ((ArrayVal) c).a[idx];
                f.push(aggElem ? Values.copy(e) : e);
              }
            };
            if (arrLocal) emit(op);
            else emitV("read slice element", op);
          };
      if (u instanceof Type.Array && Type.isValueAggregate(xt)) {
        // range over an array value iterates over a copy
        emit((m, g, f) -> f.locals[xs] = Values.copy(f.locals[xs]));
      }
      rangeAssign(r, kt, vt, key, val);
      loopBody(r, label, brk, cont);
      mark(cont);
      emit((m, g, f) -> f.locals[i] = (Long) f.locals[i] + 1);
      jump(top);
    } else if (u instanceof Type.MapT mt) {
      kt = mt.key;
      vt = mt.value;
      int keys = fn.newLocal();
      int i = fn.newLocal();
      emitV("range map", (m, g, f) -> {
        MapVal mv = (MapVal) f.locals[xs];
        if (mv == null) {
          f.locals[keys] = new Object[0];
        } else {
          Ops.mapReadCheck(m, g, mv);
          m.read(g, mv.sh, mv, "map");
          Object[] ks = mv.m.keySet().toArray();
          // Go randomizes map iteration order
          if (ks.length > 1) {
            int start = m.rnd.nextInt(ks.length);
            Object[] rot = new Object[ks.length];
            for (int j = 0; j < ks.length; j++) rot[j] = ks[(start + j) % ks.length];
            ks = rot;
          }
          f.locals[keys] = ks;
        }
        f.locals[i] = 0L;
      });
      mark(top);
      emit((m, g, f) -> {
        Object[] ks = (Object[]) f.locals[keys];
        MapVal mv = (MapVal) f.locals[xs];
        int idx = (int) (long) (Long) f.locals[i];
        while (idx < ks.length && !mv.m.containsKey(ks[idx])) idx++;
        f.locals[i] = (long) idx;
        if (idx >= ks.length) f.pc = brk.pc;
      });
      rangeAssign(r, kt, vt, () -> emit((m, g, f) -> f.push(Values.unkey(((Object[]) f.locals[keys])[(int) (long) (Long) f.locals[i]]))),
          () -> {
            boolean aggVal = Type.isValueAggregate(mt.value);
            emit((m, g, f) -> {
              Object v = ((MapVal) f.locals[xs]).m.get(((Object[]) f.locals[keys])[(int) (long) (Long) f.locals[i]]);
              f.push(aggVal ? Values.copy(v) : v);
            });
          });
      loopBody(r, label, brk, cont);
      mark(cont);
      emit((m, g, f) -> f.locals[i] = (Long) f.locals[i] + 1);
      jump(top);
    } else if (u instanceof Type.Chan ct) {
      kt = ct.elem;
      vt = null;
      if (r.value != null) throw err(r, "range over " + xt.str() + " permits only one iteration variable");
      int tmp = fn.newLocal();
      mark(top);
      emitV("chan receive (range)", (m, g, f) -> m.recv(g, f, (Machine.Chan) f.locals[xs], true));
      emit((m, g, f) -> {
        boolean ok = (Boolean) f.pop();
        f.locals[tmp] = f.pop();
        if (!ok) f.pc = brk.pc;
      });
      rangeAssign(r, kt, null, () -> emit((m, g, f) -> f.push(f.locals[tmp])), null);
      loopBody(r, label, brk, cont);
      mark(cont);
      jump(top);
    } else if (u instanceof Type.Func) {
      throw unsupported(r, "range over function (iterators)");
    } else {
      throw err(r.x, "cannot range over " + xt.str());
    }
    mark(brk);
    scope = saved;
  }

  private static boolean isBlank(Expr e) {
    return e instanceof Ident id && id.name.equals("_");
  }

  /** Assigns/defines the range key and value for this iteration. */
  private void rangeAssign(Range r, Type kt, Type vt, Runnable pushKey, Runnable pushVal) {
    if (r.define) {
      // per-iteration scope (fresh Box per iteration under Go 1.22 semantics; one variable before)
      if (r.key != null && !isBlank(r.key)) defineLoopVar((Ident) r.key, kt, pushKey);
      if (r.value != null && !isBlank(r.value) && pushVal != null) defineLoopVar((Ident) r.value, vt, pushVal);
    } else {
      if (r.key != null && !isBlank(r.key)) {
        LV lv = lvalue(r.key);
        lv.prepare();
        pushKey.run();
        lv.store();
      }
      if (r.value != null && !isBlank(r.value) && pushVal != null) {
        LV lv = lvalue(r.value);
        lv.prepare();
        pushVal.run();
        lv.store();
      }
    }
  }

  private final Map<String, Sym> rangeVarSyms = new HashMap<>();

  private void defineLoopVar(Ident id, Type t, Runnable push) {
    Sym s = scope.names.get(id.name);
    boolean first = s == null;
    if (first) {
      s = new Sym(id.name, VAR, t);
      s.owner = fn;
      s.slot = fn.newLocal();
      s.key = id.line + ":" + id.col + ":" + id.name;
      s.boxed = boxedKeys.contains(s.key);
      scope.names.put(id.name, s);
    }
    push.run();
    int slot = s.slot;
    if (s.boxed) {
      String name = s.name;
      if (go122) {
        emit((m, g, f) -> {
          Box b = new Box(f.pop());
          b.name = name;
          f.locals[slot] = b;
        });
      } else {
        // one variable for the whole loop: allocate once, then overwrite (shared by every closure)
        emit((m, g, f) -> {
          Object v = f.pop();
          if (f.locals[slot] instanceof Box b) {
            m.write(g, b.shadow(), b, name);
            b.v = v;
          } else {
            Box b = new Box(v);
            b.name = name;
            f.locals[slot] = b;
          }
        });
      }
    } else {
      emit((m, g, f) -> f.locals[slot] = f.pop());
    }
  }

  private void loopBody(Range r, String label, Label brk, Label cont) {
    if (!go122) {
      // the loop variable Box must be created fresh when the loop starts, not reused from a previous run of the loop
    }
    fn.loops.push(new Loop(label, brk, cont));
    Scope s2 = scope;
    scope = new Scope(scope);
    block(r.body.stmts);
    scope = s2;
    fn.loops.pop();
  }

  private void branch(Branch b) {
    switch (b.tok) {
      case "break": {
        for (Loop l : fn.loops) {
          if (b.label == null || b.label.equals(l.label)) {
            jump(l.brk);
            return;
          }
        }
        throw err(b, b.label == null ? "break is not in a loop, switch, or select" : "invalid break label " + b.label);
      }
      case "continue": {
        for (Loop l : fn.loops) {
          if (l.cont == null) continue;
          if (b.label == null || b.label.equals(l.label)) {
            jump(l.cont);
            return;
          }
        }
        throw err(b, b.label == null ? "continue is not in a loop" : "invalid continue label " + b.label);
      }
      case "fallthrough":
        if (fallthroughTarget == null) throw err(b, "fallthrough statement out of place");
        jump(fallthroughTarget);
        return;
      default:
        throw unsupported(b, b.tok);
    }
  }

  private Label fallthroughTarget;

  private void returnStmt(Return r) {
    List<Type> rt = fn.sig.results;
    if (r.results.isEmpty()) {
      if (!rt.isEmpty() && fn.results.stream().anyMatch(s -> s.name.startsWith("~"))) throw err(r, "not enough return values");
      emitReturn();
      return;
    }
    if (r.results.size() == 1 && rt.size() > 1) {
      Type t = expr(r.results.get(0), null, true, true);
      List<Type> ts = tupleTypes(t, rt.size(), r);
      for (int i = rt.size() - 1; i >= 0; i--) {
        convertTop(ts.get(i), rt.get(i));
        storeResult(i);
      }
      emitReturn();
      return;
    }
    if (r.results.size() != rt.size()) throw err(r, (r.results.size() > rt.size() ? "too many" : "not enough") + " return values");
    for (int i = 0; i < rt.size(); i++) {
      exprTo(r.results.get(i), rt.get(i));
      copyIfAggregate(rt.get(i));
    }
    for (int i = rt.size() - 1; i >= 0; i--) storeResult(i);
    emitReturn();
  }

  private void storeResult(int i) {
    Sym s = fn.results.get(i);
    int slot = s.slot;
    if (s.boxed) emit((m, g, f) -> ((Box) f.locals[slot]).v = f.pop());
    else emit((m, g, f) -> f.locals[slot] = f.pop());
  }

  private void switchStmt(Switch sw, String label) {
    Scope saved = scope;
    scope = new Scope(scope);
    if (sw.init != null) stmt(sw.init);
    line = sw.line;
    Type tagT = Type.BOOL;
    int tag = fn.newLocal();
    if (sw.tag != null) {
      tagT = Type.defaultType(expr(sw.tag, null, false));
      emit((m, g, f) -> f.locals[tag] = f.pop());
    }
    Label brk = new Label();
    List<Label> bodies = new ArrayList<>();
    for (int i = 0; i < sw.cases.size(); i++) bodies.add(new Label());
    Label dflt = null;
    for (int ci = 0; ci < sw.cases.size(); ci++) {
      CaseClause c = sw.cases.get(ci);
      if (c.exprs == null) {
        dflt = bodies.get(ci);
        continue;
      }
      for (Expr e : c.exprs) {
        line = e.line;
        if (sw.tag == null) {
          exprTo(e, Type.BOOL);
        } else {
          emit((m, g, f) -> f.push(f.locals[tag]));
          Type et = expr(e, tagT, false);
          compareOp("==", tagT, et, e);
        }
        jumpIfTrue(bodies.get(ci));
      }
    }
    jump(dflt != null ? dflt : brk);
    fn.loops.push(new Loop(label, brk, null));
    for (int ci = 0; ci < sw.cases.size(); ci++) {
      CaseClause c = sw.cases.get(ci);
      mark(bodies.get(ci));
      Label savedFt = fallthroughTarget;
      fallthroughTarget = ci + 1 < sw.cases.size() ? bodies.get(ci + 1) : null;
      Scope s2 = scope;
      scope = new Scope(scope);
      block(c.body);
      scope = s2;
      fallthroughTarget = savedFt;
      jump(brk);
    }
    fn.loops.pop();
    mark(brk);
    scope = saved;
  }

  private void typeSwitch(TypeSwitch ts, String label) {
    Scope saved = scope;
    scope = new Scope(scope);
    if (ts.init != null) stmt(ts.init);
    line = ts.line;
    Type xt = expr(ts.x, null, false);
    if (!Type.isInterface(xt)) throw err(ts.x, ts.x + " is not an interface");
    int x = fn.newLocal();
    emit((m, g, f) -> f.locals[x] = f.pop());
    Label brk = new Label();
    List<Label> bodies = new ArrayList<>();
    for (int i = 0; i < ts.cases.size(); i++) bodies.add(new Label());
    Label dflt = null;
    for (int ci = 0; ci < ts.cases.size(); ci++) {
      CaseClause c = ts.cases.get(ci);
      if (c.exprs == null) {
        dflt = bodies.get(ci);
        continue;
      }
      for (Expr e : c.exprs) {
        line = e.line;
        if (e instanceof Ident id && id.name.equals("nil")) {
          emit((m, g, f) -> f.push(f.locals[x] == null));
        } else {
          Type t = resolveType(e);
          emit((m, g, f) -> f.push(Ops.typeMatches(f.locals[x], t)));
        }
        jumpIfTrue(bodies.get(ci));
      }
    }
    jump(dflt != null ? dflt : brk);
    fn.loops.push(new Loop(label, brk, null));
    for (int ci = 0; ci < ts.cases.size(); ci++) {
      CaseClause c = ts.cases.get(ci);
      mark(bodies.get(ci));
      Scope s2 = scope;
      scope = new Scope(scope);
      if (ts.bind != null) {
        Type bt = xt;
        boolean unwrap = false;
        if (c.exprs != null && c.exprs.size() == 1 && !(c.exprs.get(0) instanceof Ident id && id.name.equals("nil"))) {
          bt = resolveType(c.exprs.get(0));
          unwrap = !Type.isInterface(bt);
        }
        Ident bid = new Ident(ts.bind);
        bid.line = c.line;
        bid.col = c.col;
        boolean uw = unwrap;
        Sym s = new Sym(ts.bind, VAR, bt);
        s.owner = fn;
        s.slot = fn.newLocal();
        s.key = c.line + ":" + c.col + ":" + ts.bind;
        s.boxed = boxedKeys.contains(s.key);
        emit((m, g, f) -> {
          Object v = f.locals[x];
          f.push(uw && v instanceof Iface i ? i.v : v);
        });
        storeNew(s);
        scope.names.put(ts.bind, s);
      }
      block(c.body);
      scope = s2;
      jump(brk);
    }
    fn.loops.pop();
    mark(brk);
    scope = saved;
  }

  private void selectStmt(Select sel, String label) {
    line = sel.line;
    int n = 0;
    boolean hasDefault = false;
    List<CommClause> cases = new ArrayList<>();
    List<Boolean> sends = new ArrayList<>();
    List<Type> elemTypes = new ArrayList<>();
    List<Integer> caseLineList = new ArrayList<>();
    for (CommClause c : sel.cases) {
      if (c.comm == null) {
        hasDefault = true;
        continue;
      }
      line = c.line;
      cases.add(c);
      caseLineList.add(c.line);
      if (c.comm instanceof SendStmt ss) {
        Type ct = expr(ss.ch, null, false);
        if (!(ct.underlying() instanceof Type.Chan ch)) throw err(ss, "send to non-chan");
        exprTo(ss.value, ch.elem);
        sends.add(true);
        elemTypes.add(ch.elem);
      } else {
        Expr recvExpr;
        if (c.comm instanceof ExprStmt es) recvExpr = es.x;
        else if (c.comm instanceof Assign a && a.rhs.size() == 1) recvExpr = a.rhs.get(0);
        else throw err(c, "select case must be receive, send or assign recv");
        recvExpr = unparen(recvExpr);
        if (!(recvExpr instanceof Unary u && u.op.equals("<-"))) throw err(c, "select case must be receive, send or assign recv");
        Type ct = expr(u.x, null, false);
        if (!(ct.underlying() instanceof Type.Chan ch)) throw err(c, "receive from non-chan");
        push(null);
        sends.add(false);
        elemTypes.add(ch.elem);
      }
      n++;
    }
    int nc = n;
    boolean[] isSend = new boolean[nc];
    for (int i = 0; i < nc; i++) isSend[i] = sends.get(i);
    boolean hd = hasDefault;
    int[] caseLines = caseLineList.stream().mapToInt(Integer::intValue).toArray();
    line = sel.line;
    emitV(nc == 0 && !hd ? "select (no cases)" : "select", (m, g, f) -> {
      Machine.Chan[] chans = new Machine.Chan[nc];
      Object[] vals = new Object[nc];
      for (int i = nc - 1; i >= 0; i--) {
        vals[i] = f.pop();
        chans[i] = (Machine.Chan) f.pop();
      }
      m.select(g, f, chans, vals, isSend, hd, caseLines);
    });
    int ok = fn.newLocal();
    int val = fn.newLocal();
    int idx = fn.newLocal();
    emit((m, g, f) -> {
      f.locals[ok] = f.pop();
      f.locals[val] = f.pop();
      f.locals[idx] = f.pop();
    });
    Label brk = new Label();
    fn.loops.push(new Loop(label, brk, null));
    int ci = 0;
    for (CommClause c : sel.cases) {
      Label next = new Label();
      long want = c.comm == null ? -1 : ci;
      line = c.line;
      emit((m, g, f) -> {
        if ((Long) f.locals[idx] != want) f.pc = next.pc;
      });
      Scope saved = scope;
      scope = new Scope(scope);
      if (c.comm instanceof Assign a) {
        Type et = elemTypes.get(ci);
        Ident lhs0 = a.lhs.get(0) instanceof Ident i0 ? i0 : null;
        List<Expr> lhs = a.lhs;
        for (int k = 0; k < lhs.size(); k++) {
          Expr le = lhs.get(k);
          if (isBlank(le)) continue;
          int src = k == 0 ? val : ok;
          Type t = k == 0 ? et : Type.BOOL;
          if (a.op.equals(":=")) {
            Ident id = (Ident) le;
            Sym s = new Sym(id.name, VAR, t);
            s.owner = fn;
            s.slot = fn.newLocal();
            s.key = id.line + ":" + id.col + ":" + id.name;
            s.boxed = boxedKeys.contains(s.key);
            emit((m, g, f) -> f.push(f.locals[src]));
            storeNew(s);
            scope.names.put(id.name, s);
          } else {
            LV lv = lvalue(le);
            lv.prepare();
            emit((m, g, f) -> f.push(f.locals[src]));
            lv.store();
          }
        }
        if (lhs0 == null && false) throw err(c, "");
      }
      if (c.comm != null) ci++;
      block(c.body);
      scope = saved;
      jump(brk);
      mark(next);
    }
    fn.loops.pop();
    mark(brk);
  }

  static Expr unparen(Expr e) {
    while (e instanceof Paren p) e = p.x;
    return e;
  }

  /** go f(x) / defer f(x): function value and arguments are evaluated now. */
  private void goDefer(Call call, boolean isGo) {
    int stmtLine = line;
    Expr fe = unparen(call.fun);
    int nargs;
    // builtins and library functions become native closures
    if (fe instanceof Ident id && scope.lookup(id.name) != null && scope.lookup(id.name).kind == BUILTIN) {
      String b = id.name;
      Natives.NativeFn nf = Natives.builtinAsFunc(b, this, call);
      push(new Closure(null, null, Values.NO_RECV, nf, b));
      for (Expr a : call.args) {
        Type t = expr(a, null, false);
        if (b.equals("panic") || b.equals("print") || b.equals("println")) convertTop(t, Natives.EMPTY_IFACE);
      }
      nargs = call.args.size();
    } else {
      Type ft = expr(call.fun, null, false);
      if (!(ft.underlying() instanceof Type.Func sig)) throw err(call, "cannot call non-function");
      nargs = args(call, sig);
    }
    int na = nargs;
    line = stmtLine;
    if (isGo) {
      emitV("go statement", (m, g, f) -> {
        Object[] a = new Object[na];
        for (int i = na - 1; i >= 0; i--) a[i] = f.pop();
        Closure c = (Closure) f.pop();
        if (c == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
        m.go(g, c, a);
      });
    } else {
      emit((m, g, f) -> {
        Object[] a = new Object[na];
        for (int i = na - 1; i >= 0; i--) a[i] = f.pop();
        Closure c = (Closure) f.pop();
        m.defer(f, c, a);
      });
    }
  }

  // ---------------- lvalues ----------------
  /** An assignable location: prepare() pushes its address parts, store() pops value and parts. */
  abstract static class LV {
    abstract Type type();
    abstract void prepare();
    abstract void dupPrepared();
    abstract void load();
    abstract void store();
  }

  LV varLV(Sym s) {
    Compiler c = this;
    return new LV() {
      Type type() { return s.type; }
      void prepare() {}
      void dupPrepared() {}
      void load() { c.loadVar(s, null); }
      void store() { c.storeVar(s); }
    };
  }

  LV lvalue(Expr e) {
    e = unparen(e);
    line = e.line;
    if (e instanceof Ident id) {
      if (id.name.equals("_")) {
        Compiler c = this;
        return new LV() {
          Type type() { return null; }
          void prepare() {}
          void dupPrepared() {}
          void load() { throw c.err(id, "cannot use _ as value"); }
          void store() { c.pop(1); }
        };
      }
      Sym s = scope.lookup(id.name);
      if (s == null) throw err(e, "undefined: " + id.name);
      if (s.kind != VAR) throw err(e, "cannot assign to " + id.name + " (neither addressable nor a map index expression)");
      return varLV(s);
    }
    if (e instanceof Index ix) {
      Type xt = expr(ix.x, null, false);
      Type u = xt.underlying();
      if (u instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Array) u = p.elem.underlying();
      if (u instanceof Type.MapT mt) {
        Compiler c = this;
        int mapSlot = fn.newLocal();
        int keySlot = fn.newLocal();
        emit((m, g, f) -> f.locals[mapSlot] = f.pop());
        Expr idx = ix.index;
        int ln = ix.line;
        return new LV() {
          Type type() { return mt.value; }
          void prepare() {
            c.exprTo(idx, mt.key);
            c.emit((m, g, f) -> f.locals[keySlot] = Values.key(f.pop()));
          }
          void dupPrepared() {}
          void load() {
            c.emitV("map read", (m, g, f) -> f.push(Ops.mapGet(m, g, (MapVal) f.locals[mapSlot], f.locals[keySlot], mt.value, false)));
          }
          void store() {
            c.line = ln;
            c.emitV("map write (begin)", (m, g, f) -> Ops.mapWriteBegin(m, g, (MapVal) f.locals[mapSlot]));
            c.emitV("map write", (m, g, f) -> Ops.mapWriteEnd(m, g, (MapVal) f.locals[mapSlot], f.locals[keySlot], f.pop()));
          }
        };
      }
      Type elem;
      boolean local = u instanceof Type.Array && isLocalValue(ix.x);
      if (u instanceof Type.Slice s) elem = s.elem;
      else if (u instanceof Type.Array a) elem = a.elem;
      else if (u instanceof Type.Basic b && b.isString()) throw err(e, "cannot assign to " + "string element");
      else throw err(e, "invalid operation: cannot index " + xt.str());
      Compiler c = this;
      Expr idx = ix.index;
      return new LV() {
        Type type() { return elem; }
        void prepare() {
          c.expr(idx, Type.INT, false);
          c.emit((m, g, f) -> f.push(Ops.elemRef(f.pop(), f.pop())));
        }
        void dupPrepared() { c.emit((m, g, f) -> f.push(f.peek())); }
        void load() {
          Op op = (m, g, f) -> {
            ElemRef r = (ElemRef) f.pop();
            if (!local) m.read(g, r.shadow(), r, "element");
            f.push(r.load());
          };
          if (local) c.emit(op);
          else c.emitV("read element", op);
        }
        void store() {
          Op op = (m, g, f) -> {
            Object v = f.pop();
            ElemRef r = (ElemRef) f.pop();
            if (!local) m.write(g, r.shadow(), r, "element");
            r.store(v);
          };
          if (local) c.emit(op);
          else c.emitV("write element", op);
        }
      };
    }
    if (e instanceof Selector sel) {
      Selection s = select(sel);
      if (s == null || s.kind != Selection.FIELD) throw err(e, "cannot assign to " + sel.sel);
      Compiler c = this;
      boolean local = isLocalValue(sel.x) && !s.viaPointer;
      String fname = s.fieldName;
      return new LV() {
        Type type() { return s.type; }
        void prepare() { c.fieldBase(sel, s); }
        void dupPrepared() { c.emit((m, g, f) -> f.push(f.peek())); }
        void load() {
          int idx = s.lastIndex;
          Op op = (m, g, f) -> {
            StructVal sv = (StructVal) f.pop();
            if (sv == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
            if (!local) m.read(g, sv.shadow(idx), new FieldRef(sv, idx), fname);
            f.push(sv.f[idx]);
          };
          if (local) c.emit(op);
          else c.emitV("read " + fname, op);
        }
        void store() {
          int idx = s.lastIndex;
          Op op = (m, g, f) -> {
            Object v = f.pop();
            StructVal sv = (StructVal) f.pop();
            if (sv == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
            if (!local) m.write(g, sv.shadow(idx), new FieldRef(sv, idx), fname);
            sv.f[idx] = v;
          };
          if (local) c.emit(op);
          else c.emitV("write " + fname, op);
        }
      };
    }
    if (e instanceof Star st) {
      Compiler c = this;
      Type pt = expr(st.x, null, false);
      if (!(pt.underlying() instanceof Type.Pointer p)) throw err(e, "invalid indirect of " + pt.str());
      Type elem = p.elem;
      int ps = fn.newLocal();
      emit((m, g, f) -> f.locals[ps] = f.pop());
      return new LV() {
        Type type() { return elem; }
        void prepare() {}
        void dupPrepared() {}
        void load() {
          c.emitV("read *p", (m, g, f) -> f.push(Ops.deref(m, g, f.locals[ps])));
        }
        void store() {
          c.emitV("write *p", (m, g, f) -> Ops.storeDeref(m, g, f.locals[ps], f.pop()));
        }
      };
    }
    throw err(e, "cannot assign to expression");
  }

  /** True when e names a local, non-heap struct/array variable (its fields are not shared memory). */
  private boolean isLocalValue(Expr e) {
    e = unparen(e);
    if (e instanceof Ident id) {
      Sym s = scope.lookup(id.name);
      return s != null && s.kind == VAR && s.owner == fn && !s.boxed && s.type != null && Type.isValueAggregate(s.type);
    }
    if (e instanceof Selector sel) {
      Selection s = select(sel);
      return s != null && s.kind == Selection.FIELD && !s.viaPointer && isLocalValue(sel.x);
    }
    if (e instanceof Index ix) {
      Type t = typeOf(ix.x);
      return t != null && t.underlying() instanceof Type.Array && isLocalValue(ix.x);
    }
    return false;
  }

  private Type typeOf(Expr e) {
    // compile into a throw-away buffer to learn the type
    List<Ins> saved = new ArrayList<>(fn.code.building);
    int nl = fn.code.nLocals;
    int savedLine = line;
    boolean bc = boxedChanged;
    Set<String> savedKeys = new HashSet<>(boxedKeys);
    try {
      return expr(e, null, false);
    } catch (UnsupportedConstructException x) {
      return null;
    } finally {
      fn.code.building.clear();
      fn.code.building.addAll(saved);
      fn.code.nLocals = nl;
      line = savedLine;
      boxedChanged = bc;
      boxedKeys.clear();
      boxedKeys.addAll(savedKeys);
    }
  }

  // ---------------- variables ----------------
  void loadVar(Sym s, Node at) {
    int slot = s.slot;
    String name = s.name;
    if (s.owner == null) {
      emitV("read " + name, (m, g, f) -> {
        Box b = (Box) m.globals[slot];
        m.read(g, b.shadow(), b, name);
        f.push(b.v);
      }, (m, f) -> fp(m.globals[slot], false));
    } else if (s.owner == fn) {
      if (s.boxed) {
        emitV("read " + name, (m, g, f) -> {
          Box b = (Box) f.locals[slot];
          m.read(g, b.shadow(), b, name);
          f.push(b.v);
        }, (m, f) -> fp(f.locals[slot], false));
      } else {
        emit((m, g, f) -> f.push(f.locals[slot]));
      }
    } else {
      int ci = capture(s, at);
      emitV("read " + name, (m, g, f) -> {
        Box b = (Box) f.caps[ci];
        m.read(g, b.shadow(), b, name);
        f.push(b.v);
      }, (m, f) -> fp(f.caps[ci], false));
    }
  }

  void storeVar(Sym s) {
    int slot = s.slot;
    String name = s.name;
    boolean inPlace = s.type != null && s.type.underlying() instanceof Type.Struct;
    if (s.owner == null) {
      emitV("write " + name, (m, g, f) -> {
        Box b = (Box) m.globals[slot];
        m.write(g, b.shadow(), b, name);
        b.v = Ops.assignInto(b.v, f.pop(), inPlace);
      }, (m, f) -> fp(m.globals[slot], true));
    } else if (s.owner == fn) {
      if (s.boxed) {
        emitV("write " + name, (m, g, f) -> {
          Box b = (Box) f.locals[slot];
          m.write(g, b.shadow(), b, name);
          b.v = Ops.assignInto(b.v, f.pop(), inPlace);
        }, (m, f) -> fp(f.locals[slot], true));
      } else {
        emit((m, g, f) -> f.locals[slot] = Ops.assignInto(f.locals[slot], f.pop(), inPlace));
      }
    } else {
      int ci = capture(s, null);
      emitV("write " + name, (m, g, f) -> {
        Box b = (Box) f.caps[ci];
        m.write(g, b.shadow(), b, name);
        b.v = Ops.assignInto(b.v, f.pop(), inPlace);
      }, (m, f) -> fp(f.caps[ci], true));
    }
  }

  /** Pushes the heap cell (Box) of a variable, boxing it if needed (for &x and closures). */
  void pushCell(Sym s) {
    needBox(s);
    int slot = s.slot;
    if (s.owner == null) {
      emit((m, g, f) -> f.push(m.globals[slot]));
    } else if (s.owner == fn) {
      emit((m, g, f) -> f.push(f.locals[slot]));
    } else {
      int ci = capture(s, null);
      emit((m, g, f) -> f.push(f.caps[ci]));
    }
  }

  private int capture(Sym s, Node at) {
    needBox(s);
    return fn.capIndex(s);
  }

  // ---------------- expressions ----------------
  /** Compiles e, converting to want (when given) and copying aggregates (value semantics). */
  Type exprTo(Expr e, Type want) {
    Type t = expr(e, want, false);
    convertTop(t, want);
    return want == null ? t : want;
  }

  Type exprCopy(Expr e, Type want) {
    Type t = expr(e, want, false);
    if (t != null && Type.isValueAggregate(t) && !(unparen(e) instanceof CompositeLit) && !(unparen(e) instanceof Call)) {
      emit((m, g, f) -> f.push(Values.copy(f.pop())));
    }
    return t;
  }

  /** Emits the runtime conversion of the top of stack from type 'from' to 'to' (interface boxing). */
  void convertTop(Type from, Type to) {
    if (to == null || from == null) return;
    if (Type.isInterface(to) && !Type.isInterface(from)) {
      if (from == Type.UNTYPED_NIL) return;
      Type dyn = Type.defaultType(from);
      boolean agg = Type.isValueAggregate(dyn);
      emit((m, g, f) -> {
        Object v = f.pop();
        f.push(new Iface(dyn, agg ? Values.copy(v) : v));
      });
      return;
    }
    if (from instanceof Type.Basic b && b.isUntyped() && to.underlying() instanceof Type.Basic tb) {
      if (tb.isFloat() && b.isInteger()) emit((m, g, f) -> f.push(((Long) f.pop()).doubleValue()));
    }
  }

  Type expr(Expr e, Type want, boolean multiOk) {
    return expr(e, want, multiOk, false);
  }

  Type expr(Expr e, Type want, boolean stmtCtx, boolean multiOk) {
    int savedLine = line;
    if (e.line > 0) line = e.line;
    try {
      Expr ue = unparen(e);
      if (multiOk) {
        if (ue instanceof Index ix) {
          Type xt = typeOf(ix.x);
          if (xt != null && xt.underlying() instanceof Type.MapT) return index(ix, true);
        }
        if (ue instanceof TypeAssert ta && ta.type != null) return typeAssert(ta, true);
        if (ue instanceof Unary u && u.op.equals("<-")) {
          Type ct = expr(u.x, null, false);
          if (!(ct.underlying() instanceof Type.Chan ch)) throw err(u, "invalid operation: cannot receive from non-channel");
          emitV("chan receive", (m, g, f) -> m.recv(g, f, (Machine.Chan) f.pop(), true));
          return new Type.Tuple(List.of(ch.elem, Type.BOOL));
        }
      }
      return expr0(e, want, stmtCtx || multiOk);
    } finally {
      line = savedLine;
    }
  }

  private Type expr0(Expr e, Type want, boolean multiOk) {
    Object[] cv = constValue(e);
    if (cv != null) {
      Type t = (Type) cv[1];
      Object v = cv[0];
      if (want != null && !Type.isInterface(want) && t instanceof Type.Basic b && b.isUntyped() && want.underlying() instanceof Type.Basic) {
        v = convertConst(v, want, e);
        t = want;
      } else if (t instanceof Type.Basic b && b.isUntyped()) {
        Type d = Type.defaultType(t);
        v = convertConst(v, d, e);
        t = want != null && Type.isInterface(want) ? d : t;
      }
      push(v);
      return t;
    }
    if (e instanceof Paren p) return expr0(p.x, want, multiOk);
    if (e instanceof Ident id) return ident(id);
    if (e instanceof BasicLit) throw err(e, "bad literal");
    if (e instanceof FuncLit fl) return funcLit(fl);
    if (e instanceof CompositeLit cl) return compositeLit(cl, want);
    if (e instanceof Selector sel) return selector(sel);
    if (e instanceof Index ix) return index(ix, false);
    if (e instanceof SliceExpr se) return sliceExpr(se);
    if (e instanceof TypeAssert ta) return typeAssert(ta, false);
    if (e instanceof Call c) return call(c, multiOk);
    if (e instanceof Star st) {
      Type pt = expr(st.x, null, false);
      if (!(pt.underlying() instanceof Type.Pointer p)) throw err(e, "invalid operation: cannot indirect " + pt.str());
      Type elem = p.elem;
      boolean agg = Type.isValueAggregate(elem);
      emitV("read *p", (m, g, f) -> {
        Object v = Ops.deref(m, g, f.pop());
        f.push(agg ? Values.copy(v) : v);
      });
      return elem;
    }
    if (e instanceof Unary u) return unary(u, want);
    if (e instanceof Binary b) return binary(b, want);
    if (e instanceof KeyValue) throw err(e, "unexpected key:value");
    if (isTypeExpr(e)) throw err(e, "type is not an expression");
    throw unsupported(e, e.getClass().getSimpleName());
  }

  private Type ident(Ident id) {
    if (id.name.equals("_")) throw err(id, "cannot use _ as value");
    Sym s = scope.lookup(id.name);
    if (s == null) {
      if (pkgPath(id.name) != null) throw err(id, "use of package " + id.name + " without selector");
      throw err(id, "undefined: " + id.name);
    }
    switch (s.kind) {
      case VAR:
        if (s.type == null) throw err(id, "undefined: " + id.name + " (used before its declaration)");
        loadVar(s, id);
        return s.type;
      case NIL:
        push(null);
        return Type.UNTYPED_NIL;
      case FUNC: {
        Closure c = new Closure((FuncCode) s.value, null);
        push(c);
        return s.type;
      }
      case TYPE:
        throw err(id, id.name + " (type) is not an expression");
      case BUILTIN:
        throw err(id, id.name + " (built-in function) must be called");
      default:
        throw err(id, "unexpected " + id.name);
    }
  }

  private Type funcLit(FuncLit fl) {
    Type.Func sig = (Type.Func) resolveType(fl.type);
    Fn outer = fn;
    Fn top = outer;
    String base = outer.code.name;
    int k = ++outer.code.closureCount;
    FuncCode fc = new FuncCode(base + ".func" + k, displayFile);
    fc.line = fl.line;
    Fn x = new Fn(fc, outer, sig);
    compileBody(x, new Scope(scope), fl.type.params, sig.params, fl.type.results, sig, fl.body);
    // capture cells from the enclosing function at creation time
    List<Sym> caps = x.caps;
    int n = caps.size();
    Op[] loaders = new Op[n];
    for (int i = 0; i < n; i++) {
      Sym s = caps.get(i);
      needBox(s);
      if (s.owner == fn) {
        int slot = s.slot;
        loaders[i] = (m, g, f) -> f.push(f.locals[slot]);
      } else {
        int ci = fn.capIndex(s);
        loaders[i] = (m, g, f) -> f.push(f.caps[ci]);
      }
    }
    emit((m, g, f) -> {
      Object[] cs = new Object[n];
      for (int i = 0; i < n; i++) {
        loaders[i].exec(m, g, f);
        cs[i] = f.pop();
      }
      f.push(new Closure(fc, cs));
    });
    return sig;
  }

  private Type compositeLit(CompositeLit cl, Type want) {
    Type t;
    if (cl.type == null) {
      if (want == null) throw err(cl, "invalid composite literal type: missing type");
      t = want;
    } else if (cl.type instanceof ArrayTypeExpr at && at.len instanceof Ellipsis) {
      t = new Type.Array(cl.elts.size(), resolveType(at.elem));
      // [...]T{k: v} sizes by the largest index; keep it simple
    } else {
      t = resolveType(cl.type);
    }
    boolean addr = false;
    Type lit = t;
    if (t.underlying() instanceof Type.Pointer p && cl.type == null) {
      // &T elided in nested literals: []*T{{...}}
      lit = p.elem;
      addr = true;
    }
    Type u = lit.underlying();
    if (u instanceof Type.Struct st) {
      Type ft = lit;
      int n = st.fields.size();
      boolean keyed = !cl.elts.isEmpty() && cl.elts.get(0) instanceof KeyValue;
      int[] idx = new int[cl.elts.size()];
      for (int i = 0; i < cl.elts.size(); i++) {
        Expr el = cl.elts.get(i);
        if (keyed) {
          if (!(el instanceof KeyValue kv) || !(kv.key instanceof Ident kid)) throw err(el, "mixture of field:value and value elements in struct literal");
          int fi = st.index(kid.name);
          if (fi < 0) throw err(kv.key, "unknown field " + kid.name + " in struct literal of type " + lit.str());
          idx[i] = fi;
          exprTo(kv.value, st.fields.get(fi).type());
          copyIfAggregate(st.fields.get(fi).type());
        } else {
          if (i >= n) throw err(el, "too many values in struct literal");
          idx[i] = i;
          exprTo(el, st.fields.get(i).type());
          copyIfAggregate(st.fields.get(i).type());
        }
      }
      if (!keyed && !cl.elts.isEmpty() && cl.elts.size() < n) throw err(cl, "too few values in struct literal of type " + lit.str());
      int ne = cl.elts.size();
      emit((m, g, f) -> {
        StructVal sv = (StructVal) Values.zero(ft);
        for (int i = ne - 1; i >= 0; i--) sv.f[idx[i]] = f.pop();
        m.alloc(16L + 8L * n);
        f.push(sv);
      });
      return t;
    }
    if (u instanceof Type.Slice || u instanceof Type.Array) {
      Type elem = u instanceof Type.Slice s ? s.elem : ((Type.Array) u).elem;
      int[] idx = new int[cl.elts.size()];
      int next = 0;
      int max = 0;
      for (int i = 0; i < cl.elts.size(); i++) {
        Expr el = cl.elts.get(i);
        Expr v = el;
        if (el instanceof KeyValue kv) {
          Object[] kc = constValue(kv.key);
          if (kc == null || !(kc[0] instanceof Long kl)) throw err(kv.key, "index must be non-negative integer constant");
          next = kl.intValue();
          v = kv.value;
        }
        idx[i] = next++;
        max = Math.max(max, next);
        exprTo(v, elem);
        copyIfAggregate(elem);
      }
      int len = u instanceof Type.Array a && a.len >= 0 ? a.len : max;
      boolean isSlice = u instanceof Type.Slice;
      int ne = cl.elts.size();
      emit((m, g, f) -> {
        Object[] arr = new Object[len];
        for (int i = ne - 1; i >= 0; i--) arr[idx[i]] = f.pop();
        for (int i = 0; i < len; i++) if (arr[i] == null) arr[i] = Values.zero(elem);
        m.alloc(8L * len);
        ArrayVal av = new ArrayVal(arr);
        f.push(isSlice ? new SliceVal(av, 0, len, len) : av);
      });
      return t;
    }
    if (u instanceof Type.MapT mt) {
      for (Expr el : cl.elts) {
        if (!(el instanceof KeyValue kv)) throw err(el, "missing key in map literal");
        exprTo(kv.key, mt.key);
        exprTo(kv.value, mt.value);
        copyIfAggregate(mt.value);
      }
      int ne = cl.elts.size();
      emit((m, g, f) -> {
        MapVal mv = new MapVal();
        Object[] kvs = new Object[ne * 2];
        for (int i = ne * 2 - 1; i >= 0; i--) kvs[i] = f.pop();
        for (int i = 0; i < ne; i++) mv.m.put(Values.key(kvs[2 * i]), kvs[2 * i + 1]);
        m.alloc(48L + 16L * ne);
        f.push(mv);
      });
      return t;
    }
    throw err(cl, "invalid composite literal type " + t.str());
  }

  // ---------------- selectors ----------------
  static final class Selection {
    static final int FIELD = 0, METHOD = 1, IFACE_METHOD = 2;
    int kind;
    int[] path; // embedded field indices to walk before the final field / receiver
    int lastIndex;
    Type type;
    Type.Method method;
    Type recvNamed; // named type owning the method
    boolean viaPointer;
    String fieldName;
    Type.Func sig;
  }

  /** Finds field or method name in type t (with embedded promotion, breadth-first). */
  Selection lookup(Type t, String name) {
    boolean ptr = false;
    Type base = t;
    if (t.underlying() instanceof Type.Pointer p && !(t instanceof Type.Named && ((Type.Named) t).methods.containsKey(name))) {
      base = p.elem;
      ptr = true;
    }
    if (Type.isInterface(base)) {
      Type.Interface it = (Type.Interface) base.underlying();
      Type.Func sig = it.methods.get(name);
      if (sig == null) return null;
      Selection s = new Selection();
      s.kind = Selection.IFACE_METHOD;
      s.sig = sig;
      s.type = sig;
      s.path = new int[0];
      return s;
    }
    record Item(Type t, int[] path, boolean ptr) {}
    List<Item> level = List.of(new Item(base, new int[0], ptr));
    Set<Type> seen = new HashSet<>();
    for (int depth = 0; depth < 6 && !level.isEmpty(); depth++) {
      List<Item> next = new ArrayList<>();
      for (Item it : level) {
        Type bt = it.t;
        if (!seen.add(bt)) continue;
        if (bt instanceof Type.Named n) {
          Type.Method m = n.methods.get(name);
          if (m != null) {
            Selection s = new Selection();
            s.kind = Selection.METHOD;
            s.method = m;
            s.recvNamed = n;
            s.path = it.path;
            s.viaPointer = it.ptr;
            s.sig = m.sig;
            s.type = m.sig;
            return s;
          }
        }
        if (Type.isInterface(bt) && depth > 0) {
          Type.Func sig = ((Type.Interface) bt.underlying()).methods.get(name);
          if (sig != null) {
            Selection s = new Selection();
            s.kind = Selection.IFACE_METHOD;
            s.sig = sig;
            s.type = sig;
            s.path = it.path;
            s.viaPointer = it.ptr;
            return s;
          }
        }
        if (bt.underlying() instanceof Type.Struct st) {
          int fi = st.index(name);
          if (fi >= 0) {
            Selection s = new Selection();
            s.kind = Selection.FIELD;
            s.path = it.path;
            s.lastIndex = fi;
            s.type = st.fields.get(fi).type();
            s.viaPointer = it.ptr;
            s.fieldName = name;
            return s;
          }
          for (int i = 0; i < st.fields.size(); i++) {
            Type.FieldT f = st.fields.get(i);
            if (!f.embedded()) continue;
            int[] np = Arrays.copyOf(it.path, it.path.length + 1);
            np[it.path.length] = i;
            Type ft = f.type();
            boolean fp = ft.underlying() instanceof Type.Pointer;
            next.add(new Item(fp ? ((Type.Pointer) ft.underlying()).elem : ft, np, it.ptr || fp));
          }
        }
      }
      level = next;
    }
    return null;
  }

  Selection select(Selector sel) {
    if (sel.x instanceof Ident pk && scope.lookup(pk.name) == null && pkgPath(pk.name) != null) return null;
    Type xt = typeOf(sel.x);
    if (xt == null) return null;
    return lookup(xt, sel.sel);
  }

  /** Pushes the struct that directly holds the selected field (walks the embedding path). */
  void fieldBase(Selector sel, Selection s) {
    expr(sel.x, null, false);
    walkPath(s.path);
  }

  private void walkPath(int[] path) {
    for (int i : path) {
      emit((m, g, f) -> {
        StructVal sv = (StructVal) f.pop();
        if (sv == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
        f.push(sv.f[i]);
      });
    }
  }

  private Type selector(Selector sel) {
    // package member?
    if (sel.x instanceof Ident pk && scope.lookup(pk.name) == null) {
      String path = pkgPath(pk.name);
      if (path != null) {
        Natives.Member mem = Natives.member(path, sel.sel);
        if (mem == null) throw unsupported(sel, path + "." + sel.sel);
        switch (mem.kind()) {
          case CONST:
          case VAR:
            push(mem.value());
            return mem.type();
          case FUNC:
            push(new Closure(null, null, Values.NO_RECV, (Natives.NativeFn) mem.value(), path + "." + sel.sel));
            return mem.type();
          default:
            throw err(sel, path + "." + sel.sel + " (type) is not an expression");
        }
      }
    }
    // method expression T.Method: unsupported
    if (isTypeExpr(sel.x)) throw unsupported(sel, "method expression");
    Type xt = expr(sel.x, null, false);
    Selection s = lookup(xt, sel.sel);
    if (s == null) throw err(sel, sel.x instanceof Ident i ? i.name + "." + sel.sel + " undefined (type " + xt.str() + " has no field or method " + sel.sel + ")" : "undefined field or method " + sel.sel);
    walkPath(s.path);
    switch (s.kind) {
      case Selection.FIELD: {
        int idx = s.lastIndex;
        boolean local = isLocalValue(sel.x) && !s.viaPointer;
        boolean agg = Type.isValueAggregate(s.type);
        String fname = sel.sel;
        Op op = (m, g, f) -> {
          StructVal sv = (StructVal) f.pop();
          if (sv == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
          if (!local) m.read(g, sv.shadow(idx), new FieldRef(sv, idx), fname);
          // aggregates stay by reference so that x.f.g = v and x.mu.Lock() work in place
          f.push(sv.f[idx]);
        };
        if (local || agg) emit(op);
        else emitV("read " + fname, op);
        return s.type;
      }
      case Selection.METHOD: {
        // method value: bind receiver now
        Type.Method m0 = s.method;
        boolean copyRecv = !m0.ptrRecv;
        if (m0.nat != null) {
          Natives.NativeFn nf = m0.nat;
          String nn = s.recvNamed.str() + "." + sel.sel;
          emit((m, g, f) -> f.push(new Closure(null, null, copyRecv ? Values.copy(f.pop()) : f.pop(), nf, nn)));
        } else {
          FuncCode code = m0.code;
          emit((m, g, f) -> {
            Object r = f.pop();
            if (copyRecv && r == null && s.viaPointer) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
            f.push(new Closure(code, null, copyRecv ? Values.copy(r) : r, null, null));
          });
        }
        return s.sig;
      }
      default: {
        String name = sel.sel;
        emit((m, g, f) -> f.push(Ops.ifaceMethodValue(f.pop(), name)));
        return s.sig;
      }
    }
  }

  private Type index(Index ix, boolean commaOk) {
    Type xt = expr(ix.x, null, false);
    Type u = xt.underlying();
    if (u instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Array) u = p.elem.underlying();
    if (u instanceof Type.MapT mt) {
      exprTo(ix.index, mt.key);
      Type vt = mt.value;
      emitV("map read", (m, g, f) -> {
        Object k = f.pop();
        MapVal mv = (MapVal) f.pop();
        if (commaOk) {
          Object[] r = (Object[]) Ops.mapGet(m, g, mv, Values.key(k), vt, true);
          f.push(r[0]);
          f.push(r[1]);
        } else {
          f.push(Ops.mapGet(m, g, mv, Values.key(k), vt, false));
        }
      });
      return commaOk ? new Type.Tuple(List.of(vt, Type.BOOL)) : vt;
    }
    if (commaOk) throw err(ix, "assignment mismatch: 2 variables but 1 value");
    Type it = expr(ix.index, Type.INT, false);
    if (u instanceof Type.Basic b && b.isString()) {
      emit((m, g, f) -> {
        long i = (Long) f.pop();
        byte[] bs = ((String) f.pop()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (i < 0 || i >= bs.length) throw new Machine.GoPanic(Natives.runtimeError("index out of range [" + i + "] with length " + bs.length));
        f.push((long) (bs[(int) i] & 0xff));
      });
      return Type.UINT8;
    }
    Type elem;
    if (u instanceof Type.Slice s) elem = s.elem;
    else if (u instanceof Type.Array a) elem = a.elem;
    else throw err(ix, "invalid operation: cannot index " + xt.str());
    boolean local = u instanceof Type.Array && isLocalValue(ix.x);
    Op op = (m, g, f) -> {
      ElemRef r = Ops.elemRef(f.pop(), f.pop());
      if (!local) m.read(g, r.shadow(), r, "element");
      f.push(r.load());
    };
    if (local) emit(op);
    else emitV("read element", op);
    return elem;
  }

  private Type sliceExpr(SliceExpr se) {
    Type xt = expr(se.x, null, false);
    Type u = xt.underlying();
    boolean isPtrArr = u instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Array;
    if (se.lo != null) expr(se.lo, Type.INT, false);
    else push(null);
    if (se.hi != null) expr(se.hi, Type.INT, false);
    else push(null);
    if (se.max != null) expr(se.max, Type.INT, false);
    else push(null);
    emit((m, g, f) -> {
      Object max = f.pop();
      Object hi = f.pop();
      Object lo = f.pop();
      f.push(Ops.slice(f.pop(), (Long) lo, (Long) hi, (Long) max));
    });
    if (u instanceof Type.Basic b && b.isString()) return xt;
    if (u instanceof Type.Slice) return xt;
    if (u instanceof Type.Array a) return new Type.Slice(a.elem);
    if (isPtrArr) return new Type.Slice(((Type.Array) ((Type.Pointer) u).elem.underlying()).elem);
    throw err(se, "cannot slice " + xt.str());
  }

  private Type typeAssert(TypeAssert ta, boolean commaOk) {
    if (ta.type == null) throw err(ta, "use of .(type) outside type switch");
    Type xt = expr(ta.x, null, false);
    if (!Type.isInterface(xt)) throw err(ta, "invalid operation: " + " (variable of type " + xt.str() + ") is not an interface");
    Type t = resolveType(ta.type);
    boolean toIface = Type.isInterface(t);
    String xs = xt.str();
    emit((m, g, f) -> {
      Object v = f.pop();
      boolean ok = Ops.typeMatches(v, t);
      if (commaOk) {
        f.push(ok ? (toIface ? v : ((Iface) v).v) : Values.zero(t));
        f.push(ok);
      } else {
        if (!ok) {
          String have = v == null ? "nil" : ((Iface) v).t.str();
          String msg = toIface && v != null
              ? "interface conversion: " + have + " is not " + t.str() + ": missing method " + Ops.missingMethod(v, t)
              : "interface conversion: " + xs + " is " + have + ", not " + t.str();
          throw new Machine.GoPanic(Natives.runtimeError0(msg));
        }
        f.push(toIface ? v : ((Iface) v).v);
      }
    });
    return commaOk ? new Type.Tuple(List.of(t, Type.BOOL)) : t;
  }

  private Type unary(Unary u, Type want) {
    switch (u.op) {
      case "<-": {
        Type ct = expr(u.x, null, false);
        if (!(ct.underlying() instanceof Type.Chan ch)) throw err(u, "invalid operation: cannot receive from non-channel");
        emitV("chan receive", (m, g, f) -> m.recv(g, f, (Machine.Chan) f.pop(), false), (m, f) -> fp(f.stack[f.sp - 1], true));
        return ch.elem;
      }
      case "&": {
        Expr x = unparen(u.x);
        if (x instanceof CompositeLit cl) {
          Type t = compositeLit(cl, want instanceof Type.Pointer p ? p.elem : null);
          return addrOfValue(t);
        }
        if (x instanceof Ident id) {
          Sym s = scope.lookup(id.name);
          if (s == null || s.kind != VAR) throw err(u, "cannot take address of " + id.name);
          if (Type.isValueAggregate(s.type)) {
            // the struct/array object is its own address
            loadVar(s, id);
            return new Type.Pointer(s.type);
          }
          pushCell(s);
          return new Type.Pointer(s.type);
        }
        if (x instanceof Selector sel) {
          Selection s = select(sel);
          if (s != null && s.kind == Selection.FIELD) {
            if (Type.isValueAggregate(s.type)) {
              expr(sel, null, false);
              return new Type.Pointer(s.type);
            }
            fieldBase(sel, s);
            int idx = s.lastIndex;
            emit((m, g, f) -> f.push(new FieldRef((StructVal) f.pop(), idx)));
            return new Type.Pointer(s.type);
          }
        }
        if (x instanceof Index ix) {
          Type xt = typeOf(ix.x);
          if (xt != null && !(xt.underlying() instanceof Type.MapT)) {
            Type et = expr(ix, null, false);
            if (Type.isValueAggregate(et)) return new Type.Pointer(et);
            pop(1);
            expr(ix.x, null, false);
            expr(ix.index, Type.INT, false);
            emit((m, g, f) -> f.push(Ops.elemRef(f.pop(), f.pop())));
            return new Type.Pointer(et);
          }
        }
        throw unsupported(u, "taking the address of this expression");
      }
      case "-", "+", "^", "!": {
        Type t = expr(u.x, want, false);
        String op = u.op;
        Type.Basic b = t.underlying() instanceof Type.Basic bb ? bb : null;
        if (b == null) throw err(u, "invalid operation: operator " + op + " not defined on " + t.str());
        Type.BKind k = b.kind;
        emit((m, g, f) -> f.push(Ops.unary(op, f.pop(), k)));
        return t;
      }
      default:
        throw unsupported(u, "operator " + u.op);
    }
  }

  private Type addrOfValue(Type t) {
    if (Type.isValueAggregate(t)) return new Type.Pointer(t);
    emit((m, g, f) -> f.push(new Box(f.pop())));
    return new Type.Pointer(t);
  }

  private Type binary(Binary b, Type want) {
    if (b.op.equals("&&") || b.op.equals("||")) {
      Label end = new Label();
      exprTo(b.x, Type.BOOL);
      boolean and = b.op.equals("&&");
      emit((m, g, f) -> {
        boolean v = (Boolean) f.peek();
        if (v != and) f.pc = end.pc;
        else f.pop();
      });
      exprTo(b.y, Type.BOOL);
      mark(end);
      return Type.BOOL;
    }
    if (b.op.equals("<<") || b.op.equals(">>")) {
      Type xt = expr(b.x, want, false);
      expr(b.y, Type.UINT, false);
      binaryOp(b.op, Type.defaultType(xt), Type.defaultType(xt), b);
      return Type.defaultType(xt);
    }
    // operand types: an untyped side takes the other side's type
    Object[] xc = constValue(b.x);
    Object[] yc = constValue(b.y);
    Type xt;
    Type yt;
    if (xc != null && yc == null) {
      Type ty = typeOf(b.y);
      xt = expr(b.x, ty != null && !Type.isInterface(ty) && ty != Type.UNTYPED_NIL ? ty : null, false);
      yt = expr(b.y, xt, false);
    } else {
      xt = expr(b.x, null, false);
      yt = expr(b.y, Type.isInterface(xt) || xt == Type.UNTYPED_NIL ? null : xt, false);
    }
    if (isCompare(b.op)) {
      compareOp(b.op, xt, yt, b);
      return Type.UNTYPED_BOOL == null ? Type.BOOL : Type.BOOL;
    }
    Type rt = xt instanceof Type.Basic bx && bx.isUntyped() ? yt : xt;
    binaryOp(b.op, rt, yt, b);
    return rt;
  }

  /** Compares the two values on the stack (types xt, yt). */
  void compareOp(String op, Type xt, Type yt, Node at) {
    boolean xi = Type.isInterface(xt);
    boolean yi = Type.isInterface(yt);
    if (xi && !yi && yt != Type.UNTYPED_NIL) convertTop(yt, xt);
    if (yi && !xi && xt != Type.UNTYPED_NIL) {
      // convert the lower operand: swap, convert, swap
      emit((m, g, f) -> {
        Object y = f.pop();
        Object x = f.pop();
        f.push(y);
        f.push(x);
      });
      convertTop(xt, yt);
      emit((m, g, f) -> {
        Object y = f.pop();
        Object x = f.pop();
        f.push(y);
        f.push(x);
      });
    }
    Type t = xt instanceof Type.Basic b && b.isUntyped() ? yt : xt;
    Type.BKind k = t.underlying() instanceof Type.Basic bb ? bb.kind : null;
    emit((m, g, f) -> {
      Object y = f.pop();
      Object x = f.pop();
      f.push(Ops.compare(op, x, y, k));
    });
  }

  void binaryOp(String op, Type t, Type yt, Node at) {
    Type u = t.underlying();
    if (!(u instanceof Type.Basic b)) throw err(at, "invalid operation: operator " + op + " not defined on " + t.str());
    Type.BKind k = b.kind;
    if (b.isString() && !op.equals("+")) throw err(at, "invalid operation: operator " + op + " not defined on string");
    emit((m, g, f) -> {
      Object y = f.pop();
      Object x = f.pop();
      f.push(Ops.binary(op, x, y, k));
    });
  }

  // ---------------- calls ----------------
  private Type call(Call c, boolean multiOk) {
    Expr fe = unparen(c.fun);
    // conversion
    if (isTypeExpr(fe)) {
      Type t = resolveType(fe);
      if (c.args.size() != 1) throw err(c, "wrong argument count in conversion to " + t.str());
      return conversion(t, c.args.get(0), c);
    }
    if (fe instanceof Ident id) {
      Sym s = scope.lookup(id.name);
      if (s != null && s.kind == BUILTIN) return builtin(id.name, c);
      if (s != null && s.kind == FUNC) {
        Type.Func sig = (Type.Func) s.type;
        FuncCode code = (FuncCode) s.value;
        int n = args(c, sig);
        Closure cl = new Closure(code, null);
        line = c.line;
        emit((m, g, f) -> {
          Object[] a = new Object[n];
          for (int i = n - 1; i >= 0; i--) a[i] = f.pop();
          Frame nf = m.enter(cl, a);
          nf.caller = f;
          g.frame = nf;
        });
        return resultType(sig);
      }
    }
    // package function
    if (fe instanceof Selector sel && sel.x instanceof Ident pk && scope.lookup(pk.name) == null && pkgPath(pk.name) != null) {
      String path = pkgPath(pk.name);
      Natives.Member mem = Natives.member(path, sel.sel);
      if (mem == null) throw unsupported(sel, path + "." + sel.sel);
      if (mem.kind() == Natives.MKind.TYPE) return conversion(mem.type(), c.args.get(0), c);
      if (mem.kind() != Natives.MKind.FUNC) throw err(c, "cannot call non-function " + path + "." + sel.sel);
      Type.Func sig = (Type.Func) mem.type();
      Natives.Special sp = Natives.special(path + "." + sel.sel);
      if (sp != null) return sp.compile(this, c);
      int n = args(c, sig);
      Natives.NativeFn nf = (Natives.NativeFn) mem.value();
      line = c.line;
      nativeCall(nf, n, mem.visible(), path + "." + sel.sel);
      return resultType(sig);
    }
    // method call
    if (fe instanceof Selector sel && !isTypeExpr(sel.x)) {
      Type xt = typeOf(sel.x);
      if (xt != null) {
        Selection s = lookup(xt, sel.sel);
        if (s != null && s.kind == Selection.METHOD) {
          Type.Method m0 = s.method;
          // receiver
          expr(sel.x, null, false);
          walkPath(s.path);
          if (!m0.ptrRecv && m0.nat == null) {
            boolean viaPtr = xt.underlying() instanceof Type.Pointer || s.viaPointer;
            emit((m, g, f) -> {
              Object r = f.pop();
              if (r == null && viaPtr) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
              f.push(Values.copy(r));
            });
          }
          int n = args(c, m0.sig);
          line = c.line;
          if (m0.nat != null) {
            int na = n + 1;
            nativeCall(m0.nat, na, m0.nat.visible(), s.recvNamed.str() + "." + sel.sel);
            FuncCode.Ins last = fn.code.building.get(fn.code.building.size() - 1);
            if (last.visible) last.peek = (m, f) -> fp(f.stack[f.sp - na], true);
          } else {
            FuncCode code = m0.code;
            int na = n + 1;
            emit((m, g, f) -> {
              Object[] a = new Object[na];
              for (int i = na - 1; i >= 0; i--) a[i] = f.pop();
              Frame nf = new Frame(code, null);
              System.arraycopy(a, 0, nf.locals, 0, na);
              nf.caller = f;
              g.frame = nf;
            });
          }
          return resultType(m0.sig);
        }
        if (s != null && s.kind == Selection.IFACE_METHOD) {
          expr(sel.x, null, false);
          walkPath(s.path);
          int n = args(c, s.sig);
          String name = sel.sel;
          line = c.line;
          emit((m, g, f) -> {
            Object[] a = new Object[n];
            for (int i = n - 1; i >= 0; i--) a[i] = f.pop();
            Object recv = f.pop();
            Ops.callIface(m, g, f, recv, name, a);
          });
          return resultType(s.sig);
        }
      }
    }
    // function value
    Type ft = expr(c.fun, null, false);
    if (!(ft.underlying() instanceof Type.Func sig)) throw err(c, "invalid operation: cannot call non-function (type " + ft.str() + ")");
    int n = args(c, sig);
    line = c.line;
    emit((m, g, f) -> {
      Object[] a = new Object[n];
      for (int i = n - 1; i >= 0; i--) a[i] = f.pop();
      Closure cl = (Closure) f.pop();
      if (cl != null && cl.nat != null) {
        int pcBefore = f.pc;
        cl.nat.call(m, g, f, withRecv(cl, a));
        if (f.pc < pcBefore) {
          f.push(cl);
          for (Object x : a) f.push(x);
        }
        return;
      }
      m.call(g, f, cl, a);
    });
    return resultType(sig);
  }

  private static Object[] withRecv(Closure c, Object[] args) {
    if (c.recv == Values.NO_RECV) return args;
    Object[] a = new Object[args.length + 1];
    a[0] = c.recv;
    System.arraycopy(args, 0, a, 1, args.length);
    return a;
  }

  /** Calls a library function with n arguments on the stack; blocking ones retry with their args re-pushed. */
  void nativeCall(Natives.NativeFn nf, int n, boolean visible, String desc) {
    Op op = (m, g, f) -> {
      Object[] a = new Object[n];
      for (int i = n - 1; i >= 0; i--) a[i] = f.pop();
      int pcBefore = f.pc;
      nf.call(m, g, f, a);
      if (f.pc < pcBefore) for (Object x : a) f.push(x);
    };
    if (visible) emitV(desc, op);
    else emit(op);
  }

  static Type resultType(Type.Func sig) {
    if (sig.results.isEmpty()) return null;
    if (sig.results.size() == 1) return sig.results.get(0);
    return new Type.Tuple(sig.results);
  }

  /** Pushes converted arguments; returns how many values were pushed. */
  int args(Call c, Type.Func sig) {
    List<Type> ps = sig.params;
    int np = ps.size();
    if (c.args.size() == 1 && np > 1 && unparen(c.args.get(0)) instanceof Call inner) {
      Type t = expr(inner, null, true, true);
      if (t instanceof Type.Tuple tu) {
        if (sig.variadic) {
          // f(g()) into a variadic: pack the tail
          int fixed = np - 1;
          int extra = tu.types.size() - fixed;
          Type elem = ((Type.Slice) ps.get(np - 1)).elem;
          convertTopN(tu.types, ps, fixed, elem);
          packVariadic(extra, elem);
          return np;
        }
        if (tu.types.size() != np) throw err(c, "not enough arguments in call");
        convertTopN(tu.types, ps, np, null);
        return np;
      }
      throw err(c, "not enough arguments in call");
    }
    if (c.args.size() == 1 && unparen(c.args.get(0)) instanceof Call inner && sig.variadic && np == 1) {
      Type t = typeOf(inner);
      if (t instanceof Type.Tuple tu) {
        expr(inner, null, true, true);
        Type elem = ((Type.Slice) ps.get(0)).elem;
        convertTopN(tu.types, ps, 0, elem);
        packVariadic(tu.types.size(), elem);
        return 1;
      }
    }
    if (!sig.variadic || c.ellipsis) {
      if (c.args.size() != np) throw err(c, (c.args.size() < np ? "not enough" : "too many") + " arguments in call (have " + c.args.size() + ", want " + np + ")");
      for (int i = 0; i < np; i++) {
        exprTo(c.args.get(i), ps.get(i));
        copyIfAggregate(ps.get(i));
      }
      return np;
    }
    int fixed = np - 1;
    if (c.args.size() < fixed) throw err(c, "not enough arguments in call");
    for (int i = 0; i < fixed; i++) {
      exprTo(c.args.get(i), ps.get(i));
      copyIfAggregate(ps.get(i));
    }
    Type elem = ((Type.Slice) ps.get(np - 1)).elem;
    int extra = c.args.size() - fixed;
    for (int i = fixed; i < c.args.size(); i++) {
      exprTo(c.args.get(i), elem);
      copyIfAggregate(elem);
    }
    packVariadic(extra, elem);
    return np;
  }

  private void convertTopN(List<Type> from, List<Type> to, int fixed, Type variadicElem) {
    int n = from.size();
    // convert each of the n values on top of the stack
    Type[] targets = new Type[n];
    for (int i = 0; i < n; i++) targets[i] = i < fixed ? to.get(i) : variadicElem;
    boolean any = false;
    for (int i = 0; i < n; i++) if (targets[i] != null && Type.isInterface(targets[i]) && !Type.isInterface(from.get(i))) any = true;
    if (!any) return;
    Type[] fr = from.toArray(new Type[0]);
    emit((m, g, f) -> {
      Object[] vs = new Object[n];
      for (int i = n - 1; i >= 0; i--) vs[i] = f.pop();
      for (int i = 0; i < n; i++) {
        if (targets[i] != null && Type.isInterface(targets[i]) && !Type.isInterface(fr[i])) vs[i] = new Iface(fr[i], vs[i]);
        f.push(vs[i]);
      }
    });
  }

  private void packVariadic(int extra, Type elem) {
    emit((m, g, f) -> {
      Object[] arr = new Object[extra];
      for (int i = extra - 1; i >= 0; i--) arr[i] = f.pop();
      f.push(extra == 0 ? null : new SliceVal(new ArrayVal(arr), 0, extra, extra));
    });
  }

  private Type conversion(Type t, Expr arg, Node at) {
    Type from = expr(arg, t.underlying() instanceof Type.Basic ? null : t, false);
    Type tu = t.underlying();
    Type fu = from.underlying();
    if (Type.isInterface(t)) {
      convertTop(from, t);
      return t;
    }
    if (tu instanceof Type.Basic tb) {
      Type.BKind k = tb.kind;
      if (tb.isString() && fu instanceof Type.Slice) {
        emit((m, g, f) -> f.push(Ops.bytesToString(f.pop())));
        return t;
      }
      if (tb.isString() && fu instanceof Type.Basic fb && fb.isInteger()) {
        emit((m, g, f) -> f.push(new String(Character.toChars((int) (long) (Long) f.pop()))));
        return t;
      }
      emit((m, g, f) -> f.push(Ops.convertBasic(f.pop(), k)));
      return t;
    }
    if (tu instanceof Type.Slice ts && fu instanceof Type.Basic fb && fb.isString()) {
      boolean runes = ts.elem.underlying() == Type.INT32;
      emit((m, g, f) -> f.push(Ops.stringToSlice((String) f.pop(), runes)));
      return t;
    }
    if (Type.isValueAggregate(t)) emit((m, g, f) -> f.push(Ops.retype(Values.copy(f.pop()), t)));
    return t;
  }

  // ---------------- builtins ----------------
  private Type builtin(String name, Call c) {
    List<Expr> a = c.args;
    switch (name) {
      case "len":
      case "cap": {
        Type t = expr(a.get(0), null, false);
        boolean isLen = name.equals("len");
        boolean isChan = t.underlying() instanceof Type.Chan;
        boolean isMap = t.underlying() instanceof Type.MapT;
        Op op = (m, g, f) -> {
          Object v = f.pop();
          if (isMap && v != null) {
            Ops.mapReadCheck(m, g, (MapVal) v);
            m.read(g, ((MapVal) v).sh, v, "map");
          }
          f.push((long) (isLen ? Ops.len(v) : Ops.cap(v)));
        };
        if (isChan || isMap) emitV(name, op);
        else emit(op);
        return Type.INT;
      }
      case "append": {
        Type st = expr(a.get(0), null, false);
        if (!(st.underlying() instanceof Type.Slice sl)) throw err(c, "invalid argument: " + st.str() + " (first argument to append must be a slice)");
        if (c.ellipsis) {
          Type t2 = expr(a.get(1), st, false);
          boolean strArg = t2.underlying() instanceof Type.Basic;
          emit((m, g, f) -> {
            Object more = f.pop();
            if (strArg) more = Ops.stringToSlice((String) more, false);
            f.push(Ops.appendSlice(m, g, f.pop(), more, sl.elem));
          });
          return st;
        }
        int n = a.size() - 1;
        for (int i = 1; i < a.size(); i++) {
          exprTo(a.get(i), sl.elem);
          copyIfAggregate(sl.elem);
        }
        emitV("append", (m, g, f) -> {
          Object[] vs = new Object[n];
          for (int i = n - 1; i >= 0; i--) vs[i] = f.pop();
          f.push(Ops.append(m, g, f.pop(), vs, sl.elem));
        });
        return st;
      }
      case "make": {
        Type t = resolveType(a.get(0));
        Type u = t.underlying();
        for (int i = 1; i < a.size(); i++) expr(a.get(i), Type.INT, false);
        int n = a.size() - 1;
        if (u instanceof Type.Chan ch) {
          Type el = ch.elem;
          emit((m, g, f) -> {
            long cap = n > 0 ? (Long) f.pop() : 0;
            if (cap < 0) throw new Machine.GoPanic(Natives.runtimeError0("makechan: size out of range"));
            m.alloc(96 + 8 * cap);
            Machine.Chan made = new Machine.Chan((int) cap, Values.zero(el));
            m.lockOrder.created(made);
            f.push(made);
          });
        } else if (u instanceof Type.MapT) {
          emit((m, g, f) -> {
            if (n > 0) f.pop();
            m.alloc(48);
            f.push(new MapVal());
          });
        } else if (u instanceof Type.Slice sl) {
          Type el = sl.elem;
          emit((m, g, f) -> {
            long cap = n > 1 ? (Long) f.pop() : -1;
            long len = n > 0 ? (Long) f.pop() : 0;
            if (cap < 0) cap = len;
            if (len < 0) throw new Machine.GoPanic(Natives.runtimeError("makeslice: len out of range"));
            if (cap < len) throw new Machine.GoPanic(Natives.runtimeError("makeslice: cap out of range"));
            Object[] arr = new Object[(int) cap];
            for (int i = 0; i < cap; i++) arr[i] = Values.zero(el);
            m.alloc(8 * cap);
            f.push(new SliceVal(new ArrayVal(arr), 0, (int) len, (int) cap));
          });
        } else {
          throw err(c, "invalid argument: cannot make " + t.str());
        }
        return t;
      }
      case "new": {
        Type t = resolveType(a.get(0));
        boolean agg = Type.isValueAggregate(t);
        emit((m, g, f) -> {
          m.alloc(16);
          f.push(agg ? Values.zero(t) : new Box(Values.zero(t)));
        });
        return new Type.Pointer(t);
      }
      case "delete": {
        Type mt = expr(a.get(0), null, false);
        if (!(mt.underlying() instanceof Type.MapT mtt)) throw err(c, "invalid argument: delete on non-map");
        exprTo(a.get(1), mtt.key);
        emitV("map delete (begin)", (m, g, f) -> {
          Object k = f.pop();
          MapVal mv = (MapVal) f.peek();
          f.push(k);
          if (mv != null) Ops.mapWriteBegin(m, g, mv);
        });
        emitV("map delete", (m, g, f) -> {
          Object k = f.pop();
          MapVal mv = (MapVal) f.pop();
          if (mv != null) Ops.mapDeleteEnd(m, g, mv, k);
        });
        return null;
      }
      case "copy": {
        expr(a.get(0), null, false);
        expr(a.get(1), null, false);
        emitV("copy", (m, g, f) -> {
          Object src = f.pop();
          f.push((long) Ops.copy(m, g, f.pop(), src));
        });
        return Type.INT;
      }
      case "close": {
        expr(a.get(0), null, false);
        emitV("close", (m, g, f) -> m.close(g, (Machine.Chan) f.pop()), (m, f) -> fp(f.stack[f.sp - 1], true));
        return null;
      }
      case "panic": {
        exprTo(a.get(0), Natives.EMPTY_IFACE);
        emit((m, g, f) -> {
          Object v = f.pop();
          if (v == null) v = Natives.nilPanic();
          throw new Machine.GoPanic(v);
        });
        return null;
      }
      case "recover": {
        emit((m, g, f) -> f.push(m.recover(g, f)));
        return Natives.EMPTY_IFACE;
      }
      case "print":
      case "println": {
        List<Type> ts = new ArrayList<>();
        for (Expr x : a) ts.add(expr(x, null, false));
        int n = a.size();
        boolean ln = name.equals("println");
        emitV(name, (m, g, f) -> {
          Object[] vs = new Object[n];
          for (int i = n - 1; i >= 0; i--) vs[i] = f.pop();
          // print/println write to stderr; we keep them in the output stream too
          m.print(Fmt.printBuiltin(vs, ln));
        });
        return null;
      }
      case "min":
      case "max": {
        Type t = null;
        for (Expr x : a) {
          Type xt = expr(x, t, false);
          if (t == null || (t instanceof Type.Basic b && b.isUntyped())) t = xt;
        }
        int n = a.size();
        boolean isMin = name.equals("min");
        emit((m, g, f) -> {
          Object best = null;
          for (int i = 0; i < n; i++) {
            Object v = f.pop();
            if (best == null || (Boolean) Ops.compare(isMin ? "<" : ">", v, best, null)) best = v;
          }
          f.push(best);
        });
        return t;
      }
      case "clear": {
        expr(a.get(0), null, false);
        emitV("clear", (m, g, f) -> Ops.clear(f.pop()));
        return null;
      }
      default:
        throw unsupported(c, "builtin " + name);
    }
  }

  // exposed for Natives' special forms
  Scope scope() {
    return scope;
  }

  int newLocal() {
    return fn.newLocal();
  }

  void setLine(int l) {
    line = l;
  }

  String displayFile() {
    return displayFile;
  }

  Fn currentFn() {
    return fn;
  }
}
