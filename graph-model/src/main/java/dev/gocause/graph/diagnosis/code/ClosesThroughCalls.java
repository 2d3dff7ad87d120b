package dev.gocause.graph.diagnosis.code;

import dev.gocause.graph.diagnosis.code.ChannelChecks.Use;
import dev.gocause.sim.lang.Ast.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A channel closed twice along one function's run, its closes counted where they happen: a
 * {@code close(ch)} of the function itself, or a call to a function or method of the paste that
 * closes it (a {@code Stop} closing {@code s.quit}, a deferred {@code p.shutdown()}), followed by
 * another close of the same channel that nothing keeps from running: a deferred close with any
 * other, two closes in a row with no return between, a closing call in a loop, or one in a
 * goroutine the function started. Closes in exclusive branches, or under {@code Once.Do}, are fine.
 */
final class ClosesThroughCalls {
  /** How deep calls are followed from a call site into the closes they end in. */
  private static final int MAX_DEPTH = 3;

  private final CodeIndex ix;
  private final Map<FuncDecl, List<Closed>> summaries = new IdentityHashMap<>();

  /**
   * A channel a function closes, in its own terms: its {@code param}-th parameter, a field of its
   * receiver ({@code recvField}), or a key valid anywhere (package level).
   */
  private record Closed(int param, String recvField, String key, int line) {}

  /**
   * One close along a function's run: where (the close or the call), the channel's key (shared by
   * every value's field of that name), the text naming this value's channel ({@code p.quit}), and
   * how it was reached.
   */
  private record Event(Node node, Node function, String key, String ident, String how) {}

  private ClosesThroughCalls(CodeIndex ix) {
    this.ix = ix;
  }

  static void run(CodeIndex ix, List<CodeFinding> out) {
    new ClosesThroughCalls(ix).check(out);
  }

  private void check(List<CodeFinding> out) {
    Map<Node, List<Event>> byOuter = new LinkedHashMap<>();
    for (Node n : ix.all) {
      if (!(n instanceof Call c)) {
        continue;
      }
      Node fn = ix.enclosingFunction(c);
      if (fn == null || ChannelChecks.insideOnce(ix, c)) {
        continue;
      }
      List<Event> events = byOuter.computeIfAbsent(outermost(fn), k -> new ArrayList<>());
      if (CodeIndex.isCallOf(c, "close") && c.args.size() == 1) {
        String ch = CodeIndex.name(c.args.get(0));
        events.add(new Event(c, fn, ChannelChecks.use(ix, c, c.args.get(0)).key(), ch, "close(" + ch + ")"));
        continue;
      }
      FuncDecl target = closer(c, fn);
      if (target == null) {
        continue;
      }
      for (Closed cl : closes(target, 0, new HashSet<>())) {
        String how = callText(c) + " (it closes the channel at line " + cl.line() + ")";
        if (cl.param() >= 0 && cl.param() < c.args.size()) {
          Expr arg = c.args.get(cl.param());
          events.add(new Event(c, fn, ChannelChecks.use(ix, c, arg).key(), CodeIndex.name(arg), how));
        } else if (cl.recvField() != null) {
          String recv = CodeIndex.name(((Selector) CodeIndex.unparen(c.fun)).x);
          events.add(new Event(c, fn, "field:" + CodeIndex.last(cl.recvField()), recv == null ? null : recv + "." + cl.recvField(), how));
        } else if (cl.key() != null) {
          events.add(new Event(c, fn, cl.key(), cl.key(), how));
        }
      }
    }
    byOuter.values().forEach(events -> pairs(events, out));
  }

  private void pairs(List<Event> events, List<CodeFinding> out) {
    for (int i = 0; i < events.size(); i++) {
      Event a = events.get(i);
      if (a.node() instanceof Call c && !CodeIndex.isCallOf(c, "close") && ix.inLoop(a.node()) && !ChannelChecks.leavesAfter(ix, a.node())) {
        out.add(new CodeFinding(ChannelChecks.CLOSED_TWICE, CodeIndex.line(a.node()), a.how() + " at line " + CodeIndex.line(a.node())
            + " runs on every iteration of the loop at line " + CodeIndex.line(ix.enclosingLoop(a.node())) + ": the second iteration closes a closed channel"));
      }
      for (int j = i + 1; j < events.size(); j++) {
        Event b = events.get(j);
        boolean same = a.function() == b.function() ? a.ident() != null && a.ident().equals(b.ident()) : a.key().equals(b.key());
        if (same && bothRun(a, b)) {
          out.add(new CodeFinding(ChannelChecks.CLOSED_TWICE, CodeIndex.line(b.node()), a.how() + " at line " + CodeIndex.line(a.node())
              + " and " + b.how() + " at line " + CodeIndex.line(b.node()) + " close the same channel on one run: the second close panics"));
        }
      }
    }
  }

  /** Whether both closes run when the function runs: neither branch excludes the other and no return comes between. */
  private boolean bothRun(Event a, Event b) {
    if (a.function() != b.function()) {
      // a goroutine the function started closes while the function (or another goroutine of it) closes too
      return isGoroutine(a.function()) != isGoroutine(b.function()) || isGoroutine(a.function()) && isGoroutine(b.function());
    }
    Node common = commonAncestor(a.node(), b.node());
    if (common instanceof If || common instanceof Switch || common instanceof TypeSwitch || common instanceof Select) {
      return false;
    }
    boolean deferred = ix.parent.get(a.node()) instanceof DeferStmt;
    return deferred || !ChannelChecks.leavesAfter(ix, a.node());
  }

  private boolean isGoroutine(Node fn) {
    return fn instanceof FuncLit && ix.goroutineBodies.containsKey(fn);
  }

