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

/** Shared state of the compiler: symbols and scopes, the function being compiled, diagnostics and instruction emission. Each concern of the compiler is one class of a chain ending in {@link Compiler}. */
abstract class CompilerBase {
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
  final String file;
  final String displayFile;
  final boolean go122;
  final Program prog;

  CompilerBase(String file, String displayFile, boolean go122) {
    this.file = file;
    this.displayFile = displayFile;
    this.go122 = go122;
    this.prog = new Program(displayFile);
  }
  final Scope universe = new Scope(null);
  final Scope pkgScope = new Scope(universe);
  /** The scope around the function being compiled: the package's, or one naming the type arguments of an instantiation. */
  Scope declScope = pkgScope;
  final Map<String, String> imports = new HashMap<>();
  final Set<String> boxedKeys = new HashSet<>();
  boolean boxedChanged;
  Fn fn;
  Scope scope;
  int line;
  final List<Sym> globalsInOrder = new ArrayList<>();
  final Map<String, Integer> methodClosureCounts = new HashMap<>();
  final List<FuncDecl> funcDecls = new ArrayList<>();
  final Map<FuncDecl, FuncCode> funcCodes = new LinkedHashMap<>();
  boolean snippet;
  /** Whether a function whose body is outside the subset compiles to a refusal when called instead of refusing now. */
  boolean deferRefusals;
  /**
   * Types of packages (or members) the simulator does not model, met in declarations while refusals are deferred:
   * each is a value with no methods, so a signature or field may name it; using one refuses where it is used.
   */
  final Map<Type, String> unmodelledTypes = new HashMap<>();
  private final Map<String, Type.Named> unmodelledByName = new HashMap<>();

  Type.Named unmodelledType(String path, String name) {
    return unmodelledByName.computeIfAbsent(path + "." + name, k -> {
      String shown = path.substring(path.lastIndexOf('/') + 1) + "." + name;
      Type.Named t = new Type.Named(shown, new Type.Opaque(shown, () -> null, false));
      unmodelledTypes.put(t, path + "." + name);
      return t;
    });
  }

  /** Replaces a function's code by one instruction that refuses the program with {@code e} when it runs. */
  static void refuseWhenCalled(FuncCode fc, int params, int results, int line, UnsupportedConstructException e) {
    fc.building.clear();
    fc.nParams = params;
    fc.nLocals = params + results;
    fc.resultSlots = new int[results];
    for (int i = 0; i < results; i++) fc.resultSlots[i] = params + i;
    fc.boxedResults = null;
    fc.line = line;
    fc.code = new FuncCode.Ins[] {new FuncCode.Ins(new Instr.Refuse(e), e.line(), false, null)};
  }

  /**
   * Whether a refusal can wait until code that needs it runs: a construct outside the subset, or a name the simulator
   * cannot resolve (declared in a file it was not given, or an unexported part of a package it models).
   */
  boolean deferrable(UnsupportedConstructException e) {
    return deferRefusals && (e.construct().startsWith("unsupported:") || e.construct().startsWith("undefined:"));
  }

  /** Globals whose initializer is outside the subset: never initialized, using one refuses with this. */
  final Map<Sym, UnsupportedConstructException> refusedGlobals = new HashMap<>();

  /** Refuses at {@code n} if {@code s} is a global whose initializer is outside the subset. */
  void checkGlobalNotRefused(Node n, Sym s) {
    UnsupportedConstructException e = s.owner == null ? refusedGlobals.get(s) : null;
    if (e != null) throw err(n, e.construct() + " (in the initializer of " + s.name + " at line " + e.line() + ")");
  }

  /** Types of the program whose declaration is outside the subset (deferred): using one refuses with this. */
  final Map<Type, UnsupportedConstructException> refusedTypes = new HashMap<>();

  /** Refuses at {@code n} if {@code t} (or *t) is a type whose declaration is outside the subset. */
  void checkNotRefused(Node n, Type t) {
    if (t instanceof Type.Pointer p) t = p.elem;
    UnsupportedConstructException e = refusedTypes.get(t);
    if (e != null) throw err(n, e.construct() + " (in the declaration of " + t.str() + " at line " + e.line() + ")");
  }

  /** The qualified name of an unmodelled type {@code t} or {@code *t}, or null. */
  String unmodelledName(Type t) {
    if (t instanceof Type.Pointer p) t = p.elem;
    return unmodelledTypes.get(t);
  }
  String pkgName = "main";

  static Sym constSym(String n, Object v, Type t) {
    Sym s = new Sym(n, CONST, t);
    s.value = v;
    return s;
  }

