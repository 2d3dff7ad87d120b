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

/** Happens-before: vector clocks per goroutine and shadow words per variable, and the race reports. */
abstract class HappensBefore extends MachineState {
  HappensBefore(Program prog, Chooser chooser, boolean recordTimeline, long maxSteps, long seed) {
    super(prog, chooser, recordTimeline, maxSteps, seed);
  }


  // ---------------- happens-before (vector clocks) ----------------
  static void tick(G g) {
    g.vc[g.id]++;
  }

  /** Release: the clock others acquire later (join of this goroutine's clock into vc). */
  public int[] release(G g, int[] into) {
    int[] r = into == null ? new int[g.vc.length] : (into.length < g.vc.length ? Arrays.copyOf(into, g.vc.length) : into);
    int n = Math.min(g.vc.length, g.vcDense);
    for (int i = 0; i < n; i++) if (g.vc[i] > r[i]) r[i] = g.vc[i];
    if (g.vc[g.id] > r[g.id]) r[g.id] = g.vc[g.id];
    tick(g);
    return r;
  }

  public void acquire(G g, int[] from) {
    if (from == null) return;
    if (g.vc.length < from.length) g.vc = Arrays.copyOf(g.vc, from.length);
    for (int i = 0; i < from.length; i++) if (from[i] > g.vc[i]) g.vc[i] = from[i];
    if (from.length > g.vcDense) g.vcDense = from.length;
  }

  /** A read of a shared location. */
  public void read(G g, Shadow s, Object loc, String var) {
    readAccess(g, s, loc, var, null);
  }

  /** A write of a shared location. */
  public void write(G g, Shadow s, Object loc, String var) {
    writeAccess(g, s, loc, var, null);
  }

  /**
   * An atomic read (sync/atomic Load*): like the race detector, an access of the word that races only
   * with a plain write it is not ordered with. {@code atomic} names its frames for a report
   * ({@link AtomicNatives#frames}).
   */
  public void atomicRead(G g, Shadow s, Object loc, String var, String atomic) {
    readAccess(g, s, loc, var, atomic);
  }

  /** An atomic write or read-modify-write (Store, Add, Swap, CompareAndSwap): races with plain accesses not ordered with it. */
  public void atomicWrite(G g, Shadow s, Object loc, String var, String atomic) {
    writeAccess(g, s, loc, var, atomic);
  }

  /** A read, plain ({@code atomic} null) or atomic; two atomic accesses never race. */
  private void readAccess(G g, Shadow s, Object loc, String var, String atomic) {
    if (grace) return;
    if (s.wG > 0 && !(atomic != null && s.wAtomic != null) && s.wG != g.id && s.wC > clockOf(g, s.wG)) {
      report(g, atomic, s, false, s.wG, s.wStack, s.wAtomic, true, loc, var);
    }
    s.addRead(g.id, g.vc[g.id], stack(g), atomic);
  }

  /** A write, plain ({@code atomic} null) or atomic; two atomic accesses never race. */
  private void writeAccess(G g, Shadow s, Object loc, String var, String atomic) {
    if (grace) return;
    if (s.wG > 0 && !(atomic != null && s.wAtomic != null) && s.wG != g.id && s.wC > clockOf(g, s.wG)) {
      report(g, atomic, s, true, s.wG, s.wStack, s.wAtomic, true, loc, var);
    } else {
      for (int i = 0; i < s.rn; i++) {
        if (s.rG[i] != g.id && !(atomic != null && s.readAtomic(i) != null) && s.rC[i] > clockOf(g, s.rG[i])) {
          report(g, atomic, s, true, s.rG[i], s.rStack[i], s.readAtomic(i), false, loc, var);
          break;
        }
      }
    }
    s.wG = g.id;
    s.wC = g.vc[g.id];
    s.wStack = stack(g);
    s.wAtomic = atomic;
    s.rn = 0;
  }

