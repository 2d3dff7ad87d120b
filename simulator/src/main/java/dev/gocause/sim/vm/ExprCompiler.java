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

/** Expressions: identifiers, literals, closures, composite literals, index, slice, type assertions, unary and binary operators. */
abstract class ExprCompiler extends SelectorCompiler {
  ExprCompiler(String file, String displayFile, boolean go122) {
    super(file, displayFile, go122);
  }

  /** Compiles e, converting to want (when given) and copying aggregates (value semantics). */
  Type exprTo(Expr e, Type want) {
    Type t = expr(e, want, false);
    convertTop(t, want);
    return want == null ? t : want;
  }

  Type exprCopy(Expr e, Type want) {
    boolean shared = prepareCopyOf(e);
    Type t = expr(e, want, false);
    starCopyReads = false;
    if (t != null && Type.isValueAggregate(t) && !(unparen(e) instanceof CompositeLit) && !(unparen(e) instanceof Call)) {
      emit(shared ? new Instr.CopyShared(t) : new Instr.CopyTop());
    }
    return t;
  }

  /** Emits the runtime conversion of the top of stack from type 'from' to 'to' (interface boxing). */
  void convertTop(Type from, Type to) {
    if (to == null || from == null) return;
    if (Type.isInterface(to) && !Type.isInterface(from)) {
      if (from == Type.UNTYPED_NIL) return;
      Type dyn = Type.defaultType(from);
      boolean agg = Type.isValueAggregate(dyn);
      emit((m, g, f) -> {
        Object v = f.pop();
        f.push(new Iface(dyn, agg ? Values.copy(v) : v));
      });
      return;
    }
    if (from instanceof Type.Basic b && b.isUntyped() && to.underlying() instanceof Type.Basic tb) {
      if (tb.isFloat() && b.isInteger()) emit((m, g, f) -> f.push(((Long) f.pop()).doubleValue()));
    }
  }

  Type expr(Expr e, Type want, boolean multiOk) {
    return expr(e, want, multiOk, false);
  }

  Type expr(Expr e, Type want, boolean stmtCtx, boolean multiOk) {
    int savedLine = line;
    if (e.line > 0) line = e.line;
    try {
      Expr ue = unparen(e);
      if (multiOk) {
        if (ue instanceof Index ix) {
          Type xt = typeOf(ix.x);
          if (xt != null && xt.underlying() instanceof Type.MapT) return index(ix, true);
        }
        if (ue instanceof TypeAssert ta && ta.type != null) return typeAssert(ta, true);
        if (ue instanceof Unary u && u.op.equals("<-")) {
          Type ct = expr(u.x, null, false);
          if (!(ct.underlying() instanceof Type.Chan ch)) throw err(u, "invalid operation: cannot receive from non-channel");
          emitReceive("chan receive", Instr.Receive.FROM_STACK, true);
          return new Type.Tuple(List.of(ch.elem, Type.BOOL));
        }
      }
      return expr0(e, want, stmtCtx || multiOk);
    } finally {
      line = savedLine;
    }
  }

