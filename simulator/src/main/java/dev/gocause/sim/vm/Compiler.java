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

/** Type-checks the Go subset just enough for Go semantics and compiles it to {@link FuncCode}: declarations and the
 * program's entry; the constructs themselves are compiled by the classes it extends. */
public final class Compiler extends SwitchCompiler {
  public Compiler(String file, String displayFile, boolean go122) {
    super(file, displayFile, go122);
    Type[] basics = {Type.BOOL, Type.INT, Type.INT8, Type.INT16, Type.INT32, Type.INT64, Type.UINT, Type.UINT8, Type.UINT16,
      Type.UINT32, Type.UINT64, Type.UINTPTR, Type.FLOAT32, Type.FLOAT64, Type.STRING};
    for (Type t : basics) universe.names.put(t.str(), new Sym(t.str(), TYPE, t));
    universe.names.put("byte", new Sym("byte", TYPE, Type.UINT8));
    universe.names.put("rune", new Sym("rune", TYPE, Type.INT32));
    universe.names.put("any", new Sym("any", TYPE, new Type.Interface()));
    Type.Interface comparable = new Type.Interface();
    comparable.comparable = true;
    universe.names.put("comparable", new Sym("comparable", TYPE, new Type.Named("comparable", comparable)));
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

  // ---------------- entry ----------------
  /** Functions outside the subset refuse the program when a schedule calls them, not when it is compiled. */
  public Compiler deferringRefusals() {
    deferRefusals = true;
    return this;
  }

  public Program compile(Ast.File f, boolean testMode) {
    if (!"main".equals(f.pkg)) {
      if (!testMode) throw new UnsupportedConstructException(file, 1, 1, "unsupported: package " + f.pkg + " (only package main runs; tests may use any package name)");
    }
    snippet = f.imports.isEmpty();
    pkgName = f.pkg == null ? "main" : f.pkg;
    for (String imp : f.imports) {
      // any import is accepted: using a member of a package the simulator does not model is refused where it is used
      String[] p = imp.split(" ", 2);
      if (p[0].equals(".")) {
        dotImports.add(p[1]);
        imports.put(dotAlias(p[1]), p[1]);
      } else {
        imports.put(p[0], p[1]);
      }
    }
    // 1. types
    List<TypeSpec> typeSpecs = new ArrayList<>();
    for (Node d : f.decls) {
      if (d instanceof GenDecl g && g.kind.equals("type")) {
        for (Node s : g.specs) {
          TypeSpec ts = (TypeSpec) s;
          if (!ts.typeParams.isEmpty()) {
            // instantiated where used: Cache[string, int]
            Sym sym = new Sym(ts.name, GTYPE, null);
            sym.value = new GenericType(ts, pkgName + "." + ts.name, pkgScope);
            pkgScope.names.put(ts.name, sym);
            continue;
          }
          Sym sym = new Sym(ts.name, TYPE, ts.alias ? null : new Type.Named(pkgName + "." + ts.name, null));
          pkgScope.names.put(ts.name, sym);
          typeSpecs.add(ts);
        }
      }
    }
    // methods of generic types are declared for each instantiation
    for (Node d : f.decls) {
      if (d instanceof FuncDecl fd && fd.recv != null) {
        Expr rt = fd.recv.type instanceof Star st ? st.x : fd.recv.type;
        Expr base = GenericResolver.instBase(rt);
        Sym gs = base instanceof Ident bi ? pkgScope.names.get(bi.name) : rt instanceof Ident ri ? pkgScope.names.get(ri.name) : null;
        if (gs != null && gs.kind == GTYPE) {
          if (base == null) throw err(fd.recv, "cannot use generic type " + ((Ident) rt).name + " without instantiation");
          ((GenericType) gs.value).methods.add(fd);
        }
      }
    }
    scope = pkgScope;
    for (TypeSpec ts : typeSpecs) {
      line = ts.line;
      Sym sym = pkgScope.names.get(ts.name);
      if (ts.alias) {
        sym.type = resolveType(ts.type);
        continue;
      }
      try {
        ((Type.Named) sym.type).under = resolveType(ts.type);
      } catch (UnsupportedConstructException e) {
        if (!deferrable(e)) throw e;
        // a value with no fields or methods: code that uses one refuses where it runs
        ((Type.Named) sym.type).under = new Type.Opaque(sym.type.str(), () -> null, false);
        refusedTypes.put(sym.type, e);
      }
    }
    // 2. function and method signatures
    for (Node d : f.decls) {
      if (d instanceof FuncDecl fd) {
        line = fd.line;
        try {
          declareFunc(fd);
        } catch (UnsupportedConstructException e) {
          if (!deferrable(e)) throw e;
          // a signature outside the subset: a method is left out, a function refuses where it is used
          if (fd.recv == null && !pkgScope.names.containsKey(fd.name)) {
            Sym sym = new Sym(fd.name, VAR, new Type.Named(pkgName + "." + fd.name + "·refused", new Type.Opaque(fd.name, () -> null, false)));
            sym.slot = prog.nGlobals++;
            sym.boxed = true;
            pkgScope.names.put(fd.name, sym);
            refusedGlobals.put(sym, e);
          }
        }
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
    // 4. bodies, then those of the instantiations of generic code they made
    for (FuncDecl fd : funcDecls) compileFuncBody(fd);
    drainInstances();
    // 5. init: globals, init(), main or tests
    compileInit(init, globalDecls, f, testMode);
    drainInstances();
    return prog;
  }

  void declareFunc(FuncDecl fd) {
    if (fd.recv == null && !fd.typeParams.isEmpty()) {
      if (fd.name.equals("main") || fd.name.equals("init")) throw err(fd, "func " + fd.name + " must have no type parameters");
      Sym s = new Sym(fd.name, GFUNC, null);
      s.value = new GenericFunc(fd);
      pkgScope.names.put(fd.name, s);
      return;
    }
    if (fd.recv != null) {
      Expr rt0 = fd.recv.type instanceof Star st0 ? st0.x : fd.recv.type;
      if (GenericResolver.instBase(rt0) instanceof Ident gi && pkgScope.names.get(gi.name) != null
          && pkgScope.names.get(gi.name).kind == GTYPE) {
        return; // declared with each instantiation of the type
      }
    }
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
      if (fd.name.equals("TestMain") && sig.params.size() == 1 && sig.params.get(0) instanceof Type.Pointer pt && pt.elem == TestingNatives.TESTING_M) {
        prog.hasTestMain = true; // go test calls it instead of running the tests
      } else if (fd.name.startsWith("Test") && sig.params.size() == 1) {
        prog.tests.add(fd.name);
      }
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

  void declareConsts(ValueSpec vs, Scope sc) {
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
        constUses.put(e, "constant declaration");
        if (((Type) cv[1]) instanceof Type.Basic cb && cb.isUntyped()) checkConstUse(e, v, (Type) cv[1], t);
        v = convertConst(v, t, e);
      }
      iota = -1;
      if (!vs.names.get(i).equals("_")) sc.names.put(vs.names.get(i), constSym(vs.names.get(i), v, t));
    }
  }

  /** Gives every global variable its type before function bodies are compiled (they may use it first). */
  void inferGlobalTypes(List<Node> globalDecls) {
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
          try {
            inferGlobalTypes(vs);
          } catch (UnsupportedConstructException e) {
            if (!deferrable(e)) throw e;
            // the globals stay uninitialized; code that uses one refuses where it runs
            for (String n : vs.names) {
              Sym sym = n.equals("_") ? null : pkgScope.names.get(n);
              if (sym == null) continue;
              refusedGlobals.put(sym, e);
              if (sym.type == null) sym.type = new Type.Named(pkgName + "." + n + "·refused", new Type.Opaque(n, () -> null, false));
            }
            refusedSpecs.add(vs);
          }
        }
      }
    } finally {
      fn = saved;
      scope = savedScope;
    }
  }

  private final Set<ValueSpec> refusedSpecs = new HashSet<>();

  private void inferGlobalTypes(ValueSpec vs) {
    Type declared = vs.type == null ? null : resolveType(vs.type);
    for (int i = 0; i < vs.names.size(); i++) {
      String n = vs.names.get(i);
      if (n.equals("_")) continue;
      Sym sym = pkgScope.names.get(n);
      if (declared != null) {
        sym.type = declared;
        if (vs.values.size() == vs.names.size()) expr(vs.values.get(i), declared, false); // refused here, not in init
      } else if (vs.values.size() == vs.names.size()) {
        Type t = Type.defaultType(expr(vs.values.get(i), null, false));
        sym.type = t;
      } else if (vs.values.size() == 1) {
        Type t = expr(vs.values.get(0), null, false, true);
        if (t instanceof Type.Tuple tu && i < tu.types.size()) sym.type = tu.types.get(i);
      }
    }
  }

  void compileInit(FuncCode init, List<Node> globalDecls, Ast.File f, boolean testMode) {
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
        if (refusedSpecs.contains(vs)) continue;
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
      prog.testRunner = TestingNatives.testRunner(this, prog);
      Sym tm = prog.hasTestMain ? pkgScope.names.get("TestMain") : null;
      if (tm != null) {
        // go test calls TestMain(m); when it returns, the exit code is m.Run's (0 if it never ran the tests)
        Closure c = new Closure((FuncCode) tm.value, null);
        emit(0, (m, g, fr) -> m.call(g, fr, c, new Object[] {new TestingNatives.MVal()}));
      } else {
        emit(0, (m, g, fr) -> TestingNatives.runTests(m, g, fr, true));
      }
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
}
