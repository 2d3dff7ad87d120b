package dev.gocause.sim.vm;

import dev.gocause.sim.vm.Values.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import dev.gocause.sim.vm.Machine.*;

/** Channels as the runtime implements them (queues, direct hand-off, buffers, close, select) and program output. */
abstract class Channels extends HappensBefore {
  Channels(Program prog, Chooser chooser, boolean recordTimeline, long maxSteps, long seed) {
    super(prog, chooser, recordTimeline, maxSteps, seed);
  }


  // ---------------- output ----------------
  public void print(String s) {
    if (!grace && !postCrash) out.append(s);
  }

  // ---------------- channels ----------------
  /** Stands for a nil value inside channel buffers (ArrayDeque holds no nulls). */
  static final Object NIL = new Object();

  static Sudog firstLive(ArrayDeque<Sudog> q) {
    while (!q.isEmpty()) {
      Sudog s = q.pollFirst();
      if (s.live()) return s;
    }
    return null;
  }

  static boolean hasLive(ArrayDeque<Sudog> q) {
    for (Sudog s : q) if (s.live()) return true;
    return false;
  }

  /** Delivers a received value to a waiting receiver. */
  void deliverRecv(Sudog r, Object v, boolean ok) {
    Frame rf = r.g.frame;
    if (r.sel != null) {
      r.sel.done = true;
      rf.push((long) r.caseIdx);
      rf.push(v);
      rf.push(ok);
    } else {
      rf.push(v);
      if (r.commaOk) rf.push(ok);
    }
    wake(r.g);
  }

  void completeSend(Sudog s) {
    if (s.sel != null) {
      s.sel.done = true;
      Frame sf = s.g.frame;
      sf.push((long) s.caseIdx);
      sf.push(null);
      sf.push(Boolean.FALSE);
    }
    wake(s.g);
  }

  /** Tries a send; returns false when it would block. */
  boolean trySend(G g, Chan c, Object v) {
    if (c.closed) throw new GoPanic(Natives.plainError("send on closed channel"));
    Sudog r = firstLive(c.recvq);
    if (r != null) {
      // rendezvous: both sides synchronize
      int[] gv = g.vc.clone();
      acquire(g, r.g.vc);
      acquire(r.g, gv);
      tick(g);
      tick(r.g);
      c.sends++;
      c.recvs++;
      deliverRecv(r, v, true);
      return true;
    }
    if (c.buf.size() < c.cap) {
      int slot = (int) (c.sends % c.slotVC.length);
      acquire(g, c.slotVC[slot]); // the receive that freed this slot happens before this send completes
      c.buf.addLast(v == null ? NIL : v);
      c.bufVC.addLast(release(g, null));
      c.sends++;
      return true;
    }
    return false;
  }

  public void send(G g, Frame f, Chan c, Object v) {
    if (c == null) {
      block(g, "chan send (nil chan)", null);
      g.blockedForever = true;
      return;
    }
    // the race detector sees a send as a read of the channel and close as a write
    read(g, c.shadow(), c, "channel");
    if (g.lo != null) lockOrder.chanOp(g, c, LockOrder.Op.SEND, f.line(), false, true);
    if (trySend(g, c, v)) return;
    c.sendBlocked = true;
    c.sendq.addLast(new Sudog(g, v, false, -1, null));
    block(g, "chan send", c);
  }

  /** Tries a receive; returns null when it would block, else {value, ok}. */
  Object[] tryRecv(G g, Chan c) {
    if (!c.buf.isEmpty()) {
      Object v = c.buf.pollFirst();
      if (v == NIL) v = null;
      acquire(g, c.bufVC.pollFirst());
      int slot = (int) (c.recvs % c.slotVC.length);
      c.slotVC[slot] = release(g, c.slotVC[slot]);
      c.recvs++;
      Sudog s = firstLive(c.sendq);
      if (s != null) {
        // move the waiting sender's value into the freed slot
        int sslot = (int) (c.sends % c.slotVC.length);
        acquire(s.g, c.slotVC[sslot]);
        c.buf.addLast(s.val == null ? NIL : s.val);
        c.bufVC.addLast(release(s.g, null));
        c.sends++;
        completeSend(s);
      }
      return new Object[] {v, Boolean.TRUE};
    }
    Sudog s = firstLive(c.sendq);
    if (s != null) {
      int[] gv = g.vc.clone();
      acquire(g, s.g.vc);
      acquire(s.g, gv);
      tick(g);
      tick(s.g);
      c.sends++;
      c.recvs++;
      completeSend(s);
      return new Object[] {s.val, Boolean.TRUE};
    }
    if (c.closed) {
      acquire(g, c.closeVC);
      return new Object[] {Values.copy(c.zero), Boolean.FALSE};
    }
    return null;
  }

