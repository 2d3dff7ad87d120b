package dev.gocause.graph.diagnosis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tokens for matching a person's words against names and aliases, in the spirit of the
 * graph's full-text analyzers: Chinese (and other CJK) runs become character pairs like the
 * {@code cjk} analyzer, English words are lower-cased, lightly stemmed and stripped of
 * function words like the {@code standard} analyzer's stop list.
 */
final class TextTokens {

  private static final Set<String> STOP = Set.of(
      "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from",
      "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those",
      "my", "our", "we", "i", "me", "you", "your", "he", "she", "they", "them", "their", "his", "her",
      "as", "if", "so", "do", "does", "did", "done", "has", "have", "had", "will", "would", "can",
      "could", "should", "there", "here", "what", "which", "who", "how", "why", "when", "then", "than",
      "just", "very", "also", "some", "any", "all", "about", "into", "out", "up", "down", "over",
      "after", "before", "while", "again", "get", "got", "gets", "s", "t", "m", "re", "ve", "ll", "d");

  private TextTokens() {}

  /** Tokens of a phrase (an alias or a name): CJK pairs (or the single character), stemmed words. */
  static List<String> phrase(String s) {
    Set<String> out = new LinkedHashSet<>();
    scan(asMembers(s, PHRASE_METHODS), out, false);
    return List.copyOf(out);
  }

  /**
   * Go methods whose names are stop words: written capitalised in a phrase ("Done never called",
   * "Do re-entered"), each would leave the phrase without its one telling word; as a member
   * (".Done") it is the token a report's "wg.Done()" or "once.Do(f)" gives. In a report's prose
   * only "Done" is read so ("Done is never called"): a capital "Do" there mostly starts a question.
   */
  private static final Set<String> PHRASE_METHODS = Set.of("Done", "Do");
  static final Set<String> PROSE_METHODS = Set.of("Done");

