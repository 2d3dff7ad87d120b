package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Evaluation.Outcome;
import java.util.List;
import java.util.Locale;

/**
 * What a score means: per band of the top cause's score, how often the top cause was right;
 * how often an empty answer was right; and for each cut-off, what withholding the answers below
 * it would do (a withheld answer is right when nothing was expected).
 */
public record Calibration(List<Band> bands, int emptyRight, int emptyWrong, List<Cut> cuts) {

  /** Top causes scoring in {@code [from, to)}: how many, how many right (top-1). */
  public record Band(double from, double to, int n, int right) {}

  /** Answers below {@code threshold} withheld: how many cases would then be right, of all. */
  public record Cut(double threshold, int right, int total, int answered) {}

  static final double[] EDGES = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001};
  static final double[] CUTS = {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6};

  public static Calibration of(List<Outcome> outcomes) {
    List<Band> bands = new java.util.ArrayList<>();
    for (int i = 0; i + 1 < EDGES.length; i++) {
      double from = EDGES[i];
      double to = EDGES[i + 1];
      int n = 0;
      int right = 0;
      for (Outcome o : outcomes) {
        if (!o.got().isEmpty() && o.topScore() >= from && o.topScore() < to) {
          n++;
          right += o.top1() ? 1 : 0;
        }
      }
      bands.add(new Band(from, Math.min(to, 1.0), n, right));
    }
    int emptyRight = 0;
    int emptyWrong = 0;
    for (Outcome o : outcomes) {
      if (o.got().isEmpty()) {
        if (o.top1()) {
          emptyRight++;
        } else {
          emptyWrong++;
        }
      }
    }
    List<Cut> cuts = new java.util.ArrayList<>();
    for (double t : CUTS) {
      int right = 0;
      int answered = 0;
      for (Outcome o : outcomes) {
        boolean withheld = o.got().isEmpty() || o.topScore() < t;
        answered += withheld ? 0 : 1;
        right += withheld ? (o.c().expected().isEmpty() ? 1 : 0) : (o.top1() ? 1 : 0);
      }
      cuts.add(new Cut(t, right, outcomes.size(), answered));
    }
    return new Calibration(List.copyOf(bands), emptyRight, emptyWrong, List.copyOf(cuts));
  }

  public String table() {
    StringBuilder b = new StringBuilder();
    b.append("calibration (score of the top cause -> share right at top-1)\n");
    b.append(String.format(Locale.ROOT, "%-16s %5s %8s%n", "band", "n", "right"));
    for (Band x : bands) {
      if (x.n() > 0) {
        b.append(String.format(Locale.ROOT, "[%.1f, %.1f%s      %5d %7.1f%%%n", x.from(), x.to(), x.to() >= 1.0 ? "]" : ")",
            x.n(), 100.0 * x.right() / x.n()));
      }
    }
    int empty = emptyRight + emptyWrong;
    b.append(String.format(Locale.ROOT, "%-16s %5d %7s   (right: %d nothing expected, wrong: %d)%n", "empty answer", empty,
        empty == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * emptyRight / empty), emptyRight, emptyWrong));
    b.append("if answers below a threshold were withheld (right = top-1 hit, or empty when nothing expected)\n");
    for (Cut c : cuts) {
      b.append(String.format(Locale.ROOT, "  >= %.2f  answered %3d  right %3d/%d = %5.1f%%%n", c.threshold(), c.answered(),
          c.right(), c.total(), c.total() == 0 ? 0.0 : 100.0 * c.right() / c.total()));
    }
    return b.toString();
  }
}
