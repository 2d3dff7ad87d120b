package dev.gocause.sim.vm;

import dev.gocause.sim.UnsupportedConstructException;
import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.lang.Ast.*;
import dev.gocause.sim.lang.Lexer;
import dev.gocause.sim.vm.FuncCode.Ins;
import dev.gocause.sim.vm.FuncCode.Op;
import dev.gocause.sim.vm.Values.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loops: for, range over ints, slices, strings, maps and channels, break and continue with labels. */
abstract class LoopCompiler extends StmtCompiler {
  LoopCompiler(String file, String displayFile, boolean go122) {
    super(file, displayFile, go122);
  }

  void forStmt(For fs, String label) {
    Scope saved = scope;
    scope = new Scope(scope);
    if (fs.init != null) stmt(fs.init);
    List<Sym> loopVars = new ArrayList<>(scope.names.values());
    Label top = new Label();
    Label cont = new Label();
    Label brk = new Label();
    mark(top);
    if (fs.cond != null) {
      line = fs.line;
      exprTo(fs.cond, Type.BOOL);
      jumpIfFalse(brk);
    }
    fn.loops.push(new Loop(label, brk, cont));
    Scope s2 = scope;
    scope = new Scope(scope);
    block(fs.body.stmts);
    scope = s2;
    fn.loops.pop();
    mark(cont);
    if (go122) {
      // Go 1.22+: each iteration has its own copy of the loop variables
      for (Sym s : loopVars) {
        if (s.kind == VAR && s.boxed && s.owner == fn) {
          int slot = s.slot;
          emit((m, g, f) -> f.locals[slot] = new Box(((Box) f.locals[slot]).v));
        }
      }
    }
    if (fs.post != null) stmt(fs.post);
    jump(top);
    mark(brk);
    scope = saved;
  }

