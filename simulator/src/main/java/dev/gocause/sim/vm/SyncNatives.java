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
import static dev.gocause.sim.vm.AtomicNatives.*;
import static dev.gocause.sim.vm.TimeNatives.*;
import static dev.gocause.sim.vm.ContextNatives.*;
import static dev.gocause.sim.vm.ErrgroupNatives.*;
import static dev.gocause.sim.vm.LibNatives.*;
import static dev.gocause.sim.vm.TestingNatives.*;

/** Library model of sync: Mutex, RWMutex, WaitGroup, Once, Cond, Pool, Map, Locker. Registered by import path from {@link Natives}. */
final class SyncNatives {
  private SyncNatives() {}

  // ---------------- sync ----------------
  static final class MutexVal implements ValueObj {
    boolean locked;
    int[] vc;
    @Override public Object copyValue() {
      MutexVal c = new MutexVal();
      c.locked = locked;
      return c;
    }
  }

  static final class RWMutexVal implements ValueObj {
    boolean writer;
    int readers;
    int waitingWriters;
    int[] vc;
    int[] rvc;
    @Override public Object copyValue() {
      RWMutexVal c = new RWMutexVal();
      c.writer = writer;
      c.readers = readers;
      return c;
    }
  }

  static final class WaitGroupVal implements ValueObj {
    long counter;
    int[] vc;
    /** Goroutines in Wait (Go's waiter count), back to 0 when the counter reaches 0 and wakes them. */
    int waiters;
    /**
     * The word the race detector uses to order the first Add with Wait (waitgroup.go's race.Read of the semaphore
     * in an Add from 0, race.Write in the first Wait that blocks): an Add from 0 not ordered with a blocking Wait is
     * a data race there, as -race reports it.
     */
    Machine.Shadow sema;
    /**
     * Goroutines blocked in Wait. The counter reaching 0 wakes them and each returns when it runs again: if by then
     * the WaitGroup is in use again (an Add, or a new Wait blocked), Go 1.19 panics "sync: WaitGroup is reused
     * before previous Wait has returned" (waitgroup.go checks the state after the semaphore returns).
     */
    java.util.Set<G> blocked;
    @Override public Object copyValue() {
      WaitGroupVal c = new WaitGroupVal();
      c.counter = counter;
      return c;
    }
  }

  static final class OnceVal implements ValueObj {
    boolean done;
    G running;
    int[] vc;
    @Override public Object copyValue() {
      OnceVal c = new OnceVal();
      c.done = done;
      return c;
    }
  }

  static final class CondState {
    final ArrayList<G> waiters = new ArrayList<>();
    int[] vc;
  }

  static final class PoolState {
    final ArrayList<Object> items = new ArrayList<>();
    /** Per item, the clock of its Put: Go's race build orders a Put before the Get that returns the same item. */
    final ArrayList<int[]> clocks = new ArrayList<>();
  }

  static final class SyncMapState {
    final LinkedHashMap<Object, Object> m = new LinkedHashMap<>();
    int[] vc;
  }

  static final Type.Named MUTEX = new Type.Named("sync.Mutex", new Type.Opaque("sync.Mutex", MutexVal::new, true));
  static final Type.Named RWMUTEX = new Type.Named("sync.RWMutex", new Type.Opaque("sync.RWMutex", RWMutexVal::new, true));
  static final Type.Named WAITGROUP = new Type.Named("sync.WaitGroup", new Type.Opaque("sync.WaitGroup", WaitGroupVal::new, true));
  static final Type.Named ONCE = new Type.Named("sync.Once", new Type.Opaque("sync.Once", OnceVal::new, true));
  static final Type.Named LOCKER;
  static final Type.Named COND;
  static final Type.Named POOL;
  static final Type.Named SYNCMAP;

  static {
    Type.Interface li = new Type.Interface();
    li.methods.put("Lock", sig(List.of(), List.of()));
    li.methods.put("Unlock", sig(List.of(), List.of()));
    LOCKER = new Type.Named("sync.Locker", li);
    Type.Struct cs = new Type.Struct();
    cs.fields.add(new Type.FieldT("L", LOCKER, false));
    cs.fields.add(new Type.FieldT("state", new Type.Opaque("sync.condState", CondState::new, false), false));
    COND = new Type.Named("sync.Cond", cs);
    Type.Struct ps = new Type.Struct();
    ps.fields.add(new Type.FieldT("New", sig(List.of(), List.of(EMPTY_IFACE)), false));
    ps.fields.add(new Type.FieldT("state", new Type.Opaque("sync.poolState", PoolState::new, false), false));
    POOL = new Type.Named("sync.Pool", ps);
    Type.Struct ms = new Type.Struct();
    ms.fields.add(new Type.FieldT("state", new Type.Opaque("sync.mapState", SyncMapState::new, false), false));
    SYNCMAP = new Type.Named("sync.Map", ms);
  }

