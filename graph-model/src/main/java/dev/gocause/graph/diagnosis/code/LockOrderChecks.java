package dev.gocause.graph.diagnosis.code;

import dev.gocause.graph.diagnosis.code.LockChecks.Held;
import dev.gocause.sim.lang.Ast.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two locks taken one inside the other in an order a second caller can reverse: the same field of
 * two parameters of one type ({@code from.mu} then {@code to.mu}: {@code transfer(a, b)} and
 * {@code transfer(b, a)} at once wait for each other), or two locks nested in one order in one
 * function and in the other order in another. A function that orders its parameters first (assigns
 * them before locking) is fine.
 */
final class LockOrderChecks {
  static final String ORDER = "code-locks-nested-in-either-order";

  /** One lock taken while another is held. */
  private record Nested(Node function, String outer, String inner, Call at) {}

  private LockOrderChecks() {}

  static void run(CodeIndex ix, List<CodeFinding> out) {
    List<Nested> nested = new ArrayList<>();
    for (Held h : LockChecks.held(ix)) {
      for (Stmt s : h.region()) {
        ix.within(s, n -> {
          String inner = n instanceof Call c && ix.parent.get(c) instanceof ExprStmt ? CodeIndex.methodReceiver(c, "Lock", "RLock") : null;
          if (inner != null && !inner.equals(h.lock())) {
            nested.add(new Nested(h.function(), h.lock(), inner, (Call) n));
          }
        });
      }
    }
    for (Nested n : nested) {
      if (byArgumentOrder(ix, n)) {
        out.add(new CodeFinding(ORDER, CodeIndex.line(n.at()), n.inner() + " is locked at line " + CodeIndex.line(n.at()) + " while "
            + n.outer() + " is held: both are the same lock of two arguments of one type, so a call with the arguments the other"
            + " way round takes them in the opposite order, and the two calls can wait for each other"));
        continue;
      }
      for (Nested m : nested) {
        if (m.outer().equals(n.inner()) && m.inner().equals(n.outer()) && m.function() != n.function()) {
          out.add(new CodeFinding(ORDER, CodeIndex.line(n.at()), n.inner() + " is locked at line " + CodeIndex.line(n.at()) + " under "
              + n.outer() + ", and " + m.inner() + " at line " + CodeIndex.line(m.at()) + " under " + m.outer()
              + ": the two functions take the locks in opposite orders and can wait for each other"));
          break;
        }
      }
    }
  }

  /** {@code a.mu} then {@code b.mu}, a and b two parameters (or receiver and parameter) of one type, not reordered first. */
  private static boolean byArgumentOrder(CodeIndex ix, Nested n) {
    String[] outer = n.outer().split("\\.");
    String[] inner = n.inner().split("\\.");
    if (outer.length != 2 || inner.length != 2 || !outer[1].equals(inner[1]) || outer[0].equals(inner[0])
        || !(n.function() instanceof FuncDecl f)) {
      return false;
    }
    Map<String, String> types = new HashMap<>();
    if (f.recv != null) {
      f.recv.names.forEach(r -> types.put(r, CodeIndex.receiverType(f)));
    }
    f.type.params.forEach(p -> p.names.forEach(name -> types.put(name, typeName(p.type))));
    String a = types.get(outer[0]);
    String b = types.get(inner[0]);
    if (a == null || !a.equals(b)) {
      return false;
    }
    boolean[] reordered = {false};
    ix.within(f.body, x -> reordered[0] |= x instanceof Assign as && as.lhs.stream()
        .anyMatch(l -> l instanceof Ident id && (id.name.equals(outer[0]) || id.name.equals(inner[0]))));
    return !reordered[0];
  }

  private static String typeName(Expr t) {
    Expr e = t instanceof Star s ? s.x : t;
    return e instanceof Ident id ? id.name : e instanceof Selector s ? CodeIndex.name(s) : null;
  }
}
