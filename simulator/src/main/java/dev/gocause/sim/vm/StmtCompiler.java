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

/** Function bodies and simple statements: declarations, assignments, if, return, go and defer. */
abstract class StmtCompiler extends BuiltinCompiler {
  StmtCompiler(String file, String displayFile, boolean go122) {
    super(file, displayFile, go122);
  }

  // ---------------- functions ----------------
  void compileFuncBody(FuncDecl fd) {
    compileFuncBody(fd, funcCodes.get(fd), pkgScope);
  }

  /**
   * Compiles fd's body into fc with declScope around it: the package scope, or for an instantiation of generic code a
   * scope naming each type parameter's type argument.
   */
  @Override
  void compileFuncBody(FuncDecl fd, FuncCode fc, Scope declScope) {
    Fn savedFn = fn;
    Scope savedScope = scope;
    Scope savedDecl = this.declScope;
    this.declScope = declScope;
    try {
      compileFuncBodyOnce(fd, fc);
    } catch (UnsupportedConstructException e) {
      if (!deferrable(e)) throw e;
      // A construct outside the subset refuses the program only if a schedule reaches this function (go test would
      // build it, but the simulator models a subset: a test that never calls it still runs to a verdict).
      fn = savedFn;
      scope = savedScope;
      refuseWhenCalled(fc, fd, e);
    } finally {
      this.declScope = savedDecl;
    }
  }

  /** Replaces a declared function's code by one instruction that refuses the program with {@code e} when it runs. */
  void refuseWhenCalled(FuncCode fc, FuncDecl fd, UnsupportedConstructException e) {
    Type.Func sig = (Type.Func) resolveTypeIn(fd.type);
    refuseWhenCalled(fc, sig.params.size() + (fd.recv != null ? 1 : 0), sig.results.size(), fd.line, e);
  }