  /**
   * The standard-library frames Go 1.19 prints above the program's own for a goroutine blocked in
   * a sync call (runtime/sema.go, sync/mutex.go, rwmutex.go, waitgroup.go), with the lock's address
   * where Go prints one: a simulated dump then tells a Mutex from an RWMutex or a WaitGroup, and
   * which lock, as a real one does. Empty for anything else.
   */
  static List<String> waitFrames(G g, Object on, long addr) {
    String a = String.format("0x%x", addr);
    String sema = "sync.runtime_SemacquireMutex(0x0?, 0x0?, 0x1?)\n\t/usr/lib/go-1.19/src/runtime/sema.go:77 +0x25";
    if (on instanceof MutexVal) {
      return List.of(sema, "sync.(*Mutex).lockSlow(" + a + ")\n\t/usr/lib/go-1.19/src/sync/mutex.go:171 +0x165",
          "sync.(*Mutex).Lock(...)\n\t/usr/lib/go-1.19/src/sync/mutex.go:90");
    }
    if (on instanceof RWMutexVal) {
      return g.scratch == on
          ? List.of(sema, "sync.(*RWMutex).Lock(" + a + ")\n\t/usr/lib/go-1.19/src/sync/rwmutex.go:144 +0x71")
          : List.of(sema, "sync.(*RWMutex).RLock(...)\n\t/usr/lib/go-1.19/src/sync/rwmutex.go:71");
    }
    if (on instanceof WaitGroupVal) {
      return List.of("sync.runtime_Semacquire(0x0?)\n\t/usr/lib/go-1.19/src/runtime/sema.go:62 +0x25",
          "sync.(*WaitGroup).Wait(" + a + ")\n\t/usr/lib/go-1.19/src/sync/waitgroup.go:139 +0x52");
    }
    if (on instanceof OnceVal) {
      return List.of(sema, "sync.(*Mutex).lockSlow(" + a + ")\n\t/usr/lib/go-1.19/src/sync/mutex.go:171 +0x165",
          "sync.(*Mutex).Lock(...)\n\t/usr/lib/go-1.19/src/sync/mutex.go:90",
          "sync.(*Once).doSlow(" + a + ", 0x0?)\n\t/usr/lib/go-1.19/src/sync/once.go:70 +0x48",
          "sync.(*Once).Do(...)\n\t/usr/lib/go-1.19/src/sync/once.go:65");
    }
    return List.of();
  }

