package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.Evidence;
import dev.gocause.graph.diagnosis.DiagnosisModel.Phrase;
import dev.gocause.graph.diagnosis.ParsedInput.MessageLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a person's words say, as evidence: the prose lines of a report split by what they state,
 * only ask and negate ({@link NegatedText}), matched against the names and aliases of symptoms,
 * causes and primitives (through the model's token index), and the causes whose own text the
 * words are close to (full-text relevance). The weights are {@link DiagnosisEngine}'s parameters.
 */
final class TextEvidence {

  /**
   * The prose of a report: its lines (at most {@link DiagnosisEngine#MAX_PROSE_LINES}), their text
   * joined, and per line the tokens it states or asks; over all lines the tokens only asked, and
   * those only negated.
   */
  record Words(List<MessageLine> prose, String proseText, List<Set<String>> lineTokens, Set<String> questioned,
      Set<String> negated) {}

  private TextEvidence() {}

  /** The prose lines of {@code parsed}, read once for every use. */
  static Words read(DiagnosisModel model, ParsedInput parsed) {
    List<MessageLine> prose = new ArrayList<>();
    StringBuilder proseLines = new StringBuilder();
    for (MessageLine m : parsed.messages()) {
      if (m.prose() && prose.size() < DiagnosisEngine.MAX_PROSE_LINES) {
        proseLines.append(prose.isEmpty() ? "" : "\n").append(m.text());
        prose.add(m);
      }
    }
    String proseText = proseLines.toString();
    List<Set<String>> lineTokens = new ArrayList<>(prose.size());
    Set<String> stated = new HashSet<>();
    Set<String> questioned = new HashSet<>();
    Set<String> negated = new HashSet<>();
    for (MessageLine m : prose) {
      NegatedText t = NegatedText.of(m.text(), model.reportScanners());
      Set<String> said = t.affirmed();
      if (!t.questioned().isEmpty()) {
        said = new LinkedHashSet<>(said);
        said.addAll(t.questioned());
      }
      lineTokens.add(said);
      stated.addAll(t.affirmed());
      questioned.addAll(t.questioned());
      negated.addAll(t.negated());
    }
    questioned.removeAll(stated); // asked in one line, stated in another: stated
    return new Words(prose, proseText, lineTokens, questioned, negated);
  }

  /**
   * Evidence from the words: of the symptoms, causes and primitives whose name or alias the prose
   * covers well enough ({@link DiagnosisEngine#MIN_COVERAGE}).
   */
  static void facts(
      DiagnosisModel model,
      Words words,
      Map<String, List<Evidence>> bySymptom,
      Map<String, Evidence> byCause,
      Map<String, Evidence> byPrimitive) {
    List<MessageLine> prose = words.prose();
    List<Set<String>> lineTokens = words.lineTokens();
    Set<String> questioned = words.questioned();
    Set<String> negated = words.negated();
    Set<String> all;
    if (lineTokens.size() == 1) {
      all = lineTokens.get(0);
    } else {
      all = new LinkedHashSet<>();
      lineTokens.forEach(all::addAll);
    }
    if (all.isEmpty()) {
      return;
    }
    // distinct phrase tokens found in the input, per phrase of each kind (phrase tokens and input tokens are sets)
    // a word seen only in questions ("is this a leak?") counts for less than a stated one
    double[] symptomHits = new double[model.symptomPhrases().list().size()];
    double[] causeHits = new double[model.causePhrases().list().size()];
    double[] primitiveHits = new double[model.primitivePhrases().list().size()];
    for (String t : all) {
      DiagnosisModel.TokenPhrases at = model.phrasesWith(t);
      if (at != null) {
        double w = questioned.contains(t) ? DiagnosisEngine.QUESTIONED_WEIGHT : 1.0;
        count(at.symptoms(), symptomHits, w);
        count(at.causes(), causeHits, w);
        count(at.primitives(), primitiveHits, w);
      }
    }
    // words inside a negation's scope count only for phrases holding the negation themselves ("does not exit")
    for (String t : negated) {
      DiagnosisModel.TokenPhrases at = all.contains(t) ? null : model.phrasesWith(t);
      if (at != null) {
        countNegating(at.symptoms(), model.symptomPhrases(), symptomHits);
        countNegating(at.causes(), model.causePhrases(), causeHits);
        countNegating(at.primitives(), model.primitivePhrases(), primitiveHits);
      }
    }
    String[] quoted = new String[prose.size()];
    for (Map.Entry<String, Evidence> e : bestPhrases(model.symptomPhrases(), symptomHits, prose, lineTokens, quoted, DiagnosisEngine.TEXT_STRENGTH).entrySet()) {
      bySymptom.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
    }
    byCause.putAll(bestPhrases(model.causePhrases(), causeHits, prose, lineTokens, quoted, 1.0));
    byPrimitive.putAll(bestPhrases(model.primitivePhrases(), primitiveHits, prose, lineTokens, quoted, 1.0));
  }

  private static void countNegating(int[] phrases, DiagnosisModel.Phrases list, double[] hits) {
    for (int i : phrases) {
      if (list.list().get(i).negates()) {
        hits[i]++;
      }
    }
  }

  private static void count(int[] phrases, double[] hits, double weight) {
    for (int i : phrases) {
      hits[i] += weight;
    }
  }

  /**
   * For every node, its best-covered phrase, when the coverage reaches {@link #MIN_COVERAGE}.
   * {@code quoted} holds each prose line as evidence quotes it, filled on first use.
   */
  private static Map<String, Evidence> bestPhrases(
      DiagnosisModel.Phrases phrases,
      double[] hits,
      List<MessageLine> prose,
      List<Set<String>> lineTokens,
      String[] quoted,
      double scale) {
    // first the best phrase per node (highest coverage, then the longest text, then the first);
    // a node's phrases are next to each other, so its best is settled when the next node starts ...
    record Winner(Phrase phrase, double strength) {}
    List<Winner> winners = new ArrayList<>();
    Phrase best = null;
    double bestStrength = 0;
    for (int pi = 0; pi < hits.length; pi++) {
      double hit = hits[pi];
      if (hit == 0) {
        continue;
      }
      Phrase p = phrases.list().get(pi);
      double coverage = hit / p.tokens().size();
      if (coverage < DiagnosisEngine.MIN_COVERAGE) {
        continue;
      }
      double strength = DiagnosisEngine.round(scale * coverage);
      if (best != null && best.nodeId().equals(p.nodeId())) {
        if (bestStrength > strength || (bestStrength == strength && best.text().length() >= p.text().length())) {
          continue;
        }
      } else if (best != null) {
        winners.add(new Winner(best, bestStrength));
      }
      best = p;
      bestStrength = strength;
    }
    if (best != null) {
      winners.add(new Winner(best, bestStrength));
    }
    // ... then where it was said, for the winners only (callers keep them in maps sorted by node)
    Map<String, Evidence> found = new HashMap<>();
    for (Winner w : winners) {
      Phrase p = w.phrase();
      List<Integer> lines = new ArrayList<>();
      String text = null;
      for (int i = 0; i < prose.size() && lines.size() < 5; i++) {
        if (containsAny(lineTokens.get(i), p.tokens())) {
          lines.add(prose.get(i).line());
          if (text == null) {
            if (quoted[i] == null) {
              quoted[i] = DiagnosisEngine.clip(prose.get(i).text());
            }
            text = quoted[i];
          }
        }
      }
      found.put(p.nodeId(), new Evidence("text", text == null ? "" : text, List.copyOf(lines), lines.size(), p.text(),
          w.strength()));
    }
    return found;
  }

  private static boolean containsAny(Set<String> tokens, List<String> wanted) {
    for (String t : wanted) {
      if (tokens.contains(t)) {
        return true;
      }
    }
    return false;
  }

  static void search(
      DiagnosisModel model, List<MessageLine> prose, Map<String, Double> relevance, Map<String, Evidence> out) {
    relevance.forEach((causeId, r) -> {
      if (model.causes().containsKey(causeId) && r > 0) {
        MessageLine first = prose.get(0);
        out.put(causeId, new Evidence("search", DiagnosisEngine.clip(first.text()), List.of(first.line()), prose.size(),
            "full-text: " + causeId, DiagnosisEngine.round(r)));
      }
    });
  }
}
