package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.AskBack;
import dev.gocause.graph.diagnosis.Diagnosis.Observation;
import dev.gocause.graph.diagnosis.Diagnosis.ObservedSymptom;
import dev.gocause.graph.diagnosis.Diagnosis.RankedCause;
import dev.gocause.graph.diagnosis.ModelData.CommandInfo;
import dev.gocause.graph.diagnosis.ModelData.SignatureDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When the two best causes are close, what to ask back: from the graph, the symptom not yet
 * observed that points to each of them most clearly over the other (preferring one Go shows in
 * its output, so the question is "does the dump show {@code [chan send]}?"), and the commands
 * confirming the causes that would show it.
 */
final class AskBacks {

  /** The best two causes are close when their scores differ by at most this. */
  static final double CLOSE = 0.1;
  /** A symptom separates two causes when its weights to them differ by at least this. */
  static final double MIN_SEPARATION = 0.25;

  private AskBacks() {}

  static AskBack between(DiagnosisModel model, List<RankedCause> causes, List<ObservedSymptom> observed) {
    if (causes.size() < 2 || causes.get(0).score() - causes.get(1).score() > CLOSE + 1e-9) {
      return null;
    }
    RankedCause a = causes.get(0);
    RankedCause b = causes.get(1);
    Set<String> seen = new HashSet<>();
    observed.forEach(o -> seen.add(o.id()));
    Observation forA = best(model, a.id(), b.id(), seen);
    Observation forB = best(model, b.id(), a.id(), seen);
    List<Observation> observations = new ArrayList<>();
    if (forA != null) {
      observations.add(forA);
    }
    if (forB != null) {
      observations.add(forB);
    }
    if (observations.isEmpty()) {
      return null;
    }
    Wording w = model.askBackWording(a.id() + "\u0000" + b.id() + "\u0000" + symptomOf(forA) + "\u0000" + symptomOf(forB),
        () -> new Wording(question(true, a, b, forA, forB), question(false, a, b, forA, forB),
            // the model's commands, in full: the second cause of an answer lists its own in brief
            commands(model.causes().get(a.id()).commands(), model.causes().get(b.id()).commands())));
    return new AskBack(List.of(a.id(), b.id()), w.questionZh(), w.questionEn(), observations, w.commands());
  }

  /**
   * The questions and commands of an ask-back: they follow from the two causes and the symptom
   * asked about for each, all of one model, so {@link DiagnosisModel#askBackWording} keeps them.
   */
  record Wording(String questionZh, String questionEn, List<CommandInfo> commands) {}

  private static String symptomOf(Observation o) {
    return o == null ? "" : o.symptom().id();
  }

  /** The unobserved symptom pointing to {@code favoured} most strongly over {@code other}; Go-visible ones first. */
  private static Observation best(DiagnosisModel model, String favoured, String other, Set<String> seen) {
    Observation best = null;
    boolean bestShown = false;
    List<Candidate> candidates = model.askBackCandidates(favoured, other, () -> candidates(model, favoured, other));
    for (int i = 0; i < candidates.size(); i++) { // by index: see DiagnosisEngine.signatures
      Candidate c = candidates.get(i);
      if (seen.contains(c.symptomId())) {
        continue;
      }
      if (best == null || (c.shown() && !bestShown) || (c.shown() == bestShown && c.separation() > best.weight() + 1e-9)) {
        best = c.observation();
        bestShown = c.shown();
      }
    }
    return best;
  }

  /**
   * A symptom that could separate two causes: its id, the observation to ask about, the difference
   * of its weights to them, and whether Go prints it.
   */
  record Candidate(String symptomId, Observation observation, double separation, boolean shown) {}

  /**
   * The symptoms indicating {@code favoured} at least {@link #MIN_SEPARATION} more than {@code other},
   * in the order of {@link DiagnosisModel#symptomsIndicating}; only symptoms indicating the favoured
   * cause can separate it (MIN_SEPARATION > 0).
   */
  private static List<Candidate> candidates(DiagnosisModel model, String favoured, String other) {
    Map<String, Double> toFavoured = model.weightsInto(favoured);
    Map<String, Double> toOther = model.weightsInto(other);
    List<Candidate> out = new ArrayList<>();
    for (String symptomId : model.symptomsIndicating(favoured)) {
      double separation = toFavoured.getOrDefault(symptomId, 0.0) - toOther.getOrDefault(symptomId, 0.0);
      if (separation >= MIN_SEPARATION) {
        SignatureDef sig = model.shownAs(symptomId);
        Observation ask = new Observation(model.symptomName(symptomId), lookFor(sig), favoured, DiagnosisEngine.round(separation));
        out.add(new Candidate(symptomId, ask, separation, sig != null));
      }
    }
    return List.copyOf(out);
  }

  private static String lookFor(SignatureDef sig) {
    if (sig == null) {
      return null;
    }
    return switch (sig.kind()) {
      case WAIT_REASON -> "[" + sig.pattern().strip() + "]";
      case LITERAL -> sig.pattern();
      default -> null;
    };
  }

  private static String question(boolean zh, RankedCause a, RankedCause b, Observation forA, Observation forB) {
    StringBuilder q = new StringBuilder();
    q.append(zh ? "“" + a.nameZh() + "”和“" + b.nameZh() + "”得分接近。" : "\"" + a.nameEn() + "\" and \"" + b.nameEn() + "\" score close. ");
    List<String> parts = new ArrayList<>();
    for (Observation o : new Observation[] {forA, forB}) {
      if (o == null) {
        continue;
      }
      String cause = o.favours().equals(a.id()) ? (zh ? a.nameZh() : a.nameEn()) : (zh ? b.nameZh() : b.nameEn());
      String what = o.lookFor() != null
          ? (zh ? "输出里有 `" + o.lookFor() + "`" : "does the output show `" + o.lookFor() + "`")
          : (zh ? "是否" + o.symptom().nameZh() : "do you see: " + o.symptom().nameEn());
      parts.add(what + (zh ? "(指向" + cause + ")" : " (points to " + cause + ")"));
    }
    q.append(String.join(zh ? ",还是" : ", or ", parts)).append(zh ? "?" : "?");
    return q.toString();
  }

  /** Commands confirming both causes first, else the first of each; at most two. */
  private static List<CommandInfo> commands(List<CommandInfo> ofA, List<CommandInfo> ofB) {
    Map<String, CommandInfo> out = new LinkedHashMap<>();
    Set<String> idsOfB = new HashSet<>();
    ofB.forEach(c -> idsOfB.add(c.id()));
    for (CommandInfo c : ofA) {
      if (idsOfB.contains(c.id()) && out.size() < 2) {
        out.put(c.id(), c);
      }
    }
    if (out.isEmpty()) {
      if (!ofA.isEmpty()) {
        out.put(ofA.get(0).id(), ofA.get(0));
      }
      if (!ofB.isEmpty()) {
        out.putIfAbsent(ofB.get(0).id(), ofB.get(0));
      }
    }
    return List.copyOf(out.values());
  }
}