  public void recv(G g, Frame f, Chan c, boolean commaOk) {
    if (c == null) {
      block(g, "chan receive (nil chan)", null);
      g.blockedForever = true;
      return;
    }
    if (g.lo != null) lockOrder.chanOp(g, c, LockOrder.Op.RECV, f.line(), false, true);
    Object[] r = tryRecv(g, c);
    if (r != null) {
      f.push(r[0]);
      if (commaOk) f.push(r[1]);
      return;
    }
    c.recvBlocked = true;
    c.recvq.addLast(new Sudog(g, null, commaOk, -1, null));
    block(g, "chan receive", c);
  }

  public void close(G g, Chan c) {
    if (c == null) throw new GoPanic(Natives.plainError("close of nil channel"));
    if (c.closed) throw new GoPanic(Natives.plainError("close of closed channel"));
    write(g, c.shadow(), c, "channel");
    if (g.lo != null) lockOrder.chanOp(g, c, LockOrder.Op.CLOSE, g.frame != null ? g.frame.line() : 0, false, false);
    c.closed = true;
    c.closeVC = release(g, c.closeVC);
    Sudog r;
    while ((r = firstLive(c.recvq)) != null) {
      acquire(r.g, c.closeVC);
      deliverRecv(r, Values.copy(c.zero), false);
    }
    Sudog s;
    while ((s = firstLive(c.sendq)) != null) {
      // a blocked sender panics once it runs again
      s.g.pendingPanic = Natives.plainError("send on closed channel");
      completeSend(s);
    }
  }

  /**
   * select: chans[i] and vals[i] (send value) per case, dirs[i] true for send. Pushes
   * {caseIndex, received value, ok}; index -1 is default.
   */
  public void select(G g, Frame f, Chan[] chans, Object[] vals, boolean[] isSend, boolean hasDefault, int[] caseLines) {
    int n = chans.length;
    if (g.lo != null) {
      // each case is a possible wait (unless default or a timer case guarantees the select returns) and a partner op
      boolean mayBlock = !hasDefault;
      for (int i = 0; i < n && mayBlock; i++) if (chans[i] != null && chans[i].timer) mayBlock = false;
      for (int i = 0; i < n; i++) {
        if (chans[i] != null) lockOrder.chanOp(g, chans[i], isSend[i] ? LockOrder.Op.SEND : LockOrder.Op.RECV, caseLines[i], true, mayBlock);
      }
    }
    int[] ready = new int[n];
    int nr = 0;
    for (int i = 0; i < n; i++) {
      Chan c = chans[i];
      if (c == null) continue;
      if (isSend[i]) {
        if (c.closed || hasLive(c.recvq) || c.buf.size() < c.cap) ready[nr++] = i;
      } else {
        if (!c.buf.isEmpty() || hasLive(c.sendq) || c.closed) ready[nr++] = i;
      }
    }
    if (nr > 0) {
      g.spins = 0;
      int i = ready[nr == 1 ? 0 : chooser.choose(nr)];
      Chan c = chans[i];
      if (isSend[i]) {
        read(g, c.shadow(), c, "channel");
        trySend(g, c, vals[i]);
        f.push((long) i);
        f.push(null);
        f.push(Boolean.FALSE);
      } else {
        Object[] r = tryRecv(g, c);
        f.push((long) i);
        f.push(r[0]);
        f.push(r[1]);
      }
      return;
    }
    if (hasDefault) {
      // a goroutine polling with select/default burns real time: after many polls let the clock
      // reach the next timer, as it would while the loop spins
      if (++g.spins >= SPIN_POLLS && !timers.isEmpty()) {
        g.spins = 0;
        spinAdvance = true;
      }
      f.push(-1L);
      f.push(null);
      f.push(Boolean.FALSE);
      return;
    }
    SelectWait w = new SelectWait();
    boolean any = false;
    for (int i = 0; i < n; i++) {
      Chan c = chans[i];
      if (c == null) continue;
      any = true;
      if (isSend[i]) {
        c.sendBlocked = true;
        c.sendq.addLast(new Sudog(g, vals[i], false, i, w));
      } else {
        c.recvBlocked = true;
        c.recvq.addLast(new Sudog(g, null, true, i, w));
      }
    }
    block(g, n == 0 ? "select (no cases)" : "select", w);
    if (!any) g.blockedForever = true;
  }

