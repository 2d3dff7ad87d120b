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

/** switch, type switch and select. */
abstract class SwitchCompiler extends LoopCompiler {
  SwitchCompiler(String file, String displayFile, boolean go122) {
    super(file, displayFile, go122);
  }

  void switchStmt(Switch sw, String label) {
    Scope saved = scope;
    scope = new Scope(scope);
    if (sw.init != null) stmt(sw.init);
    line = sw.line;
    Type tagT = Type.BOOL;
    int tag = fn.newLocal();
    if (sw.tag != null) {
      tagT = Type.defaultType(expr(sw.tag, null, false));
      emit(new Instr.StoreLocal(tag));
    }
    Label brk = new Label();
    List<Label> bodies = new ArrayList<>();
    for (int i = 0; i < sw.cases.size(); i++) bodies.add(new Label());
    Label dflt = null;
    for (int ci = 0; ci < sw.cases.size(); ci++) {
      CaseClause c = sw.cases.get(ci);
      if (c.exprs == null) {
        dflt = bodies.get(ci);
        continue;
      }
      for (Expr e : c.exprs) {
        line = e.line;
        if (sw.tag == null) {
          exprTo(e, Type.BOOL);
        } else {
          emit(new Instr.LoadLocal(tag));
          Type et = expr(e, tagT, false);
          compareOp("==", tagT, et, e);
        }
        jumpIfTrue(bodies.get(ci));
      }
    }
    jump(dflt != null ? dflt : brk);
    fn.loops.push(new Loop(label, brk, null));
    for (int ci = 0; ci < sw.cases.size(); ci++) {
      CaseClause c = sw.cases.get(ci);
      mark(bodies.get(ci));
      Label savedFt = fallthroughTarget;
      fallthroughTarget = ci + 1 < sw.cases.size() ? bodies.get(ci + 1) : null;
      Scope s2 = scope;
      scope = new Scope(scope);
      block(c.body);
      scope = s2;
      fallthroughTarget = savedFt;
      jump(brk);
    }
    fn.loops.pop();
    mark(brk);
    scope = saved;
  }

  void typeSwitch(TypeSwitch ts, String label) {
    Scope saved = scope;
    scope = new Scope(scope);
    if (ts.init != null) stmt(ts.init);
    line = ts.line;
    Type xt = expr(ts.x, null, false);
    if (!Type.isInterface(xt)) throw err(ts.x, ts.x + " is not an interface");
    int x = fn.newLocal();
    emit(new Instr.StoreLocal(x));
    Label brk = new Label();
    List<Label> bodies = new ArrayList<>();
    for (int i = 0; i < ts.cases.size(); i++) bodies.add(new Label());
    Label dflt = null;
    for (int ci = 0; ci < ts.cases.size(); ci++) {
      CaseClause c = ts.cases.get(ci);
      if (c.exprs == null) {
        dflt = bodies.get(ci);
        continue;
      }
      for (Expr e : c.exprs) {
        line = e.line;
        if (e instanceof Ident id && id.name.equals("nil")) {
          emit((m, g, f) -> f.push(f.locals[x] == null));
        } else {
          Type t = resolveType(e);
          emit((m, g, f) -> f.push(Ops.typeMatches(f.locals[x], t)));
        }
        jumpIfTrue(bodies.get(ci));
      }
    }
    jump(dflt != null ? dflt : brk);
    fn.loops.push(new Loop(label, brk, null));
    for (int ci = 0; ci < ts.cases.size(); ci++) {
      CaseClause c = ts.cases.get(ci);
      mark(bodies.get(ci));
      Scope s2 = scope;
      scope = new Scope(scope);
      if (ts.bind != null) {
        Type bt = xt;
        boolean unwrap = false;
        if (c.exprs != null && c.exprs.size() == 1 && !(c.exprs.get(0) instanceof Ident id && id.name.equals("nil"))) {
          bt = resolveType(c.exprs.get(0));
          unwrap = !Type.isInterface(bt);
        }
        Ident bid = new Ident(ts.bind);
        bid.line = c.line;
        bid.col = c.col;
        boolean uw = unwrap;
        Sym s = new Sym(ts.bind, VAR, bt);
        s.owner = fn;
        s.slot = fn.newLocal();
        s.key = c.line + ":" + c.col + ":" + ts.bind;
        s.boxed = boxedKeys.contains(s.key);
        emit((m, g, f) -> {
          Object v = f.locals[x];
          f.push(uw && v instanceof Iface i ? i.v : v);
        });
        storeNew(s);
        scope.names.put(ts.bind, s);
      }
      block(c.body);
      scope = s2;
      jump(brk);
    }
    fn.loops.pop();
    mark(brk);
    scope = saved;
  }

