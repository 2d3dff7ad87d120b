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

/** Variables and assignable places: loads and stores of locals, globals, heap cells and captured variables. */
abstract class LValueCompiler extends GenericResolver {
  LValueCompiler(String file, String displayFile, boolean go122) {
    super(file, displayFile, go122);
  }

  /** An assignable location: prepare() pushes its address parts, store() pops value and parts. */
  abstract static class LV {
    abstract Type type();
    abstract void prepare();
    abstract void dupPrepared();
    abstract void load();
    abstract void store();
  }

  LV varLV(Sym s) {
    Compiler c = self();
    return new LV() {
      Type type() { return s.type; }
      void prepare() {}
      void dupPrepared() {}
      void load() { c.loadVar(s, null); }
      void store() { c.storeVar(s); }
    };
  }

  LV lvalue(Expr e) {
    e = unparen(e);
    line = e.line;
    if (e instanceof Ident id) {
      if (id.name.equals("_")) {
        Compiler c = self();
        return new LV() {
          Type type() { return null; }
          void prepare() {}
          void dupPrepared() {}
          void load() { throw c.err(id, "cannot use _ as value"); }
          void store() { c.pop(1); }
        };
      }
      Sym s = scope.lookup(id.name);
      if (s == null) throw err(e, "undefined: " + id.name);
      if (s.kind != VAR) throw err(e, "cannot assign to " + id.name + " (neither addressable nor a map index expression)");
      checkGlobalNotRefused(id, s);
      return varLV(s);
    }
    if (e instanceof Index ix) {
      Type xt = expr(ix.x, null, false);
      Type u = xt.underlying();
      if (u instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Array) u = p.elem.underlying();
      if (u instanceof Type.MapT mt) {
        Compiler c = self();
        int mapSlot = fn.newLocal();
        int keySlot = fn.newLocal();
        emit(new Instr.StoreLocal(mapSlot));
        Expr idx = ix.index;
        int ln = ix.line;
        return new LV() {
          Type type() { return mt.value; }
          void prepare() {
            c.exprTo(idx, mt.key);
            c.emit((m, g, f) -> f.locals[keySlot] = Values.key(f.pop()));
          }
          void dupPrepared() {}
          void load() {
            c.emitV("map read", (m, g, f) -> f.push(Ops.mapGet(m, g, (MapVal) f.locals[mapSlot], f.locals[keySlot], mt.value, false)));
          }
          void store() {
            c.line = ln;
            c.emitV("map write (begin)", (m, g, f) -> Ops.mapWriteBegin(m, g, (MapVal) f.locals[mapSlot]));
            c.emitV("map write", (m, g, f) -> Ops.mapWriteEnd(m, g, (MapVal) f.locals[mapSlot], f.locals[keySlot], f.pop()));
          }
        };
      }
      Type elem;
      boolean local = u instanceof Type.Array && isLocalValue(ix.x);
      if (u instanceof Type.Slice s) elem = s.elem;
      else if (u instanceof Type.Array a) elem = a.elem;
      else if (u instanceof Type.Basic b && b.isString()) throw err(e, "cannot assign to " + "string element");
      else throw err(e, "invalid operation: cannot index " + xt.str());
      Compiler c = self();
      Expr idx = ix.index;
      return new LV() {
        Type type() { return elem; }
        void prepare() {
          c.expr(idx, Type.INT, false);
          c.emit(new Instr.ElemRef());
        }
        void dupPrepared() { c.emit(new Instr.Dup()); }
        void load() {
          Op op = (m, g, f) -> {
            ElemRef r = (ElemRef) f.pop();
            if (!local) m.read(g, r.shadow(), r, "element");
            f.push(r.load());
          };
          if (local) c.emit(op);
          else c.emitV("read element", op);
        }
        void store() {
          Op op = (m, g, f) -> {
            Object v = f.pop();
            ElemRef r = (ElemRef) f.pop();
            if (!local) m.write(g, r.shadow(), r, "element");
            r.store(v);
          };
          if (local) c.emit(op);
          else c.emitV("write element", op);
        }
      };
    }
    if (e instanceof Selector sel) {
      Selection s = select(sel);
      if (s == null || s.kind != Selection.FIELD) throw err(e, "cannot assign to " + sel.sel);
      Compiler c = self();
      boolean local = isLocalValue(sel.x) && !s.viaPointer;
      String fname = s.fieldName;
      return new LV() {
        Type type() { return s.type; }
        void prepare() { c.fieldBase(sel, s); }
        void dupPrepared() { c.emit(new Instr.Dup()); }
        void load() {
          int idx = s.lastIndex;
          Op op = (m, g, f) -> {
            StructVal sv = (StructVal) f.pop();
            if (sv == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
            if (!local) m.read(g, sv.shadow(idx), new FieldRef(sv, idx), fname);
            f.push(sv.f[idx]);
          };
          if (local) c.emit(op);
          else c.emitV("read " + fname, op);
        }
        void store() {
          int idx = s.lastIndex;
          Op op = (m, g, f) -> {
            Object v = f.pop();
            StructVal sv = (StructVal) f.pop();
            if (sv == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
            if (!local) m.write(g, sv.shadow(idx), new FieldRef(sv, idx), fname);
            sv.f[idx] = v;
          };
          if (local) c.emit(op);
          else c.emitV("write " + fname, op);
        }
      };
    }
    if (e instanceof Star st) {
      Compiler c = self();
      Type pt = expr(st.x, null, false);
      if (!(pt.underlying() instanceof Type.Pointer p)) throw err(e, "invalid indirect of " + pt.str());
      Type elem = p.elem;
      int ps = fn.newLocal();
      emit(new Instr.StoreLocal(ps));
      return new LV() {
        Type type() { return elem; }
        void prepare() {}
        void dupPrepared() {}
        void load() {
          c.emitV("read *p", (m, g, f) -> f.push(Ops.deref(m, g, f.locals[ps])));
        }
        void store() {
          c.emitV("write *p", (m, g, f) -> Ops.storeDeref(m, g, f.locals[ps], f.pop()));
        }
      };
    }
    throw err(e, "cannot assign to expression");
  }

  /**
   * True when copying e's struct/array value reads memory another goroutine may reach: not a local
   * variable's value ({@link #isLocalValue}), nor a freshly built one (a literal, a call's or a
   * conversion's result, a function literal).
   */
  @Override boolean sharedSource(Expr e) {
    e = unparen(e);
    if (e instanceof CompositeLit || e instanceof Call || e instanceof FuncLit || e instanceof BasicLit) return false;
    return !isLocalValue(e);
  }

  /** True when e names a local, non-heap struct/array variable (its fields are not shared memory). */
  boolean isLocalValue(Expr e) {
    e = unparen(e);
    if (e instanceof Ident id) {
      Sym s = scope.lookup(id.name);
      return s != null && s.kind == VAR && s.owner == fn && !s.boxed && s.type != null && Type.isValueAggregate(s.type);
    }
    if (e instanceof Selector sel) {
      Selection s = select(sel);
      return s != null && s.kind == Selection.FIELD && !s.viaPointer && isLocalValue(sel.x);
    }
    if (e instanceof Index ix) {
      Type t = typeOf(ix.x);
      return t != null && t.underlying() instanceof Type.Array && isLocalValue(ix.x);
    }
    return false;
  }

  Type typeOf(Expr e) {
    // compile into a throw-away buffer to learn the type
    List<Ins> saved = new ArrayList<>(fn.code.building);
    int nl = fn.code.nLocals;
    int savedLine = line;
    boolean bc = boxedChanged;
    Set<String> savedKeys = new HashSet<>(boxedKeys);
    try {
      return expr(e, null, false);
    } catch (UnsupportedConstructException x) {
      return null;
    } finally {
      fn.code.building.clear();
      fn.code.building.addAll(saved);
      fn.code.nLocals = nl;
      line = savedLine;
      boxedChanged = bc;
      boxedKeys.clear();
      boxedKeys.addAll(savedKeys);
    }
  }

  // ---------------- variables ----------------
  void loadVar(Sym s, Node at) {
    checkGlobalNotRefused(at, s);
    int slot = s.slot;
    String name = s.name;
    if (s.owner == null) {
      emitV("read " + name, (m, g, f) -> {
        Box b = (Box) m.globals[slot];
        m.read(g, b.shadow(), b, name);
        f.push(b.v);
      }, (m, f) -> fp(m.globals[slot], false));
    } else if (s.owner == fn) {
      if (s.boxed) {
        emitV("read " + name, (m, g, f) -> {
          Box b = (Box) f.locals[slot];
          m.read(g, b.shadow(), b, name);
          f.push(b.v);
        }, (m, f) -> fp(f.locals[slot], false));
      } else {
        emit(new Instr.LoadLocal(slot));
      }
    } else {
      int ci = capture(s, at);
      emitV("read " + name, (m, g, f) -> {
        Box b = (Box) f.caps[ci];
        m.read(g, b.shadow(), b, name);
        f.push(b.v);
      }, (m, f) -> fp(f.caps[ci], false));
    }
  }

  void storeVar(Sym s) {
    int slot = s.slot;
    String name = s.name;
    boolean inPlace = s.type != null && s.type.underlying() instanceof Type.Struct;
    if (s.owner == null) {
      emitV("write " + name, (m, g, f) -> {
        Box b = (Box) m.globals[slot];
        m.write(g, b.shadow(), b, name);
        b.v = Ops.assignInto(m, g, b.v, f.pop(), inPlace);
      }, (m, f) -> fp(m.globals[slot], true));
    } else if (s.owner == fn) {
      if (s.boxed) {
        emitV("write " + name, (m, g, f) -> {
          Box b = (Box) f.locals[slot];
          m.write(g, b.shadow(), b, name);
          b.v = Ops.assignInto(m, g, b.v, f.pop(), inPlace);
        }, (m, f) -> fp(f.locals[slot], true));
      } else {
        emit((m, g, f) -> f.locals[slot] = Ops.assignInto(m, g, f.locals[slot], f.pop(), inPlace));
      }
    } else {
      int ci = capture(s, null);
      emitV("write " + name, (m, g, f) -> {
        Box b = (Box) f.caps[ci];
        m.write(g, b.shadow(), b, name);
        b.v = Ops.assignInto(m, g, b.v, f.pop(), inPlace);
      }, (m, f) -> fp(f.caps[ci], true));
    }
  }

  /** Pushes the heap cell (Box) of a variable, boxing it if needed (for &x and closures). */
  void pushCell(Sym s) {
    needBox(s);
    int slot = s.slot;
    if (s.owner == null) {
      emit(new Instr.LoadGlobalCell(slot));
    } else if (s.owner == fn) {
      emit(new Instr.LoadLocal(slot));
    } else {
      int ci = capture(s, null);
      emit(new Instr.LoadCapture(ci));
    }
  }

  int capture(Sym s, Node at) {
    needBox(s);
    return fn.capIndex(s);
  }

  // ---------------- expressions ----------------
}
