package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.CauseEvidence;
import dev.gocause.graph.diagnosis.Diagnosis.Evidence;
import dev.gocause.graph.diagnosis.Diagnosis.ObservedSymptom;
import dev.gocause.graph.diagnosis.ModelData.Indicates;
import dev.gocause.graph.diagnosis.ModelData.Named;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the goroutines Go printed are parked, against every candidate cause. A cause that leaves
 * goroutines parked in a state Go prints (some {@code wait-state} Symptom INDICATES it: chan
 * send, Mutex.Lock, WaitGroup.Wait ...) is contradicted when Go's output shows goroutines parked
 * and none of those states INDICATES it: when every goroutine of a dump waits in WaitGroup.Wait or
 * a lock, a sender with no receiver (which leaves one in {@code [chan send]}) is not what leaked,
 * however well the report's words fit it. Score x
 * {@link #CONTRADICTED_FACTOR}, in the cause's evidence with its (negative) contribution.
 *
 * <p>Only evidence of a machine kind counts (Go's output, the analyzers' facts, the code checks, a
 * simulation), never a person's words about a wait; causes that park no goroutine (races, panics)
 * are left alone. Which state fits
 * which cause is seed-data: the wait-state symptoms' INDICATES links.
 */
final class WaitStates {
  static final String WAIT_STATE = "wait-state";
  /**
   * Score factor of a cause the printed wait states contradict: the text facets' factor. On the
   * field corpus's tuned part x0.45, x0.6 and x0.75 rank alike (docs/diagnosis-eval.md, stop 25).
   */
  static final double CONTRADICTED_FACTOR = 0.6;

  private final List<ObservedSymptom> parked;
  private final Set<String> fits;
  private final String matched;

  private WaitStates(List<ObservedSymptom> parked, Set<String> fits) {
    this.parked = parked;
    this.fits = fits;
    StringBuilder names = new StringBuilder("goroutines Go printed are parked elsewhere: ");
    for (int i = 0; i < parked.size(); i++) {
      names.append(i == 0 ? "" : "; ").append(parked.get(i).nameEn());
    }
    this.matched = names.toString();
  }

  /** The wait states Go's output shows, or null when it shows none (no dump, or only words about one). */
  static WaitStates of(DiagnosisModel model, List<ObservedSymptom> observed) {
    List<ObservedSymptom> parked = new ArrayList<>();
    Set<String> fits = new HashSet<>();
    for (ObservedSymptom s : observed) {
      if (WAIT_STATE.equals(s.kind()) && machineEvidence(s) != null) {
        parked.add(s);
        for (Indicates link : model.links(s.id())) {
          fits.add(link.causeId());
        }
      }
    }
    return parked.isEmpty() ? null : new WaitStates(List.copyOf(parked), fits);
  }

  /** The cause's score after the printed wait states, the factor recorded in {@code evidence} (unless null) when it applies. */
  double adjust(DiagnosisModel model, String causeId, double score, List<CauseEvidence> evidence) {
    if (fits.contains(causeId) || !model.parksGoroutines(causeId)) {
      return score;
    }
    ObservedSymptom first = parked.get(0);
    Evidence e = machineEvidence(first);
    double next = score * CONTRADICTED_FACTOR;
    if (evidence == null) {
      return next;
    }
    evidence.add(new CauseEvidence("wait-state-contradiction", e.text(), e.lines(), e.occurrences(), matched,
        new Named(first.id(), first.nameZh(), first.nameEn()), e.strength(), CONTRADICTED_FACTOR,
        DiagnosisEngine.round(next - score)));
    return next;
  }

  /** The symptom's first evidence of a machine kind (what ran, not words), else null. */
  private static Evidence machineEvidence(ObservedSymptom s) {
    for (Evidence e : s.evidence()) {
      if (DiagnosisEngine.isMachineKind(e.kind())) {
        return e;
      }
    }
    return null;
  }

  /** Causes some wait-state symptom of the model INDICATES (for {@link DiagnosisModel}). */
  static Set<String> parkingCauses(java.util.Map<String, ModelData.SymptomDef> symptoms,
      java.util.Map<String, List<Indicates>> bySymptom) {
    Set<String> out = new HashSet<>();
    symptoms.forEach((id, s) -> {
      if (WAIT_STATE.equals(s.kind())) {
        for (Indicates i : bySymptom.getOrDefault(id, List.of())) {
          out.add(i.causeId());
        }
      }
    });
    return Set.copyOf(out);
  }
}
