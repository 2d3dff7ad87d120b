package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.CauseEvidence;
import dev.gocause.graph.diagnosis.Diagnosis.Evidence;
import dev.gocause.graph.diagnosis.ModelData.CauseDef;
import dev.gocause.graph.diagnosis.ParsedInput.MessageLine;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a report's words say beyond single symptoms, applied to every candidate cause:
 * <ul>
 *   <li>the primitives it names ({@code wg.Done}, 读写锁, {@code time.After} — the Primitives'
 *       names and aliases): a cause involving none of the specific ones named is about something
 *       else and is pushed down (the causes' {@code involves} say which primitives they are about);
 *   <li>its own conclusion that this is not a concurrency bug, or that the cause lies elsewhere
 *       ({@link ReportWords#notABug()}: "not a bug", "address already in use"): every cause found
 *       from words alone is discounted, so the calibration's no-answer threshold can silence it.
 * </ul>
 * Both only touch causes without Go output behind them: what Go printed outweighs what a person
 * names.
 */
final class ReportFacets {

  /** Score factor of a cause involving none of the specific primitives the text names. */
  static final double CONTRADICTED_FACTOR = 0.6;
  /** Score factor of every cause found from words alone when the report says it is not a bug. */
  static final double NOT_A_BUG_FACTOR = 0.45;

  private final DiagnosisModel model;
  /** Specific primitives named, with the text evidence naming each. */
  private final Map<String, Evidence> named;
  private final Evidence notABug;

  private ReportFacets(DiagnosisModel model, Map<String, Evidence> named, Evidence notABug) {
    this.model = model;
    this.named = named;
    this.notABug = notABug;
  }

  static ReportFacets of(DiagnosisModel model, Map<String, Evidence> byPrimitive, List<MessageLine> prose) {
    Map<String, Evidence> named = new TreeMap<>();
    byPrimitive.forEach((id, e) -> {
      if (model.specificPrimitives().contains(id)) {
        named.put(id, e);
      }
    });
    return new ReportFacets(model, named, notABug(model.reportWords(), prose));
  }

  /** The first prose line saying the report is not a concurrency bug, as evidence, or null. */
  static Evidence notABug(ReportWords words, List<MessageLine> prose) {
    for (MessageLine m : prose) {
      String lower = m.text().toLowerCase(Locale.ROOT);
      for (String w : words.notABug()) {
        if (ReportWords.find(lower, w, 0) >= 0) {
          return new Evidence("not-a-bug", DiagnosisEngine.clip(m.text()), List.of(m.line()), 1, w, 1.0);
        }
      }
    }
    return null;
  }

  Set<String> namedPrimitives() {
    return named.keySet();
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
    if (!named.isEmpty() && !involvesAny(cause, named.keySet())) {
      double next = s * CONTRADICTED_FACTOR;
      Evidence e = named.values().iterator().next();
      evidence.add(new CauseEvidence("contradiction", e.text(), e.lines(), e.occurrences(),
          "names " + String.join(", ", named.keySet()) + "; the cause involves " + String.join(", ", cause.primitiveIds()),
          null, e.strength(), CONTRADICTED_FACTOR, DiagnosisEngine.round(next - s)));
      s = next;
    }
    if (notABug != null) {
      double next = s * NOT_A_BUG_FACTOR;
      Evidence e = notABug;
      evidence.add(new CauseEvidence("not-a-bug", e.text(), e.lines(), e.occurrences(), e.matched(),
          null, e.strength(), NOT_A_BUG_FACTOR, DiagnosisEngine.round(next - s)));
      s = next;
    }
    return s;
  }

  private static boolean involvesAny(CauseDef cause, Set<String> primitives) {
    for (String p : cause.primitiveIds()) {
      if (primitives.contains(p)) {
        return true;
      }
    }
    return false;
  }
}
