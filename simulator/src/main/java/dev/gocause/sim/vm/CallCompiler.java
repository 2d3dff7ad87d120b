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

/** Calls: functions, methods, closures, natives, argument passing (variadic, multi-value) and conversions. */
abstract class CallCompiler extends ExprCompiler {
  CallCompiler(String file, String displayFile, boolean go122) {
    super(file, displayFile, go122);
  }

  // ---------------- calls ----------------
  Type call(Call c, boolean multiOk) {
    Call dot = callViaDotImport(c);
    if (dot != null) return call(dot, multiOk);
    Expr fe = unparen(c.fun);
    // conversion
    if (isTypeExpr(fe)) {
      Type t = resolveType(fe);
      if (c.args.size() != 1) throw err(c, "wrong argument count in conversion to " + t.str());
      return conversion(t, c.args.get(0), c);
    }
    Sym generic = genericCallee(c); // an instantiation of a generic function, inferred or explicit
    if (generic != null || fe instanceof Ident) {
      Sym s = generic != null ? generic : scope.lookup(((Ident) fe).name);
      if (s != null && s.kind == BUILTIN) return builtin(((Ident) fe).name, c);
      if (s != null && s.kind == FUNC) {
        Type.Func sig = (Type.Func) s.type;
        FuncCode code = (FuncCode) s.value;
        int n = args(c, sig);
        Closure cl = new Closure(code, null);
        line = c.line;
        emit((m, g, f) -> {
          Object[] a = new Object[n];
          for (int i = n - 1; i >= 0; i--) a[i] = f.pop();
          Frame nf = m.enter(cl, a);
          nf.caller = f;
          g.frame = nf;
        });
        return resultType(sig);
      }
    }
    // package function
    if (fe instanceof Selector sel && sel.x instanceof Ident pk && scope.lookup(pk.name) == null && pkgPath(pk.name) != null) {
      String path = pkgPath(pk.name);
      Natives.Member mem = Natives.member(path, sel.sel);
      if (mem == null) throw unknownMember(sel, path, sel.sel);
      if (mem.kind() == Natives.MKind.TYPE) return conversion(mem.type(), c.args.get(0), c);
      if (mem.kind() != Natives.MKind.FUNC) throw err(c, "cannot call non-function " + path + "." + sel.sel);
      Type.Func sig = (Type.Func) mem.type();
      Natives.Special sp = Natives.special(path + "." + sel.sel);
      if (sp != null) return sp.compile(self(), c);
      int n = args(c, sig);
      Natives.NativeFn nf = (Natives.NativeFn) mem.value();
      line = c.line;
      nativeCall(nf, n, mem.visible(), path + "." + sel.sel);
      return resultType(sig);
    }
    // method call
    if (fe instanceof Selector sel && !isTypeExpr(sel.x)) {
      Type xt = typeOf(sel.x);
      if (xt != null) {
        Selection s = lookup(xt, sel.sel);
        if (s != null && s.kind == Selection.METHOD) {
          Type.Method m0 = s.method;
          // receiver
          boolean valueRecv = !m0.ptrRecv && m0.nat == null;
          boolean viaPtr = xt.underlying() instanceof Type.Pointer || s.viaPointer;
          // a value receiver is a copy: of shared memory (p.A(), s.A() on a captured s), it reads every field
          boolean recvReads = valueRecv && Type.isValueAggregate(s.recvNamed) && (viaPtr || prepareCopyOf(sel.x));
          expr(sel.x, null, false);
          starCopyReads = false;
          walkPath(s.path);
          if (valueRecv) {
            Type rt = s.recvNamed;
            emit((m, g, f) -> {
              Object r = f.pop();
              if (r == null && viaPtr) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
              if (recvReads) m.readAggregate(g, r, rt, 0);
              f.push(Values.copy(r));
            });
          }
          int n = args(c, m0.sig);
          line = c.line;
          if (m0.nat != null) {
            int na = n + 1;
            nativeCall(m0.nat, na, m0.nat.visible(), s.recvNamed.str() + "." + sel.sel);
            FuncCode.Ins last = fn.code.building.get(fn.code.building.size() - 1);
            if (last.visible) last.peek = (m, f) -> fp(f.stack[f.sp - na], true);
          } else {
            FuncCode code = m0.code;
            int na = n + 1;
            emit((m, g, f) -> {
              Object[] a = new Object[na];
              for (int i = na - 1; i >= 0; i--) a[i] = f.pop();
              Frame nf = new Frame(code, null);
              System.arraycopy(a, 0, nf.locals, 0, na);
              nf.caller = f;
              g.frame = nf;
            });
          }
          return resultType(m0.sig);
        }
        if (s != null && s.kind == Selection.IFACE_METHOD) {
          expr(sel.x, null, false);
          walkPath(s.path);
          int n = args(c, s.sig);
          String name = sel.sel;
          line = c.line;
          emit((m, g, f) -> {
            Object[] a = new Object[n];
            for (int i = n - 1; i >= 0; i--) a[i] = f.pop();
            Object recv = f.pop();
            Ops.callIface(m, g, f, recv, name, a);
          });
          return resultType(s.sig);
        }
      }
    }
    // function value
    Type ft = expr(c.fun, null, false);
    if (!(ft.underlying() instanceof Type.Func sig)) throw err(c, "invalid operation: cannot call non-function (type " + ft.str() + ")");
    int n = args(c, sig);
    line = c.line;
    emit((m, g, f) -> {
      Object[] a = new Object[n];
      for (int i = n - 1; i >= 0; i--) a[i] = f.pop();
      Closure cl = (Closure) f.pop();
      if (cl != null && cl.nat != null) {
        int pcBefore = f.pc;
        cl.nat.call(m, g, f, withRecv(cl, a));
        if (f.pc < pcBefore) {
          f.push(cl);
          for (Object x : a) f.push(x);
        }
        return;
      }
      m.call(g, f, cl, a);
    });
    return resultType(sig);
  }

