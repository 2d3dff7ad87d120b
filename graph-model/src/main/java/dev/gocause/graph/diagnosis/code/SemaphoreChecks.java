package dev.gocause.graph.diagnosis.code;

import dev.gocause.sim.lang.Ast.*;
import java.util.List;

/**
 * A buffered channel used as a counting semaphore: a function sends into it (takes a token) and,
 * later in the same statement list, receives from it (gives the token back). A return or panic
 * between the two that does not pass the receive keeps the token for good; once the channel's
 * capacity is lost that way, every later send blocks. A deferred release is the fix and does not
 * fire; a channel made unbuffered is no semaphore.
 */
final class SemaphoreChecks {
  static final String TOKEN_KEPT = "code-semaphore-token-kept-on-return";

  private SemaphoreChecks() {}

  static void run(CodeIndex ix, Names names, List<CodeFinding> out) {
    for (Node n : ix.all) {
      if (!(n instanceof SendStmt send)) {
        continue;
      }
      String ch = CodeIndex.name(send.ch);
      List<Stmt> list = LockChecks.list(ix.parent.get(send));
      if (ch == null || list == null || "0".equals(names.channels.get(CodeIndex.last(ch)))) {
        continue;
      }
      List<Stmt> after = list.subList(list.indexOf(send) + 1, list.size());
      int release = -1;
      for (int i = 0; i < after.size() && release < 0; i++) {
        if (after.get(i) instanceof DeferStmt d && receivesFrom(ix, d.call, ch)) {
          break;
        }
        if (isReceive(after.get(i), ch)) {
          release = i;
        }
      }
      if (release < 0) {
        continue;
      }
      Stmt exit = LockChecks.firstExit(after.subList(0, release), s -> isReceive(s, ch));
      if (exit != null) {
        out.add(new CodeFinding(TOKEN_KEPT, CodeIndex.line(exit), (exit instanceof Return ? "return" : "panic") + " at line "
            + CodeIndex.line(exit) + " keeps the token sent to " + ch + " at line " + CodeIndex.line(send) + ": the <-" + ch
            + " at line " + CodeIndex.line(after.get(release)) + " never runs on that path, so " + ch
            + " has one free slot less each time, and once none is left every send to it blocks"));
      }
    }
  }

  /** {@code <-ch} as a statement, or assigned ({@code _ = <-ch}, {@code v := <-ch}). */
  private static boolean isReceive(Stmt s, String ch) {
    Expr x = s instanceof ExprStmt es ? es.x : s instanceof Assign a && a.rhs.size() == 1 ? a.rhs.get(0) : null;
    return x != null && CodeIndex.unparen(x) instanceof Unary u && u.op.equals("<-") && ch.equals(CodeIndex.name(u.x));
  }

  /** A deferred call whose function literal receives from {@code ch} (the token goes back on every path). */
  private static boolean receivesFrom(CodeIndex ix, Call call, String ch) {
    boolean[] found = {false};
    ix.deep(call, x -> found[0] |= x instanceof Unary u && u.op.equals("<-") && ch.equals(CodeIndex.name(u.x)));
    return found[0];
  }
}
