package dev.gocause.graph.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The words that change what the rest of a report means (negation, questions, "not a bug"), read
 * from {@code report-words.yaml} beside this class: language, like the analyzer's stop words, not
 * knowledge about Go, so they are not Symptoms (a Symptom points to causes; these point to none).
 *
 * @param negation cues negating the few words after them, longest first, lower case
 * @param question cues making their clause a question, longest first, lower case
 * @param notABug phrases saying the report is not a concurrency bug, longest first, lower case
 * @param doubt phrases asking whether there is a failure at all ("is this a leak", "is it expected
 *     that"), longest first, lower case
 */
record ReportWords(List<String> negation, List<String> question, List<String> notABug, List<String> doubt) {

  static final String RESOURCE = "report-words.yaml";

  ReportWords {
    negation = sorted(negation);
    question = sorted(question);
    notABug = sorted(notABug);
    doubt = sorted(doubt);
  }

  /** The packaged word lists (read once). */
  static ReportWords packaged() {
    return Holder.PACKAGED;
  }

  private static final class Holder {
    static final ReportWords PACKAGED = read();
  }

  private static ReportWords read() {
    try (InputStream in = Objects.requireNonNull(ReportWords.class.getResourceAsStream(RESOURCE), RESOURCE + " is missing from the jar")) {
      JsonNode root = new YAMLMapper().readTree(in);
      return new ReportWords(both(root, "negation"), both(root, "question"), both(root, "notABug"), both(root, "doubt"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static List<String> both(JsonNode root, String key) {
    JsonNode n = root.path(key);
    if (!n.isObject()) {
      throw new IllegalStateException(RESOURCE + ": '" + key + "' must be a map with zh and en lists");
    }
    List<String> out = new ArrayList<>();
    for (String lang : List.of("zh", "en")) {
      n.path(lang).forEach(w -> out.add(w.asText()));
    }
    return out;
  }

  private static List<String> sorted(List<String> words) {
    return words.stream().map(w -> w.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).distinct()
        .sorted(Comparator.comparing(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();
  }

  /** Where {@code word} occurs in {@code lower} from {@code from} on as a word (English: not inside a longer word), else -1. */
  static int find(String lower, String word, int from) {
    boolean latin = isLatin(word);
    for (int at = lower.indexOf(word, from); at >= 0; at = lower.indexOf(word, at + 1)) {
      if (isWordAt(lower, word, latin, at)) {
        return at;
      }
    }
    return -1;
  }

  /** Whether {@code word} holds an ASCII letter, so it must stand as a whole word (see {@link #isWordAt}). */
  static boolean isLatin(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 0x80 && Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code word}, found in {@code lower} at {@code at}, counts there: a Chinese cue
   * anywhere, a {@code latin} one not inside a longer word. Only a letter or digit of a spaced
   * script joins words: a Chinese character next to a Latin one is a boundary, since Chinese
   * writes no spaces ("确认不是 bug", "这是个bug").
   */
  static boolean isWordAt(String lower, String word, boolean latin, int at) {
    if (!latin) {
      return true;
    }
    int after = at + word.length();
    boolean startOk = at == 0 || !joinsWord(lower.charAt(at - 1)) || !joinsWord(word.charAt(0));
    boolean endOk = after >= lower.length() || !joinsWord(lower.charAt(after)) || !joinsWord(word.charAt(word.length() - 1));
    return startOk && endOk;
  }

  /** A letter or digit that is not Chinese (ideographic): it continues a word written with spaces. */
  private static boolean joinsWord(char c) {
    return Character.isLetterOrDigit(c) && !Character.isIdeographic(c);
  }

  /** The four lists compiled for scanning ({@link WordScanner}): done once per model, not per report. */
  Scanners scanners() {
    return new Scanners(new WordScanner(negation), new WordScanner(question), new WordScanner(notABug), new WordScanner(doubt));
  }

  /** The four lists compiled for one pass over a text each. */
  record Scanners(WordScanner negation, WordScanner question, WordScanner notABug, WordScanner doubt) {}
}
