package dev.gocause.graph.diagnosis.code;

import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.lang.Ast.*;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One parsed code unit indexed for the checks: every node's parent, the functions (declared and
 * literal), which bodies run as goroutines, and the methods per receiver type. Names stand for
 * variables: a tolerant reading of code that may not type-check, so identity is by the text of
 * the expression ({@code s.mu}, {@code wg}).
 */
final class CodeIndex {
  final Ast.File file;
  final Map<Node, Node> parent = new IdentityHashMap<>();
  final List<Node> all = new ArrayList<>();
  /** Function bodies: FuncDecl or FuncLit. */
  final List<Node> functions = new ArrayList<>();
  /** Top-level functions and methods by name (methods also under "Type.name"). */
  final Map<String, FuncDecl> funcs = new LinkedHashMap<>();
  /** Struct types declared in the unit. */
  final Map<String, StructTypeExpr> structs = new LinkedHashMap<>();
  /** Bodies started by a go statement: the literal's, or the declared function's it calls. */
  final Map<Node, GoStmt> goroutineBodies = new IdentityHashMap<>();

  CodeIndex(Ast.File file) {
    this.file = file;
    for (Node d : file.decls) {
      add(d, null);
      if (d instanceof FuncDecl f && f.name != null) {
        funcs.putIfAbsent(f.name, f);
        String recv = receiverType(f);
        if (recv != null) {
          funcs.put(recv + "." + f.name, f);
        }
      } else if (d instanceof GenDecl g && g.kind.equals("type")) {
        for (Node s : g.specs) {
          if (s instanceof TypeSpec ts && ts.type instanceof StructTypeExpr st) {
            structs.put(ts.name, st);
          }
        }
      }
    }
    for (Node n : all) {
      if (n instanceof GoStmt g) {
        Expr fun = unparen(g.call.fun);
        if (fun instanceof FuncLit lit) {
          goroutineBodies.put(lit, g);
        } else {
          FuncDecl target = callee(g.call);
          if (target != null) {
            goroutineBodies.putIfAbsent(target, g);
          }
        }
      }
    }
  }

  private void add(Node n, Node p) {
    if (n == null) {
      return;
    }
    parent.put(n, p);
    all.add(n);
    if (n instanceof FuncDecl || n instanceof FuncLit) {
      functions.add(n);
    }
    children(n, c -> add(c, n));
  }

  /** The receiver's type name of a method ({@code T} for {@code (t T)} and {@code (t *T)}), else null. */
  static String receiverType(FuncDecl f) {
    if (f.recv == null) {
      return null;
    }
    Expr t = f.recv.type;
    if (t instanceof Star s) {
      t = s.x;
    }
    return t instanceof Ident id ? id.name : null;
  }

  static String receiverName(FuncDecl f) {
    return f.recv == null || f.recv.names.isEmpty() ? null : f.recv.names.get(0);
  }

  /** The function of the unit a call calls: {@code f(...)} or {@code x.m(...)} by name (methods resolved by name only). */
  FuncDecl callee(Call c) {
    Expr fun = unparen(c.fun);
    if (fun instanceof Ident id) {
      FuncDecl f = funcs.get(id.name);
      return f != null && f.recv == null ? f : null;
    }
    if (fun instanceof Selector s) {
      FuncDecl f = funcs.get(s.sel);
      return f != null && f.recv != null ? f : null;
    }
    return null;
  }

  /** The innermost function (FuncDecl or FuncLit) around a node. */
  Node enclosingFunction(Node n) {
    Node p = parent.get(n);
    while (p != null && !(p instanceof FuncDecl) && !(p instanceof FuncLit)) {
      p = parent.get(p);
    }
    return p;
  }

  /** The body of a function node. */
  static Block body(Node fn) {
    return fn instanceof FuncDecl d ? d.body : fn instanceof FuncLit l ? l.body : null;
  }

  /** Whether {@code n} lies inside a for/range body of its own function (not counting loops around an enclosing literal). */
  boolean inLoop(Node n) {
    return enclosingLoop(n) != null;
  }

  Stmt enclosingLoop(Node n) {
    Node c = n;
    Node p = parent.get(n);
    while (p != null && !(p instanceof FuncDecl) && !(p instanceof FuncLit)) {
      if (p instanceof For f && c == f.body || p instanceof Range r && c == r.body) {
        return (Stmt) p;
      }
      c = p;
      p = parent.get(p);
    }
    return null;
  }

