package dev.gocause.graph.diagnosis.code;

import dev.gocause.sim.lang.Ast.*;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A variable the paste updates with {@code sync/atomic} ({@code atomic.AddInt64(&n, 1)}) and also
 * reads or writes plainly ({@code if n > 40}, {@code n = 0}) while goroutines run: the plain access
 * is not atomic and races with the atomic ones. One made after a {@code Wait} in its function is
 * ordered after the goroutines and does not fire.
 */
final class AtomicChecks {
  static final String PLAIN_ACCESS = "code-atomic-variable-accessed-plainly";

  private AtomicChecks() {}

  static void run(CodeIndex ix, List<CodeFinding> out) {
    if (ix.goroutineBodies.isEmpty()) {
      return;
    }
    Map<String, Node> atomics = new LinkedHashMap<>();
    for (Node n : ix.all) {
      if (n instanceof Call c && atomicCall(c) && !c.args.isEmpty() && CodeIndex.unparen(c.args.get(0)) instanceof Unary u
          && u.op.equals("&") && CodeIndex.name(u.x) != null) {
        atomics.putIfAbsent(CodeIndex.name(u.x), c);
      }
    }
    for (Node n : ix.all) {
      String name = n instanceof Ident || n instanceof Selector ? CodeIndex.name((Expr) n) : null;
      Node atomicSite = name == null ? null : atomics.get(name);
      if (atomicSite == null || ix.parent.get(n) instanceof Selector || passedByAddress(ix, n) || afterWait(ix, n)) {
        continue;
      }
      out.add(new CodeFinding(PLAIN_ACCESS, CodeIndex.line(n), name + " is accessed plainly at line " + CodeIndex.line(n)
          + " while it is updated with sync/atomic at line " + CodeIndex.line(atomicSite)
          + ": a plain read or write is not atomic and races with the goroutines' atomic updates"));
      atomics.remove(name);
    }
  }

  private static boolean atomicCall(Call c) {
    if (!(CodeIndex.unparen(c.fun) instanceof Selector s) || !(CodeIndex.unparen(s.x) instanceof Ident p) || !p.name.equals("atomic")) {
      return false;
    }
    return s.sel.startsWith("Add") || s.sel.startsWith("Load") || s.sel.startsWith("Store") || s.sel.startsWith("Swap")
        || s.sel.startsWith("CompareAndSwap");
  }

  /** {@code &n}: handed to an atomic function (or anything else that takes the address), not read here. */
  private static boolean passedByAddress(CodeIndex ix, Node n) {
    return ix.parent.get(n) instanceof Unary u && u.op.equals("&");
  }

  /** A statement before this one, in its list or an enclosing list of the same function, calls {@code X.Wait()}. */
  private static boolean afterWait(CodeIndex ix, Node n) {
    Node c = n;
    for (Node p = ix.parent.get(n); p != null && !(p instanceof FuncDecl) && !(p instanceof FuncLit); c = p, p = ix.parent.get(p)) {
      List<Stmt> list = LockChecks.list(p);
      if (list != null && c instanceof Stmt s) {
        for (Stmt before : list.subList(0, Math.max(0, list.indexOf(s)))) {
          if (before instanceof ExprStmt es && CodeIndex.unparen(es.x) instanceof Call call && CodeIndex.methodReceiver(call, "Wait") != null) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