  UnsupportedConstructException err(Node n, String msg) {
    return new UnsupportedConstructException(file, n == null ? line : n.line, n == null ? 1 : n.col, msg);
  }

  /** A package member the simulator does not model; for a package it does not model at all, says so. */
  UnsupportedConstructException unknownMember(Node n, String path, String name) {
    if (!Natives.knownPackage(path)) return unsupported(n, path + "." + name + " (package \"" + path + "\" is not modelled)");
    return unsupported(n, path + "." + name);
  }

  UnsupportedConstructException unsupported(Node n, String what) {
    return err(n, "unsupported: " + what);
  }

  int iota = -1;

  void emitRaw(Op op) {
    emit(0, op);
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

  /** The one channel receive (from the stack, or from local slot {@code localSlot} for range), with its footprint. */
  void emitReceive(String desc, int localSlot, boolean commaOk) {
    Instr.Receive op = new Instr.Receive(localSlot, commaOk);
    emitV(desc, op, (m, f) -> op.footprint(f));
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
    emit(new Instr.Jump(l));
  }

  void jumpIfFalse(Label l) {
    emit(new Instr.JumpIf(l, false));
  }

  void jumpIfTrue(Label l) {
    emit(new Instr.JumpIf(l, true));
  }

  void pop(int n) {
    if (n == 0) return;
    emit(new Instr.Pop(n));
  }

  void push(Object v) {
    emit(new Instr.Push(v));
  }

  void finish(Fn x) {
    x.code.code = x.code.building.toArray(new Ins[0]);
    x.code.building.clear();
  }

  static int count(Type t) {
    if (t == null) return 0;
    if (t instanceof Type.Tuple tu) return tu.types.size();
    return 1;
  }

  final Map<String, Sym> rangeVarSyms = new HashMap<>();

  Label fallthroughTarget;

  static Expr unparen(Expr e) {
    while (e instanceof Paren p) e = p.x;
    return e;
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

  void needBox(Sym s) {
    if (s.owner == null || s.boxed) return;
    if (boxedKeys.add(s.key)) boxedChanged = true;
  }

  void copyIfAggregate(Type t) {
    if (t != null && Type.isValueAggregate(t)) emit(new Instr.CopyTop());
  }

  /**
   * Set while compiling {@code *p} whose aggregate value is about to be copied: the dereference
   * reads every field of the target (it copies it itself). Consumed by the Star expression at once.
   */
  boolean starCopyReads;

  /**
   * Compiles e converted to want, then copies it if it is a struct or array: a copy of a value in
   * shared memory (not a local variable, a literal or a call's result) reads each field and element.
   */
  Type exprToCopy(Expr e, Type want) {
    boolean agg = want != null && Type.isValueAggregate(want);
    boolean shared = agg && prepareCopyOf(e);
    Type t = exprTo(e, want);
    if (agg) emit(shared ? new Instr.CopyShared(want) : new Instr.CopyTop());
    return t;
  }

  /**
   * Before compiling e whose value will be copied: true when the copy must read the fields (e names
   * shared memory); for {@code *p} the dereference does the reading itself (and false is returned).
   */
  boolean prepareCopyOf(Expr e) {
    Expr u = unparen(e);
    if (u instanceof Ast.Star) {
      starCopyReads = true;
      return false;
    }
    return sharedSource(u);
  }

  /** True when e's value may live in memory another goroutine can reach (see LValueCompiler). */
  abstract boolean sharedSource(Expr e);

  /** What a selector names: a field (path through embedded structs), a method or an interface method. */
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

  // ---------------- implemented further up the chain ----------------
  abstract Type expr(Expr e, Type want, boolean multiOk);

  abstract Type expr(Expr e, Type want, boolean stmtCtx, boolean multiOk);

  abstract Type exprTo(Expr e, Type want);

  abstract Type exprCopy(Expr e, Type want);

  abstract Type call(Call c, boolean multiOk);

  abstract Type builtin(String name, Call c);

  abstract Selection select(Selector sel);

  abstract void compileBody(Fn x, Scope sc, List<Field> params, List<Type> ptypes, List<Field> results, Type.Func sig, Block body);

  abstract void block(List<Stmt> stmts);

  abstract void stmt(Stmt s);

  abstract void declareConsts(ValueSpec vs, Scope sc);

  abstract void forStmt(For fs, String label);

  abstract void rangeStmt(Range r, String label);

  abstract void branch(Branch b);

  abstract void switchStmt(Switch sw, String label);

  abstract void typeSwitch(TypeSwitch ts, String label);

  abstract void selectStmt(Select sel, String label);

  /** This compiler as the one concrete class (the natives' special forms take a {@link Compiler}). */
  Compiler self() {
    return (Compiler) this;
  }
}
