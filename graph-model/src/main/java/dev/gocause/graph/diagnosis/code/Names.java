package dev.gocause.graph.diagnosis.code;

import dev.gocause.sim.lang.Ast.*;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the unit tells about its names without type-checking: which are channels (and made with
 * a buffer or not), maps, WaitGroups, Conds, and which are package-level. Keyed by the last
 * element of the name ({@code done} for {@code s.done}), since pasted code rarely type-checks.
 */
final class Names {
  /** Channel name → buffer size text ({@code "0"} unbuffered, {@code "?"} declared but not made here). */
  final Map<String, String> channels = new HashMap<>();
  final Map<String, Integer> madeAt = new HashMap<>();
  final Set<String> maps = new HashSet<>();
  final Set<String> waitGroups = new HashSet<>();
  final Set<String> conds = new HashSet<>();
  final Set<String> packageLevel = new HashSet<>();
  /** Names whose Done() is called: WaitGroups even when their declaration is not in the paste. */
  final Set<String> doneCalled = new HashSet<>();
  /** Names ever assigned with {@code =} or {@code :=} (a nil channel that is later made is not nil). */
  final Set<String> assigned = new HashSet<>();

  Names(CodeIndex ix) {
    for (Node d : ix.file.decls) {
      if (d instanceof GenDecl g && g.kind.equals("var")) {
        for (Node s : g.specs) {
          if (s instanceof ValueSpec vs) {
            packageLevel.addAll(vs.names);
          }
        }
      }
    }
    for (Node n : ix.all) {
      if (n instanceof Call c && CodeIndex.methodReceiver(c, "Done") != null) {
        doneCalled.add(CodeIndex.last(CodeIndex.methodReceiver(c, "Done")));
      }
      if (n instanceof Assign a) {
        for (int i = 0; i < a.lhs.size(); i++) {
          String name = CodeIndex.last(CodeIndex.name(a.lhs.get(i)));
          if (name == null) {
            continue;
          }
          assigned.add(name);
          if (a.rhs.size() == a.lhs.size()) {
            value(name, a.rhs.get(i), CodeIndex.line(a));
          }
        }
      } else if (n instanceof ValueSpec vs) {
        for (int i = 0; i < vs.names.size(); i++) {
          type(vs.names.get(i), vs.type);
          if (i < vs.values.size()) {
            assigned.add(vs.names.get(i));
            value(vs.names.get(i), vs.values.get(i), CodeIndex.line(vs));
          }
        }
      } else if (n instanceof Field f) {
        f.names.forEach(name -> type(name, f.type));
        if (f.names.isEmpty() && LockChecks.syncValue(f.type) != null) {
          type(((Selector) f.type).sel, f.type); // embedded: s.WaitGroup
        }
      } else if (n instanceof KeyValue kv && kv.key instanceof Ident k) {
        value(k.name, kv.value, CodeIndex.line(kv));
      }
    }
    condsByUse(ix);
  }

  /**
   * Conds whose declaration is not in the paste, told by how they are used: {@code x.Signal()} or
   * {@code x.Broadcast()} with no argument, or {@code x.Wait()} whose result is dropped, called with a
   * lock taken before it in the same function, on a name that is no WaitGroup (no Add or Done on it).
   * That is Cond's contract (Wait is called holding L); a WaitGroup, errgroup or exec.Cmd is waited
   * for without holding a lock, and the last two return an error.
   */
  private void condsByUse(CodeIndex ix) {
    Set<String> counted = new HashSet<>();
    for (Node n : ix.all) {
      if (n instanceof Call c && c.args.isEmpty()) {
        String sig = CodeIndex.methodReceiver(c, "Signal", "Broadcast");
        if (sig != null) {
          conds.add(CodeIndex.last(sig));
        }
      }
      if (n instanceof Call c && CodeIndex.methodReceiver(c, "Add") != null) {
        counted.add(CodeIndex.last(CodeIndex.methodReceiver(c, "Add")));
      }
    }
    for (Node n : ix.all) {
      if (!(n instanceof Call c) || !c.args.isEmpty() || !(ix.parent.get(c) instanceof ExprStmt)) {
        continue;
      }
      String w = CodeIndex.last(CodeIndex.methodReceiver(c, "Wait"));
      if (w == null || conds.contains(w) || waitGroups.contains(w) || doneCalled.contains(w) || counted.contains(w)) {
        continue;
      }
      Node fn = ix.enclosingFunction(c);
      Block body = CodeIndex.body(fn);
      if (body == null) {
        continue;
      }
      boolean[] locked = {false};
      ix.within(body, x -> {
        if (x instanceof Call l && l.line > 0 && l.line <= c.line && CodeIndex.methodReceiver(l, "Lock", "RLock") != null) {
          locked[0] = true;
        }
      });
      if (locked[0]) {
        conds.add(w);
      }
    }
  }

  private void value(String name, Expr v, int line) {
    String size = CodeIndex.makeChanSize(v);
    if (size != null) {
      channels.put(name, size);
      madeAt.putIfAbsent(name, line);
      return;
    }
    v = CodeIndex.unparen(v);
    if (v instanceof Call c && CodeIndex.unparen(c.fun) instanceof Ident f && f.name.equals("make") && !c.args.isEmpty()
        && c.args.get(0) instanceof MapTypeExpr) {
      maps.add(name);
    } else if (v instanceof CompositeLit cl && cl.type instanceof MapTypeExpr) {
      maps.add(name);
    } else if (CodeIndex.isPackageCall(v, "sync", "NewCond")) {
      conds.add(name);
    } else if (v instanceof Unary u && u.x instanceof CompositeLit cl && cl.type != null) {
      type(name, cl.type);
    } else if (v instanceof CompositeLit cl && cl.type != null) {
      type(name, cl.type);
    }
  }

  private void type(String name, Expr t) {
    if (t instanceof Star s) {
      t = s.x;
    }
    if (t instanceof ChanTypeExpr) {
      channels.putIfAbsent(name, "?");
    } else if (t instanceof MapTypeExpr) {
      maps.add(name);
    } else if (t instanceof Selector s && s.x instanceof Ident p && p.name.equals("sync")) {
      if (s.sel.equals("WaitGroup")) {
        waitGroups.add(name);
      } else if (s.sel.equals("Cond")) {
        conds.add(name);
      }
    }
  }

  boolean isChannel(String name) {
    return name != null && channels.containsKey(CodeIndex.last(name));
  }

  /** Made in the unit with a buffer (a send may not block). */
  boolean buffered(Expr ch) {
    String size = channels.get(CodeIndex.last(CodeIndex.name(ch)));
    return size != null && !size.equals("0") && !size.equals("?");
  }

  boolean isWaitGroup(String name) {
    String last = CodeIndex.last(name);
    return last != null && (waitGroups.contains(last) || doneCalled.contains(last));
  }

  boolean isCond(String name) {
    return name != null && conds.contains(CodeIndex.last(name));
  }

  boolean isMap(String name) {
    return name != null && maps.contains(CodeIndex.last(name));
  }

  static boolean anyNamed(List<String> names, String name) {
    return names.contains(name);
  }
}