  /** {@code s} with each of {@code methods} that stands alone as a word (not after a '.') written as a member. */
  static String asMembers(String s, Set<String> methods) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isUpperCase(s.charAt(i)) || i > 0 && isWordOrDot(s.charAt(i - 1))) {
        continue;
      }
      for (String m : methods) {
        int end = i + m.length();
        if (s.startsWith(m, i) && (end == s.length() || !isWordOrDot(s.charAt(end)) || s.charAt(end) == '.')) {
          if (out == null) {
            out = new StringBuilder(s.length() + 4);
          }
          out.append(s, copied, i).append('.');
          copied = i;
          break;
        }
      }
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  private static boolean isWordOrDot(char c) {
    return c == '.' || c == '_' || Character.isLetterOrDigit(c);
  }

  /** Whether a phrase token keeps a code identifier whole ({@code .done}, {@code wg.done}, {@code close(}). */
  static boolean isIdentifier(String token) {
    return token.indexOf('.') >= 0 || token.endsWith("(");
  }

  /**
   * Whether an input's tokens hold the identifier token of a phrase, or at least its member or name
   * ("m.Add" holds what "wg.Add" names: {@code .add}; "Wait never returns" what "wg.Wait" does).
   */
  static boolean holdsIdentifier(Set<String> input, String token) {
    if (input.contains(token)) {
      return true;
    }
    int dot = token.lastIndexOf('.');
    String name = token.endsWith("(") ? token.substring(0, token.length() - 1) : token.substring(dot + 1);
    return dot > 0 && input.contains(token.substring(dot)) || !name.isEmpty() && input.contains(stem(name));
  }

  /** Tokens of an input text: as {@link #phrase} plus single CJK characters, so one-character aliases match. */
  static Set<String> input(String s) {
    Set<String> out = new LinkedHashSet<>();
    scan(s, out, true);
    return out;
  }

  /** Adds the tokens of an input text (as {@link #input(String)} gives them, in that order) to {@code into}. */
  static void input(String s, Set<String> into) {
    scan(s, into, true);
  }

  /** As {@link #input(String, Set)} for a text already in lower case ({@link Locale#ROOT}): not lowered again. */
  static void inputLowered(String lower, Set<String> into) {
    scanLowered(lower, into, true);
  }

  /** Words and CJK runs as typed (for a full-text query): original and stemmed forms. */
  static List<String> queryTerms(String s) {
    Set<String> terms = new LinkedHashSet<>();
    String lower = s.toLowerCase(Locale.ROOT);
    int word = -1; // where the current word starts in lower, or -1
    int cjk = -1; // where the current CJK run starts, or -1
    for (int i = 0; i < lower.length(); ) {
      int at = i;
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (isCjk(cp)) {
        word = flushWord(lower, word, at, terms);
        cjk = cjk < 0 ? at : cjk;
      } else if (Character.isLetterOrDigit(cp) || cp == '_') {
        cjk = flushCjk(lower, cjk, at, terms);
        word = word < 0 ? at : word;
      } else {
        word = flushWord(lower, word, at, terms);
        cjk = flushCjk(lower, cjk, at, terms);
      }
    }
    flushWord(lower, word, lower.length(), terms);
    flushCjk(lower, cjk, lower.length(), terms);
    return List.copyOf(terms);
  }

  /** Adds the word {@code lower[start, end)} (none when start is -1) unless it is too short or a stop word; returns -1. */
  private static int flushWord(String lower, int start, int end, Set<String> terms) {
    if (start >= 0 && end - start > 1) {
      String w = lower.substring(start, end);
      if (!STOP.contains(w)) {
        terms.add(w);
        terms.add(stem(w));
      }
    }
    return -1;
  }

  /** Adds the CJK run {@code lower[start, end)} (none when start is -1); returns -1. */
  private static int flushCjk(String lower, int start, int end, Set<String> terms) {
    if (start >= 0) {
      terms.add(lower.substring(start, end));
    }
    return -1;
  }

  private static void scan(String s, java.util.Collection<String> out, boolean unigrams) {
    scanLowered(s.toLowerCase(Locale.ROOT), out, unigrams);
  }

  private static void scanLowered(String lower, java.util.Collection<String> out, boolean unigrams) {
    StringBuilder word = new StringBuilder();
    String receiver = null; // after a '.': the word before it ("" at a leading '.'), whose member may follow
    int run = -1; // where the current CJK run starts in lower, or -1
    for (int i = 0; i < lower.length(); ) {
      int at = i;
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (isCjk(cp)) {
        emitWord(word, receiver, false, unigrams, out);
        receiver = null;
        if (run < 0) {
          run = at;
        }
      } else {
        emitRun(lower, run, at, out, unigrams);
        run = -1;
        if (Character.isLetterOrDigit(cp) || cp == '_') {
          word.appendCodePoint(cp);
        } else {
          String w = word.toString();
          boolean leadingDot = w.isEmpty() && (at == 0 || Character.isWhitespace(lower.charAt(at - 1)));
          boolean qualifies = cp == '.' && !w.isEmpty() && i < lower.length() && Character.isLetter(lower.codePointAt(i));
          if (qualifies && !unigrams && receiver == null) {
            word.setLength(0); // a phrase's "wg.Done" is the one token wg.done, not also "wg"
          } else {
            emitWord(word, receiver, cp == '(', unigrams, out);
          }
          receiver = cp != '.' ? null : !w.isEmpty() ? w : leadingDot ? "" : null;
        }
      }
    }
    emitWord(word, receiver, false, unigrams, out);
    emitRun(lower, run, lower.length(), out, unigrams);
  }

  /**
   * A word, plus the tokens that keep code identifiers whole: after a '.', the member
   * ({@code .done}) and the qualified pair ({@code wg.done}, {@code time.after}); a plain name
   * before '(' as a call ({@code close(}). Stop words stay out as words, not as members. An input
   * ({@code input}) keeps the plain words too, so "wg.Done" in a report meets both an alias
   * "wg.Done" and one saying "Done"; a phrase's identifier is one token only, so it weighs as one
   * word in the phrase's coverage, and a call only as the call.
   */
  private static void emitWord(StringBuilder word, String receiver, boolean call, boolean input, java.util.Collection<String> out) {
    if (word.length() > 0) {
      String w = word.toString();
      boolean identifier = receiver != null || call;
      if (w.length() > 1 && !STOP.contains(w) && (input || !identifier)) {
        out.add(stem(w));
      }
      if (receiver != null) {
        out.add("." + w);
        if (!receiver.isEmpty()) {
          out.add(receiver + "." + w);
        }
      } else if (call) {
        out.add(w + "(");
      }
      word.setLength(0);
    }
  }

  /** The CJK run {@code text[start, end)} as character pairs (a lone character as itself), then its characters when asked. */
  private static void emitRun(String text, int start, int end, java.util.Collection<String> out, boolean unigrams) {
    if (start < 0 || start >= end) {
      return;
    }
    int second = start + Character.charCount(text.codePointAt(start));
    if (second >= end) {
      out.add(cjkToken(text, start, end));
      return;
    }
    for (int i = start, j = second; j < end; ) {
      int k = j + Character.charCount(text.codePointAt(j));
      out.add(cjkToken(text, i, k));
      i = j;
      j = k;
    }
    if (unigrams) {
      for (int i = start; i < end; ) {
        int j = i + Character.charCount(text.codePointAt(i));
        out.add(cjkToken(text, i, j));
        i = j;
      }
    }
  }

  /**
   * Recently made one- and two-character CJK tokens, by a hash of their characters (at most 16,384
   * short strings). A Chinese line gives two tokens a character, and common characters and pairs
   * recur from line to line and text to text: a token found here costs no new string and brings its
   * hash code along. Shared by every thread without a lock: a slot holds a whole immutable string or
   * another one, and each is checked against the characters before use.
   */
  private static final String[] CJK_TOKENS = new String[1 << 14];

  /** {@code text[start, end)}, a CJK character or pair, from {@link #CJK_TOKENS} when it is there. */
  private static String cjkToken(String text, int start, int end) {
    int length = end - start;
    if (length > 2) {
      return text.substring(start, end); // a character outside the BMP is in it: left to substring
    }
    char first = text.charAt(start);
    char second = length == 2 ? text.charAt(start + 1) : 0;
    int h = (first * 0x9E3779B1 + second) * 0x85EBCA6B;
    int slot = (h ^ (h >>> 16)) & (CJK_TOKENS.length - 1);
    String known = CJK_TOKENS[slot];
    if (known != null && known.length() == length && known.charAt(0) == first && (length == 1 || known.charAt(1) == second)) {
      return known;
    }
    String made = text.substring(start, end);
    CJK_TOKENS[slot] = made;
    return made;
  }

  static boolean isCjk(int cp) {
    if (cp < 0x1100) { // below Hangul Jamo, the first CJK block: no script look-up needed
      return false;
    }
    // the common blocks without a script look-up: ideographs, hiragana and katakana letters, Hangul syllables
    if ((cp >= 0x4E00 && cp <= 0x9FFC) || (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA)
        || (cp >= 0xAC00 && cp <= 0xD7A3)) {
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }

  static boolean hasCjk(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (isCjk(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /** A light suffix stemmer: enough that "hangs", "hanging" and "hang" meet. */
  static String stem(String w) {
    if (w.length() <= 3 || !isLowerAscii(w)) {
      return w;
    }
    String s = w;
    if (s.endsWith("ies") && s.length() > 4) {
      s = s.substring(0, s.length() - 3) + "y";
    } else if (s.endsWith("ing") && s.length() > 5) {
      s = undouble(s.substring(0, s.length() - 3));
    } else if (s.endsWith("ed") && s.length() > 4) {
      s = undouble(s.substring(0, s.length() - 2));
    } else if (s.endsWith("ses") || s.endsWith("xes") || s.endsWith("ches") || s.endsWith("shes")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith("e") && s.length() > 4) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Only a to z (a loop: a stream per word showed in the free-text path's profile). */
  static boolean isLowerAscii(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  private static String undouble(String w) {
    int n = w.length();
    if (n >= 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
      return w.substring(0, n - 1);
    }
    return w;
  }
}
