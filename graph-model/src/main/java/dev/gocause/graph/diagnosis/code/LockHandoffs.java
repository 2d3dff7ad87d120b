package dev.gocause.graph.diagnosis.code;

import dev.gocause.graph.diagnosis.code.LockChecks.Held;
import dev.gocause.sim.lang.Ast.*;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Locks a helper takes and leaves to its caller: a function of the paste that locks and returns
 * with no Unlock of that lock anywhere in it, either returning the unlock ({@code return c.mu.Unlock})
 * or called by functions that unlock the same lock afterwards ({@code s := c.lockShard(k); ...;
 * s.mu.Unlock()}). The helper's return is then no lock left held; the caller's statements between
 * the call and its Unlock are, so a return among them keeps the lock.
 */
final class LockHandoffs {
  private final CodeIndex ix;
  /** Per helper: the locks it leaves held (name as written in it → taken with RLock). */
  private final Map<FuncDecl, Map<String, Boolean>> helpers = new IdentityHashMap<>();

  LockHandoffs(CodeIndex ix) {
    this.ix = ix;
    for (FuncDecl f : ix.funcs.values()) {
      if (f.body != null && !helpers.containsKey(f)) {
        Map<String, Boolean> left = leftHeld(f);
        if (!left.isEmpty()) {
          helpers.put(f, left);
        }
      }
    }
  }

  /** Locks taken in the function's own statements (not its literals) with no Unlock of them anywhere in it. */
  private Map<String, Boolean> leftHeld(FuncDecl f) {
    Map<String, Boolean> taken = new LinkedHashMap<>();
    List<String> released = new ArrayList<>();
    ix.deep(f.body, n -> {
      if (n instanceof Call c) {
        String lock = CodeIndex.methodReceiver(c, "Lock", "RLock");
        if (lock != null && ix.enclosingFunction(c) == f && ix.parent.get(c) instanceof ExprStmt) {
          taken.put(lock, ((Selector) CodeIndex.unparen(c.fun)).sel.equals("RLock"));
        }
        String unlock = CodeIndex.methodReceiver(c, "Unlock", "RUnlock");
        if (unlock != null) {
          released.add(unlock);
        }
      }
    });
    released.forEach(taken::remove);
    return taken;
  }

  /** The lock {@code h} is left for the caller to release: returned as the unlock, or unlocked by a caller. */
  boolean handedToCaller(Held h) {
    if (!(h.function() instanceof FuncDecl f) || !helpers.getOrDefault(f, Map.of()).containsKey(h.lock())) {
      return false;
    }
    boolean[] returnsUnlock = {false};
    ix.within(f.body, n -> returnsUnlock[0] |= n instanceof Return r && r.results.stream().anyMatch(e -> unlocks(e, h.lock())));
    return returnsUnlock[0] || heldAfterCalls().stream().anyMatch(c -> calls(c.at(), f));
  }

  /** {@code l.Unlock} as a method value, or a function literal calling it. */
  private boolean unlocks(Expr e, String lock) {
    boolean[] found = {false};
    ix.deep(e, n -> found[0] |= n instanceof Selector s && (s.sel.equals("Unlock") || s.sel.equals("RUnlock")) && lock.equals(CodeIndex.name(s.x)));
    return found[0];
  }

  /** Each call of a helper followed, in the caller's statement list, by an Unlock of the same lock: held in between. */
  List<Held> heldAfterCalls() {
    List<Held> out = new ArrayList<>();
    for (Node n : ix.all) {
      List<Stmt> list = n instanceof ExprStmt || n instanceof Assign ? LockChecks.list(ix.parent.get(n)) : null;
      if (list == null) {
        continue;
      }
      Stmt stmt = (Stmt) n;
      for (Map.Entry<FuncDecl, Map<String, Boolean>> helper : helpers.entrySet()) {
        if (!calls(stmt, helper.getKey())) {
          continue;
        }
        for (Map.Entry<String, Boolean> lock : helper.getValue().entrySet()) {
          Held h = unlockedLater(stmt, list, CodeIndex.last(lock.getKey()), lock.getValue());
          if (h != null) {
            out.add(h);
          }
        }
      }
    }
    return out;
  }

  private Held unlockedLater(Stmt call, List<Stmt> list, String field, boolean read) {
    String unlock = read ? "RUnlock" : "Unlock";
    int i = list.indexOf(call);
    for (int j = i + 1; j < list.size(); j++) {
      Stmt s = list.get(j);
      Call c = s instanceof ExprStmt es && CodeIndex.unparen(es.x) instanceof Call x ? x : s instanceof DeferStmt d ? d.call : null;
      String lock = c == null ? null : CodeIndex.methodReceiver(c, unlock);
      if (lock != null && field.equals(CodeIndex.last(lock))) {
        return new Held(ix.enclosingFunction(call), call, lock, read, s instanceof DeferStmt, List.copyOf(list.subList(i + 1, j)));
      }
    }
    return null;
  }

  /** The statement is a call of {@code f} (alone, or assigned). */
  private boolean calls(Stmt s, FuncDecl f) {
    Expr x = s instanceof ExprStmt es ? es.x : s instanceof Assign a && a.rhs.size() == 1 ? a.rhs.get(0) : null;
    return x != null && CodeIndex.unparen(x) instanceof Call c && ix.callee(c) == f;
  }
}
