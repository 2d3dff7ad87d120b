package dev.gocause.graph.diagnosis.code;

import dev.gocause.sim.lang.Ast.*;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lock (Mutex, RWMutex, WaitGroup, Once, Cond, Map, Pool, or a type of the unit whose pointer
 * has Lock and Unlock) copied with the value that holds it, where {@code go vet}'s copylocks
 * reports it: value receivers and parameters, range variables, assignments and declarations,
 * call arguments and returns. The copy's lock excludes nobody. Types are inferred from the
 * declarations in the unit (nothing is type-checked): an expression whose type is unknown is never
 * reported.
 *
 * <p>One deliberate difference from vet: a copy whose lock fields are reset to a fresh value by the
 * statements right after it ({@code c := *s; c.mu = sync.Mutex{}}) is not reported, since the copy
 * then has a lock of its own.
 */
final class CopyChecks {
  static final String COPIED = "code-sync-value-copied";

  /** Calls that read their arguments' types or sizes, not the values (vet's own exceptions). */
  private static final Set<String> NOT_COPYING = Set.of("new", "len", "cap");
  private static final Set<String> SYNC_METHODS = Set.of("Lock", "Unlock", "RLock", "RUnlock", "TryLock", "Add", "Done", "Wait", "Do",
      "Signal", "Broadcast", "Load", "Store", "Delete", "Range", "Get", "Put");

  private final CodeIndex ix;
  /** Every type declared in the unit (top level or in a function), by name. */
  private final Map<String, Expr> types = new HashMap<>();
  /** Types whose pointer has Lock and Unlock methods (a lock of the unit's own). */
  private final Set<String> lockers = new HashSet<>();
  private final Map<String, String> holdsMemo = new HashMap<>();
  private final Map<Node, Map<String, Expr>> scopes = new IdentityHashMap<>();
  private final Map<String, Expr> packageVars = new HashMap<>();

  private CopyChecks(CodeIndex ix) {
    this.ix = ix;
    Map<String, Set<String>> pointerMethods = new HashMap<>();
    for (Node n : ix.all) {
      if (n instanceof TypeSpec ts) {
        types.putIfAbsent(ts.name, ts.type);
      } else if (n instanceof FuncDecl d && d.recv != null && d.recv.type instanceof Star s && s.x instanceof Ident t) {
        pointerMethods.computeIfAbsent(t.name, k -> new HashSet<>()).add(d.name);
      }
    }
    pointerMethods.forEach((type, methods) -> {
      if (methods.contains("Lock") && methods.contains("Unlock")) {
        lockers.add(type);
      }
    });
    for (Node d : ix.file.decls) {
      if (d instanceof GenDecl g && g.kind.equals("var")) {
        g.specs.forEach(s -> declare(s, packageVars));
      } else if (d instanceof FuncDecl f && snippetMain(f)) {
        // a paste without its package clause: its top-level var lines are the snippet's main's statements
        for (Stmt s : f.body.stmts) {
          if (s instanceof DeclStmt ds && ds.decl.kind.equals("var")) {
            ds.decl.specs.forEach(spec -> declare(spec, packageVars));
          }
        }
      }
    }
  }

  /** The main the parser wraps a snippet's statements into (its body has no position, or 1:1, where no written one can start). */
  static boolean snippetMain(FuncDecl f) {
    return f.recv == null && "main".equals(f.name) && f.body != null && f.line == 1
        && (f.body.line == 0 || f.body.line == 1 && f.body.col == 1);
  }

  static void run(CodeIndex ix, List<CodeFinding> out) {
    new CopyChecks(ix).check(out);
  }

