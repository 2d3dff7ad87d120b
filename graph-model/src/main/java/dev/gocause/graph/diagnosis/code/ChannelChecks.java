package dev.gocause.graph.diagnosis.code;

import dev.gocause.sim.lang.Ast.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks on channels: a range over a channel nobody closes, a channel closed more than once or
 * while others may still send, a result channel whose receiver can leave early, and a channel
 * that is never made.
 */
final class ChannelChecks {
  static final String RANGE_NEVER_CLOSED = "code-range-over-channel-never-closed";
  static final String CLOSED_TWICE = "code-channel-closed-more-than-once";
  static final String SEND_AFTER_CLOSE = "code-send-possible-after-close";
  static final String RESULT_OUTLIVES = "code-result-send-can-outlive-receiver";
  static final String NIL_CHANNEL = "code-nil-channel-used";
  static final String NIL_CHANNEL_IN_SELECT = "code-nil-channel-in-select";
  static final String WAIT_BEFORE_DRAIN = "code-wait-before-results-drained";

  private static final Set<String> BUILTINS = Set.of("len", "cap", "print", "println", "close");

  private ChannelChecks() {}

  /** Where a channel is used: the node, its function and the key telling channels apart. */
  record Use(Node node, Node function, String key) {}

  static void run(CodeIndex ix, Names names, List<CodeFinding> out) {
    List<Use> closes = new ArrayList<>();
    List<Use> sends = new ArrayList<>();
    for (Node n : ix.all) {
      if (n instanceof Call c && CodeIndex.isCallOf(c, "close") && c.args.size() == 1 && !insideOnce(ix, c)) {
        closes.add(use(ix, c, c.args.get(0)));
      } else if (n instanceof SendStmt s) {
        sends.add(use(ix, s, s.ch));
      }
    }
    rangeNeverClosed(ix, names, closes, sends, out);
    closedTwice(ix, closes, out);
    sendAfterClose(ix, names, closes, sends, out);
    resultOutlives(ix, names, sends, out);
    nilChannels(ix, names, out);
    waitBeforeDrain(ix, names, sends, out);
  }

  /**
   * {@code wg.Wait()} in a function, before that same function receives from (or ranges over) an
   * unbuffered channel that goroutines it started send on and whose bodies call {@code wg.Done()}:
   * the senders block until someone receives, so Done never runs and Wait never returns. Waiting in
   * a goroutine of its own (then closing the channel) is the fix and does not fire.
   */
  private static void waitBeforeDrain(CodeIndex ix, Names names, List<Use> sends, List<CodeFinding> out) {
    for (Node n : ix.all) {
      if (!(n instanceof Call wait) || wait.args.size() != 0) {
        continue;
      }
      String wg = CodeIndex.methodReceiver(wait, "Wait");
      Node fn = ix.enclosingFunction(wait);
      if (wg == null || fn == null || !names.isWaitGroup(wg) || ix.goroutineBodies.containsKey(fn)) {
        continue;
      }
      for (Use send : sends) {
        SendStmt s = (SendStmt) send.node();
        GoStmt started = ix.goroutineBodies.get(send.function());
        if (started == null || ix.enclosingFunction(started) != fn || names.buffered(s.ch) || !callsDone(ix, send.function(), wg)) {
          continue;
        }
        String ch = CodeIndex.name(s.ch);
        Node drain = receiveAfter(ix, fn, ch, CodeIndex.line(wait));
        if (ch != null && drain != null) {
          out.add(new CodeFinding(WAIT_BEFORE_DRAIN, CodeIndex.line(wait), wg + ".Wait() at line " + CodeIndex.line(wait)
              + " waits for the goroutine started at line " + CodeIndex.line(started) + ", which first sends on unbuffered " + ch
              + " (line " + CodeIndex.line(s) + "); that channel is only received from at line " + CodeIndex.line(drain)
              + ", after Wait: neither can proceed (wait in a goroutine and close " + ch + ", or receive first)"));
          break;
        }
      }
    }
  }