  void rangeStmt(Range r, String label) {
    Scope saved = scope;
    scope = new Scope(scope);
    line = r.line;
    Type xt = expr(r.x, null, false);
    Type u = xt.underlying();
    if (u instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Array) u = p.elem.underlying();
    Label top = new Label();
    Label cont = new Label();
    Label brk = new Label();
    int xs = fn.newLocal();
    emit(new Instr.StoreLocal(xs));
    Type kt;
    Type vt;
    if (u instanceof Type.Basic b && b.isInteger()) {
      kt = Type.defaultType(xt);
      vt = null;
      int i = fn.newLocal();
      emit((m, g, f) -> f.locals[i] = 0L);
      mark(top);
      emit((m, g, f) -> {
        if ((Long) f.locals[i] >= (Long) f.locals[xs]) f.pc = brk.pc;
      });
      // range over an integer exists from Go 1.22 on, whose loop variables are per iteration: never one shared
      // variable (which no Go version gives this loop)
      boolean was = perIterationVars;
      perIterationVars = true;
      rangeAssign(r, kt, vt, () -> emit(new Instr.LoadLocal(i)), null);
      perIterationVars = was;
      loopBody(r, label, brk, cont);
      mark(cont);
      emit(new Instr.IncLocal(i));
      jump(top);
    } else if (u instanceof Type.Slice || u instanceof Type.Array || (u instanceof Type.Basic b2 && b2.isString())) {
      boolean isStr = u instanceof Type.Basic;
      kt = Type.INT;
      vt = isStr ? Type.INT32 : u instanceof Type.Slice sl ? sl.elem : ((Type.Array) u).elem;
      int i = fn.newLocal();
      int n = fn.newLocal();
      if (isStr) {
        // iterate over runes: precompute {byteIndex, rune} pairs
        emit((m, g, f) -> {
          f.locals[xs] = Ops.runes((String) f.locals[xs]);
          f.locals[n] = (long) ((long[][]) f.locals[xs]).length;
          f.locals[i] = 0L;
        });
      } else {
        emit((m, g, f) -> {
          f.locals[n] = (long) Ops.len(f.locals[xs]);
          f.locals[i] = 0L;
        });
      }
      mark(top);
      emit((m, g, f) -> {
        if ((Long) f.locals[i] >= (Long) f.locals[n]) f.pc = brk.pc;
      });
      Runnable key = isStr ? () -> emit((m, g, f) -> f.push(((long[][]) f.locals[xs])[(int) (long) (Long) f.locals[i]][0]))
          : () -> emit(new Instr.LoadLocal(i));
      Runnable val = r.value == null || isBlank(r.value) ? null : isStr
          ? () -> emit((m, g, f) -> f.push(((long[][]) f.locals[xs])[(int) (long) (Long) f.locals[i]][1]))
          : () -> {
            boolean arrLocal = xt.underlying() instanceof Type.Array;
            boolean aggElem = Type.isValueAggregate(vt);
            Op op = (m, g, f) -> {
              Object c = f.locals[xs];
              int idx = (int) (long) (Long) f.locals[i];
              if (c instanceof SliceVal s) {
                int k = s.off + idx;
                m.read(g, s.arr.shadow(k), new ElemRef(s.arr, k), "slice element");
                if (aggElem) m.readAggregate(g, s.arr.a[k], vt, 0); // the range variable is a copy of the element
                f.push(aggElem ? Values.copy(s.arr.a[k]) : s.arr.a[k]);
              } else {
                Object e = ((ArrayVal) c).a[idx];
                f.push(aggElem ? Values.copy(e) : e);
              }
            };
            if (arrLocal) emit(op);
            else emitV("read slice element", op);
          };
      if (u instanceof Type.Array && Type.isValueAggregate(xt)) {
        // range over an array value iterates over a copy
        emit((m, g, f) -> f.locals[xs] = Values.copy(f.locals[xs]));
      }
      rangeAssign(r, kt, vt, key, val);
      loopBody(r, label, brk, cont);
      mark(cont);
      emit(new Instr.IncLocal(i));
      jump(top);
    } else if (u instanceof Type.MapT mt) {
      kt = mt.key;
      vt = mt.value;
      int keys = fn.newLocal();
      int i = fn.newLocal();
      emitV("range map", (m, g, f) -> {
        MapVal mv = (MapVal) f.locals[xs];
        if (mv == null) {
          f.locals[keys] = new Object[0];
        } else {
          Ops.mapReadCheck(m, g, mv);
          m.read(g, mv.sh, mv, "map");
          Object[] ks = mv.m.keySet().toArray();
          // Go randomizes map iteration order
          if (ks.length > 1) {
            int start = m.rnd.nextInt(ks.length);
            Object[] rot = new Object[ks.length];
            for (int j = 0; j < ks.length; j++) rot[j] = ks[(start + j) % ks.length];
            ks = rot;
          }
          f.locals[keys] = ks;
        }
        f.locals[i] = 0L;
      });
      mark(top);
      emit((m, g, f) -> {
        Object[] ks = (Object[]) f.locals[keys];
        MapVal mv = (MapVal) f.locals[xs];
        int idx = (int) (long) (Long) f.locals[i];
        while (idx < ks.length && !mv.m.containsKey(ks[idx])) idx++;
        f.locals[i] = (long) idx;
        if (idx >= ks.length) f.pc = brk.pc;
      });
      rangeAssign(r, kt, vt, () -> emit((m, g, f) -> f.push(Values.unkey(((Object[]) f.locals[keys])[(int) (long) (Long) f.locals[i]]))),
          () -> {
            boolean aggVal = Type.isValueAggregate(mt.value);
            emit((m, g, f) -> {
              Object v = ((MapVal) f.locals[xs]).m.get(((Object[]) f.locals[keys])[(int) (long) (Long) f.locals[i]]);
              f.push(aggVal ? Values.copy(v) : v);
            });
          });
      loopBody(r, label, brk, cont);
      mark(cont);
      emit(new Instr.IncLocal(i));
      jump(top);
    } else if (u instanceof Type.Chan ct) {
      kt = ct.elem;
      vt = null;
      if (r.value != null) throw err(r, "range over " + xt.str() + " permits only one iteration variable");
      int tmp = fn.newLocal();
      mark(top);
      emitReceive("chan receive (range)", xs, true);
      emit((m, g, f) -> {
        boolean ok = (Boolean) f.pop();
        f.locals[tmp] = f.pop();
        if (!ok) f.pc = brk.pc;
      });
      rangeAssign(r, kt, null, () -> emit(new Instr.LoadLocal(tmp)), null);
      loopBody(r, label, brk, cont);
      mark(cont);
      jump(top);
    } else if (u instanceof Type.Func) {
      throw unsupported(r, "range over function (iterators)");
    } else {
      throw err(r.x, "cannot range over " + xt.str());
    }
    mark(brk);
    scope = saved;
  }

