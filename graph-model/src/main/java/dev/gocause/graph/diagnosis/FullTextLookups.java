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
    List<FullTextIndexes.Hit> hits = new ArrayList<>(causes.cardinality());
    scores.best(RELEVANCE_LIMIT, causes, (node, score) -> hits.add(new FullTextIndexes.Hit(node.id(), node.labels(), score)));
    if (hits.isEmpty()) {
      return Map.of();
    }
    hits.sort((x, y) -> {
      int c = Double.compare(y.score(), x.score());
      return c != 0 ? c : x.id().compareTo(y.id());
    });
    double top = hits.get(0).score();
    double scale = Math.min(1.0, top / SEARCH_SCALE);
    Map<String, Double> out = new LinkedHashMap<>();
    for (FullTextIndexes.Hit h : hits.subList(0, Math.min(RELEVANT_CAUSES, hits.size()))) {
      double rel = h.score() / top;
      if (rel >= 0.5) {
        out.put(h.id(), rel * scale);
      }
    }
    return out;
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