  void selectStmt(Select sel, String label) {
    line = sel.line;
    int n = 0;
    boolean hasDefault = false;
    List<CommClause> cases = new ArrayList<>();
    List<Boolean> sends = new ArrayList<>();
    List<Type> elemTypes = new ArrayList<>();
    List<Integer> caseLineList = new ArrayList<>();
    for (CommClause c : sel.cases) {
      if (c.comm == null) {
        hasDefault = true;
        continue;
      }
      line = c.line;
      cases.add(c);
      caseLineList.add(c.line);
      if (c.comm instanceof SendStmt ss) {
        Type ct = expr(ss.ch, null, false);
        if (!(ct.underlying() instanceof Type.Chan ch)) throw err(ss, "send to non-chan");
        exprTo(ss.value, ch.elem);
        copyIfAggregate(ch.elem);
        sends.add(true);
        elemTypes.add(ch.elem);
      } else {
        Expr recvExpr;
        if (c.comm instanceof ExprStmt es) recvExpr = es.x;
        else if (c.comm instanceof Assign a && a.rhs.size() == 1) recvExpr = a.rhs.get(0);
        else throw err(c, "select case must be receive, send or assign recv");
        recvExpr = unparen(recvExpr);
        if (!(recvExpr instanceof Unary u && u.op.equals("<-"))) throw err(c, "select case must be receive, send or assign recv");
        Type ct = expr(u.x, null, false);
        if (!(ct.underlying() instanceof Type.Chan ch)) throw err(c, "receive from non-chan");
        push(null);
        sends.add(false);
        elemTypes.add(ch.elem);
      }
      n++;
    }
    int nc = n;
    boolean[] isSend = new boolean[nc];
    for (int i = 0; i < nc; i++) isSend[i] = sends.get(i);
    boolean hd = hasDefault;
    int[] caseLines = caseLineList.stream().mapToInt(Integer::intValue).toArray();
    line = sel.line;
    emitV(nc == 0 && !hd ? "select (no cases)" : "select", (m, g, f) -> {
      Machine.Chan[] chans = new Machine.Chan[nc];
      Object[] vals = new Object[nc];
      for (int i = nc - 1; i >= 0; i--) {
        vals[i] = f.pop();
        chans[i] = (Machine.Chan) f.pop();
      }
      m.select(g, f, chans, vals, isSend, hd, caseLines);
    });
    int ok = fn.newLocal();
    int val = fn.newLocal();
    int idx = fn.newLocal();
    emit((m, g, f) -> {
      f.locals[ok] = f.pop();
      f.locals[val] = f.pop();
      f.locals[idx] = f.pop();
    });
    Label brk = new Label();
    fn.loops.push(new Loop(label, brk, null));
    int ci = 0;
    for (CommClause c : sel.cases) {
      Label next = new Label();
      long want = c.comm == null ? -1 : ci;
      line = c.line;
      emit((m, g, f) -> {
        if ((Long) f.locals[idx] != want) f.pc = next.pc;
      });
      Scope saved = scope;
      scope = new Scope(scope);
      if (c.comm instanceof Assign a) {
        Type et = elemTypes.get(ci);
        Ident lhs0 = a.lhs.get(0) instanceof Ident i0 ? i0 : null;
        List<Expr> lhs = a.lhs;
        for (int k = 0; k < lhs.size(); k++) {
          Expr le = lhs.get(k);
          if (isBlank(le)) continue;
          int src = k == 0 ? val : ok;
          Type t = k == 0 ? et : Type.BOOL;
          if (a.op.equals(":=")) {
            Ident id = (Ident) le;
            Sym s = new Sym(id.name, VAR, t);
            s.owner = fn;
            s.slot = fn.newLocal();
            s.key = id.line + ":" + id.col + ":" + id.name;
            s.boxed = boxedKeys.contains(s.key);
            emit(new Instr.LoadLocal(src));
            storeNew(s);
            scope.names.put(id.name, s);
          } else {
            LV lv = lvalue(le);
            lv.prepare();
            emit(new Instr.LoadLocal(src));
            lv.store();
          }
        }
        if (lhs0 == null && false) throw err(c, "");
      }
      if (c.comm != null) ci++;
      block(c.body);
      scope = saved;
      jump(brk);
      mark(next);
    }
    fn.loops.pop();
    mark(brk);
  }
}