  static boolean isBlank(Expr e) {
    return e instanceof Ident id && id.name.equals("_");
  }

  /** Assigns/defines the range key and value for this iteration. */
  void rangeAssign(Range r, Type kt, Type vt, Runnable pushKey, Runnable pushVal) {
    if (r.define) {
      // per-iteration scope (fresh Box per iteration under Go 1.22 semantics; one variable before)
      if (r.key != null && !isBlank(r.key)) defineLoopVar((Ident) r.key, kt, pushKey);
      if (r.value != null && !isBlank(r.value) && pushVal != null) defineLoopVar((Ident) r.value, vt, pushVal);
    } else {
      if (r.key != null && !isBlank(r.key)) {
        LV lv = lvalue(r.key);
        lv.prepare();
        pushKey.run();
        lv.store();
      }
      if (r.value != null && !isBlank(r.value) && pushVal != null) {
        LV lv = lvalue(r.value);
        lv.prepare();
        pushVal.run();
        lv.store();
      }
    }
  }

  /** Set while defining the variables of a loop that has Go 1.22's per-iteration variables whatever the mode. */
  private boolean perIterationVars;

  void defineLoopVar(Ident id, Type t, Runnable push) {
    boolean go122 = this.go122 || perIterationVars;
    Sym s = scope.names.get(id.name);
    boolean first = s == null;
    if (first) {
      s = new Sym(id.name, VAR, t);
      s.owner = fn;
      s.slot = fn.newLocal();
      s.key = id.line + ":" + id.col + ":" + id.name;
      s.boxed = boxedKeys.contains(s.key);
      scope.names.put(id.name, s);
    }
    push.run();
    int slot = s.slot;
    if (s.boxed) {
      String name = s.name;
      if (go122) {
        emit((m, g, f) -> {
          Box b = new Box(f.pop());
          b.name = name;
          f.locals[slot] = b;
        });
      } else {
        // one variable for the whole loop: allocate once, then overwrite (shared by every closure)
        boolean struct = t != null && t.underlying() instanceof Type.Struct;
        emit((m, g, f) -> {
          Object v = f.pop();
          if (f.locals[slot] instanceof Box b) {
            m.write(g, b.shadow(), b, name);
            b.v = struct ? Ops.assignInto(m, g, b.v, Values.copy(v), true) : v;
          } else {
            Box b = new Box(v);
            b.name = name;
            f.locals[slot] = b;
          }
        });
      }
    } else if (!go122 && t != null && t.underlying() instanceof Type.Struct) {
      // before Go 1.22 one variable serves the whole loop: each value is written into it, so &v taken
      // in an earlier iteration sees the next value, and that write races with a goroutine reading it
      // (a copy first: a value received from a channel may be the very object other receivers got)
      emit((m, g, f) -> f.locals[slot] = Ops.assignInto(m, g, f.locals[slot], Values.copy(f.pop()), true));
    } else {
      emit(new Instr.StoreLocal(slot));
    }
  }

  void loopBody(Range r, String label, Label brk, Label cont) {
    if (!go122) {
      // the loop variable Box must be created fresh when the loop starts, not reused from a previous run of the loop
    }
    fn.loops.push(new Loop(label, brk, cont));
    Scope s2 = scope;
    scope = new Scope(scope);
    block(r.body.stmts);
    scope = s2;
    fn.loops.pop();
  }

  void branch(Branch b) {
    switch (b.tok) {
      case "break": {
        for (Loop l : fn.loops) {
          if (b.label == null || b.label.equals(l.label)) {
            jump(l.brk);
            return;
          }
        }
        throw err(b, b.label == null ? "break is not in a loop, switch, or select" : "invalid break label " + b.label);
      }
      case "continue": {
        for (Loop l : fn.loops) {
          if (l.cont == null) continue;
          if (b.label == null || b.label.equals(l.label)) {
            jump(l.cont);
            return;
          }
        }
        throw err(b, b.label == null ? "continue is not in a loop" : "invalid continue label " + b.label);
      }
      case "fallthrough":
        if (fallthroughTarget == null) throw err(b, "fallthrough statement out of place");
        jump(fallthroughTarget);
        return;
      default:
        throw unsupported(b, b.tok);
    }
  }
}