  private static boolean callsDone(CodeIndex ix, Node body, String wg) {
    boolean[] found = {false};
    ix.within(body, x -> found[0] |= x instanceof Call c && wg.equals(CodeIndex.methodReceiver(c, "Done")));
    return found[0];
  }

  /** A receive from or range over {@code ch} in {@code fn} itself (not in a goroutine of it), after {@code line}. */
  private static Node receiveAfter(CodeIndex ix, Node fn, String ch, int line) {
    Node[] found = {null};
    ix.within(fn, x -> {
      if (found[0] != null || CodeIndex.line(x) <= line || ix.enclosingFunction(x) != fn) {
        return;
      }
      if (x instanceof Unary u && u.op.equals("<-") && ch.equals(CodeIndex.name(u.x)) || x instanceof Range r && ch.equals(CodeIndex.name(r.x))) {
        found[0] = x;
      }
    });
    return found[0];
  }

  /**
   * Channels are told apart by name: a field ({@code s.done}) or package-level variable is the same
   * channel everywhere; a local or parameter only within its outermost function.
   */
  /**
   * When {@code name} is a parameter of a goroutine body (a function literal or declared function a go
   * statement starts) that its body never reassigns, the argument the go statement passes for it.
   */
  private static Expr argumentFor(CodeIndex ix, Node fn, String name) {
    GoStmt g = fn == null ? null : ix.goroutineBodies.get(fn);
    FuncTypeExpr type = fn instanceof FuncDecl d ? d.type : fn instanceof FuncLit l ? l.type : null;
    if (g == null || type == null || name.indexOf('.') >= 0 || ix.isAncestor(fn, g)) {
      return null; // (a function starting itself passes its own parameter: nothing to follow)
    }
    int i = 0;
    for (Field f : type.params) {
      for (String p : f.names) {
        if (p.equals(name)) {
          return i < g.call.args.size() && !reassigned(ix, fn, name) ? g.call.args.get(i) : null;
        }
        i++;
      }
      if (f.names.isEmpty()) {
        i++;
      }
    }
    return null;
  }

  private static boolean reassigned(CodeIndex ix, Node fn, String name) {
    boolean[] found = {false};
    ix.within(CodeIndex.body(fn), n -> {
      if (n instanceof Assign a && a.lhs.stream().anyMatch(e -> e instanceof Ident id && id.name.equals(name))) {
        found[0] = true;
      }
    });
    return found[0];
  }

  static Use use(CodeIndex ix, Node n, Expr ch) {
    String name = CodeIndex.name(ch);
    Node fn = ix.enclosingFunction(n);
    Expr passed = name == null ? null : argumentFor(ix, fn, name);
    if (passed != null) {
      // the goroutine's parameter is the channel its go statement passed: one channel, one key
      return new Use(n, fn, use(ix, ix.goroutineBodies.get(fn), passed).key());
    }
    if (name == null) {
      return new Use(n, fn, "?" + System.identityHashCode(n));
    }
    if (name.indexOf('.') >= 0) {
      return new Use(n, fn, "field:" + CodeIndex.last(name));
    }
    Node outer = fn;
    for (Node p = fn; p != null; p = ix.enclosingFunction(p)) {
      outer = p;
    }
    boolean packageLevel = true;
    for (Node p = fn; p != null; p = ix.enclosingFunction(p)) {
      if (LockChecks.locals(ix, p).contains(name)) {
        packageLevel = false;
      }
    }
    return new Use(n, fn, packageLevel ? "pkg:" + name : "local:" + System.identityHashCode(outer) + ":" + name);
  }

