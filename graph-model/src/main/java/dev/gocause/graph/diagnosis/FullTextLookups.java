package dev.gocause.graph.diagnosis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Free-text relevance for a diagnosis through the compiled copy of the graph's {@code searchZh}
 * ({@code cjk}) and {@code searchEn} ({@code standard}) full-text indexes: how close each
 * RootCause's own text (names, mechanism, description) is to the words. When the graph has no
 * such index (a remote graph loaded without our schema), no relevance is added; aliases are
 * matched either way (through the model's phrase index).
 */
final class FullTextLookups implements DiagnosisEngine.TextSearch {
  static final String ZH_INDEX = "searchZh";
  static final String EN_INDEX = "searchEn";
  private static final int RELEVANCE_LIMIT = 100;
  private static final int RELEVANT_CAUSES = 5;
  private static final int MAX_TERMS = 300;

  /** A best BM25 score at or above this counts fully; weaker best hits are scaled down. */
  static final double SEARCH_SCALE = 12.0;

  private final FullTextIndexes indexes;
  private final Map<String, java.util.BitSet> causeDocs = new java.util.HashMap<>();

  FullTextLookups(FullTextIndexes indexes) {
    this.indexes = indexes;
    for (String index : List.of(ZH_INDEX, EN_INDEX)) {
      if (indexes.has(index)) {
        causeDocs.put(index, indexes.docsWithLabel(index, Set.of("RootCause")));
      }
    }
  }

  /**
   * From the index of the text's language: each RootCause's BM25 score relative to the best
   * RootCause among the best {@value #RELEVANCE_LIMIT} hits, scaled down when even that hit is
   * weak ({@link #SEARCH_SCALE}); at most {@value #RELEVANT_CAUSES}, none below half the best.
   */
  @Override
  public Map<String, Double> causeRelevance(String text) {
    String index = TextTokens.hasCjk(text) ? ZH_INDEX : EN_INDEX;
    List<FullTextIndexes.Clause> query = clauses(text);
    if (!indexes.has(index) || query.isEmpty()) {
      return Map.of();
    }
    return relevance(indexes.score(index, query), causeDocs.get(index));
  }

  private static Map<String, Double> relevance(FullTextIndexes.Scores scores, java.util.BitSet causes) {
    BestCauses best = new BestCauses(RELEVANT_CAUSES);
    scores.best(RELEVANCE_LIMIT, causes, RELEVANT_CAUSES, (node, score) -> best.add(node.id(), score));
    if (best.size == 0) {
      return Map.of();
    }
    double top = best.scores[0];
    double scale = Math.min(1.0, top / SEARCH_SCALE);
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < best.size; i++) {
      double rel = best.scores[i] / top;
      if (rel >= 0.5) {
        out.put(best.ids[i], rel * scale);
      }
    }
    return out;
  }

  /**
   * The best few causes by score, then id: a total order, so the same as sorting every cause hit
   * and taking the first few (a sentence hits dozens; only {@value #RELEVANT_CAUSES} are kept).
   */
  static final class BestCauses {
    final String[] ids;
    final double[] scores;
    int size;

    BestCauses(int capacity) {
      ids = new String[capacity];
      scores = new double[capacity];
    }

    void add(String id, double score) {
      int at = size;
      while (at > 0 && ranksBefore(id, score, ids[at - 1], scores[at - 1])) {
        at--;
      }
      if (at == ids.length) {
        return;
      }
      int moved = Math.min(size, ids.length - 1) - at;
      System.arraycopy(ids, at, ids, at + 1, moved);
      System.arraycopy(scores, at, scores, at + 1, moved);
      ids[at] = id;
      scores[at] = score;
      size = Math.min(size + 1, ids.length);
    }

    private static boolean ranksBefore(String id, double score, String otherId, double otherScore) {
      int c = Double.compare(score, otherScore);
      return c > 0 || (c == 0 && id.compareTo(otherId) < 0);
    }
  }

  /**
   * The words of {@code text} as query clauses, OR'ed: each word as typed and stemmed, and for
   * longer Latin words also their prefix (so "closed" reaches "close" and "closing").
   */
  static List<FullTextIndexes.Clause> clauses(String text) {
    List<String> terms = TextTokens.queryTerms(text);
    List<FullTextIndexes.Clause> out = new ArrayList<>();
    for (String term : terms.subList(0, Math.min(MAX_TERMS, terms.size()))) {
      out.add(new FullTextIndexes.Clause(term, false));
      if (term.length() >= 4 && TextTokens.isLowerAscii(term)) {
        out.add(new FullTextIndexes.Clause(term, true));
      }
    }
    return out;
  }

  /** The same clauses in Lucene's query syntax, as {@code db.index.fulltext.queryNodes} takes them. */
  static String luceneQuery(List<FullTextIndexes.Clause> clauses) {
    return clauses.stream().map(FullTextIndexes.Clause::lucene).collect(Collectors.joining(" OR "));
  }
}
