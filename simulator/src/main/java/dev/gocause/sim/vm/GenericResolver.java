package dev.gocause.sim.vm;

import dev.gocause.sim.UnsupportedConstructException;
import dev.gocause.sim.lang.Ast.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Generics by monomorphization: each instantiation of a generic function or type with concrete type arguments is
 * type-checked and compiled as a copy of its declaration in a scope where every type parameter names its argument
 * (cached by declaration and type arguments). Type arguments are given ({@code Map[int, string]}) or inferred by
 * unifying the parameter types with the types of the call's arguments.
 */
abstract class GenericResolver extends TypeResolver {
  GenericResolver(String file, String displayFile, boolean go122) {
    super(file, displayFile, go122);
  }

  /** Symbol kinds of generic declarations: usable only instantiated. */
  static final int GFUNC = 7, GTYPE = 8;

  /** A generic function declaration and its instantiations. */
  static final class GenericFunc {
    final FuncDecl decl;
    final List<String> names = new ArrayList<>();
    final List<Expr> constraints = new ArrayList<>();
    final List<Object[]> instances = new ArrayList<>(); // {List<Type> targs, Sym}
    Type.Func symbolicSig;
    List<Type.TypeParam> params;
    GenericFunc(FuncDecl decl) {
      this.decl = decl;
      for (Field f : decl.typeParams) for (String n : f.names) {
        names.add(n);
        constraints.add(f.type);
      }
    }
  }

  /** A generic type declaration, its methods and its instantiations. */
  static final class GenericType {
    final TypeSpec spec;
    final String qualified;
    final List<String> names = new ArrayList<>();
    final List<Expr> constraints = new ArrayList<>();
    final List<FuncDecl> methods = new ArrayList<>();
    final List<Type.Named> instances = new ArrayList<>();
    final Scope home; // where it is declared: the package, or a function body
    GenericType(TypeSpec spec, String qualified, Scope home) {
      this.spec = spec;
      this.qualified = qualified;
      this.home = home;
      for (Field f : spec.typeParams) for (String n : f.names) {
        names.add(n);
        constraints.add(f.type);
      }
    }
  }

  /** The body of an instantiated function or method, compiled once the declarations are done. */
  record PendingBody(FuncDecl fd, FuncCode fc, Scope declScope) {}

  final ArrayDeque<PendingBody> pendingBodies = new ArrayDeque<>();
  private final List<Type.Named> atomicPointers = new ArrayList<>();

  abstract void compileFuncBody(FuncDecl fd, FuncCode fc, Scope declScope);

  abstract Type typeOf(Expr e);

  abstract Selection lookup(Type t, String name);

  /** Compiles the bodies of the instantiations made so far (which may make more). */
  void drainInstances() {
    while (!pendingBodies.isEmpty()) {
      PendingBody b = pendingBodies.poll();
      compileFuncBody(b.fd(), b.fc(), b.declScope());
    }
  }

  // ---------------- names ----------------
  Sym symOf(Expr e) {
    e = unparen(e);
    if (!(e instanceof Ident id)) return null;
    return (scope == null ? pkgScope : scope).lookup(id.name);
  }

  /** The generic function that an instantiation or a call names, or null. */
  GenericFunc genericFuncOf(Expr e) {
    Sym s = symOf(e);
    return s != null && s.kind == GFUNC ? (GenericFunc) s.value : null;
  }

  GenericType genericTypeOf(Expr e) {
    Sym s = symOf(e);
    return s != null && s.kind == GTYPE ? (GenericType) s.value : null;
  }

  /** A generic type's name with its type parameters as Go spells it: {@code Box[K comparable, V any]}. */
  static String withTypeParams(TypeSpec spec) {
    StringBuilder sb = new StringBuilder(spec.name).append('[');
    for (int i = 0; i < spec.typeParams.size(); i++) {
      Field f = spec.typeParams.get(i);
      sb.append(i > 0 ? ", " : "").append(String.join(", ", f.names)).append(' ').append(constraintName(f.type, null));
    }
    return sb.append(']').toString();
  }

  static Expr instBase(Expr e) {
    if (e instanceof Index ix) return ix.x;
    if (e instanceof Instance in) return in.x;
    return null;
  }

  static List<Expr> instArgs(Expr e) {
    if (e instanceof Index ix) return List.of(ix.index);
    return ((Instance) e).args;
  }