  /**
   * A copy of a struct or array value that lives in shared memory ({@code snap := c}, a value
   * receiver, a struct passed by value) reads every field and element, as the race detector sees it:
   * recursively through inline structs and arrays (depth and array length bounded); a typed atomic
   * inside (atomic.Int64) is read plainly, like Go copying its word.
   */
  public void readAggregate(G g, Object v, Type t, int depth) {
    // while main is the only goroutine ever started, its accesses happen before every other one: nothing to record
    if (grace || v == null || t == null || all.size() <= 1) return;
    Type u = t.underlying();
    if (v instanceof StructVal sv && u instanceof Type.Struct st) {
      for (int i = 0; i < sv.f.length && i < st.fields.size(); i++) {
        Type ft = st.fields.get(i).type();
        Shadow sh = sv.shadow(i);
        if (sh.wG > 0 && sh.wG != g.id && sh.wC > clockOf(g, sh.wG)) {
          report(g, null, sh, false, sh.wG, sh.wStack, sh.wAtomic, true, new FieldRef(sv, i), st.fields.get(i).name());
        }
        sh.addRead(g.id, g.vc[g.id], stack(g));
        if (depth < 4 && Type.isValueAggregate(ft)) readAggregate(g, sv.f[i], ft, depth + 1);
      }
    } else if (v instanceof ArrayVal av && u instanceof Type.Array at) {
      int n = Math.min(av.a.length, 256);
      boolean inner = depth < 4 && Type.isValueAggregate(at.elem);
      for (int i = 0; i < n; i++) {
        Shadow sh = av.shadow(i);
        if (sh.wG > 0 && sh.wG != g.id && sh.wC > clockOf(g, sh.wG)) {
          report(g, null, sh, false, sh.wG, sh.wStack, sh.wAtomic, true, new ElemRef(av, i), "array element");
        }
        sh.addRead(g.id, g.vc[g.id], stack(g));
        if (inner) readAggregate(g, av.a[i], at.elem, depth + 1);
      }
    } else if (v instanceof AtomicNatives.AtomicVal a) {
      read(g, a.shadow(), a, t.str());
    }
  }

  static int clockOf(G g, int id) {
    return id < g.vc.length ? g.vc[id] : 0;
  }

  long addr(Object loc) {
    return addrs.computeIfAbsent(new IdKey(loc), k -> 0xc000010000L + addrs.size() * 0x18L);
  }

  void report(G g, String mineAtomic, Shadow s, boolean isWrite, int otherId, List<StackLine> otherStack, String otherAtomic,
      boolean otherWrite, Object loc, String var) {
    List<StackLine> mine = stack(g);
    int l1 = mine.isEmpty() ? 0 : mine.get(0).line();
    int l2 = otherStack == null || otherStack.isEmpty() ? 0 : otherStack.get(0).line();
    String key = Math.min(l1, l2) + ":" + Math.max(l1, l2);
    if (!raceKeys.add(key)) return;
    G other = otherId - 1 < all.size() ? all.get(otherId - 1) : null;
    String a = String.format("0x%012x", addr(loc));
    StringBuilder sb = new StringBuilder();
    sb.append("==================\nWARNING: DATA RACE\n");
    sb.append(isWrite ? "Write" : "Read").append(" at ").append(a).append(" by ").append(gname(g)).append(":\n");
    atomicFrames(sb, mineAtomic);
    raceStack(sb, mine);
    sb.append("\nPrevious ").append(otherWrite ? "write" : "read").append(" at ").append(a).append(" by ")
        .append(other == null ? "goroutine " + otherId : gname(other)).append(":\n");
    atomicFrames(sb, otherAtomic);
    raceStack(sb, otherStack);
    if (g != main) {
      sb.append("\nGoroutine ").append(g.id).append(" (running) created at:\n");
      raceStack(sb, g.createdAt);
    }
    if (other != null && other != main) {
      sb.append("\nGoroutine ").append(other.id).append(other.state == G.DONE ? " (finished)" : " (running)").append(" created at:\n");
      raceStack(sb, other.createdAt);
    }
    sb.append("==================");
    races.add(new Race(sb.toString(), l1, l2, var));
  }

  String gname(G g) {
    return g == main ? "main goroutine" : "goroutine " + g.id;
  }

  /** The sync/atomic frames on top of an atomic access's stack, as Go prints them ({@code func\tfile\tline} lines). */
  static void atomicFrames(StringBuilder sb, String frames) {
    if (frames == null) return;
    for (String fr : frames.split("\n")) {
      String[] p = fr.split("\t");
      sb.append("  ").append(p[0]).append("()\n      ").append(p[1]).append(":").append(p[2]).append(" +")
          .append(p.length > 3 ? p[3] : "0xb").append("\n");
    }
  }

  void raceStack(StringBuilder sb, List<StackLine> st) {
    if (st == null) return;
    for (StackLine s : st) {
      sb.append("  ").append(s.func()).append("()\n      ").append(s.file()).append(":").append(s.line()).append(" +0x").append(CallsAndPanics.pcHex(s)).append("\n");
    }
  }
}