  static void lockMutex(Machine m, G g, Frame f, MutexVal mu) {
    if (mu == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
    m.lockOrder.attempt(g, mu, false, f.line());
    if (mu.locked) {
      m.waitOn(g, f, "semacquire", mu);
      return;
    }
    mu.locked = true;
    m.acquire(g, mu.vc);
    m.lockOrder.acquired(g, mu, false, f.line());
  }

  static void unlockMutex(Machine m, G g, MutexVal mu) {
    if (mu == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
    if (!mu.locked) m.fatal(g, "sync: unlock of unlocked mutex", true);
    mu.locked = false;
    m.lockOrder.released(g, mu, false);
    mu.vc = m.release(g, mu.vc);
    m.wakeAll(mu);
  }

  static void rlock(Machine m, G g, Frame f, RWMutexVal rw) {
    if (rw == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
    m.lockOrder.attempt(g, rw, true, f.line());
    if (rw.writer || rw.waitingWriters > 0) {
      m.waitOn(g, f, "semacquire", rw);
      return;
    }
    rw.readers++;
    m.acquire(g, rw.vc);
    m.lockOrder.acquired(g, rw, true, f.line());
  }

  static void runlock(Machine m, G g, RWMutexVal rw) {
    if (rw.readers <= 0) m.fatal(g, "sync: RUnlock of unlocked RWMutex", true);
    rw.readers--;
    m.lockOrder.released(g, rw, true);
    rw.rvc = m.release(g, rw.rvc);
    if (rw.readers == 0) m.wakeAll(rw);
  }

  static void wlock(Machine m, G g, Frame f, RWMutexVal rw) {
    if (rw == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
    boolean counted = g.scratch == rw;
    m.lockOrder.attempt(g, rw, false, f.line());
    if (rw.writer || rw.readers > 0) {
      if (!counted) {
        rw.waitingWriters++; // writer preference: new readers now wait
        g.scratch = rw;
      }
      m.waitOn(g, f, "semacquire", rw);
      return;
    }
    if (counted) {
      rw.waitingWriters--;
      g.scratch = null;
    }
    rw.writer = true;
    m.acquire(g, rw.vc);
    m.acquire(g, rw.rvc);
    m.lockOrder.acquired(g, rw, false, f.line());
  }

  static void registerSync() {
    type("sync", "Mutex", MUTEX);
    type("sync", "RWMutex", RWMUTEX);
    type("sync", "WaitGroup", WAITGROUP);
    type("sync", "Once", ONCE);
    type("sync", "Cond", COND);
    type("sync", "Pool", POOL);
    type("sync", "Map", SYNCMAP);
    type("sync", "Locker", LOCKER);
    Type.Func v = sig(List.of(), List.of());
    method(MUTEX, "Lock", true, v, (m, g, f, a) -> lockMutex(m, g, f, (MutexVal) a[0]));
    method(MUTEX, "Unlock", true, v, (m, g, f, a) -> unlockMutex(m, g, (MutexVal) a[0]));
    method(MUTEX, "TryLock", true, sig(List.of(), List.of(Type.BOOL)), (m, g, f, a) -> {
      MutexVal mu = (MutexVal) a[0];
      if (mu.locked) {
        f.push(false);
        return;
      }
      mu.locked = true;
      m.acquire(g, mu.vc);
      m.lockOrder.acquired(g, mu, false, f.line());
      f.push(true);
    });
    method(RWMUTEX, "Lock", true, v, (m, g, f, a) -> wlock(m, g, f, (RWMutexVal) a[0]));
    method(RWMUTEX, "Unlock", true, v, (m, g, f, a) -> {
      RWMutexVal rw = (RWMutexVal) a[0];
      if (!rw.writer) m.fatal(g, "sync: Unlock of unlocked RWMutex", true);
      rw.writer = false;
      m.lockOrder.released(g, rw, false);
      rw.vc = m.release(g, rw.vc);
      m.wakeAll(rw);
    });
    method(RWMUTEX, "TryLock", true, sig(List.of(), List.of(Type.BOOL)), (m, g, f, a) -> {
      RWMutexVal rw = (RWMutexVal) a[0];
      if (rw.writer || rw.readers > 0) {
        f.push(false);
        return;
      }
      rw.writer = true;
      m.acquire(g, rw.vc);
      m.acquire(g, rw.rvc);
      m.lockOrder.acquired(g, rw, false, f.line());
      f.push(true);
    });
    method(RWMUTEX, "TryRLock", true, sig(List.of(), List.of(Type.BOOL)), (m, g, f, a) -> {
      RWMutexVal rw = (RWMutexVal) a[0];
      if (rw.writer || rw.waitingWriters > 0) {
        f.push(false);
        return;
      }
      rw.readers++;
      m.acquire(g, rw.vc);
      m.lockOrder.acquired(g, rw, true, f.line());
      f.push(true);
    });
    method(RWMUTEX, "RLock", true, v, (m, g, f, a) -> rlock(m, g, f, (RWMutexVal) a[0]));
    method(RWMUTEX, "RUnlock", true, v, (m, g, f, a) -> runlock(m, g, (RWMutexVal) a[0]));
    // RLocker: a Locker whose Lock and Unlock are the RWMutex's RLock and RUnlock
    Type.Named rlocker = new Type.Named("*sync.rlocker", new Type.Opaque("*sync.rlocker", () -> null, false));
    method(rlocker, "Lock", true, v, (m, g, f, a) -> rlock(m, g, f, (RWMutexVal) a[0]));
    method(rlocker, "Unlock", true, v, (m, g, f, a) -> runlock(m, g, (RWMutexVal) a[0]));
    method(RWMUTEX, "RLocker", true, sig(List.of(), List.of(LOCKER)), pure((m, g, f, a) -> f.push(new Iface(rlocker, a[0]))));
    method(WAITGROUP, "Add", true, sig(List.of(Type.INT), List.of()), (m, g, f, a) -> wgAdd(m, g, (WaitGroupVal) a[0], (Long) a[1]));
    method(WAITGROUP, "Done", true, v, (m, g, f, a) -> wgAdd(m, g, (WaitGroupVal) a[0], -1));
    method(WAITGROUP, "Wait", true, v, (m, g, f, a) -> {
      WaitGroupVal wg = (WaitGroupVal) a[0];
      if (wg == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
      if (wg.blocked != null && wg.blocked.remove(g)) {
        // woken by the counter reaching 0: this Wait returns, unless the WaitGroup was reused meanwhile
        if (wg.counter != 0 || wg.waiters != 0) {
          throw new Machine.GoPanic(new Iface(Type.STRING, "sync: WaitGroup is reused before previous Wait has returned"));
        }
        m.acquire(g, wg.vc);
        return;
      }
      if (wg.counter > 0) {
        if (wg.waiters++ == 0) m.write(g, wgSema(wg), wg, "sync.WaitGroup");
        if (wg.blocked == null) wg.blocked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        wg.blocked.add(g);
        m.waitOn(g, f, "semacquire", wg);
        return;
      }
      m.acquire(g, wg.vc);
    });
    method(ONCE, "Do", true, sig(List.of(sig(List.of(), List.of())), List.of()), (m, g, f, a) -> {
      OnceVal o = (OnceVal) a[0];
      if (o.done) {
        m.acquire(g, o.vc);
        return;
      }
      if (o.running != null) {
        // a second Do (also a re-entrant one) waits on the Once's mutex
        m.waitOn(g, f, "semacquire", o);
        return;
      }
      o.running = g;
      m.callWithHook(g, f, (Closure) a[1], new Object[0], () -> {
        o.done = true;
        o.running = null;
        o.vc = m.release(g, o.vc);
        m.wakeAll(o);
      });
    });
    fn("sync", "NewCond", sig(List.of(LOCKER), List.of(new Type.Pointer(COND))), (m, g, f, a) -> {
      StructVal c = (StructVal) Values.zero(COND);
      c.f[0] = a[0];
      f.push(c);
    });
    method(COND, "Wait", true, v, (m, g, f, a) -> {
      StructVal c = (StructVal) a[0];
      CondState cs = (CondState) c.f[1];
      Object marker = g.scratch;
      if (marker instanceof Object[] mk && mk[0] == cs) {
        if (mk[1] == "waiting") {
          m.blockRetry(g, f, "sync.Cond.Wait", cs);
          return;
        }
        // signaled: re-acquire the lock
        Object l = ((Iface) c.f[0]).v;
        if (l instanceof MutexVal mu) {
          if (mu.locked) {
            m.waitOn(g, f, "semacquire", mu);
            return;
          }
          mu.locked = true;
          m.acquire(g, mu.vc);
          m.lockOrder.acquired(g, mu, false, f.line());
        } else if (l instanceof RWMutexVal rw) {
          wlock(m, g, f, rw);
          if (g.state != G.RUNNABLE) return;
        }
        m.acquire(g, cs.vc);
        g.scratch = null;
        return;
      }
      Object l = c.f[0] instanceof Iface li ? li.v : null;
      if (l instanceof MutexVal mu) unlockMutex(m, g, mu);
      else if (l instanceof RWMutexVal rw) {
        if (!rw.writer) m.fatal(g, "sync: Unlock of unlocked RWMutex", true);
        rw.writer = false;
        m.lockOrder.released(g, rw, false);
        rw.vc = m.release(g, rw.vc);
        m.wakeAll(rw);
      } else throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
      cs.waiters.add(g);
      g.scratch = new Object[] {cs, "waiting"};
      m.blockRetry(g, f, "sync.Cond.Wait", cs);
    });
    method(COND, "Signal", true, v, (m, g, f, a) -> {
      CondState cs = (CondState) ((StructVal) a[0]).f[1];
      cs.vc = m.release(g, cs.vc);
      if (!cs.waiters.isEmpty()) {
        G w = cs.waiters.remove(0);
        w.scratch = new Object[] {cs, "signaled"};
        m.wake(w);
      }
    });
    method(COND, "Broadcast", true, v, (m, g, f, a) -> {
      CondState cs = (CondState) ((StructVal) a[0]).f[1];
      cs.vc = m.release(g, cs.vc);
      for (G w : cs.waiters) {
        w.scratch = new Object[] {cs, "signaled"};
        m.wake(w);
      }
      cs.waiters.clear();
    });
    method(POOL, "Get", true, sig(List.of(), List.of(EMPTY_IFACE)), (m, g, f, a) -> {
      StructVal p = (StructVal) a[0];
      PoolState ps = (PoolState) p.f[1];
      if (!ps.items.isEmpty()) {
        m.acquire(g, ps.clocks.remove(ps.clocks.size() - 1));
        f.push(ps.items.remove(ps.items.size() - 1));
        return;
      }
      Closure nf = (Closure) p.f[0];
      if (nf == null) {
        f.push(null);
        return;
      }
      m.call(g, f, nf, new Object[0]);
    });
    method(POOL, "Put", true, sig(List.of(EMPTY_IFACE), List.of()), (m, g, f, a) -> {
      PoolState ps = (PoolState) ((StructVal) a[0]).f[1];
      if (a[1] != null) {
        ps.items.add(a[1]);
        ps.clocks.add(m.release(g, null));
      }
    });
    Type.Func kv = sig(List.of(EMPTY_IFACE), List.of(EMPTY_IFACE, Type.BOOL));
    method(SYNCMAP, "Load", true, kv, (m, g, f, a) -> {
      SyncMapState s = (SyncMapState) ((StructVal) a[0]).f[0];
      m.acquire(g, s.vc);
      Object k = Values.key(a[1]);
      f.push(s.m.get(k));
      f.push(s.m.containsKey(k));
    });
    method(SYNCMAP, "Store", true, sig(List.of(EMPTY_IFACE, EMPTY_IFACE), List.of()), (m, g, f, a) -> {
      SyncMapState s = (SyncMapState) ((StructVal) a[0]).f[0];
      s.vc = m.release(g, s.vc);
      s.m.put(Values.key(a[1]), a[2]);
    });
    method(SYNCMAP, "LoadOrStore", true, sig(List.of(EMPTY_IFACE, EMPTY_IFACE), List.of(EMPTY_IFACE, Type.BOOL)), (m, g, f, a) -> {
      SyncMapState s = (SyncMapState) ((StructVal) a[0]).f[0];
      m.acquire(g, s.vc);
      s.vc = m.release(g, s.vc);
      Object k = Values.key(a[1]);
      if (s.m.containsKey(k)) {
        f.push(s.m.get(k));
        f.push(true);
      } else {
        s.m.put(k, a[2]);
        f.push(a[2]);
        f.push(false);
      }
    });
    method(SYNCMAP, "LoadAndDelete", true, sig(List.of(EMPTY_IFACE), List.of(EMPTY_IFACE, Type.BOOL)), (m, g, f, a) -> {
      SyncMapState s = (SyncMapState) ((StructVal) a[0]).f[0];
      m.acquire(g, s.vc);
      s.vc = m.release(g, s.vc);
      Object k = Values.key(a[1]);
      boolean loaded = s.m.containsKey(k);
      f.push(loaded ? s.m.remove(k) : null);
      f.push(loaded);
    });
    method(SYNCMAP, "Delete", true, sig(List.of(EMPTY_IFACE), List.of()), (m, g, f, a) -> {
      SyncMapState s = (SyncMapState) ((StructVal) a[0]).f[0];
      s.vc = m.release(g, s.vc);
      s.m.remove(Values.key(a[1]));
    });
    method(SYNCMAP, "Range", true, sig(List.of(sig(List.of(EMPTY_IFACE, EMPTY_IFACE), List.of(Type.BOOL))), List.of()), (m, g, f, a) -> {
      SyncMapState s = (SyncMapState) ((StructVal) a[0]).f[0];
      m.acquire(g, s.vc);
      for (Map.Entry<Object, Object> e : new ArrayList<>(s.m.entrySet())) {
        Object[] r = m.callSync(g, (Closure) a[1], new Object[] {Values.unkey(e.getKey()), e.getValue()});
        if (r.length > 0 && Boolean.FALSE.equals(r[0])) break;
      }
    });
  }

  static void wgAdd(Machine m, G g, WaitGroupVal wg, long d) {
    if (wg == null) throw new Machine.GoPanic(runtimeError("invalid memory address or nil pointer dereference"));
    if (d < 0) wg.vc = m.release(g, wg.vc);
    wg.counter += d;
    if (d > 0 && wg.counter == d) m.read(g, wgSema(wg), wg, "sync.WaitGroup"); // the first increment, from 0
    if (wg.counter < 0) throw new Machine.GoPanic(new Iface(Type.STRING, "sync: negative WaitGroup counter")); // a string, as sync panics
    if (wg.counter == 0) {
      wg.waiters = 0;
      m.wakeAll(wg);
    }
  }

  private static Machine.Shadow wgSema(WaitGroupVal wg) {
    return wg.sema == null ? (wg.sema = new Machine.Shadow()) : wg.sema;
  }
}
