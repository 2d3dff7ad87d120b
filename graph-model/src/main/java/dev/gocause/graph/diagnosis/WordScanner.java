package dev.gocause.graph.diagnosis;

import java.util.Arrays;
import java.util.List;

/**
 * A list of words compiled to be found in a lower-case text in one pass, exactly where
 * {@link ReportWords#find} finds each of them (a Chinese word anywhere, one holding a Latin letter
 * only as a whole word), overlapping occurrences included. Built once per model: a report's clause
 * is read once, not once per word. Immutable.
 */
final class WordScanner {
  private static final int[] NONE = new int[0];

  private final List<String> words;
  private final String[] word;
  private final boolean[] latin;
  /** The distinct first characters of the words, sorted, and for each the words starting with it, in list order. */
  private final char[] firsts;
  private final int[][] startingWith;
  /**
   * A bit per {@code char & 1023} some word starts with: most characters of a text start no word,
   * and this says so without the binary search (a shared bit only means searching).
   */
  private final long[] maybeFirst = new long[16];

  WordScanner(List<String> words) {
    this.words = List.copyOf(words);
    this.word = this.words.toArray(String[]::new);
    this.latin = new boolean[word.length];
    char[] f = new char[word.length];
    for (int i = 0; i < word.length; i++) {
      if (word[i].isEmpty()) {
        throw new IllegalArgumentException("word " + i + " of " + this.words + " is empty");
      }
      latin[i] = ReportWords.isLatin(word[i]);
      f[i] = word[i].charAt(0);
    }
    this.firsts = distinctSorted(f);
    for (char c : firsts) {
      maybeFirst[(c >>> 6) & 15] |= 1L << c;
    }
    this.startingWith = new int[firsts.length][];
    for (int k = 0; k < firsts.length; k++) {
      int n = 0;
      int[] at = new int[word.length];
      for (int i = 0; i < word.length; i++) {
        if (word[i].charAt(0) == firsts[k]) {
          at[n++] = i;
        }
      }
      startingWith[k] = Arrays.copyOf(at, n);
    }
  }

  private static char[] distinctSorted(char[] chars) {
    char[] sorted = chars.clone();
    Arrays.sort(sorted);
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, n);
  }

  List<String> words() {
    return words;
  }

  /** The word at index {@code i} of the list. */
  String word(int i) {
    return word[i];
  }

  /**
   * Every occurrence in {@code lower} as pairs {@code [word index, position, ...]}, by position,
   * then in list order; an empty array when none.
   */
  int[] scan(String lower) {
    int[] found = NONE;
    int n = 0;
    for (int at = 0; at < lower.length(); at++) {
      int k = startsAt(lower.charAt(at));
      if (k < 0) {
        continue;
      }
      for (int i : startingWith[k]) {
        if (lower.startsWith(word[i], at) && ReportWords.isWordAt(lower, word[i], latin[i], at)) {
          if (n + 2 > found.length) {
            found = Arrays.copyOf(found, Math.max(8, found.length * 2));
          }
          found[n++] = i;
          found[n++] = at;
        }
      }
    }
    return n == found.length ? found : Arrays.copyOf(found, n);
  }

  /** The index in {@link #firsts} of {@code c}, else negative. */
  private int startsAt(char c) {
    if ((maybeFirst[(c >>> 6) & 15] & (1L << c)) == 0) {
      return -1;
    }
    return Arrays.binarySearch(firsts, c);
  }

  /** The index of the first word in list order that occurs in {@code lower}, else -1. */
  int first(String lower) {
    int best = -1;
    for (int at = 0; at < lower.length() && best != 0; at++) {
      int k = startsAt(lower.charAt(at));
      if (k < 0) {
        continue;
      }
      for (int i : startingWith[k]) {
        if ((best < 0 || i < best) && lower.startsWith(word[i], at) && ReportWords.isWordAt(lower, word[i], latin[i], at)) {
          best = i;
        }
      }
    }
    return best;
  }
}
