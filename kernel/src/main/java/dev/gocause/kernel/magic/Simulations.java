package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import dev.gocause.kernel.render.Html;
import dev.gocause.kernel.render.Json;
import dev.gocause.kernel.render.Output;
import dev.gocause.sim.SimulationRequest;
import dev.gocause.sim.SimulationResult;
import dev.gocause.sim.Simulator;
import dev.gocause.sim.TextRenderer;
import dev.gocause.sim.UnsupportedConstructException;
import dev.gocause.sim.vm.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs the simulator for {@code %case run} and {@code %%go}, and renders what it found. */
final class Simulations {
  static final List<String> FLAGS = List.of("--schedules", "--seed", "--strategy", "--max-steps", "--max-goroutines", "--max-heap", "--max-trace");

  private Simulations() {}

  /** The request for a source, with the flags of the invocation applied (notebook budget: 10 s). */
  static SimulationRequest request(String source, String fileName, Invocation inv) {
    SimulationRequest r = SimulationRequest.of(source, fileName).withBudget(Duration.ofSeconds(10));
    if (inv.hasFlag("--schedules")) {
      r = r.withSchedules(positiveInt(inv, "--schedules"));
    }
    if (inv.hasFlag("--seed")) {
      String v = inv.flagValue("--seed").orElseThrow();
      try {
        r = r.withSeed(Long.parseLong(v));
      } catch (NumberFormatException e) {
        throw new KernelError("--seed is '" + v + "', not a number", "use the replay seed a finding printed, e.g. --seed 17");
      }
    }
    if (inv.hasFlag("--max-steps")) r = r.withMaxSteps(positiveInt(inv, "--max-steps"));
    Limits limits = r.limits();
    if (inv.hasFlag("--max-goroutines")) limits = limits.withMaxGoroutines(positiveInt(inv, "--max-goroutines"));
    if (inv.hasFlag("--max-heap")) limits = limits.withMaxHeapBytes((long) positiveInt(inv, "--max-heap") << 20);
    if (inv.hasFlag("--max-trace")) limits = limits.withMaxTraceSteps(positiveInt(inv, "--max-trace"));
    r = r.withLimits(limits);
    if (inv.hasFlag("--strategy")) {
      String v = inv.flagValue("--strategy").orElseThrow();
      r = r.withStrategy(switch (v.toLowerCase(Locale.ROOT)) {
        case "random" -> SimulationRequest.Strategy.RANDOM;
        case "pct" -> SimulationRequest.Strategy.PCT;
        case "dfs" -> SimulationRequest.Strategy.DFS;
        case "mixed" -> SimulationRequest.Strategy.MIXED;
        default -> throw new KernelError("--strategy is '" + v + "'", "use random, pct, dfs or mixed");
      });
    }
    return r;
  }

  private static int positiveInt(Invocation inv, String flag) {
    String v = inv.flagValue(flag).orElseThrow();
    try {
      int n = Integer.parseInt(v);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new KernelError(flag + " is '" + v + "'; it must be a positive number", "e.g. " + flag + " 200");
    }
  }

  /** Simulates; an interrupt stops the exploration at its next progress report. */
  static SimulationResult run(SimulationRequest req, Session s) {
    try {
      return Simulator.simulate(req, done -> s.checkInterrupted());
    } catch (UnsupportedConstructException e) {
      throw new KernelError(e.getMessage(), e.getMessage().contains(": syntax error: ")
          ? "fix the Go syntax at that line and column, then run the cell again"
          : "the simulator runs a subset of Go; rewrite that construct or run the program with go run");
    } catch (KernelError e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new KernelError(e.getMessage(), "check the Go source (package main with func main, or a _test.go file)");
    } catch (StackOverflowError e) {
      throw new KernelError("unsupported: nesting too deep for the simulator's parser or compiler", "flatten the deepest nesting");
    } catch (OutOfMemoryError e) {
      throw new KernelError("LIMIT memory: the kernel's JVM ran out of memory", "simulate fewer goroutines or smaller allocations");
    }
  }