  private void check(List<CodeFinding> out) {
    for (Node fn : ix.functions) {
      FuncTypeExpr type = fn instanceof FuncDecl d ? d.type : ((FuncLit) fn).type;
      if (fn instanceof FuncDecl d && d.recv != null) {
        String path = holds(d.recv.type);
        if (path != null) {
          out.add(new CodeFinding(COPIED, CodeIndex.line(d), "method " + d.name + " has a value receiver (" + path + ")"
              + receiverUse(d) + ": each call works on a copy of the lock (use a pointer receiver)"));
        }
      }
      for (Field p : type.params) {
        String path = holds(p.type);
        if (path != null) {
          out.add(new CodeFinding(COPIED, CodeIndex.line(p), "parameter " + String.join(", ", p.names) + " is passed by value (" + path
              + "): the function works on a copy of the lock (pass a pointer)"));
        }
      }
    }
    for (Node n : ix.all) {
      if (n instanceof Range r) {
        range(r, out);
      } else if (n instanceof Assign a && (a.op.equals("=") || a.op.equals(":=")) && a.lhs.size() == a.rhs.size()) {
        for (int i = 0; i < a.rhs.size(); i++) {
          copyInto(a, CodeIndex.name(a.lhs.get(i)), a.rhs.get(i), "assignment", out);
        }
      } else if (n instanceof ValueSpec vs && vs.values.size() == vs.names.size()) {
        for (int i = 0; i < vs.values.size(); i++) {
          copyInto(vs, vs.names.get(i), vs.values.get(i), "declaration of " + vs.names.get(i), out);
        }
      } else if (n instanceof Return ret) {
        ret.results.forEach(e -> copyInto(ret, null, e, "return", out));
      } else if (n instanceof Call c && !(CodeIndex.unparen(c.fun) instanceof Ident f && NOT_COPYING.contains(f.name))) {
        String callee = CodeIndex.unparen(c.fun) instanceof Selector s ? s.sel : CodeIndex.name(c.fun);
        c.args.forEach(arg -> copyInto(c, null, arg, "call of " + (callee == null ? "a function" : callee), out));
      }
    }
  }

  private String receiverUse(FuncDecl d) {
    String recv = CodeIndex.receiverName(d);
    Call use = recv == null || d.body == null ? null : syncUse(d.body, recv);
    return use == null ? "" : " and uses the lock at line " + CodeIndex.line(use);
  }

  /** A range variable of a type that holds a lock: each iteration copies the element, lock included. */
  private void range(Range r, List<CodeFinding> out) {
    Expr over = underlying(typeOf(r.x, r));
    if (over instanceof Star s) {
      over = underlying(s.x); // range over a pointer to an array
    }
    Expr valueType = over instanceof ArrayTypeExpr a ? a.elem : over instanceof MapTypeExpr m ? m.value : null;
    Expr keyType = over instanceof MapTypeExpr m ? m.key : null;
    for (Expr[] var : new Expr[][] {{r.value, valueType}, {r.key, keyType}}) {
      if (!(var[0] instanceof Ident id) || id.name.equals("_") || var[1] == null) {
        continue;
      }
      String path = holds(var[1]);
      if (path == null) {
        continue;
      }
      Call use = syncUse(r.body, id.name);
      out.add(new CodeFinding(COPIED, CodeIndex.line(r), "range variable " + id.name + " at line " + CodeIndex.line(r)
          + " copies each element with its lock (" + path + ")"
          + (use == null ? "" : "; the loop locks the copy at line " + CodeIndex.line(use) + ", which protects nothing")
          + " (range over pointers, or index the slice)"));
    }
  }

  /**
   * {@code value} copied into {@code target} (null: an argument or a result): reported when its
   * type holds a lock, as vet does; a composite literal or a call's result is a fresh value.
   */
  private void copyInto(Node at, String target, Expr value, String what, List<CodeFinding> out) {
    Expr v = CodeIndex.unparen(value);
    if (v instanceof CompositeLit || v instanceof Call || v instanceof FuncLit
        || v instanceof Star s && CodeIndex.unparen(s.x) instanceof Call) {
      return;
    }
    if (!(v instanceof Ident || v instanceof Selector || v instanceof Star || v instanceof Index)) {
      return;
    }
    String path = holds(typeOf(v, at));
    if (path == null || target != null && resetAfter(at, target)) {
      return;
    }
    out.add(new CodeFinding(COPIED, CodeIndex.line(at), what + " at line " + CodeIndex.line(at) + " copies " + CodeIndex.name(v)
        + " with its lock (" + path + "): the copy's lock excludes nobody"));
  }

