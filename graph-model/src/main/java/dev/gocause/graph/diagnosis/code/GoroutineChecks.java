package dev.gocause.graph.diagnosis.code;

import dev.gocause.sim.lang.Ast.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks on what goroutines do: WaitGroup counting, loop variables captured, shared maps and
 * variables written without a lock, loops of select with no way out, Cond waits, Once re-entered
 * or used to start an initialisation it does not wait for, and timers created per iteration or
 * never stopped.
 */
final class GoroutineChecks {
  static final String ADD_IN_GOROUTINE = "code-waitgroup-add-in-goroutine";
  static final String DONE_SKIPPED = "code-waitgroup-done-skipped-on-return";
  static final String LOOP_VAR = "code-loop-variable-captured";
  static final String MAP_WRITES = "code-map-written-from-goroutines";
  static final String SHARED_WRITES = "code-shared-variable-written-from-goroutines";
  static final String SELECT_NO_EXIT = "code-loop-select-without-exit";
  static final String COND_NO_LOOP = "code-cond-wait-outside-loop";
  static final String ONCE_REENTERED = "code-once-do-reentered";
  static final String ONCE_ASYNC = "code-once-do-starts-async-init";
  static final String TIMER_IN_LOOP = "code-timer-created-in-loop";
  static final String TICKER_NOT_STOPPED = "code-ticker-never-stopped";

  private GoroutineChecks() {}

  static void run(CodeIndex ix, Names names, List<CodeFinding> out) {
    waitGroups(ix, names, out);
    loopVariables(ix, out);
    sharedWrites(ix, names, out);
    selectLoops(ix, out);
    condsAndOnce(ix, names, out);
    timers(ix, out);
  }

  private static void waitGroups(CodeIndex ix, Names names, List<CodeFinding> out) {
    for (Node body : ix.goroutineBodies.keySet()) {
      Block b = CodeIndex.body(body);
      if (b == null) {
        continue;
      }
      ix.within(b, n -> {
        if (n instanceof Call c) {
          String wg = CodeIndex.methodReceiver(c, "Add");
          if (wg != null && names.isWaitGroup(wg) && !waitsIn(ix, b, wg)) {
            out.add(new CodeFinding(ADD_IN_GOROUTINE, CodeIndex.line(c), wg + ".Add at line " + CodeIndex.line(c)
                + " runs inside the goroutine started at line " + CodeIndex.line(ix.goroutineBodies.get(body))
                + ": Wait can return before the goroutine has counted itself (Add before the go statement)"));
          }
        }
      });
    }
    // Done called directly (not deferred) with a return or panic before it
    for (Node fn : ix.functions) {
      Block b = CodeIndex.body(fn);
      if (b == null) {
        continue;
      }
      for (int i = 0; i < b.stmts.size(); i++) {
        Stmt s = b.stmts.get(i);
        String wg = s instanceof ExprStmt es && CodeIndex.unparen(es.x) instanceof Call c ? CodeIndex.methodReceiver(c, "Done") : null;
        if (wg == null || !names.isWaitGroup(wg) || deferredDone(b, wg)) {
          continue;
        }
        String done = wg;
        Stmt exit = LockChecks.firstExit(b.stmts.subList(0, i), x -> LockChecks.isCall(x, done, "Done"));
        if (exit != null) {
          out.add(new CodeFinding(DONE_SKIPPED, CodeIndex.line(exit), (exit instanceof Return ? "return" : "panic") + " at line "
              + CodeIndex.line(exit) + " leaves before " + wg + ".Done() at line " + CodeIndex.line(s) + ": Wait never returns (defer Done first)"));
        }
      }
    }
  }

  private static boolean waitsIn(CodeIndex ix, Block b, String wg) {
    boolean[] found = {false};
    ix.within(b, n -> found[0] |= n instanceof Call c && wg.equals(CodeIndex.methodReceiver(c, "Wait")));
    return found[0];
  }

