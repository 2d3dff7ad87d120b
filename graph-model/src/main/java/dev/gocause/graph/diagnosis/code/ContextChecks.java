package dev.gocause.graph.diagnosis.code;

import dev.gocause.sim.lang.Ast.*;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A function or goroutine that has a context (a {@code context.Context} parameter, or one its
 * goroutine literal captures) and waits without ever looking at it: a channel operation outside a
 * select, a select, {@code time.Sleep} or an endless loop, and no {@code ctx.Done()}, {@code
 * ctx.Err()} nor a callee given the context. Cancelling the context stops nothing there.
 */
final class ContextChecks {
  static final String IGNORED = "code-goroutine-ignores-context";
  static final String CANCEL_DISCARDED = "code-context-cancel-discarded";

  /**
   * What derives a context that can be cancelled: the first result of these is one. (Background
   * and TODO are never cancelled: a goroutine that ignores them loses nothing.)
   */
  private static final String[] CONTEXT_MAKERS = {"WithCancel", "WithTimeout", "WithDeadline", "WithValue", "WithCancelCause"};

  private ContextChecks() {}

  static void run(CodeIndex ix, Names names, List<CodeFinding> out) {
    cancelDiscarded(ix, out);
    for (Node fn : ix.functions) {
      Block body = CodeIndex.body(fn);
      if (body == null) {
        continue;
      }
      Set<String> contexts = new LinkedHashSet<>();
      FuncTypeExpr type = fn instanceof FuncDecl d ? d.type : ((FuncLit) fn).type;
      contextParams(type, contexts);
      boolean own = !contexts.isEmpty();
      if (!own && fn instanceof FuncLit && ix.goroutineBodies.containsKey(fn)) {
        for (Node outer = ix.enclosingFunction(fn); outer != null; outer = ix.enclosingFunction(outer)) {
          contextsIn(ix, outer, contexts);
        }
      }
      if (contexts.isEmpty() || consults(ix, body, contexts)) {
        continue;
      }
      Node wait = firstWait(ix, names, body);
      if (wait == null) {
        continue;
      }
      String started = ix.goroutineBodies.containsKey(fn) ? "started as a goroutine at line " + CodeIndex.line(ix.goroutineBodies.get(fn)) : null;
      String who = fn instanceof FuncDecl d ? d.name + (started == null ? "" : " (" + started + ")")
          : started != null ? "the goroutine literal " + started : "the function literal at line " + CodeIndex.line(fn);
      String ctx = contexts.iterator().next();
      out.add(new CodeFinding(IGNORED, CodeIndex.line(wait), who + (own ? " takes " : " can see ") + ctx
          + " but never looks at it (no " + ctx + ".Done(), no " + ctx + ".Err(), not passed on): " + describe(wait) + " at line "
          + CodeIndex.line(wait) + " goes on after the context is cancelled"));
    }
  }

  private static boolean isContextType(Expr t) {
    return CodeIndex.unparen(t) instanceof Selector s && s.sel.equals("Context") && CodeIndex.unparen(s.x) instanceof Ident p
        && p.name.equals("context");
  }

  private static void contextParams(FuncTypeExpr type, Set<String> out) {
    for (Field p : type.params) {
      if (isContextType(p.type)) {
        p.names.stream().filter(n -> !n.equals("_")).forEach(out::add);
      }
    }
  }

  /** The contexts a function has: parameters, and variables it makes with the context package. */
  private static void contextsIn(CodeIndex ix, Node fn, Set<String> out) {
    contextParams(fn instanceof FuncDecl d ? d.type : ((FuncLit) fn).type, out);
    Block body = CodeIndex.body(fn);
    if (body == null) {
      return;
    }
    ix.within(body, n -> {
      if (n instanceof Assign a && !a.lhs.isEmpty() && a.rhs.size() == 1 && CodeIndex.isPackageCall(a.rhs.get(0), "context", CONTEXT_MAKERS)
          && a.lhs.get(0) instanceof Ident id && !id.name.equals("_")) {
        out.add(id.name);
      } else if (n instanceof ValueSpec vs && isContextType(vs.type)) {
        out.addAll(vs.names);
      }
    });
  }

  /** Any use of the context but reading a value from it: Done, Err, Deadline, or handing it to a callee. */
  private static boolean consults(CodeIndex ix, Block body, Set<String> contexts) {
    boolean[] found = {false};
    ix.deep(body, n -> {
      if (!found[0] && n instanceof Ident id && contexts.contains(id.name)
          && !(ix.parent.get(n) instanceof Selector s && s.x == n && s.sel.equals("Value"))) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /**
   * The first operation in the body (not in literals it contains) that waits with no end the
   * context could bring; an endless loop only when nothing in it waits.
   */
  private static Node firstWait(CodeIndex ix, Names names, Block body) {
    Node[] op = {null};
    Node[] loop = {null};
    ix.within(body, n -> {
      if (op[0] == null && (n instanceof ExprStmt es && CodeIndex.isPackageCall(es.x, "time", "Sleep")
          || n instanceof Select sel && sel.cases.stream().noneMatch(c -> c.comm == null)
          || n instanceof SendStmt send && !inSelectCase(ix, send) && !names.buffered(send.ch)
          || n instanceof Unary u && u.op.equals("<-") && !inSelectCase(ix, u))) {
        op[0] = n;
      } else if (loop[0] == null && n instanceof For f && f.cond == null && !ix.hasWayOut(f)) {
        loop[0] = n;
      }
    });
    return op[0] != null ? op[0] : loop[0];
  }

  private static boolean inSelectCase(CodeIndex ix, Node n) {
    for (Node p = ix.parent.get(n); p != null; p = ix.parent.get(p)) {
      if (p instanceof CommClause cc) {
        return cc.comm != null && ix.isAncestor(cc.comm, n);
      }
      if (p instanceof FuncLit || p instanceof FuncDecl) {
        return false;
      }
    }
    return false;
  }

  private static String describe(Node n) {
    if (n instanceof ExprStmt) {
      return "time.Sleep";
    }
    if (n instanceof Select) {
      return "the select";
    }
    if (n instanceof SendStmt s) {
      return "the send on " + CodeIndex.name(s.ch);
    }
    if (n instanceof Unary u) {
      return "the receive from " + CodeIndex.name(u.x);
    }
    return "the endless loop";
  }

  /**
   * {@code ctx, _ := context.WithTimeout(...)}: the cancel function is thrown away, so nothing
   * releases the context's timer and its children before the deadline (or ever, for WithCancel).
   */
  private static void cancelDiscarded(CodeIndex ix, List<CodeFinding> out) {
    for (Node n : ix.all) {
      if (n instanceof Assign a && a.lhs.size() == 2 && a.rhs.size() == 1 && a.lhs.get(1) instanceof Ident id && id.name.equals("_")
          && CodeIndex.isPackageCall(a.rhs.get(0), "context", "WithCancel", "WithTimeout", "WithDeadline", "WithCancelCause")) {
        out.add(new CodeFinding(CANCEL_DISCARDED, CodeIndex.line(a), "the cancel function of the context made at line " + CodeIndex.line(a)
            + " is assigned to _: nobody can call it, so the context and what it holds stay until its deadline, or for good"));
      }
    }
  }
}
