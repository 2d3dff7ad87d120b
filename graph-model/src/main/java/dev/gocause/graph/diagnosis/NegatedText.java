package dev.gocause.graph.diagnosis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A line of prose split by what it affirms and what it negates: within a clause, the words after a
 * negation cue ("no", "not", "没有", "并没有" ... — aliases of the {@code negation} Symptoms, so the
 * words are data) are negated up to the clause's end. "It does not deadlock, but the counter is
 * wrong" affirms only the wrong counter. A phrase that itself holds a cue ("does not exit", "not a
 * bug") still matches across the cue: see {@link DiagnosisModel.Phrase#negates()}.
 *
 * @param affirmed tokens outside any negation's scope (the cue's own tokens included)
 * @param negated tokens only seen inside a negation's scope
 */
record NegatedText(Set<String> affirmed, Set<String> negated) {

  /** Clause boundaries: punctuation ('.' only before a space or the end, so {@code wg.Done} stays whole) and contrast words. */
  private static final List<String> CONTRAST = List.of(" but ", " however ", " although ", " though ", "但是", "但", "不过", "而是", "可是");

  static NegatedText of(String line, List<String> cues) {
    Set<String> affirmed = new LinkedHashSet<>();
    Set<String> negated = new LinkedHashSet<>();
    if (cues.isEmpty()) {
      return new NegatedText(TextTokens.input(line), Set.of());
    }
    String lower = line.toLowerCase(Locale.ROOT);
    int start = 0;
    for (int i = 0; i <= lower.length(); i++) {
      int end = clauseEnd(lower, i);
      if (end < 0) {
        continue;
      }
      clause(line.substring(start, i), lower.substring(start, i), cues, affirmed, negated);
      if (i == lower.length()) {
        break; // the last clause: going on would find the same end again, for ever
      }
      start = end;
      i = end - 1;
    }
    negated.removeAll(affirmed);
    return new NegatedText(affirmed, negated);
  }

  /** When a clause ends at {@code i}: where the next starts, else -1. */
  private static int clauseEnd(String s, int i) {
    if (i == s.length()) {
      return i;
    }
    char c = s.charAt(i);
    if (",;!?，。；！？:：()（）".indexOf(c) >= 0) {
      return i + 1;
    }
    if (c == '.' && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1)))) {
      return i + 1;
    }
    for (String w : CONTRAST) {
      if (s.startsWith(w, i)) {
        return i + w.length();
      }
    }
    return -1;
  }

  private static void clause(String original, String lower, List<String> cues, Set<String> affirmed, Set<String> negated) {
    String text = original.length() == lower.length() ? original : lower;
    int cut = -1;
    for (String cue : cues) {
      int at = find(lower, cue);
      if (at >= 0 && (cut < 0 || at + cue.length() < cut)) {
        cut = at + cue.length();
      }
    }
    if (cut < 0) {
      affirmed.addAll(TextTokens.input(text));
      return;
    }
    affirmed.addAll(TextTokens.input(text.substring(0, cut)));
    negated.addAll(TextTokens.input(text.substring(cut)));
  }

  /** The cue as a word (English: not inside a longer word; a cue starting with an apostrophe may end a word). */
  private static int find(String s, String cue) {
    boolean latin = cue.chars().anyMatch(c -> c < 0x80 && Character.isLetter(c));
    for (int at = s.indexOf(cue); at >= 0; at = s.indexOf(cue, at + 1)) {
      if (!latin) {
        return at;
      }
      int after = at + cue.length();
      boolean startOk = at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)) || !Character.isLetter(cue.charAt(0));
      boolean endOk = after >= s.length() || !Character.isLetterOrDigit(s.charAt(after));
      if (startOk && endOk) {
        return at;
      }
    }
    return -1;
  }
}