  /** Whether {@code x} (of {@code x[...]}) names a generic type: {@code Cache[K, V]} is then a type. */
  boolean namesGenericType(Expr x) {
    x = unparen(x);
    if (genericTypeOf(x) != null) return true;
    return x instanceof Selector sel && sel.x instanceof Ident pk && symOf(pk) == null && "sync/atomic".equals(pkgPath(pk.name))
        && sel.sel.equals("Pointer");
  }

  // ---------------- types ----------------
  @Override
  Type instantiatedType(Expr e) {
    Expr x = unparen(instBase(e));
    List<Type> targs = new ArrayList<>();
    for (Expr a : instArgs(e)) targs.add(resolveType(a));
    GenericType gt = genericTypeOf(x);
    if (gt != null) return instantiateType(gt, targs, e);
    if (x instanceof Selector sel && sel.x instanceof Ident pk && symOf(pk) == null && "sync/atomic".equals(pkgPath(pk.name))
        && sel.sel.equals("Pointer")) {
      if (targs.size() != 1) throw err(e, "got " + targs.size() + " type arguments but atomic.Pointer[T any] has 1 type parameters");
      for (Type.Named t : atomicPointers) if (same(t.typeArgs.get(0), targs.get(0))) return t;
      Type.Named t = AtomicNatives.pointerType(targs.get(0));
      atomicPointers.add(t); // one type per T in a program
      return t;
    }
    Sym s = symOf(x);
    if (s != null && s.kind == TYPE) throw err(x, constText(x) + " is not a generic type");
    if (x instanceof Selector sel && sel.x instanceof Ident pk && pkgPath(pk.name) != null) {
      throw errAtStart(e, "unsupported: generic type " + pkgPath(pk.name) + "." + sel.sel);
    }
    throw err(e, constText(x) + " is not a type");
  }

  Type.Named instantiateType(GenericType gt, List<Type> targs, Node at) {
    if (targs.size() != gt.names.size()) {
      throw at instanceof Expr ae ? errAtStart(ae, "got " + targs.size() + " arguments but " + gt.names.size() + " type parameters")
          : err(at, "got " + targs.size() + " arguments but " + gt.names.size() + " type parameters");
    }
    for (Type.Named n : gt.instances) if (sameTypes(n.typeArgs, targs)) return n;
    boolean symbolic = false;
    for (Type t : targs) symbolic |= mentionsTypeParam(t);
    StringBuilder name = new StringBuilder(gt.qualified).append('[');
    for (int i = 0; i < targs.size(); i++) name.append(i > 0 ? "," : "").append(targs.get(i).str());
    Type.Named n = new Type.Named(name.append(']').toString(), null);
    n.origin = gt;
    n.typeArgs = List.copyOf(targs);
    gt.instances.add(n);
    Scope sc = bind(gt.names, targs, gt.home);
    if (!symbolic) checkConstraints(gt.names, gt.constraints, targs, sc, at);
    Scope saved = scope;
    scope = sc;
    try {
      n.under = resolveType(gt.spec.type);
    } finally {
      scope = saved;
    }
    if (symbolic) return n; // only unified with arguments' types, never compiled
    for (FuncDecl md : gt.methods) declareMethodInstance(n, gt, md, targs);
    return n;
  }

  private void declareMethodInstance(Type.Named n, GenericType gt, FuncDecl md, List<Type> targs) {
    Expr rt = md.recv.type;
    boolean ptr = false;
    if (rt instanceof Star st) {
      ptr = true;
      rt = st.x;
    }
    List<Expr> rargs = instArgs(rt);
    if (rargs.size() != targs.size()) {
      throw err(md.recv, "got " + rargs.size() + " type parameters, but receiver base type declares " + targs.size());
    }
    List<String> names = new ArrayList<>();
    for (Expr a : rargs) {
      if (!(a instanceof Ident id)) throw err(a, "receiver type parameter " + constText(a) + " must be an identifier");
      names.add(id.name);
    }
    Scope sc = bind(names, targs);
    Type.Method m = new Type.Method(md.name, ptr);
    Scope saved = scope;
    scope = sc;
    try {
      m.sig = (Type.Func) resolveType(md.type);
    } finally {
      scope = saved;
    }
    String base = gt.spec.name + "[...]";
    String qn = ptr ? pkgName + ".(*" + base + ")." + md.name : pkgName + "." + base + "." + md.name;
    m.code = new FuncCode(qn, displayFile);
    if (n.methods.containsKey(md.name)) throw err(md, "method " + gt.spec.name + "." + md.name + " already declared");
    n.methods.put(md.name, m);
    pendingBodies.add(new PendingBody(md, m.code, sc));
  }