  static Object[] withRecv(Closure c, Object[] args) {
    if (c.recv == Values.NO_RECV) return args;
    Object[] a = new Object[args.length + 1];
    a[0] = c.recv;
    System.arraycopy(args, 0, a, 1, args.length);
    return a;
  }

  /** Calls a library function with n arguments on the stack; blocking ones retry with their args re-pushed. */
  void nativeCall(Natives.NativeFn nf, int n, boolean visible, String desc) {
    Op op = (m, g, f) -> {
      Object[] a = new Object[n];
      for (int i = n - 1; i >= 0; i--) a[i] = f.pop();
      int pcBefore = f.pc;
      nf.call(m, g, f, a);
      if (f.pc < pcBefore) for (Object x : a) f.push(x);
    };
    if (visible) emitV(desc, op);
    else emit(op);
  }

  static Type resultType(Type.Func sig) {
    if (sig.results.isEmpty()) return null;
    if (sig.results.size() == 1) return sig.results.get(0);
    return new Type.Tuple(sig.results);
  }

  /** Pushes converted arguments; returns how many values were pushed. */
  int args(Call c, Type.Func sig) {
    for (Expr a : c.args) constUses.put(a, "argument to " + constText(c.fun));
    List<Type> ps = sig.params;
    int np = ps.size();
    if (c.args.size() == 1 && np > 1 && unparen(c.args.get(0)) instanceof Call inner) {
      Type t = expr(inner, null, true, true);
      if (t instanceof Type.Tuple tu) {
        if (sig.variadic) {
          // f(g()) into a variadic: pack the tail
          int fixed = np - 1;
          int extra = tu.types.size() - fixed;
          Type elem = ((Type.Slice) ps.get(np - 1)).elem;
          convertTopN(tu.types, ps, fixed, elem);
          packVariadic(extra, elem);
          return np;
        }
        if (tu.types.size() != np) throw err(c, "not enough arguments in call");
        convertTopN(tu.types, ps, np, null);
        return np;
      }
      throw err(c, "not enough arguments in call");
    }
    if (c.args.size() == 1 && unparen(c.args.get(0)) instanceof Call inner && sig.variadic && np == 1) {
      Type t = typeOf(inner);
      if (t instanceof Type.Tuple tu) {
        expr(inner, null, true, true);
        Type elem = ((Type.Slice) ps.get(0)).elem;
        convertTopN(tu.types, ps, 0, elem);
        packVariadic(tu.types.size(), elem);
        return 1;
      }
    }
    if (!sig.variadic || c.ellipsis) {
      if (c.args.size() != np) throw err(c, (c.args.size() < np ? "not enough" : "too many") + " arguments in call (have " + c.args.size() + ", want " + np + ")");
      for (int i = 0; i < np; i++) exprToCopy(c.args.get(i), ps.get(i));
      return np;
    }
    int fixed = np - 1;
    if (c.args.size() < fixed) throw err(c, "not enough arguments in call");
    for (int i = 0; i < fixed; i++) exprToCopy(c.args.get(i), ps.get(i));
    Type elem = ((Type.Slice) ps.get(np - 1)).elem;
    int extra = c.args.size() - fixed;
    for (int i = fixed; i < c.args.size(); i++) exprToCopy(c.args.get(i), elem);
    packVariadic(extra, elem);
    return np;
  }

