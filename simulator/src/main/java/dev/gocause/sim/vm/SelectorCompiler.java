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

/** Selectors: field and method lookup through embedding, package members, method values. */
abstract class SelectorCompiler extends LValueCompiler {
  SelectorCompiler(String file, String displayFile, boolean go122) {
    super(file, displayFile, go122);
  }

  /** Finds field or method name in type t (with embedded promotion, breadth-first). */
  Selection lookup(Type t, String name) {
    boolean ptr = false;
    Type base = t;
    if (t.underlying() instanceof Type.Pointer p && !(t instanceof Type.Named && ((Type.Named) t).methods.containsKey(name))) {
      base = p.elem;
      ptr = true;
    }
    if (Type.isInterface(base)) {
      Type.Interface it = (Type.Interface) base.underlying();
      Type.Func sig = it.methods.get(name);
      if (sig == null) return null;
      Selection s = new Selection();
      s.kind = Selection.IFACE_METHOD;
      s.sig = sig;
      s.type = sig;
      s.path = new int[0];
      return s;
    }
    record Item(Type t, int[] path, boolean ptr) {}
    List<Item> level = List.of(new Item(base, new int[0], ptr));
    Set<Type> seen = new HashSet<>();
    for (int depth = 0; depth < 6 && !level.isEmpty(); depth++) {
      List<Item> next = new ArrayList<>();
      for (Item it : level) {
        Type bt = it.t;
        if (!seen.add(bt)) continue;
        if (bt instanceof Type.Named n) {
          Type.Method m = n.methods.get(name);
          if (m != null) {
            Selection s = new Selection();
            s.kind = Selection.METHOD;
            s.method = m;
            s.recvNamed = n;
            s.path = it.path;
            s.viaPointer = it.ptr;
            s.sig = m.sig;
            s.type = m.sig;
            return s;
          }
        }
        if (Type.isInterface(bt) && depth > 0) {
          Type.Func sig = ((Type.Interface) bt.underlying()).methods.get(name);
          if (sig != null) {
            Selection s = new Selection();
            s.kind = Selection.IFACE_METHOD;
            s.sig = sig;
            s.type = sig;
            s.path = it.path;
            s.viaPointer = it.ptr;
            return s;
          }
        }
        if (bt.underlying() instanceof Type.Struct st) {
          int fi = st.index(name);
          if (fi >= 0) {
            Selection s = new Selection();
            s.kind = Selection.FIELD;
            s.path = it.path;
            s.lastIndex = fi;
            s.type = st.fields.get(fi).type();
            s.viaPointer = it.ptr;
            s.fieldName = name;
            return s;
          }
          for (int i = 0; i < st.fields.size(); i++) {
            Type.FieldT f = st.fields.get(i);
            if (!f.embedded()) continue;
            int[] np = Arrays.copyOf(it.path, it.path.length + 1);
            np[it.path.length] = i;
            Type ft = f.type();
            boolean fp = ft.underlying() instanceof Type.Pointer;
            next.add(new Item(fp ? ((Type.Pointer) ft.underlying()).elem : ft, np, it.ptr || fp));
          }
        }
      }
      level = next;
    }
    return null;
  }

  Selection select(Selector sel) {
    if (sel.x instanceof Ident pk && scope.lookup(pk.name) == null && pkgPath(pk.name) != null) return null;
    Type xt = typeOf(sel.x);
    if (xt == null) return null;
    return lookup(xt, sel.sel);
  }

  /** Pushes the struct that directly holds the selected field (walks the embedding path). */
  void fieldBase(Selector sel, Selection s) {
    expr(sel.x, null, false);
    walkPath(s.path);
  }