  /** Called after a blocked goroutine resumes: delivers a panic decided while it slept. */
  public void checkPending(G g) {
    if (g.pendingPanic != null) {
      Object p = g.pendingPanic;
      g.pendingPanic = null;
      throw new GoPanic(p);
    }
  }

  static final FuncCode SYNC_BASE = new FuncCode("<sync>", "");
  static {
    SYNC_BASE.code = new FuncCode.Ins[0];
  }

  /**
   * Runs Go code to completion inside a library call (String()/Error() for fmt, sort's less), without
   * scheduling points. Returns the results.
   */
  public Object[] callSync(G g, Closure c, Object[] args) {
    if (c.nat != null) {
      Frame base = new Frame(SYNC_BASE, null);
      c.nat.call(self(), g, base, CallsAndPanics.withRecv(c, args));
      return Arrays.copyOf(base.stack, base.sp);
    }
    Frame saved = g.frame;
    Frame base = new Frame(SYNC_BASE, null);
    Frame nf = enter(c, args);
    nf.caller = base;
    g.frame = nf;
    try {
      int guard = 0;
      while (g.frame != base) {
        Frame f = g.frame;
        if (f.pc >= f.fn.code.length) {
          ret(g, f);
          continue;
        }
        FuncCode.Ins in = f.fn.code[f.pc++];
        in.op.exec(self(), g, f);
        if (g.state != G.RUNNABLE) {
          fatal(g, "simulator: blocking operation inside " + c.name() + " called from a library function is not supported", false);
        }
        if (++guard > 10_000_000) fatal(g, "simulator: " + c.name() + " does not return", false);
      }
      return Arrays.copyOf(base.stack, base.sp);
    } finally {
      g.frame = saved;
    }
  }

  /** Closes a channel on behalf of the runtime (timer-driven context cancellation): g may be null. */
  public void closeBy(G g, Chan c) {
    if (g != null) {
      close(g, c);
      return;
    }
    if (c.closed) return;
    c.closed = true;
    Sudog r;
    while ((r = firstLive(c.recvq)) != null) deliverRecv(r, Values.copy(c.zero), false);
    Sudog s;
    while ((s = firstLive(c.sendq)) != null) {
      s.g.pendingPanic = Natives.plainError("send on closed channel");
      completeSend(s);
    }
  }

  /** Non-blocking send used by timers: drops the value when the buffer is full. */
  public void offer(Chan c, Object v) {
    if (c.closed) return;
    Sudog r = firstLive(c.recvq);
    if (r != null) {
      deliverRecv(r, v, true);
      return;
    }
    if (c.buf.size() < c.cap) {
      c.buf.addLast(v == null ? NIL : v);
      c.bufVC.addLast(new int[0]);
      c.sends++;
    }
  }

  /** Starts a goroutine from the runtime (time.AfterFunc), happening after the given clock. */
  public G goFromRuntime(Closure c, Object[] args, int[] vc, List<StackLine> createdAt, String createdBy) {
    G g = newG(null);
    acquire(g, vc);
    g.createdAt = createdAt;
    g.createdBy = createdBy;
    g.frame = c.nat != null ? new Frame(Natives.trampoline(c, args, file), null) : enter(c, args);
    g.frame.discard = true;
    g.topFunc = c.name();
    return g;
  }

  /** What g's next operation will touch ({object, write}), or null when unknown. */
  public Object[] footprint(G g) {
    Frame f = g.frame;
    if (f == null || g.pendingPanic != null || f.pc >= f.fn.code.length) return null;
    FuncCode.Ins in = f.fn.code[f.pc];
    if (!in.visible || in.peek == null) return null;
    try {
      return in.peek.peek(self(), f);
    } catch (RuntimeException e) {
      return null;
    }
  }

  public int liveGoroutines() {
    return live;
  }

  public void exit(int code) {
    exitCode = code;
    outcome = Outcome.EXIT;
    throw new Fatal("exit status " + code);
  }
}