  static boolean insideOnce(CodeIndex ix, Call c) {
    for (Node p = ix.parent.get(c); p != null; p = ix.parent.get(p)) {
      if (p instanceof FuncLit lit && ix.parent.get(lit) instanceof Call outer && CodeIndex.methodReceiver(outer, "Do") != null) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- range over a channel nobody closes

  private static void rangeNeverClosed(CodeIndex ix, Names names, List<Use> closes, List<Use> sends, List<CodeFinding> out) {
    Set<String> timers = new HashSet<>();
    for (Node n : ix.all) {
      if (n instanceof Assign a && a.lhs.size() == 1 && a.rhs.size() == 1 && CodeIndex.isPackageCall(a.rhs.get(0), "time", "NewTicker", "NewTimer")) {
        timers.add(CodeIndex.last(CodeIndex.name(a.lhs.get(0))));
      }
    }
    for (Node n : ix.all) {
      if (!(n instanceof Range r)) {
        continue;
      }
      // a Ticker's or Timer's C (or time.Tick's channel) is never closed: Stop only stops the sends
      if (CodeIndex.unparen(r.x) instanceof Selector sel && sel.sel.equals("C") && timers.contains(CodeIndex.last(CodeIndex.name(sel.x)))
          || CodeIndex.isPackageCall(r.x, "time", "Tick")) {
        out.add(new CodeFinding(RANGE_NEVER_CLOSED, CodeIndex.line(r), "range over the timer channel " + CodeIndex.name(r.x) + " at line "
            + CodeIndex.line(r) + " never ends: Stop does not close it, so the loop waits forever"));
        continue;
      }
      String ch = CodeIndex.name(r.x);
      String size = ch == null ? null : names.channels.get(CodeIndex.last(ch));
      if (size == null || size.equals("?")) {
        continue; // only channels made in this code: of others we cannot see the owner
      }
      Set<String> aliases = aliases(ix, ch);
      if (aliases == null) {
        continue;
      }
      boolean closed = closes.stream().anyMatch(u -> aliases.contains(CodeIndex.last(CodeIndex.name(((Call) u.node()).args.get(0)))));
      boolean sent = sends.stream().anyMatch(u -> aliases.contains(CodeIndex.last(CodeIndex.name(((SendStmt) u.node()).ch))));
      if (!closed && sent) {
        out.add(new CodeFinding(RANGE_NEVER_CLOSED, CodeIndex.line(r), "range over " + ch + " at line " + CodeIndex.line(r)
            + " ends only when the channel is closed, and no close(" + CodeIndex.last(ch) + ") exists on any path"));
      }
    }
  }

  /**
   * The names a channel goes by: its own, and the parameters of this code's functions it is passed
   * to; null when it is passed to a function we do not see or returned (its owner is elsewhere).
   */
  private static Set<String> aliases(CodeIndex ix, String ch) {
    Set<String> out = new HashSet<>();
    out.add(CodeIndex.last(ch));
    for (int round = 0; round < 3; round++) {
      for (Node n : ix.all) {
        if (n instanceof Return ret && ret.results.stream().anyMatch(e -> out.contains(CodeIndex.last(CodeIndex.name(e))))) {
          return null;
        }
        if (!(n instanceof Call c)) {
          continue;
        }
        for (int i = 0; i < c.args.size(); i++) {
          if (!out.contains(CodeIndex.last(CodeIndex.name(c.args.get(i))))) {
            continue;
          }
          if (CodeIndex.unparen(c.fun) instanceof Ident b && BUILTINS.contains(b.name)) {
            continue;
          }
          FuncDecl f = ix.callee(c);
          FuncTypeExpr type = f != null ? f.type : CodeIndex.unparen(c.fun) instanceof FuncLit lit ? lit.type : null;
          if (type == null) {
            return null;
          }
          List<String> params = new ArrayList<>();
          type.params.forEach(p -> params.addAll(p.names.isEmpty() ? List.of("_") : p.names));
          if (i < params.size()) {
            out.add(params.get(i));
          }
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- closed more than once

  private static void closedTwice(CodeIndex ix, List<Use> closes, List<CodeFinding> out) {
    Map<String, List<Use>> byKey = new LinkedHashMap<>();
    closes.forEach(u -> byKey.computeIfAbsent(u.key(), k -> new ArrayList<>()).add(u));
    for (List<Use> sites : byKey.values()) {
      Set<Node> functions = new HashSet<>();
      sites.forEach(u -> functions.add(u.function()));
      Use first = sites.get(0);
      String ch = CodeIndex.name(((Call) first.node()).args.get(0));
      if (functions.size() > 1) {
        Use second = sites.get(1);
        out.add(new CodeFinding(CLOSED_TWICE, CodeIndex.line(second.node()), "close(" + ch + ") at lines " + CodeIndex.line(first.node())
            + " and " + CodeIndex.line(second.node()) + " in different functions: whichever runs second panics"));
        continue;
      }
      for (Use u : sites) {
        if (ix.goroutineBodies.containsKey(u.function()) && ix.startedManyTimes(u.function())) {
          out.add(new CodeFinding(CLOSED_TWICE, CodeIndex.line(u.node()), "close(" + ch + ") at line " + CodeIndex.line(u.node())
              + " runs in every one of the goroutines started at line " + CodeIndex.line(ix.goroutineBodies.get(u.function()))
              + ": the second one to get there panics"));
          break;
        }
        Stmt loop = ix.enclosingLoop(u.node());
        if (loop != null && !leavesAfter(ix, u.node())) {
          out.add(new CodeFinding(CLOSED_TWICE, CodeIndex.line(u.node()), "close(" + ch + ") at line " + CodeIndex.line(u.node())
              + " is inside the loop at line " + CodeIndex.line(loop) + " with no return or break after it"));
          break;
        }
      }
    }
  }

  /** The statement list holding a close also returns or breaks right after it. */
  static boolean leavesAfter(CodeIndex ix, Node close) {
    Node stmt = ix.parent.get(close);
    if (stmt instanceof DeferStmt) {
      return true;
    }
    List<Stmt> list = LockChecks.list(ix.parent.get(stmt));
    if (list == null) {
      return false;
    }
    for (int i = list.indexOf(stmt) + 1; i < list.size(); i++) {
      if (list.get(i) instanceof Return || list.get(i) instanceof Branch b && b.tok.equals("break")) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- send possible after close

  private static void sendAfterClose(CodeIndex ix, Names names, List<Use> closes, List<Use> sends, List<CodeFinding> out) {
    for (Use c : closes) {
      List<Use> others = sends.stream()
          .filter(s -> s.key().equals(c.key()) && s.function() != c.function() && ix.goroutineBodies.containsKey(s.function()))
          .toList();
      if (others.isEmpty() || waitsBefore(ix, names, c)) {
        continue;
      }
      Use s = others.get(0);
      String ch = CodeIndex.name(((Call) c.node()).args.get(0));
      out.add(new CodeFinding(SEND_AFTER_CLOSE, CodeIndex.line(c.node()), "close(" + ch + ") at line " + CodeIndex.line(c.node())
          + " while the goroutine started at line " + CodeIndex.line(ix.goroutineBodies.get(s.function())) + " may still send on it (line "
          + CodeIndex.line(s.node()) + "); nothing waits for the senders first"));
    }
  }

  /** The closing function waits (WaitGroup.Wait, or a receive) for the senders before it closes. */
  private static boolean waitsBefore(CodeIndex ix, Names names, Use close) {
    Block body = CodeIndex.body(close.function());
    if (body == null) {
      return false;
    }
    int line = CodeIndex.line(close.node());
    boolean[] waits = {false};
    ix.within(body, n -> {
      if (n.line <= line && n instanceof Call c && CodeIndex.methodReceiver(c, "Wait") != null
          && !names.isCond(CodeIndex.methodReceiver(c, "Wait"))) {
        waits[0] = true;
      }
    });
    return waits[0];
  }

  // ---------------------------------------------------------------- result channel, receiver leaves early

  private static void resultOutlives(CodeIndex ix, Names names, List<Use> sends, List<CodeFinding> out) {
    for (Node n : ix.all) {
      if (!(n instanceof Select sel)) {
        continue;
      }
      Node fn = ix.enclosingFunction(sel);
      for (CommClause cc : sel.cases) {
        String ch = received(cc.comm);
        if (ch == null || !"0".equals(names.channels.get(CodeIndex.last(ch)))) {
          continue;
        }
        boolean otherCaseLeaves = sel.cases.stream().anyMatch(o -> o != cc && (o.comm == null || leaves(o)))
            || ix.enclosingLoop(sel) == null && sel.cases.size() > 1;
        if (!otherCaseLeaves) {
          continue;
        }
        Use sender = null;
        for (Use s : sends) {
          if (CodeIndex.last(CodeIndex.name(((SendStmt) s.node()).ch)).equals(CodeIndex.last(ch)) && s.function() != fn
              && ix.goroutineBodies.containsKey(s.function())) {
            sender = s;
            break;
          }
        }
        if (sender != null) {
          out.add(new CodeFinding(RESULT_OUTLIVES, CodeIndex.line(sender.node()), "the send on unbuffered " + ch + " at line "
              + CodeIndex.line(sender.node()) + " blocks forever once the select at line " + CodeIndex.line(sel)
              + " has taken another case: the goroutine leaks (make the channel buffered, size 1)"));
          return;
        }
      }
    }
  }

  private static String received(Stmt comm) {
    Expr e = null;
    if (comm instanceof ExprStmt es) {
      e = es.x;
    } else if (comm instanceof Assign a && a.rhs.size() == 1) {
      e = a.rhs.get(0);
    }
    return CodeIndex.unparen(e) instanceof Unary u && u.op.equals("<-") ? CodeIndex.name(u.x) : null;
  }

  private static boolean leaves(CommClause cc) {
    for (Stmt s : cc.body) {
      if (s instanceof Return || s instanceof Branch) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- nil channel

  private static void nilChannels(CodeIndex ix, Names names, List<CodeFinding> out) {
    Set<String> declaredNil = new HashSet<>();
    for (Node n : ix.all) {
      if (n instanceof ValueSpec vs && vs.type instanceof ChanTypeExpr && vs.values.isEmpty()) {
        vs.names.forEach(name -> {
          if (!names.assigned.contains(name)) {
            declaredNil.add(name);
          }
        });
      }
    }
    if (declaredNil.isEmpty()) {
      return;
    }
    for (Node n : ix.all) {
      Expr ch = n instanceof SendStmt s ? s.ch : n instanceof Unary u && u.op.equals("<-") ? u.x : n instanceof Range r ? r.x : null;
      if (ch instanceof Ident id && declaredNil.contains(id.name)) {
        if (selectCase(ix, n)) {
          out.add(new CodeFinding(NIL_CHANNEL_IN_SELECT, CodeIndex.line(n), id.name + " is declared (var " + id.name + " chan ...) but never made: "
              + "the select case at line " + CodeIndex.line(n) + " on a nil channel is never chosen"));
        } else {
          out.add(new CodeFinding(NIL_CHANNEL, CodeIndex.line(n), id.name + " is declared (var " + id.name + " chan ...) but never made: "
              + "the operation at line " + CodeIndex.line(n) + " on a nil channel blocks forever"));
        }
        return;
      }
    }
  }

  /** Whether a send or receive is the communication of a select case (a case on a nil channel is never ready). */
  private static boolean selectCase(CodeIndex ix, Node op) {
    Node stmt = op instanceof SendStmt ? op : ix.parent.get(op);
    return stmt != null && ix.parent.get(stmt) instanceof CommClause cc && cc.comm == stmt;
  }
}
