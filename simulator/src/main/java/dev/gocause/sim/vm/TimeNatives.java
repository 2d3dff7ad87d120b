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
import static dev.gocause.sim.vm.ContextNatives.*;
import static dev.gocause.sim.vm.ErrgroupNatives.*;
import static dev.gocause.sim.vm.LibNatives.*;
import static dev.gocause.sim.vm.TestingNatives.*;

/** Library model of time on virtual time: Sleep, After, timers, tickers, Now, Since, Until, Duration. Registered by import path from {@link Natives}. */
public final class TimeNatives {
  private TimeNatives() {}

  // ---------------- time (virtual) ----------------
  static final Type.Named DURATION = new Type.Named("time.Duration", Type.INT64);
  static final class TimeVal implements Values.ComparedByValue {
    final long nanos;
    TimeVal(long n) { nanos = n; }
    @Override public boolean equals(Object o) { return o instanceof TimeVal t && t.nanos == nanos; }
    @Override public int hashCode() { return Long.hashCode(nanos); }
  }
  static final Type.Named TIME = new Type.Named("time.Time", new Type.Opaque("time.Time", () -> new TimeVal(Long.MIN_VALUE), false));
  static final Type.Named TIMER;

  /** Time.String without the monotonic reading: {@code 2009-11-10 23:00:01.5 +0000 UTC}. */
  static String timeString(long unixNanos) {
    java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(unixNanos, 1_000_000_000L),
        (int) Math.floorMod(unixNanos, 1_000_000_000L), java.time.ZoneOffset.UTC);
    String s = t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    int nanos = t.getNano();
    if (nanos != 0) s += ("." + String.format("%09d", nanos)).replaceAll("0+$", "");
    return s + " +0000 UTC";
  }

  /** t - u as Go's Time.Sub: saturated at the largest or smallest Duration (the zero Time is far in the past). */
  static long between(long t, long u) {
    long d = t - u;
    if (((t ^ u) & (t ^ d)) < 0) return t > u ? Long.MAX_VALUE : Long.MIN_VALUE;
    return d;
  }
  static final Type.Named TICKER;
  static final long EPOCH = 1_257_894_000_000_000_000L; // 2009-11-10 23:00:00 UTC, like the Go playground

  static {
    Type.Struct ts = new Type.Struct();
    ts.fields.add(new Type.FieldT("C", new Type.Chan(TIME, 2), false));
    ts.fields.add(new Type.FieldT("t", new Type.Opaque("time.runtimeTimer", () -> null, false), false));
    TIMER = new Type.Named("time.Timer", ts);
    Type.Struct ks = new Type.Struct();
    ks.fields.add(new Type.FieldT("C", new Type.Chan(TIME, 2), false));
    ks.fields.add(new Type.FieldT("t", new Type.Opaque("time.runtimeTimer", () -> null, false), false));
    TICKER = new Type.Named("time.Ticker", ks);
  }

  public static String durationString(long d) {
    if (d == 0) return "0s";
    if (d == Long.MIN_VALUE) return "-2562047h47m16.854775808s"; // |d| does not fit in an int64
    StringBuilder sb = new StringBuilder();
    boolean neg = d < 0;
    long u = Math.abs(d);
    if (u < 1_000_000_000L) {
      String unit;
      double v;
      if (u < 1000) return (neg ? "-" : "") + u + "ns";
      if (u < 1_000_000) {
        unit = "µs";
        v = u / 1e3;
      } else {
        unit = "ms";
        v = u / 1e6;
      }
      return (neg ? "-" : "") + Fmt.formatG(v) + unit;
    }
    long h = u / 3_600_000_000_000L;
    u -= h * 3_600_000_000_000L;
    long mi = u / 60_000_000_000L;
    u -= mi * 60_000_000_000L;
    double s = u / 1e9;
    if (neg) sb.append('-');
    if (h > 0) sb.append(h).append('h');
    if (h > 0 || mi > 0) sb.append(mi).append('m');
    sb.append(Fmt.formatG(Math.round(s * 1e9) / 1e9)).append('s');
    return sb.toString();
  }

  static void registerTime() {
    String p = "time";
    type(p, "Duration", DURATION);
    type(p, "Time", TIME);
    type(p, "Timer", TIMER);
    type(p, "Ticker", TICKER);
    TimeFormat.register();
    long[] units = {1L, 1_000L, 1_000_000L, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L};
    String[] names = {"Nanosecond", "Microsecond", "Millisecond", "Second", "Minute", "Hour"};
    for (int i = 0; i < units.length; i++) cnst(p, names[i], DURATION, units[i]);
    method(DURATION, "String", false, sig(List.of(), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(durationString((Long) a[0]))));
    method(DURATION, "Seconds", false, sig(List.of(), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push((Long) a[0] / 1e9)));
    method(DURATION, "Milliseconds", false, sig(List.of(), List.of(Type.INT64)), pure((m, g, f, a) -> f.push((Long) a[0] / 1_000_000L)));
    method(DURATION, "Microseconds", false, sig(List.of(), List.of(Type.INT64)), pure((m, g, f, a) -> f.push((Long) a[0] / 1_000L)));
    method(DURATION, "Nanoseconds", false, sig(List.of(), List.of(Type.INT64)), pure((m, g, f, a) -> f.push((Long) a[0])));
    method(DURATION, "Minutes", false, sig(List.of(), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push((Long) a[0] / 6e10)));
    method(DURATION, "Hours", false, sig(List.of(), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push((Long) a[0] / 3.6e12)));
    fn(p, "Sleep", sig(List.of(DURATION), List.of()), (m, g, f, a) -> {
      long d = (Long) a[0];
      if (g.scratch == SLEPT) {
        g.scratch = null;
        return;
      }
      if (d <= 0) return;
      f.pc--;
      g.state = G.SLEEPING;
      g.waitReason = "sleep";
      g.blockedSince = m.now;
      m.removeRunnable(g);
      m.addTimer(d, 0, () -> {
        g.scratch = SLEPT;
        m.wake(g);
      });
    });
    fn(p, "Now", sig(List.of(), List.of(TIME)), (m, g, f, a) -> f.push(new TimeVal(EPOCH + m.now)));
    fn(p, "Since", sig(List.of(TIME), List.of(DURATION)), (m, g, f, a) -> f.push(between(EPOCH + m.now, ((TimeVal) a[0]).nanos)));
    fn(p, "Until", sig(List.of(TIME), List.of(DURATION)), (m, g, f, a) -> f.push(between(((TimeVal) a[0]).nanos, EPOCH + m.now)));
    method(TIME, "Sub", false, sig(List.of(TIME), List.of(DURATION)), pure((m, g, f, a) -> f.push(between(((TimeVal) a[0]).nanos, ((TimeVal) a[1]).nanos))));
    method(TIME, "Add", false, sig(List.of(DURATION), List.of(TIME)), pure((m, g, f, a) -> f.push(new TimeVal(((TimeVal) a[0]).nanos + (Long) a[1]))));
    method(TIME, "After", false, sig(List.of(TIME), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((TimeVal) a[0]).nanos > ((TimeVal) a[1]).nanos)));
    method(TIME, "Before", false, sig(List.of(TIME), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((TimeVal) a[0]).nanos < ((TimeVal) a[1]).nanos)));
    fn(p, "Unix", sig(List.of(Type.INT64, Type.INT64), List.of(TIME)), pure((m, g, f, a) -> f.push(new TimeVal((Long) a[0] * 1_000_000_000L + (Long) a[1]))));
    fn(p, "UnixMilli", sig(List.of(Type.INT64), List.of(TIME)), pure((m, g, f, a) -> f.push(new TimeVal((Long) a[0] * 1_000_000L))));
    method(TIME, "UnixMilli", false, sig(List.of(), List.of(Type.INT64)), pure((m, g, f, a) -> f.push(Math.floorDiv(((TimeVal) a[0]).nanos, 1_000_000L))));
    method(TIME, "Equal", false, sig(List.of(TIME), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((TimeVal) a[0]).nanos == ((TimeVal) a[1]).nanos)));
    method(TIME, "IsZero", false, sig(List.of(), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((TimeVal) a[0]).nanos == Long.MIN_VALUE)));
    method(TIME, "UnixNano", false, sig(List.of(), List.of(Type.INT64)), pure((m, g, f, a) -> f.push(((TimeVal) a[0]).nanos)));
    method(TIME, "Unix", false, sig(List.of(), List.of(Type.INT64)), pure((m, g, f, a) -> f.push(((TimeVal) a[0]).nanos / 1_000_000_000L)));
    fn(p, "After", sig(List.of(DURATION), List.of(new Type.Chan(TIME, 2))), (m, g, f, a) -> {
      Machine.Chan c = new Machine.Chan(1, null);
      c.timer = true;
      m.alloc(200); // a timer lives until it fires
      m.addTimer((Long) a[0], 0, () -> m.offer(c, new TimeVal(EPOCH + m.now))).sendsOn = c;
      f.push(c);
    });
    fn(p, "Tick", sig(List.of(DURATION), List.of(new Type.Chan(TIME, 2))), (m, g, f, a) -> {
      Machine.Chan c = new Machine.Chan(1, null);
      c.timer = true;
      long d = (Long) a[0];
      if (d <= 0) {
        f.push(null);
        return;
      }
      m.addTimer(d, d, () -> m.offer(c, new TimeVal(EPOCH + m.now))).sendsOn = c;
      f.push(c);
    });
    fn(p, "NewTimer", sig(List.of(DURATION), List.of(new Type.Pointer(TIMER))), (m, g, f, a) -> {
      StructVal t = (StructVal) Values.zero(TIMER);
      Machine.Chan c = new Machine.Chan(1, null);
      c.timer = true;
      t.f[0] = c;
      Machine.Timer tm = m.addTimer((Long) a[0], 0, () -> m.offer(c, new TimeVal(EPOCH + m.now)));
      tm.sendsOn = c;
      t.f[1] = tm;
      f.push(t);
    });
    fn(p, "AfterFunc", sig(List.of(DURATION, sig(List.of(), List.of())), List.of(new Type.Pointer(TIMER))), (m, g, f, a) -> {
      StructVal t = (StructVal) Values.zero(TIMER);
      Closure fnv = (Closure) a[1];
      int[] vc = g.vc.clone();
      List<Machine.StackLine> at = m.stack(g);
      t.f[1] = m.addTimer((Long) a[0], 0, () -> m.goFromRuntime(fnv, new Object[0], vc, at, "time.goFunc"));
      f.push(t);
    });
    fn(p, "NewTicker", sig(List.of(DURATION), List.of(new Type.Pointer(TICKER))), (m, g, f, a) -> {
      long d = (Long) a[0];
      if (d <= 0) throw new Machine.GoPanic(newError("non-positive interval for NewTicker"));
      StructVal t = (StructVal) Values.zero(TICKER);
      Machine.Chan c = new Machine.Chan(1, null);
      c.timer = true;
      t.f[0] = c;
      Machine.Timer tm = m.addTimer(d, d, () -> m.offer(c, new TimeVal(EPOCH + m.now)));
      tm.sendsOn = c;
      t.f[1] = tm;
      f.push(t);
    });
    for (Type.Named tt : List.of(TIMER, TICKER)) {
      method(tt, "Stop", true, sig(List.of(), tt == TIMER ? List.of(Type.BOOL) : List.of()), (m, g, f, a) -> {
        Machine.Timer t = (Machine.Timer) ((StructVal) a[0]).f[1];
        boolean was = t != null && m.stopTimer(t);
        if (tt == TIMER) f.push(was);
      });
      method(tt, "Reset", true, sig(List.of(DURATION), tt == TIMER ? List.of(Type.BOOL) : List.of()), (m, g, f, a) -> {
        Machine.Timer t = (Machine.Timer) ((StructVal) a[0]).f[1];
        boolean was = t != null && m.stopTimer(t);
        long d = (Long) a[1];
        if (t != null) {
          if (tt == TICKER) t.period = d;
          m.resetTimer(t, d);
        }
        if (tt == TIMER) f.push(was);
      });
    }
  }

  static final Object SLEPT = new Object();
}
