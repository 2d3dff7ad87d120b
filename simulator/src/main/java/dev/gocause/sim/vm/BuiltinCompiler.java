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

/** Built-in functions: len, cap, append, make, new, delete, copy, close, panic, recover, print, min, max, clear. */
abstract class BuiltinCompiler extends CallCompiler {
  BuiltinCompiler(String file, String displayFile, boolean go122) {
    super(file, displayFile, go122);
  }

  Type builtin(String name, Call c) {
    List<Expr> a = c.args;
    switch (name) {
      case "len":
      case "cap": {
        Type t = expr(a.get(0), null, false);
        boolean isLen = name.equals("len");
        boolean isChan = t.underlying() instanceof Type.Chan;
        boolean isMap = t.underlying() instanceof Type.MapT;
        Op op = (m, g, f) -> {
          Object v = f.pop();
          if (isMap && v != null) {
            Ops.mapReadCheck(m, g, (MapVal) v);
            m.read(g, ((MapVal) v).sh, v, "map");
          }
          f.push((long) (isLen ? Ops.len(v) : Ops.cap(v)));
        };
        if (isChan || isMap) emitV(name, op);
        else emit(op);
        return Type.INT;
      }
      case "append": {
        Type st = expr(a.get(0), null, false);
        if (!(st.underlying() instanceof Type.Slice sl)) throw err(c, "invalid argument: " + st.str() + " (first argument to append must be a slice)");
        if (c.ellipsis) {
          Type t2 = expr(a.get(1), st, false);
          boolean strArg = t2.underlying() instanceof Type.Basic;
          emit((m, g, f) -> {
            Object more = f.pop();
            if (strArg) more = Ops.stringToSlice((String) more, false);
            f.push(Ops.appendSlice(m, g, f.pop(), more, sl.elem));
          });
          return st;
        }
        int n = a.size() - 1;
        for (int i = 1; i < a.size(); i++) {
          constUses.put(a.get(i), "argument to append");
          exprTo(a.get(i), sl.elem);
          copyIfAggregate(sl.elem);
        }
        emitV("append", (m, g, f) -> {
          Object[] vs = new Object[n];
          for (int i = n - 1; i >= 0; i--) vs[i] = f.pop();
          f.push(Ops.append(m, g, f.pop(), vs, sl.elem));
        });
        return st;
      }
      case "make": {
        Type t = resolveType(a.get(0));
        Type u = t.underlying();
        for (int i = 1; i < a.size(); i++) expr(a.get(i), Type.INT, false);
        int n = a.size() - 1;
        if (u instanceof Type.Chan ch) {
          Type el = ch.elem;
          emit((m, g, f) -> {
            long cap = n > 0 ? (Long) f.pop() : 0;
            if (cap < 0) throw new Machine.GoPanic(Natives.plainError("makechan: size out of range"));
            m.alloc(96 + 8 * cap); // before the buffer exists
            Machine.Chan made = new Machine.Chan((int) cap, Values.zero(el));
            m.lockOrder.created(made);
            f.push(made);
          });
        } else if (u instanceof Type.MapT) {
          emit((m, g, f) -> {
            if (n > 0) f.pop();
            m.alloc(48);
            f.push(new MapVal());
          });
        } else if (u instanceof Type.Slice sl) {
          Type el = sl.elem;
          emit((m, g, f) -> {
            long cap = n > 1 ? (Long) f.pop() : -1;
            long len = n > 0 ? (Long) f.pop() : 0;
            if (cap < 0) cap = len;
            if (len < 0) throw new Machine.GoPanic(Natives.runtimeError("makeslice: len out of range"));
            if (cap < len) throw new Machine.GoPanic(Natives.runtimeError("makeslice: cap out of range"));
            m.alloc(8 * cap); // before the array exists: a huge make ends in LIMIT, not in an OutOfMemoryError
            Object[] arr = new Object[(int) cap];
            for (int i = 0; i < cap; i++) arr[i] = Values.zero(el);
            f.push(new SliceVal(new ArrayVal(arr), 0, (int) len, (int) cap));
          });
        } else {
          throw err(c, "invalid argument: cannot make " + t.str());
        }
        return t;
      }
      case "new": {
        Type t = resolveType(a.get(0));
        boolean agg = Type.isValueAggregate(t);
        emit((m, g, f) -> {
          m.alloc(16);
          f.push(agg ? Values.zero(t) : new Box(Values.zero(t)));
        });
        return new Type.Pointer(t);
      }
      case "delete": {
        Type mt = expr(a.get(0), null, false);
        if (!(mt.underlying() instanceof Type.MapT mtt)) throw err(c, "invalid argument: delete on non-map");
        exprTo(a.get(1), mtt.key);
        emitV("map delete (begin)", (m, g, f) -> {
          Object k = f.pop();
          MapVal mv = (MapVal) f.peek();
          f.push(k);
          if (mv != null) Ops.mapWriteBegin(m, g, mv);
        });
        emitV("map delete", (m, g, f) -> {
          Object k = f.pop();
          MapVal mv = (MapVal) f.pop();
          if (mv != null) Ops.mapDeleteEnd(m, g, mv, k);
        });
        return null;
      }
      case "copy": {
        expr(a.get(0), null, false);
        expr(a.get(1), null, false);
        emitV("copy", (m, g, f) -> {
          Object src = f.pop();
          f.push((long) Ops.copy(m, g, f.pop(), src));
        });
        return Type.INT;
      }
      case "close": {
        Type ct = expr(a.get(0), null, false);
        if (ct != null && ct.underlying() instanceof Type.Chan ch && ch.dir == 2) {
          // go vet / types2: closing is the sender's act
          String operand = operandName(a.get(0));
          throw err(a.get(0), "invalid operation: cannot close receive-only channel "
              + (operand != null ? operand + " (variable of type " : "(value of type ") + ct.str() + ")");
        }
        emitV("close", (m, g, f) -> m.close(g, (Machine.Chan) f.pop()), (m, f) -> fp(f.stack[f.sp - 1], true));
        return null;
      }
      case "panic": {
        exprTo(a.get(0), Natives.EMPTY_IFACE);
        emit((m, g, f) -> {
          Object v = f.pop();
          if (v == null) v = Natives.nilPanic();
          throw new Machine.GoPanic(v);
        });
        return null;
      }
      case "recover": {
        emit((m, g, f) -> f.push(m.recover(g, f)));
        return Natives.EMPTY_IFACE;
      }
      case "print":
      case "println": {
        List<Type> ts = new ArrayList<>();
        for (Expr x : a) ts.add(expr(x, null, false));
        int n = a.size();
        boolean ln = name.equals("println");
        emitV(name, (m, g, f) -> {
          Object[] vs = new Object[n];
          for (int i = n - 1; i >= 0; i--) vs[i] = f.pop();
          // print/println write to stderr; we keep them in the output stream too
          m.print(Fmt.printBuiltin(vs, ln));
        });
        return null;
      }
      case "min":
      case "max": {
        Type t = null;
        for (Expr x : a) {
          Type xt = expr(x, t, false);
          if (t == null || (t instanceof Type.Basic b && b.isUntyped())) t = xt;
        }
        int n = a.size();
        boolean isMin = name.equals("min");
        emit((m, g, f) -> {
          Object best = null;
          for (int i = 0; i < n; i++) {
            Object v = f.pop();
            if (best == null || (Boolean) Ops.compare(isMin ? "<" : ">", v, best, null)) best = v;
          }
          f.push(best);
        });
        return t;
      }
      case "clear": {
        expr(a.get(0), null, false);
        emitV("clear", (m, g, f) -> Ops.clear(f.pop()));
        return null;
      }
      default:
        throw unsupported(c, "builtin " + name);
    }
  }

  /** The source text of a variable operand (x, x.f, x.f.g) as Go's errors name it, or null for other expressions. */
  private static String operandName(Expr e) {
    Expr u = unparen(e);
    if (u instanceof Ident id) return id.name;
    if (u instanceof Selector sel) {
      String x = operandName(sel.x);
      return x == null ? null : x + "." + sel.sel;
    }
    return null;
  }
}
