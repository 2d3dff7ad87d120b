package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.Evidence;
import dev.gocause.graph.diagnosis.Diagnosis.InputSummary;
import dev.gocause.graph.diagnosis.ModelData.SignatureDef;
import dev.gocause.graph.diagnosis.ModelData.SymptomDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the analyzers' {@link Fact}s enter the diagnosis: as evidence (kind {@code analysis}) of
 * the Symptom each fact is, weakening the raw readings they explain; and the answer for input
 * that is not Go concurrency at all.
 */
final class AnalysisEvidence {

  /** A fact an analyzer derived: Go printed it, in other words; as sure as the derivation. */
  static final double ANALYSIS_STRENGTH = 1.0;
  /** Wait reasons and frames count this much once an analyzer's fact explains them ... */
  static final double SUBSUMED = 0.6;
  /** ... and race-report evidence once a race fact says what the accesses did. */
  static final double SUBSUMED_RACE = 0.4;

  private AnalysisEvidence() {}

  /** Input that is not Go concurrency at all: no cause, and the message says what it looked like. */
  static Diagnosis notGo(DiagnosisModel model, DiagnosisRequest request, ParsedInput parsed, String what) {
    String lang = request.lang() != null ? request.lang() : "en";
    InputSummary input = new InputSummary("not-go", parsed.lineCount(), null, List.of(), 0);
    String message = "zh".equals(lang)
        ? "输入看起来是 " + what + ",不是 Go 并发问题的输出;不给出根因。请贴出 Go 的 panic、fatal error、goroutine dump、race 或 goleak 报告。"
        : "Input: this looks like " + what + ", not output of a Go concurrency failure; no root cause given. Paste Go's panic,"
            + " fatal error, goroutine dump, race or goleak report.";
    return new Diagnosis(List.of(), List.of(), input, model.version(), model.hash(), lang, message, List.of());
  }

  /**
   * Facts of the analyzers, as evidence of the Symptom each one is (unknown ids are ignored: the
   * knowledge may not have them); true when any was known.
   */
  static boolean facts(DiagnosisModel model, List<Fact> facts, Map<String, List<Evidence>> out) {
    boolean any = false;
    for (Fact f : facts) {
      if (model.symptoms().containsKey(f.id())) {
        any = true;
        out.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(new Evidence("analysis", DiagnosisEngine.clip(f.text()), f.lines(),
            Math.max(1, f.goroutines().size()), "analysis: " + f.id(), DiagnosisEngine.round(ANALYSIS_STRENGTH * f.strength()), f.goroutines().isEmpty() ? null : f.goroutines()));
      }
    }
    return any;
  }

  /**
   * A fact reads the same goroutines (or race accesses) as the wait reasons and frames it was
   * derived from, more precisely: once one is known, those raw readings count less, so that many
   * weak per-line matches do not outvote what the goroutines together show.
   */
  static void explainAway(DiagnosisModel model, Map<String, List<Evidence>> bySymptom, boolean waitFacts, boolean raceFacts) {
    if (!waitFacts && !raceFacts) {
      return;
    }
    Set<String> raceSignatures = new HashSet<>();
    if (raceFacts) {
      List<SignatureDef> all = new ArrayList<>(model.literals());
      model.regexes().forEach(r -> all.add(r.signature()));
      for (SignatureDef sig : all) {
        for (String sym : sig.symptomIds()) {
          SymptomDef d = model.symptoms().get(sym);
          if (d != null && "race-report".equals(d.kind())) {
            raceSignatures.add(sig.id());
          }
        }
      }
    }
    bySymptom.forEach((id, list) -> {
      SymptomDef s = model.symptoms().get(id);
      boolean raceSymptom = s != null && "race-report".equals(s.kind());
      for (int i = 0; i < list.size(); i++) {
        Evidence e = list.get(i);
        boolean race = raceFacts && !e.kind().equals("analysis") && (raceSymptom || raceSignatures.contains(e.matched()));
        boolean raw = race || waitFacts && (e.kind().equals("wait-reason") || e.kind().equals("frame"));
        if (raw) {
          list.set(i, e.withStrength(DiagnosisEngine.round(e.strength() * (race ? SUBSUMED_RACE : SUBSUMED))));
        }
      }
    });
  }

}
