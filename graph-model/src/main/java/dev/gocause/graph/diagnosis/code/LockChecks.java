package dev.gocause.graph.diagnosis.code;

import dev.gocause.sim.lang.Ast.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks on mutexes: a lock still held on a return path, held across a channel operation or a
 * wait, taken again through the methods it calls (or upgraded from a read lock). Locks copied
 * with the value that holds them are {@link CopyChecks}.
 */
final class LockChecks {
  static final String NOT_RELEASED = "code-lock-not-released-on-return";
  static final String HELD_ACROSS_BLOCKING = "code-lock-held-across-blocking-operation";
  static final String REENTERED = "code-lock-reentered-through-call";
  static final String RLOCK_REENTERED = "code-rlock-reentered-through-call";
  static final String UPGRADE = "code-rlock-upgraded-to-lock";

  private static final Set<String> SYNC_VALUES = Set.of("Mutex", "RWMutex", "WaitGroup", "Cond", "Once", "Map", "Pool");

  /** A lock taken by a statement and the statements of the same list that run while it is held. */
  record Held(Node function, Stmt at, String lock, boolean read, boolean deferred, List<Stmt> region) {}

  private LockChecks() {}

  static void run(CodeIndex ix, Names names, List<CodeFinding> out) {
    LockHandoffs handoffs = new LockHandoffs(ix);
    for (Held h : held(ix)) {
      if (!handoffs.handedToCaller(h)) {
        notReleased(ix, h, out);
      }
      acrossBlocking(ix, names, h, out);
      reentered(ix, h, out);
    }
    handoffs.heldAfterCalls().forEach(h -> notReleased(ix, h, out));
  }

  /** Every Lock/RLock statement with the part of its statement list that runs under it. */
  static List<Held> held(CodeIndex ix) {
    List<Held> out = new ArrayList<>();
    for (Node n : ix.all) {
      if (!(n instanceof ExprStmt es) || !(CodeIndex.unparen(es.x) instanceof Call c)) {
        continue;
      }
      String lock = CodeIndex.methodReceiver(c, "Lock", "RLock");
      List<Stmt> list = list(ix.parent.get(es));
      if (lock == null || list == null) {
        continue;
      }
      boolean read = ((Selector) CodeIndex.unparen(c.fun)).sel.equals("RLock");
      String unlock = read ? "RUnlock" : "Unlock";
      int i = list.indexOf(es);
      int end = list.size();
      boolean deferred = false;
      for (int j = i + 1; j < list.size(); j++) {
        Stmt s = list.get(j);
        if (s instanceof DeferStmt d && lock.equals(CodeIndex.methodReceiver(d.call, unlock))) {
          deferred = true;
          break;
        }
        if (isCall(s, lock, unlock)) {
          end = j;
          break;
        }
      }
      out.add(new Held(ix.enclosingFunction(es), es, lock, read, deferred, List.copyOf(list.subList(i + 1, end))));
    }
    return out;
  }

  static List<Stmt> list(Node holder) {
    if (holder instanceof Block b) {
      return b.stmts;
    }
    if (holder instanceof CaseClause cc) {
      return cc.body;
    }
    if (holder instanceof CommClause cc) {
      return cc.body;
    }
    return null;
  }

  static boolean isCall(Stmt s, String receiver, String method) {
    return s instanceof ExprStmt es && CodeIndex.unparen(es.x) instanceof Call c && receiver.equals(CodeIndex.methodReceiver(c, method));
  }

  // ---------------------------------------------------------------- not released on a return path

  private static void notReleased(CodeIndex ix, Held h, List<CodeFinding> out) {
    if (h.deferred()) {
      return;
    }
    String unlock = h.read() ? "RUnlock" : "Unlock";
    Stmt exit = firstExit(h.region(), s -> isCall(s, h.lock(), unlock));
    if (exit != null) {
      // a Held of a helper's call names the call, not a Lock statement
      boolean direct = h.at() instanceof ExprStmt es && CodeIndex.unparen(es.x) instanceof Call c && CodeIndex.methodReceiver(c, "Lock", "RLock") != null;
      String taken = direct ? "." + (h.read() ? "RLock" : "Lock") + "() from line " + CodeIndex.line(h.at())
          : " (locked by the helper called at line " + CodeIndex.line(h.at()) + ")";
      out.add(new CodeFinding(NOT_RELEASED, CodeIndex.line(exit), (exit instanceof Return ? "return" : "panic") + " at line "
          + CodeIndex.line(exit) + " while " + h.lock() + taken
          + " is still held: no " + unlock + " on that path"));
    }
  }

  /**
   * The first return (or panic) reachable in {@code stmts} before a statement {@code released}
   * accepts, descending into nested blocks but not into function literals.
   */
  static Stmt firstExit(List<Stmt> stmts, Predicate<Stmt> released) {
    for (Stmt s : stmts) {
      if (released.test(s)) {
        return null;
      }
      if (s instanceof Return || s instanceof ExprStmt es && CodeIndex.isCallOf(es.x, "panic")) {
        return s;
      }
      for (List<Stmt> nested : nestedLists(s)) {
        Stmt r = firstExit(nested, released);
        if (r != null) {
          return r;
        }
      }
    }
    return null;
  }

