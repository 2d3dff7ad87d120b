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
    if (r.clean()) {
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
      }
      sb.append(seriesSummary(f.series()));
    }
    sb.append("\noutcomes (").append(r.schedulesRun()).append(" schedules, ").append(r.bound()).append(", ").append(r.elapsedMillis()).append(" ms):\n");
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

  static String seriesSummary(List<SeriesPoint> s) {
    if (s == null || s.isEmpty()) return "";
    int peak = 0;
    long peakBytes = 0;
    for (SeriesPoint p : s) {
      peak = Math.max(peak, p.goroutines());
      peakBytes = Math.max(peakBytes, p.estimatedBytes());
    }
    SeriesPoint last = s.get(s.size() - 1);
    return "  goroutines over virtual time: peak " + peak + ", at the end " + last.goroutines() + " (at " + time(last.timeNanos())
        + "); estimated memory peak " + (peakBytes / 1024) + " KiB\n";
  }

  static String time(long nanos) {
    if (nanos == 0) return "t=0";
    return "t=" + dev.gocause.sim.vm.Natives.durationString(nanos);
  }

  private static String indent(String s, String pre) {
    StringBuilder sb = new StringBuilder();
    for (String l : s.split("\n")) sb.append(pre).append(l).append('\n');
    return sb.toString();
  }
}
