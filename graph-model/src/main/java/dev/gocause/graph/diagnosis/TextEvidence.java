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
      Set<String> negated, Set<String> reached) {}

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
    List<Set<String>> stated = new ArrayList<>(prose.size());
    Set<String> questioned = new HashSet<>();
    Set<String> negated = new HashSet<>();
    Set<String> reached = new HashSet<>();
    for (MessageLine m : prose) {
      NegatedText t = NegatedText.of(m.text(), model.reportScanners());
      Set<String> said = t.affirmed();
      if (!t.questioned().isEmpty()) {
        said = new LinkedHashSet<>(said);
        said.addAll(t.questioned());
      }
      lineTokens.add(said);
      stated.add(t.affirmed());
      questioned.addAll(t.questioned());
      negated.addAll(t.negated());
      reached.addAll(t.reached());
    }
    if (!questioned.isEmpty()) {
      stated.forEach(questioned::removeAll); // asked in one line, stated in another: stated
    }
    return new Words(prose, proseText, lineTokens, questioned, negated, reached);
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
    PhraseHits symptomHits = PhraseHits.of(0, model.symptomPhrases());
    PhraseHits causeHits = PhraseHits.of(1, model.causePhrases());
    PhraseHits primitiveHits = PhraseHits.of(2, model.primitivePhrases());
    try {
      for (String t : all) {
        DiagnosisModel.TokenPhrases at = model.phrasesWith(t);
        if (at != null) {
          double w = questioned.contains(t) ? DiagnosisEngine.QUESTIONED_WEIGHT : 1.0;
          symptomHits.add(at.symptoms(), w);
          causeHits.add(at.causes(), w);
          primitiveHits.add(at.primitives(), w);
        }
      }
      // words inside a negation's scope count only for phrases holding the negation themselves ("does not exit")
      for (String t : negated) {
        DiagnosisModel.TokenPhrases at = all.contains(t) ? null : model.phrasesWith(t);
        if (at != null) {
          symptomHits.addNegating(at.symptoms());
          causeHits.addNegating(at.causes());
          primitiveHits.addNegating(at.primitives());
        }
      }
      String[] quoted = new String[prose.size()];
      for (Map.Entry<String, Evidence> e : bestPhrases(model, symptomHits, prose, lineTokens, all, words.reached(), questioned, quoted, DiagnosisEngine.TEXT_STRENGTH).entrySet()) {
        bySymptom.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
      }
      byCause.putAll(bestPhrases(model, causeHits, prose, lineTokens, all, words.reached(), questioned, quoted, 1.0));
      byPrimitive.putAll(bestPhrases(model, primitiveHits, prose, lineTokens, all, words.reached(), questioned, quoted, 1.0));
    } finally {
      symptomHits.clear();
      causeHits.clear();
      primitiveHits.clear();
    }
  }

  /**
   * How much of each phrase of one kind the words cover: a number per phrase of the model's list,
   * in arrays kept per thread (a diagnosis touches tens of a thousand phrases, and allocating and
   * scanning the whole list for each one cost more than the matching itself); only the phrases
   * touched are visited, in list order (a bit per phrase), and reset by {@link #clear}.
   */
  private static final class PhraseHits {
    private static final ThreadLocal<PhraseHits[]> OF_THREAD = ThreadLocal.withInitial(() -> new PhraseHits[3]);

    private DiagnosisModel.Phrases phrases;
    private double[] hits;
    /** One bit per phrase touched: read in list order without sorting. */
    private long[] touched;

    /** This thread's hits for {@code phrases} (slot: one per kind, so the kinds of one diagnosis don't share), all zero. */
    static PhraseHits of(int slot, DiagnosisModel.Phrases phrases) {
      PhraseHits[] mine = OF_THREAD.get();
      PhraseHits h = mine[slot];
      int n = phrases.list().size();
      if (h == null || h.hits.length != n) {
        h = new PhraseHits();
        h.hits = new double[n];
        h.touched = new long[(n + 63) / 64];
        mine[slot] = h;
      }
      h.phrases = phrases;
      return h;
    }

    void add(int[] at, double weight) {
      if (!(weight > 0)) {
        return; // leaves every phrase as it is (and zero means untouched)
      }
      for (int i : at) {
        touched[i >>> 6] |= 1L << i;
        hits[i] += weight;
      }
    }

    /** One for each phrase holding a negation itself ("does not exit"). */
    void addNegating(int[] at) {
      for (int i : at) {
        if (phrases.negates(i)) {
          touched[i >>> 6] |= 1L << i;
          hits[i]++;
        }
      }
    }

    /** The next touched phrase at or after {@code from} (list order, as a scan of every phrase visits them), else -1. */
    int next(int from) {
      int w = from >>> 6;
      if (w >= touched.length) {
        return -1;
      }
      long bits = touched[w] & (-1L << from);
      while (true) {
        if (bits != 0) {
          return w * 64 + Long.numberOfTrailingZeros(bits);
        }
        if (++w == touched.length) {
          return -1;
        }
        bits = touched[w];
      }
    }

    double hit(int i) {
      return hits[i];
    }

    DiagnosisModel.Phrases phrases() {
      return phrases;
    }

    void clear() {
      for (int i = next(0); i >= 0; i = next(i + 1)) {
        hits[i] = 0;
      }
      java.util.Arrays.fill(touched, 0L);
      phrases = null;
    }
  }

  /**
   * For every node, its best-covered phrase, when the coverage reaches {@link DiagnosisEngine#MIN_COVERAGE}.
   * {@code quoted} holds each prose line as evidence quotes it, filled on first use.
   */
  private static Map<String, Evidence> bestPhrases(
      DiagnosisModel model,
      PhraseHits hits,
      List<MessageLine> prose,
      List<Set<String>> lineTokens,
      Set<String> all,
      Set<String> reached,
      Set<String> questioned,
      String[] quoted,
      double scale) {
    // first the best phrase per node (highest coverage, then the longest text, then the first);
    // a node's phrases are next to each other, so its best is settled when the next node starts ...
    record Winner(Phrase phrase, double strength) {}
    List<Winner> winners = new ArrayList<>();
    Phrase best = null;
    double bestStrength = 0;
    DiagnosisModel.Phrases phrases = hits.phrases();
    for (int pi = hits.next(0); pi >= 0; pi = hits.next(pi + 1)) {
      double hit = hits.hit(pi);
      if (hit == 0) {
        continue; // touched by a weight of zero
      }
      double coverage = hit / phrases.tokenCount(pi);
      if (coverage < DiagnosisEngine.MIN_COVERAGE) {
        continue; // most phrases touched: decided without reading the phrase
      }
      String[] twins = phrases.twins(pi);
      if (twins != null) {
        coverage = identifierOnce(twins, hit, phrases.tokenCount(pi), all, questioned);
        if (coverage < DiagnosisEngine.MIN_COVERAGE) {
          continue; // "Once.Do deadlock" is not met by a report that only names once.Do
        }
      }
      if (coverage < 1 && missesAnIdentifier(phrases.identifiers(pi), all)) {
        continue; // "Done not called" is not met by "not called": the code it names is the phrase's point
      }
      Phrase p = phrases.list().get(pi);
      if (phrases.negates(pi) && !negatesWhatItSays(model, p, reached)) {
        continue; // "never returns" is not met by "we never call Stop when the handler returns": the cue is about other words
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

  /**
   * The coverage of a phrase whose identifiers are each two of its tokens (the pair {@code once.do}
   * and the member {@code .do}), counting each identifier as one word: met in full where the report
   * names the pair, half where it names the member only ("o.Do" for "once.Do").
   */
  static double identifierOnce(String[] twins, double hit, int tokenCount, Set<String> all, Set<String> questioned) {
    int n = twins.length / 2;
    double h = hit;
    for (int j = 0; j < n; j++) {
      String member = twins[n + j];
      if (all.contains(member)) {
        double w = questioned.contains(member) ? DiagnosisEngine.QUESTIONED_WEIGHT : 1.0;
        h -= all.contains(twins[j]) ? w : w / 2;
      }
    }
    return tokenCount > n ? h / (tokenCount - n) : 0;
  }

  /**
   * Whether the words a phrase's negation cue is about ("returns" in "never returns") are among those a
   * negation in the report reaches: a cue and the phrase's words met far apart say something else.
   */
  private static boolean negatesWhatItSays(DiagnosisModel model, Phrase p, Set<String> reached) {
    boolean cue = false;
    boolean content = false;
    for (String t : p.tokens()) {
      if (model.isNegationCue(t)) {
        cue = true;
      } else if (reached.contains(t)) {
        return true;
      } else {
        content = true;
      }
    }
    return !cue || !content; // no whole cue (the "出现" of "未出现"), or a phrase of cues alone
  }

  private static boolean missesAnIdentifier(String[] identifiers, Set<String> input) {
    if (identifiers == null) {
      return false;
    }
    for (String t : identifiers) {
      if (!TextTokens.holdsIdentifier(input, t)) {
        return true;
      }
    }
    return false;
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