  Scope bind(List<String> names, List<Type> targs) {
    return bind(names, targs, pkgScope);
  }

  Scope bind(List<String> names, List<Type> targs, Scope home) {
    Scope sc = new Scope(home);
    for (int i = 0; i < names.size(); i++) {
      if (!names.get(i).equals("_")) sc.names.put(names.get(i), new Sym(names.get(i), TYPE, targs.get(i)));
    }
    return sc;
  }

  static boolean sameTypes(List<Type> a, List<Type> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) if (!same(a.get(i), b.get(i))) return false;
    return true;
  }

  static boolean same(Type a, Type b) {
    return a == b || Type.identical(a, b);
  }

  static boolean mentionsTypeParam(Type t) {
    if (t instanceof Type.TypeParam) return true;
    if (t instanceof Type.Named n) {
      if (n.typeArgs != null) for (Type a : n.typeArgs) if (mentionsTypeParam(a)) return true;
      return false;
    }
    if (t instanceof Type.Pointer p) return mentionsTypeParam(p.elem);
    if (t instanceof Type.Slice s) return mentionsTypeParam(s.elem);
    if (t instanceof Type.Array a) return mentionsTypeParam(a.elem);
    if (t instanceof Type.Chan c) return mentionsTypeParam(c.elem);
    if (t instanceof Type.MapT m) return mentionsTypeParam(m.key) || mentionsTypeParam(m.value);
    if (t instanceof Type.Func f) {
      for (Type x : f.params) if (mentionsTypeParam(x)) return true;
      for (Type x : f.results) if (mentionsTypeParam(x)) return true;
    }
    if (t instanceof Type.Struct st) for (Type.FieldT f : st.fields) if (mentionsTypeParam(f.type())) return true;
    return false;
  }

  // ---------------- constraints ----------------
  /** A constraint written as a union ({@code ~int | float64}) or a single {@code ~T}: an interface with one type line. */
  @Override
  Type constraintType(Expr e) {
    List<Expr> terms = e instanceof Union u ? u.terms : List.of(e);
    Type.Interface i = new Type.Interface();
    List<Type.Term> line = new ArrayList<>();
    for (Expr t : terms) {
      boolean tilde = t instanceof Unary un && un.op.equals("~");
      Type tt = resolveType(tilde ? ((Unary) t).x : t);
      if (!tilde && tt.underlying() instanceof Type.Interface ti && terms.size() == 1) return tt;
      if (tt.underlying() instanceof Type.Interface ti && (!ti.methods.isEmpty() || ti.comparable)) {
        throw err(t, "cannot use " + constText(t) + " in union (" + constText(t) + " contains methods)");
      }
      if (tt.underlying() instanceof Type.Interface ti && !ti.typeSet.isEmpty()) {
        for (List<Type.Term> l : ti.typeSet) line.addAll(l); // an embedded constraint's terms (one line)
        continue;
      }
      line.add(new Type.Term(tilde, tt));
    }
    i.typeSet.add(line);
    return i;
  }

  void checkConstraints(List<String> names, List<Expr> constraints, List<Type> targs, Scope sc, Node at) {
    Scope saved = scope;
    scope = sc;
    try {
      for (int i = 0; i < names.size(); i++) {
        Type c = resolveType(constraints.get(i));
        Type.Interface ci;
        if (c.underlying() instanceof Type.Interface x) {
          ci = x;
        } else {
          ci = new Type.Interface(); // [T int]: the type set {int}
          ci.typeSet.add(List.of(new Type.Term(false, c)));
        }
        String why = unsatisfied(targs.get(i), ci, constraintName(constraints.get(i), c));
        if (why != null) throw at instanceof Expr ae ? errAtStart(ae, why) : err(at, why);
      }
    } finally {
      scope = saved;
    }
  }

  private static String constraintName(Expr e, Type c) {
    if (e instanceof Ident || e instanceof Selector) return constText(e);
    if (e instanceof Union u) {
      StringBuilder sb = new StringBuilder();
      for (Expr t : u.terms) sb.append(sb.length() > 0 ? " | " : "").append(termText(t));
      return sb.toString();
    }
    if (e instanceof Unary) return termText(e);
    return c == null ? "…" : c.str();
  }

  private static String termText(Expr t) {
    return t instanceof Unary u && u.op.equals("~") ? "~" + typeText(u.x) : typeText(t);
  }

  private static String typeText(Expr t) {
    if (t instanceof Ident || t instanceof Selector) return constText(t);
    if (t instanceof Star s) return "*" + typeText(s.x);
    if (t instanceof ArrayTypeExpr a && a.len == null) return "[]" + typeText(a.elem);
    return "…";
  }

  /** Why {@code t} does not satisfy constraint {@code c} in Go 1.19's words, or null when it does. */
  String unsatisfied(Type t, Type.Interface c, String cname) {
    if (t instanceof Type.TypeParam) return null;
    if (c.comparable && !comparable(t)) return t.str() + " does not implement comparable";
    for (List<Type.Term> line : c.typeSet) {
      boolean ok = false;
      for (Type.Term term : line) {
        if (term.tilde() ? same(t.underlying(), term.type().underlying()) : same(t, term.type())) ok = true;
      }
      if (!ok) {
        StringBuilder terms = new StringBuilder();
        for (Type.Term term : line) terms.append(terms.length() > 0 ? " | " : "").append(term);
        return t.str() + " does not implement " + cname + " (" + t.str() + " missing in " + terms + ")";
      }
    }
    for (String mname : c.methods.keySet()) {
      Selection s = lookup(t, mname);
      if (s == null || s.kind == Selection.FIELD) return t.str() + " does not implement " + cname + " (missing method " + mname + ")";
      if (s.kind == Selection.METHOD && s.method.ptrRecv && !(t.underlying() instanceof Type.Pointer) && !s.viaPointer) {
        return t.str() + " does not implement " + cname + " (method " + mname + " has pointer receiver)";
      }
    }
    return null;
  }

  static boolean comparable(Type t) {
    Type u = t.underlying();
    if (u instanceof Type.Slice || u instanceof Type.MapT || u instanceof Type.Func) return false;
    if (u instanceof Type.Interface) return false; // Go 1.19: interfaces do not satisfy comparable
    if (u instanceof Type.Array a) return comparable(a.elem);
    if (u instanceof Type.Struct st) {
      for (Type.FieldT f : st.fields) if (!comparable(f.type())) return false;
    }
    return true;
  }

  // ---------------- functions ----------------
  /** The instantiation of gf with targs: a function symbol whose body is compiled with the others. */
  Sym instantiateFunc(GenericFunc gf, List<Type> targs, Node at) {
    if (targs.size() > gf.names.size() && at instanceof Expr ae && instBase(ae) != null) {
      throw err(instArgs(ae).get(gf.names.size()), "got " + targs.size() + " type arguments but want " + gf.names.size());
    }
    if (targs.size() != gf.names.size()) throw err(at, "got " + targs.size() + " type arguments but want " + gf.names.size());
    for (Object[] inst : gf.instances) {
      @SuppressWarnings("unchecked") List<Type> have = (List<Type>) inst[0];
      if (sameTypes(have, targs)) return (Sym) inst[1];
    }
    Scope sc = bind(gf.names, targs);
    checkConstraints(gf.names, gf.constraints, targs, sc, at);
    Type.Func sig;
    Scope saved = scope;
    scope = sc;
    try {
      sig = (Type.Func) resolveType(gf.decl.type);
    } finally {
      scope = saved;
    }
    FuncCode fc = new FuncCode(pkgName + "." + gf.decl.name + "[...]", displayFile);
    Sym s = new Sym(gf.decl.name, FUNC, sig);
    s.value = fc;
    gf.instances.add(new Object[] {List.copyOf(targs), s});
    pendingBodies.add(new PendingBody(gf.decl, fc, sc));
    return s;
  }

  /** gf's signature with its type parameters standing for themselves (for inference). */
  Type.Func symbolicSig(GenericFunc gf) {
    if (gf.symbolicSig == null) {
      List<Type> tps = new ArrayList<>();
      gf.params = new ArrayList<>();
      for (int i = 0; i < gf.names.size(); i++) {
        Type.TypeParam tp = new Type.TypeParam(gf.names.get(i), i);
        gf.params.add(tp);
        tps.add(tp);
      }
      Scope saved = scope;
      scope = bind(gf.names, tps);
      try {
        gf.symbolicSig = (Type.Func) resolveType(gf.decl.type);
      } finally {
        scope = saved;
      }
    }
    return gf.symbolicSig;
  }

  /**
   * The instantiated function a call calls when its callee is generic ({@code Map(xs, f)}, {@code Map[int](xs, f)},
   * {@code Map[int, string](xs, f)}), or null when it is not.
   */
  Sym genericCallee(Call c) {
    Expr fe = unparen(c.fun);
    Expr base = instBase(fe);
    GenericFunc gf = genericFuncOf(base != null ? base : fe);
    if (gf == null) return null;
    List<Type> explicit = new ArrayList<>();
    if (base != null) for (Expr a : instArgs(fe)) explicit.add(resolveType(a));
    if (explicit.size() > gf.names.size()) {
      throw err(instArgs(fe).get(gf.names.size()), "got " + explicit.size() + " type arguments but want " + gf.names.size());
    }
    if (explicit.size() == gf.names.size()) return instantiateFunc(gf, explicit, c);
    return instantiateFunc(gf, infer(gf, c, explicit), c);
  }

  /** The explicit instantiation {@code F[int, string]} used as a value, or null when x[...] is not one. */
  Sym explicitInstance(Expr e) {
    Expr base = instBase(e);
    GenericFunc gf = base == null ? null : genericFuncOf(base);
    if (gf == null) return null;
    List<Type> targs = new ArrayList<>();
    for (Expr a : instArgs(e)) targs.add(resolveType(a));
    if (targs.size() < gf.names.size()) {
      throw err(e, "cannot use generic function " + gf.decl.name + " without instantiation");
    }
    return instantiateFunc(gf, targs, e);
  }

  /** Go's type-argument inference: unify parameter types with typed arguments, then default untyped constants. */
  private List<Type> infer(GenericFunc gf, Call c, List<Type> explicit) {
    Type.Func sig = symbolicSig(gf);
    Type[] bound = new Type[gf.names.size()];
    for (int i = 0; i < explicit.size(); i++) bound[i] = explicit.get(i);
    List<Object[]> untyped = new ArrayList<>();
    int np = sig.params.size();
    for (int i = 0; i < c.args.size(); i++) {
      Type pt;
      if (sig.variadic && i >= np - 1) pt = c.ellipsis ? sig.params.get(np - 1) : ((Type.Slice) sig.params.get(np - 1)).elem;
      else if (i < np) pt = sig.params.get(i);
      else break;
      if (!mentionsTypeParam(pt)) continue;
      Type at = dryType(c.args.get(i));
      if (at == null) continue;
      if (at instanceof Type.Basic b && b.isUntyped()) {
        if (pt instanceof Type.TypeParam tp && b != Type.UNTYPED_NIL) untyped.add(new Object[] {tp, b, c.args.get(i)});
        continue;
      }
      if (!unify(pt, at, bound)) {
        throw errAtStart(c.args.get(i), "type " + at.str() + " of " + constText(c.args.get(i)) + " does not match "
            + (mentionsTypeParam(pt) ? substituteText(pt, bound) : pt.str()));
      }
    }
    coreTypes(gf, bound);
    // Go 1.19: each untyped constant's default type; a later one whose default differs is an error
    boolean[] fromUntyped = new boolean[bound.length];
    for (Object[] u : untyped) {
      Type.TypeParam tp = (Type.TypeParam) u[0];
      Type def = Type.defaultType((Type.Basic) u[1]);
      Expr arg = (Expr) u[2];
      Type prev = bound[tp.index];
      if (prev == null) {
        bound[tp.index] = def;
        fromUntyped[tp.index] = true;
      } else if (fromUntyped[tp.index] && prev != def) {
        throw errAtStart(arg, "default type " + def.str() + " of " + constText(arg) + " does not match inferred type "
            + prev.str() + " for " + tp.name);
      }
    }
    coreTypes(gf, bound);
    List<Type> out = new ArrayList<>();
    for (int k = 0; k < bound.length; k++) {
      if (bound[k] == null) {
        Node decl = gf.decl;
        for (Field f : gf.decl.typeParams) if (f.names.contains(gf.names.get(k))) decl = f;
        throw errAtStart(c, "cannot infer " + gf.names.get(k) + " (" + displayFile + ":" + decl.line + ":" + decl.col + ")");
      }
      out.add(bound[k]);
    }
    return out;
  }

  private static String substituteText(Type pt, Type[] bound) {
    if (pt instanceof Type.TypeParam tp) return bound[tp.index] != null ? bound[tp.index].str() : tp.name;
    return pt.str();
  }

  /**
   * Constraint type inference: a bound parameter whose constraint has one {@code ~[]E}-style term gives E (as in
   * {@code func Sum[S ~[]E, E Number](s S) E}).
   */
  private void coreTypes(GenericFunc gf, Type[] bound) {
    for (int round = 0; round < 2; round++) {
      for (int k = 0; k < bound.length; k++) {
        if (bound[k] == null || bound[k] instanceof Type.Basic bb && bb.isUntyped()) continue;
        Expr ce = gf.constraints.get(k);
        Expr term = ce instanceof Unary u && u.op.equals("~") ? u.x : ce instanceof Union un && un.terms.size() == 1
            && un.terms.get(0) instanceof Unary u2 ? u2.x : null;
        if (term == null) continue;
        Scope saved = scope;
        List<Type> tps = new ArrayList<>(gf.params);
        scope = bind(gf.names, tps);
        Type core;
        try {
          core = resolveType(term);
        } catch (UnsupportedConstructException e) {
          continue;
        } finally {
          scope = saved;
        }
        if (mentionsTypeParam(core)) unify(core, bound[k].underlying(), bound);
      }
    }
  }

  /** Unifies parameter type p (mentioning type parameters) with argument type a, binding parameters; false on a mismatch. */
  static boolean unify(Type p, Type a, Type[] bound) {
    if (p instanceof Type.TypeParam tp) {
      Type have = bound[tp.index];
      if (have == null) {
        bound[tp.index] = a;
        return true;
      }
      if (same(have, a)) return true;
      // a type literal and a named type with that underlying type unify (inexact unification)
      return !(have instanceof Type.Named && a instanceof Type.Named) && same(have.underlying(), a.underlying());
    }
    if (!mentionsTypeParam(p)) return true; // assignability is checked when the call is compiled
    if (p instanceof Type.Named pn) {
      if (!(a instanceof Type.Named an) || an.origin != pn.origin || an.typeArgs == null) return false;
      for (int i = 0; i < pn.typeArgs.size(); i++) if (!unify(pn.typeArgs.get(i), an.typeArgs.get(i), bound)) return false;
      return true;
    }
    Type u = a.underlying();
    if (p instanceof Type.Pointer pp) return u instanceof Type.Pointer ap && unify(pp.elem, ap.elem, bound);
    if (p instanceof Type.Slice ps) return u instanceof Type.Slice as && unify(ps.elem, as.elem, bound);
    if (p instanceof Type.Array pa) return u instanceof Type.Array aa && aa.len == pa.len && unify(pa.elem, aa.elem, bound);
    if (p instanceof Type.Chan pc) return u instanceof Type.Chan ac && unify(pc.elem, ac.elem, bound);
    if (p instanceof Type.MapT pm) return u instanceof Type.MapT am && unify(pm.key, am.key, bound) && unify(pm.value, am.value, bound);
    if (p instanceof Type.Func pf) {
      if (!(u instanceof Type.Func af) || af.params.size() != pf.params.size() || af.results.size() != pf.results.size()) return false;
      for (int i = 0; i < pf.params.size(); i++) if (!unify(pf.params.get(i), af.params.get(i), bound)) return false;
      for (int i = 0; i < pf.results.size(); i++) if (!unify(pf.results.get(i), af.results.get(i), bound)) return false;
      return true;
    }
    return true;
  }

  /** The type of e without emitting its code (nor counting its function literals). */
  Type dryType(Expr e) {
    int closures = fn == null ? 0 : fn.code.closureCount;
    try {
      return typeOf(e);
    } finally {
      if (fn != null) fn.code.closureCount = closures;
    }
  }
}