  /** Whether a goroutine body may run more than once at a time: started in a loop, or by several go statements. */
  boolean startedManyTimes(Node body) {
    GoStmt g = goroutineBodies.get(body);
    if (g == null) {
      return false;
    }
    if (inLoop(g)) {
      return true;
    }
    Node launcher = enclosingFunction(g);
    if (launcher != null && goroutineBodies.containsKey(launcher) && startedManyTimes(launcher)) {
      return true;
    }
    if (body instanceof FuncDecl d) {
      int starts = 0;
      for (Node n : all) {
        if (n instanceof GoStmt gs && callee(gs.call) == d) {
          starts++;
        }
      }
      return starts > 1;
    }
    return false;
  }

  /** Descendants of {@code n} (itself included) within the same function: function literals are not entered. */
  void within(Node n, Consumer<Node> visit) {
    visit.accept(n);
    children(n, c -> {
      if (!(c instanceof FuncLit)) {
        within(c, visit);
      }
    });
  }

  /** Descendants of {@code n}, function literals included. */
  void deep(Node n, Consumer<Node> visit) {
    visit.accept(n);
    children(n, c -> deep(c, visit));
  }

  boolean isAncestor(Node a, Node n) {
    for (Node p = n; p != null; p = parent.get(p)) {
      if (p == a) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a loop has a way out: a return, a panic, {@code os.Exit}, {@code runtime.Goexit}, a
   * goto, a labelled break, or a plain break whose nearest breakable statement is the loop itself.
   */
  boolean hasWayOut(For loop) {
    boolean[] out = {false};
    within(loop.body, x -> {
      if (x instanceof Return || x instanceof ExprStmt es && (isCallOf(es.x, "panic")
          || isPackageCall(es.x, "os", "Exit") || isPackageCall(es.x, "runtime", "Goexit"))
          || x instanceof Branch br && (br.tok.equals("goto") || br.tok.equals("break") && (br.label != null || breaksOut(br, loop)))) {
        out[0] = true;
      }
    });
    return out[0];
  }

  private boolean breaksOut(Branch br, For loop) {
    for (Node p = parent.get(br); p != null; p = parent.get(p)) {
      if (p == loop) {
        return true;
      }
      if (p instanceof Select || p instanceof Switch || p instanceof TypeSwitch || p instanceof For || p instanceof Range) {
        return false;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- expression helpers

  static Expr unparen(Expr e) {
    while (e instanceof Paren p && p.x != null) {
      e = p.x;
    }
    return e;
  }

  /** The text of a variable-like expression ({@code s.mu}, {@code *p}, {@code m[k]}); null for anything else. */
  static String name(Expr e) {
    e = unparen(e);
    if (e instanceof Ident id) {
      return id.name;
    }
    if (e instanceof Selector s) {
      String x = name(s.x);
      return x == null ? null : x + "." + s.sel;
    }
    if (e instanceof Star s) {
      return name(s.x);
    }
    if (e instanceof Unary u && u.op.equals("&")) {
      return name(u.x);
    }
    if (e instanceof Index i) {
      String x = name(i.x);
      return x == null ? null : x + "[]";
    }
    return null;
  }

  /** The last element of a name: {@code mu} of {@code s.mu}. */
  static String last(String name) {
    if (name == null) {
      return null;
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }

  /** {@code x.m(...)} with the method name {@code m}: the receiver's name, else null. */
  static String methodReceiver(Call c, String... methods) {
    if (unparen(c.fun) instanceof Selector s) {
      for (String m : methods) {
        if (s.sel.equals(m)) {
          return name(s.x);
        }
      }
    }
    return null;
  }

  /** {@code pkg.F(...)} for one of {@code names}. */
  static boolean isPackageCall(Expr e, String pkg, String... names) {
    if (unparen(e) instanceof Call c && unparen(c.fun) instanceof Selector s && unparen(s.x) instanceof Ident p && p.name.equals(pkg)) {
      for (String n : names) {
        if (s.sel.equals(n)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code f(...)} of a builtin or unit function by plain name. */
  static boolean isCallOf(Expr e, String fn) {
    return unparen(e) instanceof Call c && unparen(c.fun) instanceof Ident id && id.name.equals(fn);
  }

  /** {@code make(chan T[, n])}: the buffer size expression text ("0" when none), else null. */
  static String makeChanSize(Expr e) {
    if (unparen(e) instanceof Call c && unparen(c.fun) instanceof Ident id && id.name.equals("make") && !c.args.isEmpty()
        && unparen(c.args.get(0)) instanceof ChanTypeExpr) {
      if (c.args.size() < 2) {
        return "0";
      }
      return c.args.get(1) instanceof BasicLit b ? b.value : "n";
    }
    return null;
  }

  /** Line of a statement as the checks cite it. */
  static int line(Node n) {
    return Math.max(1, n.line);
  }

  /** The direct children of a node, in source order (absent parts skipped). */
  static void children(Node n, Consumer<Node> visit) {
    Consumer<Node> c = x -> {
      if (x != null) {
        visit.accept(x);
      }
    };
    if (n instanceof FuncDecl d) {
      c.accept(d.recv);
      c.accept(d.type);
      c.accept(d.body);
    } else if (n instanceof GenDecl g) {
      g.specs.forEach(c);
    } else if (n instanceof ValueSpec v) {
      c.accept(v.type);
      v.values.forEach(c);
    } else if (n instanceof TypeSpec t) {
      c.accept(t.type);
    } else if (n instanceof Field f) {
      c.accept(f.type);
    } else if (n instanceof CaseClause cc) {
      if (cc.exprs != null) {
        cc.exprs.forEach(c);
      }
      cc.body.forEach(c);
    } else if (n instanceof CommClause cc) {
      c.accept(cc.comm);
      cc.body.forEach(c);
    } else if (n instanceof Stmt s) {
      stmtChildren(s, c);
    } else if (n instanceof Expr e) {
      exprChildren(e, c);
    }
  }

  private static void stmtChildren(Stmt s, Consumer<Node> c) {
    if (s instanceof ExprStmt x) {
      c.accept(x.x);
    } else if (s instanceof SendStmt x) {
      c.accept(x.ch);
      c.accept(x.value);
    } else if (s instanceof IncDec x) {
      c.accept(x.x);
    } else if (s instanceof Assign x) {
      x.lhs.forEach(c);
      x.rhs.forEach(c);
    } else if (s instanceof GoStmt x) {
      c.accept(x.call);
    } else if (s instanceof DeferStmt x) {
      c.accept(x.call);
    } else if (s instanceof Return x) {
      x.results.forEach(c);
    } else if (s instanceof Block x) {
      x.stmts.forEach(c);
    } else if (s instanceof If x) {
      c.accept(x.init);
      c.accept(x.cond);
      c.accept(x.then);
      c.accept(x.els);
    } else if (s instanceof Switch x) {
      c.accept(x.init);
      c.accept(x.tag);
      x.cases.forEach(c);
    } else if (s instanceof TypeSwitch x) {
      c.accept(x.init);
      c.accept(x.x);
      x.cases.forEach(c);
    } else if (s instanceof Select x) {
      x.cases.forEach(c);
    } else if (s instanceof For x) {
      c.accept(x.init);
      c.accept(x.cond);
      c.accept(x.post);
      c.accept(x.body);
    } else if (s instanceof Range x) {
      c.accept(x.key);
      c.accept(x.value);
      c.accept(x.x);
      c.accept(x.body);
    } else if (s instanceof Labeled x) {
      c.accept(x.stmt);
    } else if (s instanceof DeclStmt x) {
      c.accept(x.decl);
    }
  }

  private static void exprChildren(Expr e, Consumer<Node> c) {
    if (e instanceof CompositeLit x) {
      c.accept(x.type);
      x.elts.forEach(c);
    } else if (e instanceof KeyValue x) {
      c.accept(x.key);
      c.accept(x.value);
    } else if (e instanceof FuncLit x) {
      c.accept(x.type);
      c.accept(x.body);
    } else if (e instanceof Paren x) {
      c.accept(x.x);
    } else if (e instanceof Selector x) {
      c.accept(x.x);
    } else if (e instanceof Index x) {
      c.accept(x.x);
      c.accept(x.index);
    } else if (e instanceof SliceExpr x) {
      c.accept(x.x);
      c.accept(x.lo);
      c.accept(x.hi);
      c.accept(x.max);
    } else if (e instanceof TypeAssert x) {
      c.accept(x.x);
      c.accept(x.type);
    } else if (e instanceof Call x) {
      c.accept(x.fun);
      x.args.forEach(c);
    } else if (e instanceof Star x) {
      c.accept(x.x);
    } else if (e instanceof Unary x) {
      c.accept(x.x);
    } else if (e instanceof Binary x) {
      c.accept(x.x);
      c.accept(x.y);
    } else if (e instanceof ArrayTypeExpr x) {
      c.accept(x.len);
      c.accept(x.elem);
    } else if (e instanceof Ellipsis x) {
      c.accept(x.elem);
    } else if (e instanceof MapTypeExpr x) {
      c.accept(x.key);
      c.accept(x.value);
    } else if (e instanceof ChanTypeExpr x) {
      c.accept(x.elem);
    } else if (e instanceof FuncTypeExpr x) {
      x.params.forEach(c);
      x.results.forEach(c);
    } else if (e instanceof StructTypeExpr x) {
      x.fields.forEach(c);
    } else if (e instanceof InterfaceTypeExpr x) {
      x.methods.forEach(c);
    }
  }
}
