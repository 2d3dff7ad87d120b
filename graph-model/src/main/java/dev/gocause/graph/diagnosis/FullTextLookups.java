package dev.gocause.graph.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Free-text look-ups of a diagnosis through the compiled copy of the graph's {@code searchZh}
 * ({@code cjk}) and {@code searchEn} ({@code standard}) full-text indexes: which Symptom,
 * RootCause and Primitive nodes the words reach (their aliases are then compared), and how
 * relevant each RootCause's own text is. When the graph has no such indexes (a remote graph
 * loaded without our schema), every alias is compared and no relevance is added.
 */
final class FullTextLookups implements DiagnosisEngine.TextSearch {
  static final String ZH_INDEX = "searchZh";
  static final String EN_INDEX = "searchEn";
  private static final int CANDIDATE_LIMIT = 200;
  private static final int RELEVANCE_LIMIT = 100;
  private static final int RELEVANT_CAUSES = 5;
  private static final int MAX_TERMS = 300;
  private static final Set<String> CANDIDATE_LABELS = Set.of("Symptom", "RootCause", "Primitive");
  private static final Set<String> CAUSE_LABEL = Set.of("RootCause");

  /** A best BM25 score at or above this counts fully; weaker best hits are scaled down. */
  static final double SEARCH_SCALE = 12.0;

  private final FullTextIndexes indexes;
  private final Map<String, java.util.BitSet> candidateDocs = new java.util.HashMap<>();
  private final Map<String, java.util.BitSet> causeDocs = new java.util.HashMap<>();

  FullTextLookups(FullTextIndexes indexes) {
    this.indexes = indexes;
    for (String index : List.of(ZH_INDEX, EN_INDEX)) {
      if (indexes.has(index)) {
        candidateDocs.put(index, indexes.docsWithLabel(index, CANDIDATE_LABELS));
        causeDocs.put(index, indexes.docsWithLabel(index, CAUSE_LABEL));
      }
    }
  }

  /**
   * Candidates: the Symptom, RootCause and Primitive nodes among the best {@value #CANDIDATE_LIMIT}
   * hits of either index (null — compare every alias — when the graph has neither index).
   * Relevance, from the index of the text's language: each RootCause's BM25 score relative to
   * the best RootCause hit among the best {@value #RELEVANCE_LIMIT}, scaled down when even that
   * hit is weak ({@link #SEARCH_SCALE}); at most {@value #RELEVANT_CAUSES}, none below half the best.
   */
  @Override
  public DiagnosisEngine.TextHits lookUp(String text) {
    if (candidateDocs.isEmpty()) {
      return new DiagnosisEngine.TextHits(null, Map.of());
    }
    List<FullTextIndexes.Clause> query = clauses(text);
    if (query.isEmpty()) {
      return new DiagnosisEngine.TextHits(Set.of(), Map.of());
    }
    String language = TextTokens.hasCjk(text) ? ZH_INDEX : EN_INDEX;
    Set<String> candidates = new HashSet<>();
    Map<String, Double> relevance = Map.of();
    for (String index : List.of(ZH_INDEX, EN_INDEX)) {
      if (!indexes.has(index)) {
        continue;
      }
      FullTextIndexes.Scores scores = indexes.score(index, query);
      scores.best(CANDIDATE_LIMIT, candidateDocs.get(index), (node, score) -> candidates.add(node.id()));
      if (index.equals(language)) {
        relevance = relevance(scores, causeDocs.get(index));
      }
    }
    return new DiagnosisEngine.TextHits(candidates, relevance);
  }

  private static Map<String, Double> relevance(FullTextIndexes.Scores scores, java.util.BitSet causes) {
    List<FullTextIndexes.Hit> hits = new ArrayList<>();
    scores.best(RELEVANCE_LIMIT, causes, (node, score) -> hits.add(new FullTextIndexes.Hit(node.id(), node.labels(), score)));
    if (hits.isEmpty()) {
      return Map.of();
    }
    hits.sort(Comparator.comparingDouble(FullTextIndexes.Hit::score).reversed().thenComparing(FullTextIndexes.Hit::id));
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
    List<FullTextIndexes.Clause> out = new ArrayList<>();
    for (String term : TextTokens.queryTerms(text).stream().limit(MAX_TERMS).toList()) {
      out.add(new FullTextIndexes.Clause(term, false));
      if (term.length() >= 4 && term.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
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
