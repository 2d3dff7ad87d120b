package dev.gocause.sim;

import dev.gocause.sim.SimulationResult.Finding;
import dev.gocause.sim.SimulationResult.SeriesPoint;
import dev.gocause.sim.SimulationResult.TimelineStep;
import java.util.List;
import java.util.Map;

/** Renders a result as the CLI prints it: one line per finding (or CLEAN), then details. */
public final class TextRenderer {
  private TextRenderer() {}

  /** Max timeline steps shown per finding (the tail that leads to the failure is kept). */
  public static final int TIMELINE_STEPS = 40;

  public static String render(SimulationResult r) {
    return render(r, true);
  }

  public static String render(SimulationResult r, boolean details) {
    StringBuilder sb = new StringBuilder();
    if (r.clean() && r.schedulesFinished() == 0) {
      // every schedule hit a resource limit: no verdict, only the limits
      for (SimulationResult.LimitHit h : r.limitHits()) sb.append(h.describe(r.schedulesRun())).append('\n');
    } else if (r.clean()) {
      sb.append("CLEAN no deadlock, leak, data race or panic in ").append(r.schedulesRun()).append(" schedule")
          .append(r.schedulesRun() == 1 ? "" : "s").append(" (bound: ").append(r.bound()).append(")\n");
    }
    for (Finding f : r.findings()) {
      sb.append(f.kind().label).append(' ').append(f.message()).append("  [replay: --seed ").append(f.replaySeed());
      if (!f.strategy().equals("random") && !f.strategy().equals("pct")) sb.append(" --strategy ").append(f.strategy());
      else if (r.bound().contains("random+PCT")) sb.append("");
      else sb.append(" --strategy ").append(f.strategy());
      sb.append(" --schedules 1; seen in ").append(f.occurrences()).append('/').append(r.schedulesRun()).append(" schedules]\n");
    }
    if (!(r.clean() && r.schedulesFinished() == 0)) {
      for (SimulationResult.LimitHit h : r.limitHits()) sb.append(h.describe(r.schedulesRun())).append('\n');
    }
    for (SimulationResult.LockOrderCycle c : r.lockOrderCycles()) {
      sb.append(c.describe()).append("  [lock-order analysis, no deadlock needed; seen in ").append(c.schedules()).append('/')
          .append(r.schedulesRun()).append(" schedules, e.g. --seed ").append(c.seed()).append(" --schedules 1]\n");
    }
    if (!details) return sb.toString();
    for (Finding f : r.findings()) {
      sb.append("\n--- ").append(f.kind().label).append(" (seed ").append(f.replaySeed()).append(", ").append(f.strategy()).append(")\n");
      sb.append(indent(f.report(), "  "));
      if (!f.symptomIds().isEmpty()) sb.append("  symptoms: ").append(String.join(", ", f.symptomIds())).append('\n');
      List<TimelineStep> tl = f.timeline();
      if (!tl.isEmpty()) {
        int nrows = collapse(tl).size();
        sb.append("  timeline of the failing schedule (").append(tl.size()).append(" steps");
        if (nrows > TIMELINE_STEPS) sb.append(", last ").append(TIMELINE_STEPS).append(" rows shown");
        sb.append("; per goroutine: g<id>, virtual time, source line, operation):\n");
        List<String> rows = collapse(tl);
        for (String row : rows.subList(Math.max(0, rows.size() - TIMELINE_STEPS), rows.size())) sb.append(row);
        sb.append(columns(tl));
      }
      sb.append(seriesSummary(f.series()));
    }
    sb.append("\noutcomes (").append(r.bound()).append(", ").append(r.elapsedMillis()).append(" ms):\n");
    for (Map.Entry<String, Integer> e : r.outcomeCounts().entrySet()) sb.append(String.format("  %6d × %s%n", e.getValue(), e.getKey()));
    if (!r.printedValues().isEmpty() && !(r.printedValues().size() == 1 && r.printedValues().containsKey(""))) {
      sb.append("printed values:\n");
      int k = 0;
      for (Map.Entry<String, Integer> e : r.printedValues().entrySet()) {
        if (k++ >= 10) {
          sb.append("  … ").append(r.printedValues().size() - 10).append(" more distinct outputs\n");
          break;
        }
        String v = e.getKey().contains("\n") ? "\n" + indent(e.getKey(), "           ").stripTrailing() : e.getKey();
        sb.append(String.format("  %6d × %s%n", e.getValue(), v));
      }
    }
    if (r.findings().isEmpty()) sb.append(seriesSummary(r.goroutineSeries()));
    return sb.toString();
  }

