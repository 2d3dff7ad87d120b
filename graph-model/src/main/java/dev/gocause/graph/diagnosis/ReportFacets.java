package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.CauseEvidence;
import dev.gocause.graph.diagnosis.Diagnosis.Evidence;
import dev.gocause.graph.diagnosis.ModelData.CauseDef;
import dev.gocause.graph.diagnosis.ParsedInput.MessageLine;
import java.util.List;
import java.util.Locale;

/**
 * What a report's own words say about every candidate cause: that it concludes this is not a
 * concurrency bug, or that the cause lies elsewhere ({@link ReportWords#notABug()}: "not a bug",
 * "address already in use"). Every cause found from words alone is then discounted, so the
 * calibration's no-answer threshold can silence it; a cause with Go output behind it is left
 * alone (what Go printed outweighs what a person concludes). Pushing down the causes whose
 * primitive the text contradicts was tried (x0.6) and dropped: it lowered the kept-aside part's
 * top-3 on the field corpus (58.8% to 52.9%) without raising the tuned part.
 */
final class ReportFacets {

  /** Score factor of every cause found from words alone when the report says it is not a bug. */
  static final double NOT_A_BUG_FACTOR = 0.45;

  private final Evidence notABug;

  private ReportFacets(Evidence notABug) {
    this.notABug = notABug;
  }

  static ReportFacets of(DiagnosisModel model, List<MessageLine> prose) {
    return new ReportFacets(notABug(model.reportScanners().notABug(), prose));
  }

  /** The first prose line saying the report is not a concurrency bug (the first such phrase in it), as evidence, or null. */
  static Evidence notABug(WordScanner words, List<MessageLine> prose) {
    for (MessageLine m : prose) {
      int w = words.first(m.text().toLowerCase(Locale.ROOT));
      if (w >= 0) {
        return new Evidence("not-a-bug", DiagnosisEngine.clip(m.text()), List.of(m.line()), 1, words.word(w), 1.0);
      }
    }
    return null;
  }

  /**
   * The cause's score after the facets: {@code score} times the factors that apply, each recorded in
   * {@code evidence} with its (negative) contribution. {@code fromGoOutput}: the cause has evidence
   * Go printed, which the facets leave alone.
   */
  double adjust(CauseDef cause, double score, boolean fromGoOutput, List<CauseEvidence> evidence) {
    if (fromGoOutput) {
      return score;
    }
    double s = score;
    if (notABug != null) {
      double next = s * NOT_A_BUG_FACTOR;
      Evidence e = notABug;
      evidence.add(new CauseEvidence("not-a-bug", e.text(), e.lines(), e.occurrences(), e.matched(),
          null, e.strength(), NOT_A_BUG_FACTOR, DiagnosisEngine.round(next - s)));
      s = next;
    }
    return s;
  }
}