  static List<Output> render(SimulationResult r, String expected, Session s) {
    List<Output> out = new ArrayList<>();
    String text = TextRenderer.render(r);
    StringBuilder html = new StringBuilder();
    String verdict = "";
    if (expected != null) {
      boolean ok = r.clean() ? "CLEAN".equals(expected)
          : r.findings().stream().anyMatch(f -> f.kind().label.equals(expected));
      verdict = s.t("预期", "expected") + ": " + expected + " — " + (ok ? s.t("符合 ✓", "as expected ✓") : s.t("不符 ✗", "NOT as expected ✗"));
      html.append("<p><b>").append(Html.esc(verdict)).append("</b></p>");
      text = verdict + "\n" + text;
    }
    if (r.clean() && r.schedulesFinished() == 0) {
      // every schedule hit a resource limit: no verdict
      for (SimulationResult.LimitHit h : r.limitHits()) html.append("<p><b>").append(Html.esc(h.describe(r.schedulesRun()))).append("</b></p>");
    } else if (r.clean()) {
      html.append("<p>").append(Html.esc(s.t("未发现问题", "CLEAN")) + " — " + Html.esc(r.schedulesRun() + " schedules, " + r.bound())).append("</p>");
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (SimulationResult.Finding f : r.findings()) {
        rows.add(List.of(Html.esc(f.kind().label), Html.code(f.message()), String.valueOf(f.occurrences()),
            Html.esc(String.valueOf(f.replaySeed())),
            String.join("<br>", f.symptomIds().stream().map(id -> Html.code("%symptom " + id)).toList())));
      }
      html.append(Html.table(List.of(s.t("类别", "kind"), s.t("Go 的输出", "Go says"), s.t("次数", "schedules"),
          s.t("重放种子", "replay seed"), s.t("图中症状", "symptoms in the graph")), rows));
      html.append("<p><small>").append(Html.esc(r.schedulesRun() + " schedules, " + r.bound() + ", " + r.elapsedMillis() + " ms")).append("</small></p>");
      SimulationResult.Finding first = r.findings().get(0);
      html.append("<details><summary>").append(Html.esc(s.t("完整报告", "full report"))).append("</summary>")
          .append(Html.pre(first.report())).append("</details>");
    }
    out.add(Output.text(text).html(html.toString()).json(Map.of("result", Json.of(r), "expected", expected == null ? "" : expected)).build());
    List<SimulationResult.SeriesPoint> series = r.findings().isEmpty() ? r.goroutineSeries() : r.findings().get(0).series();
    if (series != null && series.size() > 1) {
      out.add(Output.text("goroutines over virtual time: " + series.get(0).goroutines() + " → " + series.get(series.size() - 1).goroutines())
          .svg(seriesSvg(series, s)).build());
    }
    return out;
  }

  /** Goroutines alive over virtual time, as a step line. */
  static String seriesSvg(List<SimulationResult.SeriesPoint> pts, Session s) {
    int w = 640;
    int h = 200;
    int pad = 40;
    long t0 = pts.get(0).timeNanos();
    long t1 = Math.max(t0 + 1, pts.get(pts.size() - 1).timeNanos());
    boolean byStep = t1 - t0 <= 1;
    long x0 = byStep ? pts.get(0).step() : t0;
    long x1 = byStep ? Math.max(x0 + 1, pts.get(pts.size() - 1).step()) : t1;
    int maxG = Math.max(1, pts.stream().mapToInt(SimulationResult.SeriesPoint::goroutines).max().orElse(1));
    StringBuilder path = new StringBuilder();
    double prevY = -1;
    for (SimulationResult.SeriesPoint p : pts) {
      long xv = byStep ? p.step() : p.timeNanos();
      double x = pad + (double) (xv - x0) / (x1 - x0) * (w - 2 * pad);
      double y = h - pad - (double) p.goroutines() / maxG * (h - 2 * pad);
      if (path.isEmpty()) {
        path.append(String.format(Locale.ROOT, "M%.1f,%.1f", x, y));
      } else {
        path.append(String.format(Locale.ROOT, " L%.1f,%.1f L%.1f,%.1f", x, prevY, x, y));
      }
      prevY = y;
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h + "\" font-family=\"sans-serif\">"
        + "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#fff\"/>"
        + "<line x1=\"" + pad + "\" y1=\"" + (h - pad) + "\" x2=\"" + (w - pad) + "\" y2=\"" + (h - pad) + "\" stroke=\"#999\"/>"
        + "<line x1=\"" + pad + "\" y1=\"" + pad + "\" x2=\"" + pad + "\" y2=\"" + (h - pad) + "\" stroke=\"#999\"/>"
        + "<path d=\"" + path + "\" fill=\"none\" stroke=\"#cc4444\" stroke-width=\"2\"/>"
        + "<text x=\"" + pad + "\" y=\"" + (pad - 8) + "\" font-size=\"11\" fill=\"#444\">" + Html.esc(s.t("存活的 goroutine（最多 ", "goroutines alive (max ") + maxG + ")") + "</text>"
        + "<text x=\"" + (w - pad) + "\" y=\"" + (h - pad + 16) + "\" font-size=\"11\" fill=\"#444\" text-anchor=\"end\">"
        + Html.esc(byStep ? s.t("调度步数", "scheduling steps") : s.t("虚拟时间", "virtual time")) + "</text></svg>";
  }
}