  Type expr0(Expr e, Type want, boolean multiOk) {
    Object[] cv = constValue(e);
    if (cv != null) {
      Type t = (Type) cv[1];
      Object v = cv[0];
      if (want != null && !Type.isInterface(want) && t instanceof Type.Basic b && b.isUntyped() && want.underlying() instanceof Type.Basic) {
        checkConstUse(e, v, t, want);
        v = convertConst(v, want, e);
        t = want;
      } else if (t instanceof Type.Basic b && b.isUntyped()) {
        Type d = Type.defaultType(t);
        v = convertConst(v, d, e);
        t = want != null && Type.isInterface(want) ? d : t;
      }
      push(v);
      return t;
    }
    if (e instanceof Paren p) return expr0(p.x, want, multiOk);
    if (e instanceof Ident id) return ident(id);
    if (e instanceof BasicLit) throw err(e, "bad literal");
    if (e instanceof FuncLit fl) return funcLit(fl);
    if (e instanceof CompositeLit cl) return compositeLit(cl, want);
    if (e instanceof Selector sel) return selector(sel);
    if (e instanceof Index || e instanceof Instance) {
      Sym inst = explicitInstance(e); // F[int]: a generic function instantiated
      if (inst != null) {
        push(new Closure((FuncCode) inst.value, null));
        return inst.type;
      }
      if (isTypeExpr(e)) throw err(e, constText(e) + " (type) is not an expression");
      if (e instanceof Instance in) throw err(e, "invalid operation: " + constText(in.x) + " is not a generic function");
      return index((Index) e, false);
    }
    if (e instanceof SliceExpr se) return sliceExpr(se);
    if (e instanceof TypeAssert ta) return typeAssert(ta, false);
    if (e instanceof Call c) return call(c, multiOk);
    if (e instanceof Star st) {
      boolean reads = starCopyReads; // the value is copied (x := *p): the copy reads every field
      starCopyReads = false;
      Type pt = expr(st.x, null, false);
      if (!(pt.underlying() instanceof Type.Pointer p)) throw err(e, "invalid operation: cannot indirect " + pt.str());
      Type elem = p.elem;
      boolean agg = Type.isValueAggregate(elem);
      emitV("read *p", (m, g, f) -> {
        Object v = Ops.deref(m, g, f.pop());
        if (agg && reads) m.readAggregate(g, v, elem, 0);
        f.push(agg ? Values.copy(v) : v);
      });
      return elem;
    }
    if (e instanceof Unary u) return unary(u, want);
    if (e instanceof Binary b) return binary(b, want);
    if (e instanceof KeyValue) throw err(e, "unexpected key:value");
    if (isTypeExpr(e)) throw err(e, "type is not an expression");
    throw unsupported(e, e instanceof Ellipsis ? "... outside a call's last argument and an array length" : "this kind of expression");
  }

  Type ident(Ident id) {
    if (id.name.equals("_")) throw err(id, "cannot use _ as value");
    Sym s = scope.lookup(id.name);
    if (s == null && viaDotImport(id) != null) return selector(viaDotImport(id));
    if (s == null) {
      if (pkgPath(id.name) != null) throw err(id, "use of package " + id.name + " without selector");
      throw err(id, "undefined: " + id.name);
    }
    switch (s.kind) {
      case VAR:
        checkGlobalNotRefused(id, s);
        if (s.type == null) throw err(id, "undefined: " + id.name + " (used before its declaration)");
        loadVar(s, id);
        return s.type;
      case NIL:
        push(null);
        return Type.UNTYPED_NIL;
      case FUNC: {
        Closure c = new Closure((FuncCode) s.value, null);
        push(c);
        return s.type;
      }
      case TYPE:
        throw err(id, id.name + " (type) is not an expression");
      case BUILTIN:
        throw err(id, id.name + " (built-in function) must be called");
      case GFUNC:
        throw err(id, "cannot use generic function " + id.name + " without instantiation");
      case GTYPE:
        throw err(id, "cannot use generic type " + withTypeParams(((GenericType) s.value).spec) + " without instantiation");
      default:
        throw err(id, "unexpected " + id.name);
    }
  }

  Type funcLit(FuncLit fl) {
    Type.Func sig = (Type.Func) resolveType(fl.type);
    Fn outer = fn;
    Fn top = outer;
    String base = outer.code.name;
    int k = ++outer.code.closureCount;
    FuncCode fc = new FuncCode(base + ".func" + k, displayFile);
    fc.line = fl.line;
    Fn x = new Fn(fc, outer, sig);
    Scope savedScope = scope;
    try {
      compileBody(x, new Scope(scope), fl.type.params, sig.params, fl.type.results, sig, fl.body);
    } catch (UnsupportedConstructException e) {
      if (!deferrable(e)) throw e;
      // like a declared function: the literal refuses the program only when it is called
      fn = outer;
      scope = savedScope;
      x.caps.clear();
      refuseWhenCalled(fc, sig.params.size(), sig.results.size(), fl.line, e);
    }
    // capture cells from the enclosing function at creation time
    List<Sym> caps = x.caps;
    int n = caps.size();
    Op[] loaders = new Op[n];
    for (int i = 0; i < n; i++) {
      Sym s = caps.get(i);
      needBox(s);
      if (s.owner == fn) {
        int slot = s.slot;
        loaders[i] = new Instr.LoadLocal(slot);
      } else {
        int ci = fn.capIndex(s);
        loaders[i] = new Instr.LoadCapture(ci);
      }
    }
    emit((m, g, f) -> {
      Object[] cs = new Object[n];
      for (int i = 0; i < n; i++) {
        loaders[i].exec(m, g, f);
        cs[i] = f.pop();
      }
      f.push(new Closure(fc, cs));
    });
    return sig;
  }