  private static boolean deferredDone(Block b, String wg) {
    for (Stmt s : b.stmts) {
      if (s instanceof DeferStmt d && wg.equals(CodeIndex.methodReceiver(d.call, "Done"))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- loop variables

  private static void loopVariables(CodeIndex ix, List<CodeFinding> out) {
    for (Node n : ix.all) {
      Set<String> vars = new HashSet<>();
      Block body = null;
      if (n instanceof For f && f.init instanceof Assign a && a.op.equals(":=")) {
        a.lhs.forEach(e -> addIdent(e, vars));
        body = f.body;
      } else if (n instanceof Range r && r.define) {
        addIdent(r.key, vars);
        addIdent(r.value, vars);
        body = r.body;
      }
      if (vars.isEmpty() || body == null) {
        continue;
      }
      Set<String> shadowed = new HashSet<>();
      for (Stmt s : body.stmts) {
        if (s instanceof Assign a && a.op.equals(":=")) {
          a.lhs.forEach(e -> addIdent(e, shadowed));
        }
      }
      vars.removeAll(shadowed);
      if (vars.isEmpty()) {
        continue;
      }
      Block loopBody = body;
      ix.within(loopBody, x -> {
        if (x instanceof GoStmt g) {
          // go f(&v): every goroutine gets the address of the one loop variable
          for (Expr arg : g.call.args) {
            if (CodeIndex.unparen(arg) instanceof Unary u && u.op.equals("&") && CodeIndex.unparen(u.x) instanceof Ident id
                && vars.contains(id.name)) {
              out.add(new CodeFinding(LOOP_VAR, CodeIndex.line(g), "the goroutine started at line " + CodeIndex.line(g)
                  + " gets &" + id.name + ", the address of the loop variable of line " + CodeIndex.line(n)
                  + ": before Go 1.22 all iterations share that one variable"));
            }
          }
        }
        if (x instanceof GoStmt g && CodeIndex.unparen(g.call.fun) instanceof FuncLit lit) {
          Set<String> params = new HashSet<>();
          lit.type.params.forEach(p -> params.addAll(p.names));
          String used = firstUse(ix, lit.body, vars, params);
          if (used != null) {
            out.add(new CodeFinding(LOOP_VAR, CodeIndex.line(g), "the goroutine started at line " + CodeIndex.line(g)
                + " uses the loop variable " + used + " of line " + CodeIndex.line(n)
                + " without passing it: before Go 1.22 all iterations share one variable"));
          }
        }
      });
    }
  }

  private static void addIdent(Expr e, Set<String> out) {
    if (e instanceof Ident id && !id.name.equals("_")) {
      out.add(id.name);
    }
  }

  private static String firstUse(CodeIndex ix, Block body, Set<String> vars, Set<String> params) {
    String[] used = {null};
    ix.deep(body, n -> {
      if (used[0] == null && n instanceof Ident id && vars.contains(id.name) && !params.contains(id.name)
          && !(ix.parent.get(n) instanceof KeyValue kv && kv.key == n)) {
        used[0] = id.name;
      }
    });
    return used[0];
  }

  // ---------------------------------------------------------------- shared writes

  /**
   * A goroutine (a function literal started once) assigns or increments a variable of the function
   * that starts it, and that function reads the variable after the go statement with nothing in
   * between that waits for the goroutine or orders the two (no Wait, no receive, select or range, no
   * lock; {@code time.Sleep} orders nothing): the goroutine and its starter race on it.
   */
  private static void starterReads(CodeIndex ix, Names names, List<CodeFinding> out) {
    for (Map.Entry<Node, GoStmt> e : ix.goroutineBodies.entrySet()) {
      if (!(e.getKey() instanceof FuncLit lit) || ix.startedManyTimes(lit) || locks(ix, lit.body)) {
        continue;
      }
      GoStmt g = e.getValue();
      Node starter = ix.enclosingFunction(g);
      Block starterBody = CodeIndex.body(starter);
      if (starterBody == null) {
        continue;
      }
      Set<String> mine = LockChecks.locals(ix, lit);
      Set<String> theirs = LockChecks.locals(ix, starter);
      Node[] written = {null};
      String[] name = {null};
      ix.within(lit.body, n -> {
        Expr t = n instanceof IncDec d ? d.x : n instanceof Assign a && !a.op.equals(":=") && a.lhs.size() == 1 ? a.lhs.get(0) : null;
        if (written[0] == null && CodeIndex.unparen(t) instanceof Ident id && !mine.contains(id.name) && theirs.contains(id.name)
            && !names.isChannel(id.name)) {
          written[0] = n;
          name[0] = id.name;
        }
      });
      if (written[0] == null) {
        continue;
      }
      int go = CodeIndex.line(g);
      int[] read = {0};
      boolean[] ordered = {false};
      ix.within(starterBody, n -> {
        int line = stmtLine(ix, n);
        if (read[0] != 0 || line <= go || ix.isAncestor(g, n)) {
          return;
        }
        if (n instanceof Call c && (CodeIndex.methodReceiver(c, "Wait", "Lock", "RLock") != null)
            || n instanceof Unary u && u.op.equals("<-") || n instanceof Select || n instanceof Range) {
          ordered[0] = true;
        } else if (!ordered[0] && n instanceof Ident id && id.name.equals(name[0])) {
          read[0] = line;
        }
      });
      if (read[0] != 0) {
        out.add(new CodeFinding(SHARED_WRITES, CodeIndex.line(written[0]), name[0] + " is written at line " + CodeIndex.line(written[0])
            + " by the goroutine started at line " + go + " while the function that started it reads it at line " + read[0]
            + " with nothing in between waiting for the goroutine (no Wait, receive or lock)"));
      }
    }
  }

  /** The line of the statement holding a node (expressions carry no line of their own). */
  private static int stmtLine(CodeIndex ix, Node n) {
    for (Node p = n; p != null; p = ix.parent.get(p)) {
      if (p.line > 0) {
        return p.line;
      }
    }
    return 0;
  }

  private static void sharedWrites(CodeIndex ix, Names names, List<CodeFinding> out) {
    starterReads(ix, names, out);
    for (Node body : ix.goroutineBodies.keySet()) {
      Block b = CodeIndex.body(body);
      if (b == null || !ix.startedManyTimes(body) || locks(ix, b)) {
        continue;
      }
      Set<String> locals = LockChecks.locals(ix, body);
      String shared = sharedReceiver(ix, body);
      if (shared != null) {
        locals.remove(shared);
      }
      boolean byValue = shared != null && !(((FuncDecl) body).recv.type instanceof Star);
      List<CodeFinding> found = new ArrayList<>();
      ix.within(b, n -> {
        if (!found.isEmpty()) {
          return;
        }
        List<Expr> targets = new ArrayList<>();
        if (n instanceof Assign a && !a.op.equals(":=")) {
          targets.addAll(a.lhs);
        } else if (n instanceof IncDec d) {
          targets.add(d.x);
        }
        for (Expr t : targets) {
          Expr e = CodeIndex.unparen(t);
          String root = root(e);
          if (root == null || root.equals("_") || locals.contains(root)) {
            continue;
          }
          if (e instanceof Index i && names.isMap(CodeIndex.name(i.x))) {
            found.add(new CodeFinding(MAP_WRITES, CodeIndex.line(n), "map " + CodeIndex.name(i.x) + " is written at line "
                + CodeIndex.line(n) + " by goroutines started at line " + CodeIndex.line(ix.goroutineBodies.get(body))
                + " that run at the same time, without a lock"));
          } else if (!(e instanceof Index) && !names.isChannel(CodeIndex.name(e)) && !(byValue && shared.equals(root))) {
            found.add(new CodeFinding(SHARED_WRITES, CodeIndex.line(n), CodeIndex.name(e) + " is written at line " + CodeIndex.line(n)
                + " by goroutines started at line " + CodeIndex.line(ix.goroutineBodies.get(body))
                + " that run at the same time, without a lock or atomic"));
          }
          return;
        }
      });
      out.addAll(found);
    }
  }

  /**
   * The receiver of a method started as {@code go x.m(...)} where {@code x} is one value for every
   * start (not the variable of the loop around the go statement): all those goroutines reach the same
   * value through it, so it is no local of theirs. Null otherwise.
   */
  private static String sharedReceiver(CodeIndex ix, Node body) {
    GoStmt g = ix.goroutineBodies.get(body);
    if (!(body instanceof FuncDecl d) || d.recv == null || CodeIndex.receiverName(d) == null
        || !(CodeIndex.unparen(g.call.fun) instanceof Selector call)) {
      return null;
    }
    String x = root(call.x);
    Stmt loop = ix.enclosingLoop(g);
    if (x == null || loop == null || LockChecks.locals(ix, ix.enclosingFunction(g)).contains(x) && declaredIn(ix, loop, x)) {
      return null;
    }
    return CodeIndex.receiverName(d);
  }

  /** Whether the loop declares {@code name}: its range variables, its init, or a := in its body. */
  private static boolean declaredIn(CodeIndex ix, Stmt loop, String name) {
    boolean[] found = {false};
    ix.within(loop, n -> {
      if (n instanceof Range r && r.define && (r.key instanceof Ident k && k.name.equals(name) || r.value instanceof Ident v && v.name.equals(name))
          || n instanceof Assign a && a.op.equals(":=") && a.lhs.stream().anyMatch(e -> e instanceof Ident id && id.name.equals(name))) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static boolean locks(CodeIndex ix, Block b) {
    boolean[] found = {false};
    ix.deep(b, n -> found[0] |= n instanceof Call c && CodeIndex.methodReceiver(c, "Lock") != null);
    return found[0];
  }

  private static String root(Expr e) {
    e = CodeIndex.unparen(e);
    while (true) {
      if (e instanceof Selector s) {
        e = CodeIndex.unparen(s.x);
      } else if (e instanceof Index i) {
        e = CodeIndex.unparen(i.x);
      } else if (e instanceof Star s) {
        e = CodeIndex.unparen(s.x);
      } else {
        break;
      }
    }
    return e instanceof Ident id ? id.name : null;
  }

  // ---------------------------------------------------------------- select loops with no exit

  private static void selectLoops(CodeIndex ix, List<CodeFinding> out) {
    for (Node n : ix.all) {
      if (!(n instanceof For f) || f.cond != null || f.init != null || f.post != null) {
        continue;
      }
      Node fn = ix.enclosingFunction(f);
      if (fn == null || !ix.goroutineBodies.containsKey(fn) && !startedElsewhere(ix, fn)) {
        continue;
      }
      Select[] sel = {null};
      ix.within(f.body, x -> {
        if (x instanceof Select s && sel[0] == null) {
          sel[0] = s;
        }
      });
      if (sel[0] != null && !ix.hasWayOut(f)) {
        out.add(new CodeFinding(SELECT_NO_EXIT, CodeIndex.line(sel[0]), "the goroutine's for/select loop at line " + CodeIndex.line(f)
            + " has no case that returns or breaks out (no ctx.Done(), no quit channel): it never ends"));
      }
    }
  }

  /**
   * A declared function the paste neither calls nor starts, other than an entry point (main, init, a
   * test, benchmark or example): a loop of select in it is pasted as the body of a goroutine started
   * where the paste does not show, the way a worker's {@code run} method is.
   */
  private static boolean startedElsewhere(CodeIndex ix, Node fn) {
    if (!(fn instanceof FuncDecl d) || d.name == null || d.name.equals("main") || d.name.equals("init")
        || d.name.matches("(Test|Benchmark|Example|Fuzz)([A-Z_].*)?")) {
      return false;
    }
    for (Node n : ix.all) {
      if (d.recv == null ? n instanceof Ident id && id.name.equals(d.name) : n instanceof Selector s && s.sel.equals(d.name)) {
        return false; // called, or taken as a value (a method value handed to someone)
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- Cond, Once

  private static void condsAndOnce(CodeIndex ix, Names names, List<CodeFinding> out) {
    for (Node n : ix.all) {
      if (!(n instanceof Call c)) {
        continue;
      }
      String cond = CodeIndex.methodReceiver(c, "Wait");
      if (cond != null && names.isCond(cond) && ix.enclosingLoop(c) == null) {
        out.add(new CodeFinding(COND_NO_LOOP, CodeIndex.line(c), cond + ".Wait() at line " + CodeIndex.line(c)
            + " is not inside a for loop re-checking the condition: a wakeup before the condition holds, or a missed one, goes unnoticed"));
      }
      String once = CodeIndex.methodReceiver(c, "Do");
      Node init = once == null || c.args.size() != 1 ? null : function(ix, c.args.get(0));
      if (init != null) {
        Call again = doIn(ix, init, CodeIndex.last(once), 3, new HashSet<>());
        if (again != null) {
          boolean direct = ix.isAncestor(init, again);
          out.add(new CodeFinding(ONCE_REENTERED, CodeIndex.line(again), once + ".Do at line " + CodeIndex.line(again) + " runs "
              + (direct ? "inside" : "through a call from") + " the function " + once + ".Do (line " + CodeIndex.line(c)
              + ") is running: it waits for itself forever"));
        }
        asyncInit(ix, c, once, init, out);
      }
    }
  }

  /** The function a function value names: a literal, or a function or method of the unit. */
  private static Node function(CodeIndex ix, Expr e) {
    Expr f = CodeIndex.unparen(e);
    if (f instanceof FuncLit lit) {
      return lit;
    }
    FuncDecl d = f instanceof Ident id ? ix.funcs.get(id.name) : f instanceof Selector s ? ix.funcs.get(s.sel) : null;
    return d == null || d.body == null || (d.recv == null) != (f instanceof Ident) ? null : d;
  }

  /** A Do on a Once named {@code once} in {@code fn}, or in the unit's functions it calls (to {@code depth}). */
  private static Call doIn(CodeIndex ix, Node fn, String once, int depth, Set<Node> seen) {
    Block b = CodeIndex.body(fn);
    if (b == null || !seen.add(fn)) {
      return null;
    }
    List<Call> calls = new ArrayList<>();
    ix.deep(b, x -> {
      if (x instanceof Call inner) {
        calls.add(inner);
      }
    });
    for (Call inner : calls) {
      if (once.equals(CodeIndex.last(CodeIndex.methodReceiver(inner, "Do")))) {
        return inner;
      }
    }
    for (Call inner : depth > 1 ? calls : List.<Call>of()) {
      FuncDecl callee = ix.callee(inner);
      Call again = callee == null ? null : doIn(ix, callee, once, depth - 1, seen);
      if (again != null) {
        return again;
      }
    }
    return null;
  }

  /**
   * The function given to Do starts a goroutine that sets shared state Do itself does not set and
   * does not wait for: Do returns, and its callers read the state, before it is set.
   */
  private static void asyncInit(CodeIndex ix, Call doCall, String once, Node init, List<CodeFinding> out) {
    Block b = CodeIndex.body(init);
    Set<String> setInDo = new HashSet<>();
    boolean[] waits = {false};
    List<GoStmt> starts = new ArrayList<>();
    ix.within(b, x -> {
      if (x instanceof Assign a && !a.op.equals(":=")) {
        a.lhs.forEach(e -> setInDo.add(CodeIndex.last(CodeIndex.name(e))));
      }
      waits[0] |= x instanceof Unary u && u.op.equals("<-") || x instanceof Call w && CodeIndex.methodReceiver(w, "Wait") != null;
      if (x instanceof GoStmt g) {
        starts.add(g);
      }
    });
    if (waits[0]) {
      return;
    }
    for (GoStmt g : starts) {
      Node body = CodeIndex.unparen(g.call.fun) instanceof FuncLit lit ? lit : ix.callee(g.call);
      Node set = body == null ? null : sharedStore(ix, body, setInDo);
      if (set != null) {
        out.add(new CodeFinding(ONCE_ASYNC, CodeIndex.line(g), "the function " + once + ".Do runs (line " + CodeIndex.line(doCall)
            + ") starts a goroutine at line " + CodeIndex.line(g) + " that sets " + CodeIndex.name(storeTarget(set)) + " at line "
            + CodeIndex.line(set) + ": Do returns at once and its callers can see the value unset"));
        return;
      }
    }
  }

  /** The first store in a goroutine body to state outside it (captured, package-level, or through a parameter or receiver). */
  private static Node sharedStore(CodeIndex ix, Node body, Set<String> setInDo) {
    Set<String> locals = LockChecks.locals(ix, body);
    Set<String> params = new HashSet<>();
    FuncTypeExpr type = body instanceof FuncDecl d ? d.type : ((FuncLit) body).type;
    type.params.forEach(p -> params.addAll(p.names));
    if (body instanceof FuncDecl d && d.recv != null) {
      params.addAll(d.recv.names);
    }
    Node[] found = {null};
    ix.deep(CodeIndex.body(body), x -> {
      if (found[0] != null || !(x instanceof Assign a) || a.op.equals(":=")) {
        return;
      }
      for (Expr t : a.lhs) {
        Expr e = CodeIndex.unparen(t);
        String root = root(e);
        boolean throughParam = params.contains(root) && !(e instanceof Ident);
        if (root != null && !root.equals("_") && (!locals.contains(root) || throughParam)
            && !setInDo.contains(CodeIndex.last(CodeIndex.name(e)))) {
          found[0] = x;
          return;
        }
      }
    });
    return found[0];
  }

  private static Expr storeTarget(Node store) {
    return ((Assign) store).lhs.get(0);
  }

  // ---------------------------------------------------------------- timers

  private static void timers(CodeIndex ix, List<CodeFinding> out) {
    for (Node n : ix.all) {
      if (!(n instanceof Call c)) {
        continue;
      }
      boolean after = CodeIndex.isPackageCall(c, "time", "After", "Tick");
      boolean made = CodeIndex.isPackageCall(c, "time", "NewTicker", "NewTimer");
      if (!after && !made) {
        continue;
      }
      String fn = ((Selector) CodeIndex.unparen(c.fun)).sel;
      Stmt loop = ix.enclosingLoop(c);
      String assigned = assignedTo(ix, c);
      if (loop != null && (after || assigned == null || !stopped(ix, loop, assigned))) {
        out.add(new CodeFinding(TIMER_IN_LOOP, CodeIndex.line(c), "time." + fn + " at line " + CodeIndex.line(c)
            + " creates a new timer on every iteration of the loop at line " + CodeIndex.line(loop)
            + (after ? ": each stays in memory until it fires" : " and none is stopped")));
      }
      if (fn.equals("NewTicker") && assigned != null && !stopped(ix, null, assigned) && !escapes(ix, assigned)) {
        out.add(new CodeFinding(TICKER_NOT_STOPPED, CodeIndex.line(c), "the ticker " + assigned + " made at line " + CodeIndex.line(c)
            + " is never stopped (no " + assigned + ".Stop())"));
      }
    }
  }

  private static String assignedTo(CodeIndex ix, Call c) {
    Node p = ix.parent.get(c);
    if (p instanceof Assign a && a.rhs.size() == 1 && a.lhs.size() == 1) {
      return CodeIndex.name(a.lhs.get(0));
    }
    if (p instanceof ValueSpec vs && vs.names.size() == 1) {
      return vs.names.get(0);
    }
    if (p instanceof KeyValue kv && kv.value == c && kv.key instanceof Ident field && ix.parent.get(kv) instanceof CompositeLit) {
      return field.name; // a field of a struct literal, as s.field = time.NewTicker(...) would be
    }
    return null;
  }

  private static boolean stopped(CodeIndex ix, Node scope, String name) {
    String last = CodeIndex.last(name);
    if (scope == null) {
      for (Node x : ix.all) {
        if (x instanceof Call c && last.equals(CodeIndex.last(CodeIndex.methodReceiver(c, "Stop")))) {
          return true;
        }
      }
      return false;
    }
    boolean[] found = {false};
    ix.deep(scope, x -> found[0] |= x instanceof Call c && last.equals(CodeIndex.last(CodeIndex.methodReceiver(c, "Stop"))));
    return found[0];
  }

  /** Returned, passed on or stored elsewhere: someone else may stop it. */
  private static boolean escapes(CodeIndex ix, String name) {
    for (Node n : ix.all) {
      if (n instanceof Return r && r.results.stream().anyMatch(e -> name.equals(CodeIndex.name(e)))) {
        return true;
      }
      if (n instanceof Call c && c.args.stream().anyMatch(e -> name.equals(CodeIndex.name(e)))) {
        return true;
      }
    }
    return false;
  }
}
