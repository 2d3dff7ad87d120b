package dev.gocause.graph.diagnosis;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A line of prose split by what it states, what it only asks and what it negates. A negation cue
 * ("no", "not", "没有", "并没有" ... — {@link ReportWords#negation()}) negates the few words after it
 * within its clause ({@link #NEGATION_REACH}): "no deadlock, but the counter is wrong" states only
 * the wrong counter, and "the lock is not released after the panic" still states the panic. A
 * clause holding a question cue ("is this", "是不是", "吗") asks rather than states. A phrase that
 * itself holds a cue ("does not exit", "没有接收者") still matches across it: see
 * {@link DiagnosisModel.Phrase#negates()}.
 *
 * @param affirmed tokens stated outside any negation (the cue's own tokens included)
 * @param questioned tokens only seen in questions, outside any negation
 * @param negated tokens only seen inside a negation's reach
 * @param reached tokens seen inside a negation's reach, whether or not stated elsewhere too: what a
 *     phrase holding a cue ("never returns") must find negated for its cue to be about it
 */
record NegatedText(Set<String> affirmed, Set<String> questioned, Set<String> negated, Set<String> reached) {

  /** How far a negation reaches: this many English words, or twice as many Chinese characters. */
  static final int NEGATION_REACH = 3;

  /** Clause boundaries besides punctuation: contrast words. */
  private static final String[] CONTRAST = {" but ", " however ", " although ", " though ", "但是", "但", "不过", "而是", "可是"};
  /** For each ASCII character, whether a contrast word starts with it. */
  private static final boolean[] CONTRAST_STARTS = new boolean[0x80];
  /** The other characters a contrast word starts with (each character of a Chinese line is looked at). */
  private static final String CONTRAST_STARTS_WIDE;

  static {
    StringBuilder wide = new StringBuilder();
    for (String w : CONTRAST) {
      char c = w.charAt(0);
      if (c < 0x80) {
        CONTRAST_STARTS[c] = true;
      } else if (wide.indexOf(String.valueOf(c)) < 0) {
        wide.append(c);
      }
    }
    CONTRAST_STARTS_WIDE = wide.toString();
  }

  static NegatedText of(String line, ReportWords words) {
    return of(line, words.scanners());
  }

  /** As {@link #of(String, ReportWords)} with the words compiled once (per model). */
  static NegatedText of(String line, ReportWords.Scanners words) {
    // a Chinese character gives up to two tokens (its pair and itself), a word's character at most about one:
    // sized so the set seldom regrows, without zeroing a table twice that size for every line
    Set<String> affirmed = new LinkedHashSet<>(Math.min(1 << 12, (int) (2 * line.length() / 0.75f) + 16));
    Set<String> questioned = new LinkedHashSet<>();
    Set<String> negated = new LinkedHashSet<>();
    // tokens are lower case anyway, so the clauses are cut from the lowered line and tokenised as they are (not lowered again)
    String lower = TextTokens.asMembers(line, TextTokens.PROSE_METHODS).toLowerCase(Locale.ROOT);
    int start = 0;
    for (int i = 0; i <= lower.length(); i++) {
      int next = clauseEnd(lower, i);
      if (next < 0) {
        continue;
      }
      boolean asked = i < lower.length() && (lower.charAt(i) == '?' || lower.charAt(i) == '？');
      clause(lower.substring(start, i), asked, words, affirmed, questioned, negated);
      if (i == lower.length()) {
        break; // the last clause
      }
      start = next;
      i = next - 1;
    }
    questioned.removeAll(affirmed);
    Set<String> reached = negated.isEmpty() ? Set.of() : Set.copyOf(negated);
    negated.removeAll(affirmed);
    negated.removeAll(questioned);
    return new NegatedText(affirmed, questioned, negated, reached);
  }

  /** When a clause ends at {@code i}: where the next starts, else -1. */
  private static int clauseEnd(String s, int i) {
    if (i == s.length()) {
      return i;
    }
    char c = s.charAt(i);
    if (c == '(' && i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
      return -1; // a call, close(ch): its name and parenthesis stay together (TextTokens keeps "close(")
    }
    if (",;!?，。；！？:：()（）".indexOf(c) >= 0) {
      return i + 1;
    }
    if (c == '.' && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1)))) {
      return i + 1; // '.' inside wg.Done stays
    }
    if (c < 0x80 ? !CONTRAST_STARTS[c] : CONTRAST_STARTS_WIDE.indexOf(c) < 0) {
      return -1; // no contrast word starts with this character: spares the look at each of them
    }
    for (String w : CONTRAST) {
      if (w.charAt(0) == c && s.startsWith(w, i)) {
        return i + w.length();
      }
    }
    return -1;
  }

  private static void clause(String lower, boolean endsInQuestionMark, ReportWords.Scanners words,
      Set<String> affirmed, Set<String> questioned, Set<String> negated) {
    int[] asked = words.question().scan(lower); // pairs: cue, position
    boolean question = endsInQuestionMark || asked.length > 0; // a clause ending in '?' asks whatever its words
    boolean[] asking = new boolean[lower.length()]; // a question cue's own characters: "是不是", "有没有" hold no negation
    for (int m = 0; m < asked.length; m += 2) {
      for (int k = asked[m + 1], end = k + words.question().word(asked[m]).length(); k < end; k++) {
        asking[k] = true;
      }
    }
    int[] cues = words.negation().scan(lower);
    boolean[] inReach = cues.length == 0 ? null : new boolean[lower.length()];
    boolean any = false;
    for (int m = 0; m < cues.length; m += 2) {
      int at = cues[m + 1];
      if (asking[at]) {
        continue;
      }
      int from = at + words.negation().word(cues[m]).length();
      int to = reach(lower, from);
      for (int k = from; k < to; k++) {
        inReach[k] = true;
      }
      any |= to > from;
    }
    Set<String> stated = question ? questioned : affirmed;
    if (!any) {
      TextTokens.inputLowered(lower, stated);
      return;
    }
    StringBuilder outside = new StringBuilder(lower.length());
    StringBuilder inside = new StringBuilder();
    for (int k = 0; k < lower.length(); k++) {
      char c = lower.charAt(k);
      outside.append(inReach[k] ? ' ' : c);
      if (inReach[k]) {
        inside.append(c);
      } else if (inside.length() > 0 && inside.charAt(inside.length() - 1) != ' ') {
        inside.append(' ');
      }
    }
    TextTokens.inputLowered(outside.toString(), stated);
    TextTokens.inputLowered(inside.toString(), negated);
  }

  /** Where a negation starting at {@code from} stops: after {@link #NEGATION_REACH} words (a Chinese character is half a word). */
  private static int reach(String s, int from) {
    double units = 0;
    int i = from;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (TextTokens.isCjk(cp)) {
        if (units + 0.5 > NEGATION_REACH) {
          break;
        }
        units += 0.5;
        i += Character.charCount(cp);
      } else if (Character.isLetterOrDigit(cp) || cp == '_') {
        if (units + 1 > NEGATION_REACH) {
          break;
        }
        units += 1;
        while (i < s.length() && isWordChar(s.charAt(i))) {
          i++;
        }
      } else {
        i += Character.charCount(cp);
      }
    }
    return i;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '\'' || c == '’';
  }
}