  void convertTopN(List<Type> from, List<Type> to, int fixed, Type variadicElem) {
    int n = from.size();
    // convert each of the n values on top of the stack
    Type[] targets = new Type[n];
    for (int i = 0; i < n; i++) targets[i] = i < fixed ? to.get(i) : variadicElem;
    boolean any = false;
    for (int i = 0; i < n; i++) if (targets[i] != null && Type.isInterface(targets[i]) && !Type.isInterface(from.get(i))) any = true;
    if (!any) return;
    Type[] fr = from.toArray(new Type[0]);
    emit((m, g, f) -> {
      Object[] vs = new Object[n];
      for (int i = n - 1; i >= 0; i--) vs[i] = f.pop();
      for (int i = 0; i < n; i++) {
        if (targets[i] != null && Type.isInterface(targets[i]) && !Type.isInterface(fr[i])) vs[i] = new Iface(fr[i], vs[i]);
        f.push(vs[i]);
      }
    });
  }

  void packVariadic(int extra, Type elem) {
    emit((m, g, f) -> {
      Object[] arr = new Object[extra];
      for (int i = extra - 1; i >= 0; i--) arr[i] = f.pop();
      f.push(extra == 0 ? null : new SliceVal(new ArrayVal(arr), 0, extra, extra));
    });
  }

  Type conversion(Type t, Expr arg, Node at) {
    Type from = expr(arg, t.underlying() instanceof Type.Basic ? null : t, false);
    Type tu = t.underlying();
    Type fu = from.underlying();
    if (Type.isInterface(t)) {
      convertTop(from, t);
      return t;
    }
    if (tu instanceof Type.Basic tb) {
      Type.BKind k = tb.kind;
      if (tb.isString() && fu instanceof Type.Slice) {
        emit((m, g, f) -> f.push(Ops.bytesToString(f.pop())));
        return t;
      }
      if (tb.isString() && fu instanceof Type.Basic fb && fb.isInteger()) {
        emit((m, g, f) -> f.push(new String(Character.toChars((int) (long) (Long) f.pop()))));
        return t;
      }
      emit((m, g, f) -> f.push(Ops.convertBasic(f.pop(), k)));
      return t;
    }
    if (tu instanceof Type.Slice ts && fu instanceof Type.Basic fb && fb.isString()) {
      boolean runes = ts.elem.underlying() == Type.INT32;
      emit((m, g, f) -> f.push(Ops.stringToSlice((String) f.pop(), runes)));
      return t;
    }
    if (Type.isValueAggregate(t)) emit((m, g, f) -> f.push(Ops.retype(Values.copy(f.pop()), t)));
    return t;
  }

  // ---------------- builtins ----------------
}
