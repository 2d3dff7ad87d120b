package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.EmbeddedGraphStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/**
 * The diagnosis looks free text up in the model's in-memory copy of the full-text indexes; on a
 * freshly loaded graph (no deleted Lucene documents skewing the statistics) it must find the same
 * nodes with the same BM25 scores as {@code db.index.fulltext.queryNodes}, for every free-text
 * input of the eval set in both indexes.
 */
class CompiledFullTextScoresLikeTheGraphIndexesTest {
  private static EmbeddedGraphStore store;
  private static DiagnosisModel model;
  private static final int LIMIT = 40;

  @BeforeAll
  static void freshGraph() {
    store = EmbeddedGraphStore.startTemporary();
    new KnowledgeLoader(store).load(SeedSource.fromDirectory(RealKnowledge.repo().resolve("seed-data")), false);
    model = new DiagnosisService(store).model();
  }

  @AfterAll
  static void stop() {
    if (store != null) {
      store.close();
    }
  }

  private record Scored(String id, double score) {}

  @Test
  void everyEvalTextFindsTheSameNodesWithTheSameScoresInBothIndexes() {
    Set<String> texts = new LinkedHashSet<>();
    for (Evaluation.EvalCase c : Evaluation.load(RealKnowledge.repo().resolve("eval"), "all")) {
      if (c.kind().equals("text") || c.kind().equals("mixed")) {
        texts.add(c.text());
      }
    }
    texts.add("goroutine 泄漏 内存一直涨");
    texts.add("deadlock!!! (all) goroutines: asleep? [chan send]");
    assertThat(texts).hasSizeGreaterThan(40);
    assertThat(model.fullText().names()).containsExactlyInAnyOrder("searchZh", "searchEn");
    assertThat(model.fullText().size("searchZh")).isEqualTo(count("MATCH (n) WHERE n.searchZh IS NOT NULL RETURN count(n)"));

    int compared = 0;
    try (Session s = store.session()) {
      for (String text : texts) {
        List<FullTextIndexes.Clause> clauses = FullTextLookups.clauses(text);
        String query = FullTextLookups.luceneQuery(clauses);
        if (clauses.isEmpty()) {
          continue;
        }
        for (String index : List.of("searchZh", "searchEn")) {
          List<Scored> graph = s.run("CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score "
                  + "RETURN node.id AS id, score", Map.of("index", index, "query", query, "limit", LIMIT)).list(
                  r -> new Scored(r.get("id").asString(), r.get("score").asDouble()));
          List<Scored> memory = model.fullText().query(index, clauses, LIMIT).stream()
              .map(h -> new Scored(h.id(), h.score())).toList();
          assertSame(index + " | " + text, graph, memory);
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(80);
  }

  @Test
  void without_full_text_indexes_a_sentence_is_still_diagnosed_from_aliases() {
    DiagnosisModel bare;
    try (Session s = store.session()) {
      bare = ModelCompiler.compile(s.executeRead(tx -> GraphModelReader.snapshot(tx, List.of())));
    }
    DiagnosisRequest sentence = DiagnosisRequest.of("程序卡住了,没有任何输出,一直不退出");
    Diagnosis withIndexes = DiagnosisEngine.diagnose(model, sentence, model.textLookups());
    Diagnosis aliasesOnly = DiagnosisEngine.diagnose(bare, sentence, bare.textLookups());
    assertThat(aliasesOnly.causes()).isNotEmpty();
    assertThat(aliasesOnly.causes().stream().flatMap(c -> c.evidence().stream()).map(e -> e.kind())).doesNotContain("search");
    assertThat(withIndexes.causes().stream().flatMap(c -> c.evidence().stream()).map(e -> e.kind())).contains("search");
  }

  /** Equal scores per node; nodes tied with the last score of a full page may differ (tie order). */
  private static void assertSame(String what, List<Scored> graph, List<Scored> memory) {
    assertThat(memory).as(what + ": hit count").hasSize(graph.size());
    if (graph.isEmpty()) {
      return;
    }
    double cut = graph.size() == LIMIT ? graph.get(graph.size() - 1).score() + 1e-6 : Double.NEGATIVE_INFINITY;
    List<Scored> g = above(graph, cut);
    List<Scored> m = above(memory, cut);
    assertThat(m.stream().map(Scored::id).toList()).as(what + ": nodes").isEqualTo(g.stream().map(Scored::id).toList());
    for (int i = 0; i < g.size(); i++) {
      assertThat(m.get(i).score()).as(what + ": score of " + g.get(i).id()).isCloseTo(g.get(i).score(),
          org.assertj.core.data.Offset.offset(1e-4 * Math.max(1, g.get(i).score())));
    }
  }

  private static List<Scored> above(List<Scored> hits, double cut) {
    List<Scored> out = new ArrayList<>(hits.stream().filter(h -> h.score() >= cut).toList());
    out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
    return out;
  }

  private static long count(String cypher) {
    try (Session s = store.session()) {
      return s.run(cypher).single().get(0).asLong();
    }
  }
}
