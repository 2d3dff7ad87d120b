package dev.gocause.sim.vm;

import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.vm.Values.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.gocause.sim.vm.Natives.*;
import static dev.gocause.sim.vm.SyncNatives.*;
import static dev.gocause.sim.vm.AtomicNatives.*;
import static dev.gocause.sim.vm.TimeNatives.*;
import static dev.gocause.sim.vm.ContextNatives.*;
import static dev.gocause.sim.vm.LibNatives.*;
import static dev.gocause.sim.vm.TestingNatives.*;

/** Library model of golang.org/x/sync/errgroup: Group, WithContext, Go, TryGo, Wait, SetLimit. Registered by import path from {@link Natives}. */
final class ErrgroupNatives {
  private ErrgroupNatives() {}

  // ---------------- errgroup ----------------
  static final class GroupVal implements ValueObj {
    long counter;
    Object err;
    CtxVal ctx;
    int[] vc;
    long limit = -1;
    @Override public Object copyValue() {
      GroupVal c = new GroupVal();
      c.counter = counter;
      c.err = err;
      c.ctx = ctx;
      return c;
    }
  }

  static final Type.Named GROUP = new Type.Named("errgroup.Group", new Type.Opaque("errgroup.Group", GroupVal::new, true));

  static void registerErrgroup() {
    String p = "golang.org/x/sync/errgroup";
    type(p, "Group", GROUP);
    fn(p, "WithContext", sig(List.of(CONTEXT), List.of(new Type.Pointer(GROUP), CONTEXT)), (m, g, f, a) -> {
      GroupVal gv = new GroupVal();
      gv.ctx = newCancelCtx(m, g, ctxOf(a[0]), "cancel");
      f.push(gv);
      f.push(wrapCtx(gv.ctx));
    });
    method(GROUP, "SetLimit", true, sig(List.of(Type.INT), List.of()), (m, g, f, a) -> ((GroupVal) a[0]).limit = (Long) a[1]);
    method(GROUP, "Go", true, sig(List.of(sig(List.of(), List.of(ERROR))), List.of()), (m, g, f, a) -> {
      GroupVal gv = (GroupVal) a[0];
      if (gv.limit >= 0 && gv.counter >= gv.limit) {
        m.waitOn(g, f, "chan send", gv);
        return;
      }
      start(m, g, gv, (Closure) a[1]);
    });
    method(GROUP, "TryGo", true, sig(List.of(sig(List.of(), List.of(ERROR))), List.of(Type.BOOL)), (m, g, f, a) -> {
      GroupVal gv = (GroupVal) a[0];
      if (gv.limit >= 0 && gv.counter >= gv.limit) {
        f.push(false);
        return;
      }
      start(m, g, gv, (Closure) a[1]);
      f.push(true);
    });
    method(GROUP, "Wait", true, sig(List.of(), List.of(ERROR)), (m, g, f, a) -> {
      GroupVal gv = (GroupVal) a[0];
      if (gv.counter > 0) {
        m.waitOn(g, f, "semacquire", gv);
        return;
      }
      m.acquire(g, gv.vc);
      if (gv.ctx != null) cancel(m, g, gv.ctx, CANCELED);
      f.push(gv.err);
    });
  }

  /** Starts fnv in a new goroutine of the group (Go and TryGo once the limit allows it). */
  private static void start(Machine m, G g, GroupVal gv, Closure fnv) {
    gv.counter++;
    G child = m.go(g, fnv, new Object[0]);
    Frame cf = child.frame;
    child.createdAt = m.stack(g);
    Runnable prev = cf.onReturn;
    cf.onReturn = () -> {
      if (prev != null) prev.run();
      Object err = cf.fn.resultSlots.length > 0 ? cf.locals[cf.fn.resultSlots[0]] : null;
      if (err instanceof Box b) err = b.v;
      if (err != null && gv.err == null) {
        gv.err = err;
        if (gv.ctx != null) cancel(m, child, gv.ctx, CANCELED);
      }
      gv.vc = m.release(child, gv.vc);
      gv.counter--;
      m.wakeAll(gv);
    };
  }
}