  private Node commonAncestor(Node a, Node b) {
    Set<Node> up = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node p = a; p != null; p = ix.parent.get(p)) {
      up.add(p);
    }
    for (Node p = b; p != null; p = ix.parent.get(p)) {
      if (up.contains(p)) {
        return p;
      }
    }
    return null;
  }

  private Node outermost(Node fn) {
    Node outer = fn;
    for (Node p = fn; p != null; p = ix.enclosingFunction(p)) {
      outer = p;
    }
    return outer;
  }

  /**
   * The function of the paste a call reaches when it closes something: a plain function by name, a
   * method only when its receiver's type is known to be the method's type (the caller's own
   * receiver, or a name declared, made or returned with that type), so a {@code t.Stop()} on a
   * Ticker never reaches a {@code Stop} of the paste.
   */
  private FuncDecl closer(Call c, Node caller) {
    FuncDecl target = ix.callee(c);
    if (target == null || target.body == null || target == caller) {
      return null;
    }
    if (target.recv != null) {
      String recvName = CodeIndex.name(((Selector) CodeIndex.unparen(c.fun)).x);
      String type = recvName == null ? null : typeOf(CodeIndex.last(recvName), caller);
      if (type == null || !type.equals(CodeIndex.receiverType(target))) {
        return null;
      }
    }
    return closes(target, 0, new HashSet<>()).isEmpty() ? null : target;
  }

  /** What a function closes on every call, directly or through the functions it calls. */
  private List<Closed> closes(FuncDecl f, int depth, Set<FuncDecl> seen) {
    List<Closed> known = summaries.get(f);
    if (known != null) {
      return known;
    }
    if (depth > MAX_DEPTH || !seen.add(f)) {
      return List.of();
    }
    List<String> params = new ArrayList<>();
    f.type.params.forEach(p -> params.addAll(p.names.isEmpty() ? List.of("_") : p.names));
    List<Closed> out = new ArrayList<>();
    ix.within(f.body, n -> {
      if (!(n instanceof Call c) || ChannelChecks.insideOnce(ix, c)) {
        return;
      }
      if (CodeIndex.isCallOf(c, "close") && c.args.size() == 1) {
        String name = CodeIndex.name(c.args.get(0));
        String recv = CodeIndex.receiverName(f);
        Use u = ChannelChecks.use(ix, c, c.args.get(0));
        if (name != null && params.contains(name)) {
          out.add(new Closed(params.indexOf(name), null, null, CodeIndex.line(c)));
        } else if (name != null && recv != null && name.startsWith(recv + ".")) {
          out.add(new Closed(-1, name.substring(recv.length() + 1), null, CodeIndex.line(c)));
        } else if (u.key().startsWith("pkg:")) {
          out.add(new Closed(-1, null, u.key(), CodeIndex.line(c)));
        }
      } else {
        FuncDecl g = ix.callee(c);
        if (g != null && g.body != null && (g.recv == null || c.fun instanceof Selector s && receiverOf(f, s))) {
          for (Closed inner : closes(g, depth + 1, seen)) {
            if (inner.param() < 0) {
              out.add(inner);
            }
          }
        }
      }
    });
    summaries.put(f, List.copyOf(out));
    return summaries.get(f);
  }

  /** {@code s.helper()} inside a method whose receiver is {@code s}. */
  private static boolean receiverOf(FuncDecl f, Selector s) {
    String recv = CodeIndex.receiverName(f);
    return recv != null && s.x instanceof Ident id && id.name.equals(recv);
  }

  /**
   * The struct type of the paste a name has, as far as its declarations tell (receiver, parameter,
   * var, field, {@code &T{}}, {@code T{}}, a function of the paste returning {@code T} or {@code *T});
   * null when they disagree or say nothing.
   */
  String typeOf(String name, Node from) {
    for (Node fn = from; fn != null; fn = ix.enclosingFunction(fn)) {
      if (fn instanceof FuncDecl d && name.equals(CodeIndex.receiverName(d))) {
        return CodeIndex.receiverType(d);
      }
    }
    Set<String> types = new HashSet<>();
    for (Node n : ix.all) {
      if (n instanceof Field f && f.names.contains(name)) {
        add(types, typeName(f.type));
      } else if (n instanceof ValueSpec vs && vs.names.contains(name)) {
        add(types, vs.type != null ? typeName(vs.type) : vs.values.size() == vs.names.size() ? valueType(vs.values.get(vs.names.indexOf(name))) : null);
      } else if (n instanceof Assign a && a.lhs.size() == a.rhs.size()) {
        for (int i = 0; i < a.lhs.size(); i++) {
          if (a.lhs.get(i) instanceof Ident id && id.name.equals(name)) {
            add(types, valueType(a.rhs.get(i)));
          }
        }
      }
    }
    return types.size() == 1 ? types.iterator().next() : null;
  }

  private static void add(Set<String> types, String t) {
    if (t != null) {
      types.add(t);
    }
  }

  private String valueType(Expr v) {
    Expr e = CodeIndex.unparen(v);
    if (e instanceof Unary u && u.op.equals("&")) {
      e = CodeIndex.unparen(u.x);
    }
    if (e instanceof CompositeLit cl) {
      return typeName(cl.type);
    }
    FuncDecl g = e instanceof Call c ? ix.callee(c) : null;
    if (g != null && g.recv == null && !g.type.results.isEmpty()) {
      return typeName(g.type.results.get(0).type);
    }
    return null;
  }

  private String typeName(Expr t) {
    Expr e = t instanceof Star s ? s.x : t;
    return e instanceof Ident id && ix.structs.containsKey(id.name) ? id.name : null;
  }

  private static String callText(Call c) {
    String fun = CodeIndex.name(c.fun);
    return (fun == null ? "a call" : fun) + "()";
  }
}