  /** Consecutive steps of one goroutine on one line fold into one row with a repeat count. */
  static List<String> collapse(List<TimelineStep> tl) {
    List<String> rows = new java.util.ArrayList<>();
    int i = 0;
    while (i < tl.size()) {
      TimelineStep s = tl.get(i);
      int j = i + 1;
      java.util.LinkedHashSet<String> whats = new java.util.LinkedHashSet<>();
      whats.add(s.what());
      while (j < tl.size() && tl.get(j).goroutine() == s.goroutine() && tl.get(j).line() == s.line() && tl.get(j).timeNanos() == s.timeNanos()) {
        whats.add(tl.get(j).what());
        j++;
      }
      String what = String.join(", ", whats) + (j - i > whats.size() ? " ×" + ((j - i) / Math.max(1, whats.size())) : "");
      rows.add(String.format("    %-6s %-9s line %-4d %-30s %s%n", "g" + s.goroutine(), time(s.timeNanos()), s.line(), what, s.source()));
      i = j;
    }
    return rows;
  }

  /** The tail of the schedule with one column per goroutine (when there are at most four). */
  static String columns(List<TimelineStep> tl) {
    List<TimelineStep> tail = tl.subList(Math.max(0, tl.size() - 16), tl.size());
    java.util.List<Integer> ids = new java.util.ArrayList<>();
    for (TimelineStep s : tail) if (!ids.contains(s.goroutine())) ids.add(s.goroutine());
    if (ids.size() < 2 || ids.size() > 4) return "";
    java.util.Collections.sort(ids);
    int w = 34;
    StringBuilder sb = new StringBuilder("  per goroutine (last ").append(tail.size()).append(" steps, time flows down):\n    ");
    for (int id : ids) sb.append(pad("goroutine " + id, w));
    sb.append('\n');
    for (TimelineStep s : tail) {
      sb.append("    ");
      for (int id : ids) {
        String cell = id == s.goroutine() ? s.line() + ": " + s.what() : "";
        sb.append(pad(cell, w));
      }
      sb.setLength(sb.length() - (sb.length() > 0 ? 0 : 0));
      sb.append('\n');
    }
    return sb.toString().replaceAll(" +\n", "\n");
  }

  private static String pad(String s, int w) {
    if (s.length() >= w - 1) s = s.substring(0, w - 2) + "…";
    return s + " ".repeat(w - s.length());
  }

  static String seriesSummary(List<SeriesPoint> s) {
    if (s == null || s.isEmpty()) return "";
    int peak = 0;
    long peakBytes = 0;
    for (SeriesPoint p : s) {
      peak = Math.max(peak, p.goroutines());
      peakBytes = Math.max(peakBytes, p.estimatedBytes());
    }
    SeriesPoint last = s.get(s.size() - 1);
    StringBuilder sb = new StringBuilder();
    sb.append("  goroutines over virtual time: peak ").append(peak).append(", at the end ").append(last.goroutines()).append(" (at ")
        .append(time(last.timeNanos())).append("); estimated memory peak ").append(peakBytes / 1024).append(" KiB\n");
    // a few samples: the goroutine count at each distinct virtual time (last value per time)
    java.util.LinkedHashMap<Long, SeriesPoint> byTime = new java.util.LinkedHashMap<>();
    for (SeriesPoint p : s) byTime.put(p.timeNanos(), p);
    if (byTime.size() > 1) {
      List<SeriesPoint> pts = new java.util.ArrayList<>(byTime.values());
      int n = Math.min(8, pts.size());
      sb.append("   ");
      for (int i = 0; i < n; i++) {
        SeriesPoint p = pts.get((int) ((long) i * (pts.size() - 1) / Math.max(1, n - 1)));
        sb.append(i == 0 ? " " : " → ").append(time(p.timeNanos())).append(": ").append(p.goroutines()).append(" (")
            .append(p.estimatedBytes() / 1024).append(" KiB)");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String time(long nanos) {
    if (nanos == 0) return "t=0";
    return "t=" + dev.gocause.sim.vm.TimeNatives.durationString(nanos);
  }

  private static String indent(String s, String pre) {
    StringBuilder sb = new StringBuilder();
    for (String l : s.split("\n")) sb.append(pre).append(l).append('\n');
    return sb.toString();
  }
}