  void walkPath(int[] path) {
    for (int i : path) {
      emit((m, g, f) -> {
        StructVal sv = (StructVal) f.pop();
        if (sv == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
        f.push(sv.f[i]);
      });
    }
  }

  Type selector(Selector sel) {
    // package member?
    if (sel.x instanceof Ident pk && scope.lookup(pk.name) == null) {
      String path = pkgPath(pk.name);
      if (path != null) {
        Natives.Member mem = Natives.member(path, sel.sel);
        if (mem == null) throw unknownMember(sel, path, sel.sel);
        switch (mem.kind()) {
          case CONST:
          case VAR:
            push(mem.value());
            return mem.type();
          case FUNC:
            push(new Closure(null, null, Values.NO_RECV, (Natives.NativeFn) mem.value(), path + "." + sel.sel));
            return mem.type();
          default:
            throw err(sel, path + "." + sel.sel + " (type) is not an expression");
        }
      }
    }
    if (isTypeExpr(sel.x)) return methodExpression(sel);
    Type xt = expr(sel.x, null, false);
    Selection s = lookup(xt, sel.sel);
    if (s == null && unmodelledName(xt) != null) {
      String q = unmodelledName(xt);
      throw unknownMember(sel, q.substring(0, q.lastIndexOf('.')), q.substring(q.lastIndexOf('.') + 1) + "." + sel.sel);
    }
    if (s == null) checkNotRefused(sel, xt);
    if (s == null && libraryTypeName(xt) != null) throw unsupported(sel, libraryTypeName(xt) + "." + sel.sel);
    if (s == null) throw err(sel, sel.x instanceof Ident i ? i.name + "." + sel.sel + " undefined (type " + xt.str() + " has no field or method " + sel.sel + ")" : "undefined field or method " + sel.sel);
    walkPath(s.path);
    switch (s.kind) {
      case Selection.FIELD: {
        int idx = s.lastIndex;
        boolean local = isLocalValue(sel.x) && !s.viaPointer;
        boolean agg = Type.isValueAggregate(s.type);
        String fname = sel.sel;
        Op op = (m, g, f) -> {
          StructVal sv = (StructVal) f.pop();
          if (sv == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
          if (!local) m.read(g, sv.shadow(idx), new FieldRef(sv, idx), fname);
          // aggregates stay by reference so that x.f.g = v and x.mu.Lock() work in place
          f.push(sv.f[idx]);
        };
        if (local || agg) emit(op);
        else emitV("read " + fname, op);
        return s.type;
      }
      case Selection.METHOD: {
        // method value: bind receiver now
        Type.Method m0 = s.method;
        boolean copyRecv = !m0.ptrRecv;
        // a value receiver is copied when the method value is evaluated (j.describe with j a pointer, or a
        // struct other goroutines reach): that copy reads every field, as -race sees it
        Expr rx = unparen(sel.x);
        boolean recvReads = copyRecv && m0.nat == null && Type.isValueAggregate(s.recvNamed)
            && (xt.underlying() instanceof Type.Pointer || s.viaPointer || rx instanceof Ast.Star || sharedSource(rx));
        Type recvType = s.recvNamed;
        if (m0.nat != null) {
          Natives.NativeFn nf = m0.nat;
          String nn = s.recvNamed.str() + "." + sel.sel;
          emit((m, g, f) -> f.push(new Closure(null, null, copyRecv ? Values.copy(f.pop()) : f.pop(), nf, nn)));
        } else {
          FuncCode code = m0.code;
          emit((m, g, f) -> {
            Object r = f.pop();
            if (copyRecv && r == null && s.viaPointer) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
            if (recvReads && r != null) m.readAggregate(g, r, recvType, 0);
            f.push(new Closure(code, null, copyRecv ? Values.copy(r) : r, null, null));
          });
        }
        return s.sig;
      }
      default: {
        String name = sel.sel;
        emit((m, g, f) -> f.push(Ops.ifaceMethodValue(f.pop(), name)));
        return s.sig;
      }
    }
  }

  /**
   * Method expression {@code T.M} or {@code (*T).M}: a function whose first parameter is the receiver. A Go method's
   * code already takes its receiver as local 0 and a library method as its first argument, so the function is the
   * method itself, unbound.
   */
  Type methodExpression(Selector sel) {
    Type recv = resolveType(sel.x);
    Selection s = lookup(recv, sel.sel);
    if (s == null) throw err(sel, recv.str() + "." + sel.sel + " undefined (type " + recv.str() + " has no method " + sel.sel + ")");
    if (s.kind != Selection.METHOD || s.path.length > 0) {
      throw unsupported(sel, "method expression of an interface method or of a method promoted from an embedded field");
    }
    Type.Method m0 = s.method;
    boolean ptr = recv.underlying() instanceof Type.Pointer && !(recv instanceof Type.Named);
    if (m0.ptrRecv && !ptr) {
      throw err(sel, "invalid method expression " + recv.str() + "." + sel.sel + " (needs pointer receiver (*" + recv.str() + ")." + sel.sel + ")");
    }
    if (!m0.ptrRecv && ptr) throw unsupported(sel, "method expression (*T).M of a method with a value receiver");
    List<Type> params = new ArrayList<>();
    params.add(recv);
    params.addAll(m0.sig.params);
    Type.Func ft = new Type.Func(params, m0.sig.results, m0.sig.variadic);
    if (m0.nat != null) {
      Natives.NativeFn nf = m0.nat;
      String nn = s.recvNamed.str() + "." + sel.sel;
      push(new Closure(null, null, Values.NO_RECV, nf, nn));
    } else {
      FuncCode code = m0.code;
      emit((m, g, f) -> f.push(new Closure(code, null)));
    }
    return ft;
  }

  /** The name of a library type the simulator models ({@code sync.RWMutex}) for t or *t, or null for the program's own. */
  String libraryTypeName(Type t) {
    if (t instanceof Type.Pointer p) t = p.elem;
    if (t instanceof Type.Named n && n.name.contains(".") && !n.name.startsWith(pkgName + ".")) return n.name;
    return null;
  }
}