  Type compositeLit(CompositeLit cl, Type want) {
    for (Expr el : cl.elts) {
      Expr v = el instanceof KeyValue kv ? kv.value : el;
      constUses.put(v, cl.type instanceof MapTypeExpr || want != null && want.underlying() instanceof Type.MapT ? "map literal"
          : cl.type instanceof ArrayTypeExpr || want != null && (want.underlying() instanceof Type.Slice || want.underlying() instanceof Type.Array)
          ? "array or slice literal" : "struct literal");
    }
    Type t;
    if (cl.type == null) {
      if (want == null) throw err(cl, "invalid composite literal type: missing type");
      t = want;
    } else if (cl.type instanceof ArrayTypeExpr at && at.len instanceof Ellipsis) {
      t = new Type.Array(cl.elts.size(), resolveType(at.elem));
      // [...]T{k: v} sizes by the largest index; keep it simple
    } else {
      t = resolveType(cl.type);
    }
    checkNotRefused(cl, t);
    boolean addr = false;
    Type lit = t;
    if (t.underlying() instanceof Type.Pointer p && cl.type == null) {
      // &T elided in nested literals: []*T{{...}}
      lit = p.elem;
      addr = true;
    }
    Type u = lit.underlying();
    if (u instanceof Type.Struct st) {
      Type ft = lit;
      int n = st.fields.size();
      boolean keyed = !cl.elts.isEmpty() && cl.elts.get(0) instanceof KeyValue;
      int[] idx = new int[cl.elts.size()];
      for (int i = 0; i < cl.elts.size(); i++) {
        Expr el = cl.elts.get(i);
        if (keyed) {
          if (!(el instanceof KeyValue kv) || !(kv.key instanceof Ident kid)) throw err(el, "mixture of field:value and value elements in struct literal");
          int fi = st.index(kid.name);
          if (fi < 0) throw err(kv.key, "unknown field " + kid.name + " in struct literal of type " + lit.str());
          idx[i] = fi;
          exprTo(kv.value, st.fields.get(fi).type());
          copyIfAggregate(st.fields.get(fi).type());
        } else {
          if (i >= n) throw err(el, "too many values in struct literal");
          idx[i] = i;
          exprTo(el, st.fields.get(i).type());
          copyIfAggregate(st.fields.get(i).type());
        }
      }
      if (!keyed && !cl.elts.isEmpty() && cl.elts.size() < n) throw err(cl, "too few values in struct literal of type " + lit.str());
      int ne = cl.elts.size();
      emit((m, g, f) -> {
        StructVal sv = (StructVal) Values.zero(ft);
        for (int i = ne - 1; i >= 0; i--) sv.f[idx[i]] = f.pop();
        m.alloc(16L + 8L * n);
        f.push(sv);
      });
      return t;
    }
    if (u instanceof Type.Slice || u instanceof Type.Array) {
      Type elem = u instanceof Type.Slice s ? s.elem : ((Type.Array) u).elem;
      int[] idx = new int[cl.elts.size()];
      int next = 0;
      int max = 0;
      for (int i = 0; i < cl.elts.size(); i++) {
        Expr el = cl.elts.get(i);
        Expr v = el;
        if (el instanceof KeyValue kv) {
          Object[] kc = constValue(kv.key);
          if (kc == null || !(kc[0] instanceof Long kl)) throw err(kv.key, "index must be non-negative integer constant");
          next = kl.intValue();
          v = kv.value;
        }
        idx[i] = next++;
        max = Math.max(max, next);
        exprTo(v, elem);
        copyIfAggregate(elem);
      }
      int len = u instanceof Type.Array a && a.len >= 0 ? a.len : max;
      boolean isSlice = u instanceof Type.Slice;
      int ne = cl.elts.size();
      emit((m, g, f) -> {
        Object[] arr = new Object[len];
        for (int i = ne - 1; i >= 0; i--) arr[idx[i]] = f.pop();
        for (int i = 0; i < len; i++) if (arr[i] == null) arr[i] = Values.zero(elem);
        m.alloc(8L * len);
        ArrayVal av = new ArrayVal(arr);
        f.push(isSlice ? new SliceVal(av, 0, len, len) : av);
      });
      return t;
    }
    if (u instanceof Type.MapT mt) {
      for (Expr el : cl.elts) {
        if (!(el instanceof KeyValue kv)) throw err(el, "missing key in map literal");
        exprTo(kv.key, mt.key);
        exprTo(kv.value, mt.value);
        copyIfAggregate(mt.value);
      }
      int ne = cl.elts.size();
      emit((m, g, f) -> {
        MapVal mv = new MapVal();
        Object[] kvs = new Object[ne * 2];
        for (int i = ne * 2 - 1; i >= 0; i--) kvs[i] = f.pop();
        for (int i = 0; i < ne; i++) mv.m.put(Values.key(kvs[2 * i]), kvs[2 * i + 1]);
        m.alloc(48L + 16L * ne);
        f.push(mv);
      });
      return t;
    }
    if (u instanceof Type.Opaque && cl.elts.isEmpty() && !addr) {
      // T{} of a library type (sync.Mutex{}, &sync.WaitGroup{}, time.Time{}, atomic.Int64{}): its zero value
      Type zt = lit;
      emit((m, g, f) -> f.push(Values.zero(zt)));
      return t;
    }
    throw err(cl, "invalid composite literal type " + t.str());
  }

