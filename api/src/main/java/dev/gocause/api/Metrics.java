package dev.gocause.api;

import dev.gocause.graph.query.QueryListener;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Prometheus metrics, written by hand in the text exposition format (0.0.4): requests and
 * latency per matched route, diagnosis outcomes, graph look-up latency.
 */
final class Metrics implements QueryListener {
  /** Histogram bucket upper bounds in seconds. */
  private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private static final class Histogram {
    final AtomicLongArray counts = new AtomicLongArray(BUCKETS.length);
    final LongAdder count = new LongAdder();
    final DoubleAdder sum = new DoubleAdder();

    void observe(double seconds) {
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          counts.incrementAndGet(i);
          break;
        }
      }
      count.increment();
      sum.add(seconds);
    }
  }

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>(); // method|route|status
  private final Map<String, Histogram> requestLatency = new ConcurrentHashMap<>(); // method|route
  private final Map<String, LongAdder> diagnoseOutcomes = new ConcurrentHashMap<>(); // outcome
  private final Map<String, Histogram> queryLatency = new ConcurrentHashMap<>(); // query
  private final Map<String, LongAdder> queryErrors = new ConcurrentHashMap<>(); // query

  void request(String method, String route, int status, double seconds) {
    requests.computeIfAbsent(method + "|" + route + "|" + status, k -> new LongAdder()).increment();
    requestLatency.computeIfAbsent(method + "|" + route, k -> new Histogram()).observe(seconds);
  }

  /** Outcome of a diagnosis: {@code found}, {@code none}, {@code stale}, {@code rejected}, {@code error}. */
  void diagnose(String outcome) {
    diagnoseOutcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
  }

  @Override
  public void completed(String query, long nanos, boolean ok) {
    queryLatency.computeIfAbsent(query, k -> new Histogram()).observe(nanos / 1e9);
    if (!ok) {
      queryErrors.computeIfAbsent(query, k -> new LongAdder()).increment();
    }
  }

  String render() {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("# HELP gocause_http_requests_total HTTP requests by method, matched route and status.\n");
    sb.append("# TYPE gocause_http_requests_total counter\n");
    new TreeMap<>(requests).forEach((k, v) -> {
      String[] p = k.split("\\|", 3);
      sb.append("gocause_http_requests_total{method=\"").append(esc(p[0])).append("\",route=\"").append(esc(p[1]))
          .append("\",status=\"").append(p[2]).append("\"} ").append(v.sum()).append('\n');
    });
    histogram(sb, "gocause_http_request_duration_seconds", "HTTP request latency by method and matched route.",
        requestLatency, k -> {
          String[] p = k.split("\\|", 2);
          return "method=\"" + esc(p[0]) + "\",route=\"" + esc(p[1]) + "\"";
        });
    sb.append("# HELP gocause_diagnose_total Diagnoses by outcome (found, none, stale, rejected, error).\n");
    sb.append("# TYPE gocause_diagnose_total counter\n");
    new TreeMap<>(diagnoseOutcomes).forEach((k, v) ->
        sb.append("gocause_diagnose_total{outcome=\"").append(esc(k)).append("\"} ").append(v.sum()).append('\n'));
    histogram(sb, "gocause_graph_query_duration_seconds", "Graph look-up latency by query.", queryLatency,
        k -> "query=\"" + esc(k) + "\"");
    sb.append("# HELP gocause_graph_query_errors_total Graph look-ups that failed, by query.\n");
    sb.append("# TYPE gocause_graph_query_errors_total counter\n");
    new TreeMap<>(queryErrors).forEach((k, v) ->
        sb.append("gocause_graph_query_errors_total{query=\"").append(esc(k)).append("\"} ").append(v.sum()).append('\n'));
    return sb.toString();
  }

  private static void histogram(StringBuilder sb, String name, String help, Map<String, Histogram> series,
      java.util.function.Function<String, String> labels) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" histogram\n");
    new TreeMap<>(series).forEach((k, h) -> {
      String l = labels.apply(k);
      long cumulative = 0;
      for (int i = 0; i < BUCKETS.length; i++) {
        cumulative += h.counts.get(i);
        sb.append(name).append("_bucket{").append(l).append(",le=\"").append(fmt(BUCKETS[i])).append("\"} ")
            .append(cumulative).append('\n');
      }
      sb.append(name).append("_bucket{").append(l).append(",le=\"+Inf\"} ").append(h.count.sum()).append('\n');
      sb.append(name).append("_sum{").append(l).append("} ").append(fmt(h.sum.sum())).append('\n');
      sb.append(name).append("_count{").append(l).append("} ").append(h.count.sum()).append('\n');
    });
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%s", d);
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