  static List<List<Stmt>> nestedLists(Stmt s) {
    List<List<Stmt>> out = new ArrayList<>();
    if (s instanceof Block b) {
      out.add(b.stmts);
    } else if (s instanceof If i) {
      out.add(i.then.stmts);
      if (i.els != null) {
        out.add(List.of(i.els));
      }
    } else if (s instanceof For f) {
      out.add(f.body.stmts);
    } else if (s instanceof Range r) {
      out.add(r.body.stmts);
    } else if (s instanceof Switch sw) {
      sw.cases.forEach(c -> out.add(c.body));
    } else if (s instanceof TypeSwitch ts) {
      ts.cases.forEach(c -> out.add(c.body));
    } else if (s instanceof Select sel) {
      sel.cases.forEach(c -> out.add(c.body));
    } else if (s instanceof Labeled l) {
      out.add(List.of(l.stmt));
    }
    return out;
  }

  // ---------------------------------------------------------------- held across a blocking operation

  private static void acrossBlocking(CodeIndex ix, Names names, Held h, List<CodeFinding> out) {
    List<Node> ops = new ArrayList<>();
    for (Stmt s : h.region()) {
      blockingOps(ix, names, s, ops);
    }
    if (ops.isEmpty()) {
      return;
    }
    Node op = ops.get(0);
    // surer when another function takes the same lock: the other side of the channel may need it
    boolean contended = false;
    for (Held other : held(ix)) {
      if (other.function() != h.function() && CodeIndex.last(other.lock()).equals(CodeIndex.last(h.lock()))) {
        contended = true;
      }
    }
    out.add(new CodeFinding(HELD_ACROSS_BLOCKING, CodeIndex.line(op), describe(op) + " at line " + CodeIndex.line(op) + " while "
        + h.lock() + " is held (locked at line " + CodeIndex.line(h.at()) + ")" + (contended ? "; other functions take the same lock" : "")));
  }

  private static void blockingOps(CodeIndex ix, Names names, Node n, List<Node> ops) {
    if (n instanceof FuncLit) {
      return;
    }
    if (n instanceof Select sel) {
      boolean hasDefault = sel.cases.stream().anyMatch(c -> c.comm == null);
      if (!hasDefault) {
        ops.add(sel);
      }
      sel.cases.forEach(c -> c.body.forEach(b -> blockingOps(ix, names, b, ops)));
      return;
    }
    if (n instanceof SendStmt send && !names.buffered(send.ch)) {
      ops.add(send);
    } else if (n instanceof Unary u && u.op.equals("<-")) {
      ops.add(u);
    } else if (n instanceof Call c) {
      String wg = CodeIndex.methodReceiver(c, "Wait");
      if (wg != null && names.isWaitGroup(wg)) {
        ops.add(c);
      }
    }
    CodeIndex.children(n, c -> blockingOps(ix, names, c, ops));
  }

  private static String describe(Node op) {
    if (op instanceof Select) {
      return "select without default";
    }
    if (op instanceof SendStmt s) {
      return "send on " + CodeIndex.name(s.ch);
    }
    if (op instanceof Unary u) {
      return "receive from " + CodeIndex.name(u.x);
    }
    return "WaitGroup.Wait";
  }

  // ---------------------------------------------------------------- re-entered, upgraded

  private static void reentered(CodeIndex ix, Held h, List<CodeFinding> out) {
    FuncDecl method = h.function() instanceof FuncDecl d ? d : null;
    String recv = method == null ? null : CodeIndex.receiverName(method);
    String field = recv != null && h.lock().startsWith(recv + ".") ? h.lock().substring(recv.length() + 1)
        : recv != null && h.lock().equals(recv) ? "" : null;
    boolean packageLevel = h.lock().indexOf('.') < 0 && !locals(ix, h.function()).contains(h.lock());
    List<Stmt> region = h.deferred() ? h.region() : h.region();
    for (Stmt s : region) {
      CodeFinding f = reentry(ix, h, s, field, packageLevel);
      if (f != null) {
        out.add(f);
        return;
      }
    }
  }