  Type index(Index ix, boolean commaOk) {
    Type xt = expr(ix.x, null, false);
    Type u = xt.underlying();
    if (u instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Array) u = p.elem.underlying();
    if (u instanceof Type.MapT mt) {
      exprTo(ix.index, mt.key);
      Type vt = mt.value;
      emitV("map read", (m, g, f) -> {
        Object k = f.pop();
        MapVal mv = (MapVal) f.pop();
        if (commaOk) {
          Object[] r = (Object[]) Ops.mapGet(m, g, mv, Values.key(k), vt, true);
          f.push(r[0]);
          f.push(r[1]);
        } else {
          f.push(Ops.mapGet(m, g, mv, Values.key(k), vt, false));
        }
      });
      return commaOk ? new Type.Tuple(List.of(vt, Type.BOOL)) : vt;
    }
    if (commaOk) throw err(ix, "assignment mismatch: 2 variables but 1 value");
    Type it = expr(ix.index, Type.INT, false);
    if (u instanceof Type.Basic b && b.isString()) {
      emit((m, g, f) -> {
        long i = (Long) f.pop();
        byte[] bs = ((String) f.pop()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (i < 0 || i >= bs.length) throw new Machine.GoPanic(Natives.runtimeError("index out of range [" + i + "] with length " + bs.length));
        f.push((long) (bs[(int) i] & 0xff));
      });
      return Type.UINT8;
    }
    Type elem;
    if (u instanceof Type.Slice s) elem = s.elem;
    else if (u instanceof Type.Array a) elem = a.elem;
    else throw err(ix, "invalid operation: cannot index " + xt.str());
    boolean local = u instanceof Type.Array && isLocalValue(ix.x);
    Op op = (m, g, f) -> {
      ElemRef r = Ops.elemRef(f.pop(), f.pop());
      if (!local) m.read(g, r.shadow(), r, "element");
      f.push(r.load());
    };
    if (local) emit(op);
    else emitV("read element", op);
    return elem;
  }

  Type sliceExpr(SliceExpr se) {
    Type xt = expr(se.x, null, false);
    Type u = xt.underlying();
    boolean isPtrArr = u instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Array;
    if (se.lo != null) expr(se.lo, Type.INT, false);
    else push(null);
    if (se.hi != null) expr(se.hi, Type.INT, false);
    else push(null);
    if (se.max != null) expr(se.max, Type.INT, false);
    else push(null);
    emit((m, g, f) -> {
      Object max = f.pop();
      Object hi = f.pop();
      Object lo = f.pop();
      f.push(Ops.slice(f.pop(), (Long) lo, (Long) hi, (Long) max));
    });
    if (u instanceof Type.Basic b && b.isString()) return xt;
    if (u instanceof Type.Slice) return xt;
    if (u instanceof Type.Array a) return new Type.Slice(a.elem);
    if (isPtrArr) return new Type.Slice(((Type.Array) ((Type.Pointer) u).elem.underlying()).elem);
    throw err(se, "cannot slice " + xt.str());
  }

  Type typeAssert(TypeAssert ta, boolean commaOk) {
    if (ta.type == null) throw err(ta, "use of .(type) outside type switch");
    Type xt = expr(ta.x, null, false);
    if (!Type.isInterface(xt)) throw err(ta, "invalid operation: " + " (variable of type " + xt.str() + ") is not an interface");
    Type t = resolveType(ta.type);
    boolean toIface = Type.isInterface(t);
    String xs = xt.str();
    emit((m, g, f) -> {
      Object v = f.pop();
      boolean ok = Ops.typeMatches(v, t);
      if (commaOk) {
        f.push(ok ? (toIface ? v : ((Iface) v).v) : Values.zero(t));
        f.push(ok);
      } else {
        if (!ok) {
          String have = v == null ? "nil" : ((Iface) v).t.str();
          String msg = toIface && v != null
              ? "interface conversion: " + have + " is not " + t.str() + ": missing method " + Ops.missingMethod(v, t)
              : "interface conversion: " + xs + " is " + have + ", not " + t.str();
          throw new Machine.GoPanic(Natives.typeAssertionError(msg));
        }
        f.push(toIface ? v : ((Iface) v).v);
      }
    });
    return commaOk ? new Type.Tuple(List.of(t, Type.BOOL)) : t;
  }

  Type unary(Unary u, Type want) {
    switch (u.op) {
      case "<-": {
        Type ct = expr(u.x, null, false);
        if (!(ct.underlying() instanceof Type.Chan ch)) throw err(u, "invalid operation: cannot receive from non-channel");
        emitReceive("chan receive", Instr.Receive.FROM_STACK, false);
        return ch.elem;
      }
      case "&": {
        Expr x = unparen(u.x);
        if (x instanceof CompositeLit cl) {
          Type t = compositeLit(cl, want instanceof Type.Pointer p ? p.elem : null);
          return addrOfValue(t);
        }
        if (x instanceof Ident id) {
          Sym s = scope.lookup(id.name);
          if (s == null) throw err(id, "undefined: " + id.name);
          if (s.kind != VAR) throw err(u, "cannot take address of " + id.name);
          if (Type.isValueAggregate(s.type)) {
            // the struct/array object is its own address
            loadVar(s, id);
            return new Type.Pointer(s.type);
          }
          pushCell(s);
          return new Type.Pointer(s.type);
        }
        if (x instanceof Selector sel) {
          Selection s = select(sel);
          if (s != null && s.kind == Selection.FIELD) {
            if (Type.isValueAggregate(s.type)) {
              expr(sel, null, false);
              return new Type.Pointer(s.type);
            }
            fieldBase(sel, s);
            int idx = s.lastIndex;
            emit((m, g, f) -> f.push(new FieldRef((StructVal) f.pop(), idx)));
            return new Type.Pointer(s.type);
          }
        }
        if (x instanceof Index ix) {
          Type xt = typeOf(ix.x);
          if (xt != null && !(xt.underlying() instanceof Type.MapT)) {
            Type et = expr(ix, null, false);
            if (Type.isValueAggregate(et)) return new Type.Pointer(et);
            pop(1);
            expr(ix.x, null, false);
            expr(ix.index, Type.INT, false);
            emit(new Instr.ElemRef());
            return new Type.Pointer(et);
          }
        }
        throw unsupported(u, "taking the address of this expression");
      }
      case "-", "+", "^", "!": {
        Type t = expr(u.x, want, false);
        String op = u.op;
        Type.Basic b = t.underlying() instanceof Type.Basic bb ? bb : null;
        if (b == null) throw err(u, "invalid operation: operator " + op + " not defined on " + t.str());
        Type.BKind k = b.kind;
        emit((m, g, f) -> f.push(Ops.unary(op, f.pop(), k)));
        return t;
      }
      default:
        throw unsupported(u, "operator " + u.op);
    }
  }

  Type addrOfValue(Type t) {
    if (Type.isValueAggregate(t)) return new Type.Pointer(t);
    emit(new Instr.BoxTop());
    return new Type.Pointer(t);
  }

  Type binary(Binary b, Type want) {
    if (b.op.equals("&&") || b.op.equals("||")) {
      Label end = new Label();
      exprTo(b.x, Type.BOOL);
      boolean and = b.op.equals("&&");
      emit((m, g, f) -> {
        boolean v = (Boolean) f.peek();
        if (v != and) f.pc = end.pc;
        else f.pop();
      });
      exprTo(b.y, Type.BOOL);
      mark(end);
      return Type.BOOL;
    }
    if (b.op.equals("<<") || b.op.equals(">>")) {
      Type xt = expr(b.x, want, false);
      expr(b.y, Type.UINT, false);
      binaryOp(b.op, Type.defaultType(xt), Type.defaultType(xt), b);
      return Type.defaultType(xt);
    }
    // operand types: an untyped side takes the other side's type
    Object[] xc = constValue(b.x);
    Object[] yc = constValue(b.y);
    Type xt;
    Type yt;
    if (xc != null && yc == null) {
      Type ty = typeOf(b.y);
      xt = expr(b.x, ty != null && !Type.isInterface(ty) && ty != Type.UNTYPED_NIL ? ty : null, false);
      yt = expr(b.y, xt, false);
    } else {
      xt = expr(b.x, null, false);
      yt = expr(b.y, Type.isInterface(xt) || xt == Type.UNTYPED_NIL ? null : xt, false);
    }
    if (isCompare(b.op)) {
      compareOp(b.op, xt, yt, b);
      return Type.UNTYPED_BOOL == null ? Type.BOOL : Type.BOOL;
    }
    Type rt = xt instanceof Type.Basic bx && bx.isUntyped() ? yt : xt;
    binaryOp(b.op, rt, yt, b);
    return rt;
  }

  /** Compares the two values on the stack (types xt, yt). */
  void compareOp(String op, Type xt, Type yt, Node at) {
    boolean xi = Type.isInterface(xt);
    boolean yi = Type.isInterface(yt);
    if (xi && !yi && yt != Type.UNTYPED_NIL) convertTop(yt, xt);
    if (yi && !xi && xt != Type.UNTYPED_NIL) {
      // convert the lower operand: swap, convert, swap
      emit((m, g, f) -> {
        Object y = f.pop();
        Object x = f.pop();
        f.push(y);
        f.push(x);
      });
      convertTop(xt, yt);
      emit((m, g, f) -> {
        Object y = f.pop();
        Object x = f.pop();
        f.push(y);
        f.push(x);
      });
    }
    Type t = xt instanceof Type.Basic b && b.isUntyped() ? yt : xt;
    Type.BKind k = t.underlying() instanceof Type.Basic bb ? bb.kind : null;
    emit((m, g, f) -> {
      Object y = f.pop();
      Object x = f.pop();
      f.push(Ops.compare(op, x, y, k));
    });
  }

  void binaryOp(String op, Type t, Type yt, Node at) {
    Type u = t.underlying();
    if (!(u instanceof Type.Basic b)) throw err(at, "invalid operation: operator " + op + " not defined on " + t.str());
    Type.BKind k = b.kind;
    if (b.isString() && !op.equals("+")) throw err(at, "invalid operation: operator " + op + " not defined on string");
    emit((m, g, f) -> {
      Object y = f.pop();
      Object x = f.pop();
      f.push(Ops.binary(op, x, y, k));
    });
  }
}