  private void compileFuncBodyOnce(FuncDecl fd, FuncCode fc) {
    // Recompile until the set of variables that must live in heap cells (captured or address-taken) is stable.
    for (int attempt = 0; attempt < 8; attempt++) {
      boxedChanged = false;
      fc.nLocals = 0;
      fc.building.clear();
      fc.closureCount = 0;
      Type.Func sig = (Type.Func) resolveTypeIn(fd.type);
      Fn x = new Fn(fc, null, sig);
      fc.line = fd.line;
      Scope sc = new Scope(declScope);
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

  Type resolveTypeIn(Expr e) {
    Scope s = scope;
    scope = declScope;
    try {
      return resolveType(e);
    } finally {
      scope = s;
    }
  }

  /** Compiles params, results and body into x. */
  void compileBody(Fn x, Scope sc, List<Field> params, List<Type> ptypes, List<Field> results, Type.Func sig, Block body) {
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

  void emitReturn() {
    emit(new Instr.Return());
  }

  boolean terminates(Stmt s) {
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

  boolean hasBreakList(List<Stmt> l) {
    for (Stmt s : l) if (hasBreak(s)) return true;
    return false;
  }

  boolean hasBreak(Stmt s) {
    if (s instanceof Branch b) return b.tok.equals("break") && b.label == null;
    if (s instanceof Block b) return hasBreakList(b.stmts);
    if (s instanceof If i) return hasBreak(i.then) || (i.els != null && hasBreak(i.els));
    if (s instanceof Labeled l) return hasBreak(l.stmt);
    return false; // nested loops/switches/selects own their breaks
  }

  Sym declareVar(String name, Type t, Node at, int slot) {
    Sym s = new Sym(name, VAR, t);
    s.owner = fn;
    s.slot = slot;
    s.key = at.line + ":" + at.col + ":" + name;
    s.boxed = boxedKeys.contains(s.key);
    scope.names.put(name, s);
    return s;
  }

  // ---------------- statements ----------------
  void block(List<Stmt> stmts) {
    for (Stmt s : stmts) stmt(s);
  }

  void stmt(Stmt s) {
    line = s.line;
    s.accept(statements);
  }

  /** Compiles each kind of statement (labels reach the loop, switch or select they name). */
  private final Ast.StmtVisitor statements = new Ast.StmtVisitor() {
    @Override public void visit(ExprStmt es) {
      Type t = expr(es.x, null, true);
      pop(count(t));
    }

    @Override public void visit(Assign a) { assign(a); }

    @Override public void visit(IncDec id) { compound(id.x, id.inc ? "+" : "-", null, id); }

    @Override public void visit(DeclStmt ds) { declStmt(ds.decl); }

    @Override public void visit(Block b) {
      Scope saved = scope;
      scope = new Scope(scope);
      block(b.stmts);
      scope = saved;
    }

    @Override public void visit(If i) { ifStmt(i); }

    @Override public void visit(For f) { forStmt(f, null); }

    @Override public void visit(Range r) { rangeStmt(r, null); }

    @Override public void visit(Switch sw) { switchStmt(sw, null); }

    @Override public void visit(TypeSwitch ts) { typeSwitch(ts, null); }

    @Override public void visit(Select sel) { selectStmt(sel, null); }

    @Override public void visit(Labeled l) {
      if (l.stmt instanceof For f) forStmt(f, l.label);
      else if (l.stmt instanceof Range r) rangeStmt(r, l.label);
      else if (l.stmt instanceof Switch sw) switchStmt(sw, l.label);
      else if (l.stmt instanceof TypeSwitch ts) typeSwitch(ts, l.label);
      else if (l.stmt instanceof Select sel) selectStmt(sel, l.label);
      else stmt(l.stmt);
    }

    @Override public void visit(Branch b) { branch(b); }

    @Override public void visit(Return r) { returnStmt(r); }

    @Override public void visit(GoStmt gs) { goDefer(gs.call, true); }

    @Override public void visit(DeferStmt ds) {
      fn.code.hasDefer = true;
      goDefer(ds.call, false);
    }

    @Override public void visit(SendStmt ss) {
      Type ct = expr(ss.ch, null, false);
      if (!(ct.underlying() instanceof Type.Chan ch)) throw err(ss, "invalid operation: cannot send to non-channel");
      exprToCopy(ss.value, ch.elem); // the channel holds a value of its own, not the sender's variable
      line = ss.line;
      emitV("chan send", (m, g, f) -> {
        Object v = f.pop();
        Machine.Chan c = (Machine.Chan) f.pop();
        m.send(g, f, c, v);
      }, (m, f) -> fp(f.stack[f.sp - 2], true));
    }

    @Override public void visit(Empty e) {}
  };

  void declStmt(GenDecl d) {
    for (Node sp : d.specs) {
      line = sp.line;
      if (d.kind.equals("const")) {
        declareConsts((ValueSpec) sp, scope);
      } else if (d.kind.equals("type")) {
        TypeSpec ts = (TypeSpec) sp;
        if (!ts.typeParams.isEmpty()) {
          Sym g = new Sym(ts.name, GTYPE, null);
          g.value = new GenericType(ts, pkgName + "." + ts.name, scope);
          scope.names.put(ts.name, g);
        } else if (ts.alias) {
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
  void initVars(ValueSpec vs, List<Sym> syms, Type declared) {
    for (Expr v : vs.values) constUses.put(v, "variable declaration");
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
      Type t = declared != null ? exprToCopy(vs.values.get(i), declared) : Type.defaultType(exprCopy(vs.values.get(i), null));
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
  void storeNew(Sym s) {
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
      emit(new Instr.StoreLocal(slot));
    }
  }

  void assign(Assign a) {
    if (a.op.equals("=")) for (Expr v : a.rhs) constUses.put(v, "assignment");
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
        emit(new Instr.StoreLocal(sl));
      }
      for (int i = lvs.size() - 1; i >= 0; i--) {
        int sl = tmp[i];
        emit(new Instr.LoadLocal(sl));
        convertTop(ts.get(i), lvs.get(i).type());
        lvs.get(i).store();
      }
      return;
    }
    if (a.lhs.size() != a.rhs.size()) throw err(a, "assignment mismatch: " + a.lhs.size() + " variables but " + a.rhs.size() + " values");
    if (a.lhs.size() == 1) {
      LV lv = lvalue(a.lhs.get(0));
      lv.prepare();
      exprToCopy(a.rhs.get(0), lv.type());
      lv.store();
      return;
    }
    // parallel assignment: evaluate all rhs first (a, b = b, a)
    List<LV> lvs = new ArrayList<>();
    for (Expr e : a.lhs) lvs.add(lvalue(e));
    int[] tmp = new int[a.rhs.size()];
    for (int i = 0; i < a.rhs.size(); i++) {
      exprToCopy(a.rhs.get(i), lvs.get(i).type());
      tmp[i] = fn.newLocal();
      int sl = tmp[i];
      emit(new Instr.StoreLocal(sl));
    }
    for (int i = 0; i < lvs.size(); i++) {
      lvs.get(i).prepare();
      int sl = tmp[i];
      emit(new Instr.LoadLocal(sl));
      lvs.get(i).store();
    }
  }

  void define(Assign a) {
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
        if (s != null && !isNew.get(i)) t = exprToCopy(a.rhs.get(i), s.type);
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
  void compound(Expr lhs, String op, Expr rhs, Node at) {
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

  void ifStmt(If i) {
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

  void returnStmt(Return r) {
    for (Expr v : r.results) constUses.put(v, "return statement");
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
      exprToCopy(r.results.get(i), rt.get(i));
    }
    for (int i = rt.size() - 1; i >= 0; i--) storeResult(i);
    emitReturn();
  }

  void storeResult(int i) {
    Sym s = fn.results.get(i);
    int slot = s.slot;
    if (s.boxed) emit((m, g, f) -> ((Box) f.locals[slot]).v = f.pop());
    else emit(new Instr.StoreLocal(slot));
  }

  /** go f(x) / defer f(x): function value and arguments are evaluated now. */
  void goDefer(Call call, boolean isGo) {
    int stmtLine = line;
    Expr fe = unparen(call.fun);
    int nargs;
    // builtins and library functions become native closures
    if (fe instanceof Ident id && scope.lookup(id.name) != null && scope.lookup(id.name).kind == BUILTIN) {
      String b = id.name;
      Natives.NativeFn nf = Natives.builtinAsFunc(b, self(), call);
      push(new Closure(null, null, Values.NO_RECV, nf, b));
      for (Expr a : call.args) {
        Type t = expr(a, null, false);
        if (b.equals("panic") || b.equals("print") || b.equals("println")) convertTop(t, Natives.EMPTY_IFACE);
      }
      nargs = call.args.size();
    } else {
      Sym generic = genericCallee(call);
      Type ft;
      if (generic != null) {
        push(new Closure((FuncCode) generic.value, null));
        ft = generic.type;
      } else {
        ft = expr(call.fun, null, false);
      }
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
}
