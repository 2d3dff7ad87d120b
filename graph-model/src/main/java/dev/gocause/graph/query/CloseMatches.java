package dev.gocause.graph.query;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Ranks existing ids by how close they are to a mistyped one: prefix, substring, then edit distance. */
public final class CloseMatches {
  private static final int MAX = 5;

  private CloseMatches() {}

  /** Up to five ids from {@code candidates} close to {@code wanted}, best first. */
  public static List<String> among(String wanted, Collection<String> candidates) {
    String w = wanted.toLowerCase(Locale.ROOT).strip();
    if (w.isEmpty()) {
      return List.of();
    }
    int maxDistance = Math.max(2, w.length() / 3);
    record Scored(String id, int rank) {}
    return candidates.stream()
        .map(id -> new Scored(id, rank(w, id.toLowerCase(Locale.ROOT), maxDistance)))
        .filter(s -> s.rank() < Integer.MAX_VALUE)
        .sorted(Comparator.comparingInt(Scored::rank).thenComparing(Scored::id))
        .limit(MAX)
        .map(Scored::id)
        .toList();
  }

  private static int rank(String wanted, String id, int maxDistance) {
    if (id.equals(wanted)) {
      return 0;
    }
    if (id.startsWith(wanted) || wanted.startsWith(id)) {
      return 1;
    }
    if (wanted.length() >= 3 && id.contains(wanted)) {
      return 2;
    }
    int d = distance(wanted, id, maxDistance);
    return d <= maxDistance ? 2 + d : Integer.MAX_VALUE;
  }

  /** Levenshtein distance, giving up (returning max+1) once it must exceed {@code max}. */
  static int distance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