  /** The statements after {@code at} in its list give the copy a fresh lock ({@code c.mu = sync.Mutex{}}). */
  private boolean resetAfter(Node at, String target) {
    Node stmt = at instanceof ValueSpec ? ix.parent.get(ix.parent.get(at)) : at;
    List<Stmt> list = LockChecks.list(ix.parent.get(stmt));
    if (list == null) {
      return false;
    }
    for (int i = list.indexOf(stmt) + 1; i < list.size(); i++) {
      if (list.get(i) instanceof Assign a && a.lhs.size() == a.rhs.size()) {
        for (int k = 0; k < a.lhs.size(); k++) {
          String lhs = CodeIndex.name(a.lhs.get(k));
          if (lhs != null && lhs.startsWith(target + ".") && CodeIndex.unparen(a.rhs.get(k)) instanceof CompositeLit) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The first call of a sync method on {@code name} or one of its fields inside {@code n}. */
  private Call syncUse(Node n, String name) {
    Call[] found = {null};
    ix.deep(n, x -> {
      if (found[0] == null && x instanceof Call c && CodeIndex.unparen(c.fun) instanceof Selector s && SYNC_METHODS.contains(s.sel)) {
        String r = CodeIndex.name(s.x);
        if (r != null && (r.equals(name) || r.startsWith(name + "."))) {
          found[0] = c;
        }
      }
    });
    return found[0];
  }

  // ---------------------------------------------------------------- which types hold a lock

  /** What in {@code type} is a lock held by value ({@code shard contains sync.Mutex}), else null. */
  String holds(Expr type) {
    Expr t = CodeIndex.unparen(type);
    String sync = LockChecks.syncValue(t);
    if (sync != null) {
      return "sync." + sync;
    }
    if (t instanceof Ident id) {
      if (lockers.contains(id.name)) {
        return id.name + " has pointer methods Lock and Unlock";
      }
      if (!types.containsKey(id.name)) {
        return null;
      }
      if (holdsMemo.containsKey(id.name)) {
        return holdsMemo.get(id.name);
      }
      holdsMemo.put(id.name, null); // a recursive type through a value field cannot be; this guards the walk
      String inner = holds(types.get(id.name));
      String path = inner == null ? null : id.name + " contains " + inner;
      holdsMemo.put(id.name, path);
      return path;
    }
    if (t instanceof ArrayTypeExpr a && a.len != null) {
      return holds(a.elem);
    }
    if (t instanceof StructTypeExpr st) {
      for (Field f : st.fields) {
        String inner = holds(f.type);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- the types of expressions

  /** A named type's definition when it is not a struct (a slice or map type), else the type itself. */
  private Expr underlying(Expr t) {
    for (int depth = 0; depth < 8 && CodeIndex.unparen(t) instanceof Ident id && types.get(id.name) != null
        && !(types.get(id.name) instanceof StructTypeExpr); depth++) {
      t = types.get(id.name);
    }
    return CodeIndex.unparen(t);
  }

  /** The type of an expression as far as the unit's declarations tell; null when unknown. */
  Expr typeOf(Expr e, Node at) {
    e = CodeIndex.unparen(e);
    if (e instanceof Ident id) {
      for (Node fn = at instanceof FuncDecl || at instanceof FuncLit ? at : ix.enclosingFunction(at); fn != null;
          fn = ix.enclosingFunction(fn)) {
        Expr t = scope(fn).get(id.name);
        if (t != null) {
          return t;
        }
      }
      return packageVars.get(id.name);
    }
    if (e instanceof Selector s) {
      Expr x = underlying(typeOf(s.x, at));
      if (x instanceof Star p) {
        x = underlying(p.x);
      }
      StructTypeExpr st = x instanceof StructTypeExpr inline ? inline : null;
      return st == null ? null : field(st, s.sel);
    }
    if (e instanceof Star s) {
      return typeOf(s.x, at) instanceof Star p ? p.x : null;
    }
    if (e instanceof Index i) {
      Expr x = underlying(typeOf(i.x, at));
      return x instanceof ArrayTypeExpr a ? a.elem : x instanceof MapTypeExpr m ? m.value : null;
    }
    if (e instanceof CompositeLit cl) {
      return cl.type;
    }
    if (e instanceof Unary u && u.op.equals("&")) {
      Expr x = typeOf(u.x, at);
      return x == null ? null : new Star(x);
    }
    if (e instanceof Call c && CodeIndex.unparen(c.fun) instanceof Ident f && !c.args.isEmpty()) {
      if (f.name.equals("make")) {
        return c.args.get(0);
      }
      if (f.name.equals("new")) {
        return new Star(c.args.get(0));
      }
    }
    if (e instanceof Call c) {
      FuncDecl callee = ix.callee(c);
      if (callee != null && callee.type.results.size() == 1 && callee.type.results.get(0).names.size() <= 1) {
        return callee.type.results.get(0).type;
      }
    }
    return null;
  }

  private Expr field(StructTypeExpr st, String name) {
    for (Field f : st.fields) {
      if (f.names.contains(name)) {
        return f.type;
      }
      Expr t = f.type instanceof Star s ? s.x : f.type;
      if (f.names.isEmpty() && (t instanceof Ident id && id.name.equals(name) || t instanceof Selector sel && sel.sel.equals(name))) {
        return f.type;
      }
    }
    return null;
  }

  /** The names a function declares, with their types where the declaration tells. */
  private Map<String, Expr> scope(Node fn) {
    Map<String, Expr> known = scopes.get(fn);
    if (known != null) {
      return known;
    }
    Map<String, Expr> s = new HashMap<>();
    scopes.put(fn, s);
    FuncTypeExpr type = fn instanceof FuncDecl d ? d.type : ((FuncLit) fn).type;
    if (fn instanceof FuncDecl d && d.recv != null) {
      d.recv.names.forEach(n -> s.putIfAbsent(n, d.recv.type));
    }
    for (Field p : type.params) {
      p.names.forEach(n -> s.putIfAbsent(n, p.type));
    }
    for (Field p : type.results) {
      p.names.forEach(n -> s.putIfAbsent(n, p.type));
    }
    Block body = CodeIndex.body(fn);
    if (body != null) {
      ix.within(body, n -> {
        if (n instanceof ValueSpec vs) {
          declare(vs, s);
        } else if (n instanceof Assign a && a.op.equals(":=") && a.lhs.size() == a.rhs.size()) {
          for (int i = 0; i < a.lhs.size(); i++) {
            if (a.lhs.get(i) instanceof Ident id && !s.containsKey(id.name)) {
              Expr t = typeOf(a.rhs.get(i), a);
              if (t != null) {
                s.put(id.name, t);
              }
            }
          }
        } else if (n instanceof Range r && r.define) {
          Expr over = underlying(typeOf(r.x, r));
          if (over instanceof Star p) {
            over = underlying(p.x);
          }
          if (r.value instanceof Ident v && !s.containsKey(v.name)) {
            Expr t = over instanceof ArrayTypeExpr a ? a.elem : over instanceof MapTypeExpr m ? m.value : null;
            if (t != null) {
              s.put(v.name, t);
            }
          }
          if (r.key instanceof Ident k && over instanceof MapTypeExpr m && !s.containsKey(k.name)) {
            s.put(k.name, m.key);
          }
        }
      });
    }
    return s;
  }

  private void declare(Node spec, Map<String, Expr> into) {
    if (!(spec instanceof ValueSpec vs)) {
      return;
    }
    for (int i = 0; i < vs.names.size(); i++) {
      Expr t = vs.type != null ? vs.type
          : i < vs.values.size() && vs.values.size() == vs.names.size() ? typeOf(vs.values.get(i), vs) : null;
      if (t != null) {
        into.putIfAbsent(vs.names.get(i), t);
      }
    }
  }
}