  private static CodeFinding reentry(CodeIndex ix, Held h, Stmt s, String field, boolean packageLevel) {
    List<CodeFinding> found = new ArrayList<>();
    ix.within(s, n -> {
      if (!found.isEmpty() || !(n instanceof Call c)) {
        return;
      }
      String again = CodeIndex.methodReceiver(c, "Lock", "RLock");
      if (again != null && again.equals(h.lock())) {
        found.add(finding(h, CodeIndex.line(c), isRLock(c), "at line " + CodeIndex.line(c)));
        return;
      }
      FuncDecl callee = ix.callee(c);
      if (callee == null || callee == h.function()) {
        return;
      }
      String calleeLock = null;
      if (field != null && CodeIndex.unparen(c.fun) instanceof Selector sel && CodeIndex.receiverName((FuncDecl) h.function()) != null
          && CodeIndex.receiverName((FuncDecl) h.function()).equals(CodeIndex.name(sel.x)) && CodeIndex.receiverName(callee) != null) {
        calleeLock = field.isEmpty() ? CodeIndex.receiverName(callee) : CodeIndex.receiverName(callee) + "." + field;
      } else if (packageLevel) {
        calleeLock = h.lock();
      }
      if (calleeLock == null) {
        return;
      }
      Call inner = lockIn(ix, callee, calleeLock, 3, new HashSet<>());
      if (inner != null) {
        found.add(finding(h, CodeIndex.line(c), isRLock(inner), "through the call at line " + CodeIndex.line(c) + " to " + callee.name
            + ", which locks it again at line " + CodeIndex.line(inner)));
      }
    });
    return found.isEmpty() ? null : found.get(0);
  }

  private static boolean isRLock(Call c) {
    return ((Selector) CodeIndex.unparen(c.fun)).sel.equals("RLock");
  }

  private static CodeFinding finding(Held h, int line, boolean innerRead, String where) {
    String outer = h.lock() + "." + (h.read() ? "RLock" : "Lock") + "() (line " + CodeIndex.line(h.at()) + ")";
    if (h.read() && !innerRead) {
      return new CodeFinding(UPGRADE, line, outer + " is held while Lock of the same RWMutex is taken " + where
          + ": a read lock cannot be upgraded, Lock waits for the reader that is itself");
    }
    if (h.read()) {
      return new CodeFinding(RLOCK_REENTERED, line, outer + " is held while RLock is taken again " + where
          + ": a writer waiting in between blocks the second RLock forever");
    }
    return new CodeFinding(REENTERED, line, outer + " is held while the same lock is taken again " + where
        + ": Go's mutexes are not re-entrant");
  }

  /** A Lock/RLock of {@code lock} in {@code f}, directly or through the methods it calls on its receiver (to {@code depth}). */
  private static Call lockIn(CodeIndex ix, FuncDecl f, String lock, int depth, Set<FuncDecl> seen) {
    if (f.body == null || !seen.add(f)) {
      return null;
    }
    List<Call> found = new ArrayList<>();
    ix.within(f.body, n -> {
      if (found.isEmpty() && n instanceof Call c && lock.equals(CodeIndex.methodReceiver(c, "Lock", "RLock"))) {
        found.add(c);
      }
    });
    if (!found.isEmpty() || depth <= 1) {
      return found.isEmpty() ? null : found.get(0);
    }
    String recv = CodeIndex.receiverName(f);
    List<Call> calls = new ArrayList<>();
    ix.within(f.body, n -> {
      if (n instanceof Call c) {
        calls.add(c);
      }
    });
    for (Call c : calls) {
      FuncDecl callee = ix.callee(c);
      if (callee != null && recv != null && CodeIndex.unparen(c.fun) instanceof Selector sel && recv.equals(CodeIndex.name(sel.x))
          && CodeIndex.receiverName(callee) != null && lock.startsWith(recv)) {
        String next = CodeIndex.receiverName(callee) + lock.substring(recv.length());
        Call inner = lockIn(ix, callee, next, depth - 1, seen);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  /** Names a function declares: parameters, receiver, := and var. */
  static Set<String> locals(CodeIndex ix, Node fn) {
    Set<String> out = new HashSet<>();
    if (fn instanceof FuncDecl d) {
      if (d.recv != null) {
        out.addAll(d.recv.names);
      }
      d.type.params.forEach(p -> out.addAll(p.names));
      d.type.results.forEach(p -> out.addAll(p.names));
    } else if (fn instanceof FuncLit l) {
      l.type.params.forEach(p -> out.addAll(p.names));
      l.type.results.forEach(p -> out.addAll(p.names));
    }
    Block body = CodeIndex.body(fn);
    if (body != null) {
      ix.within(body, n -> {
        if (n instanceof Assign a && a.op.equals(":=")) {
          a.lhs.forEach(e -> {
            if (e instanceof Ident id) {
              out.add(id.name);
            }
          });
        } else if (n instanceof Range r && r.define) {
          if (r.key instanceof Ident k) {
            out.add(k.name);
          }
          if (r.value instanceof Ident v) {
            out.add(v.name);
          }
        } else if (n instanceof ValueSpec vs) {
          out.addAll(vs.names);
        }
      });
    }
    return out;
  }

  /** {@code sync.Mutex} and the like (not a pointer): the kind, else null. */
  static String syncValue(Expr type) {
    if (type instanceof Selector s && s.x instanceof Ident p && p.name.equals("sync") && SYNC_VALUES.contains(s.sel)) {
      return s.sel;
    }
    return null;
  }
}
