package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-memory copy of a full-text index, on a handful of nodes (agreement with Neo4j itself is tested against the real graph). */
class FullTextIndexesTest {
  private static final FullTextIndexes.Definition ZH = new FullTextIndexes.Definition("zh", List.of("Symptom", "RootCause"),
      List.of("text"), "cjk");
  private static final FullTextIndexes.Definition EN = new FullTextIndexes.Definition("en", List.of("Symptom", "RootCause"),
      List.of("text"), "standard");

  private static FullTextIndexes.Node node(String id, String label, String text) {
    return new FullTextIndexes.Node(id, List.of(label), Map.of("text", List.of(text)));
  }

  private static final List<FullTextIndexes.Node> NODES = List.of(
      node("hang", "Symptom", "程序卡住 没有输出 the program hangs"),
      node("leak", "RootCause", "goroutine 泄漏 内存增长 leaking goroutines"),
      node("closed", "RootCause", "向已关闭的通道发送 send on a closed channel"),
      node("doc", "Section", "卡住 卡住 卡住"));

  @Test
  void chinese_words_match_through_character_pairs() {
    FullTextIndexes idx = FullTextIndexes.build(List.of(ZH), NODES);
    List<FullTextIndexes.Hit> hits = idx.query("zh", List.of(new FullTextIndexes.Clause("服务卡住了", false)), 10);
    assertThat(hits).extracting(FullTextIndexes.Hit::id).containsExactly("hang");
    assertThat(idx.size("zh")).as("the Section label is not indexed").isEqualTo(3);
  }

  @Test
  void a_prefix_clause_adds_one_per_node_it_reaches() {
    FullTextIndexes idx = FullTextIndexes.build(List.of(EN), NODES);
    List<FullTextIndexes.Hit> hits = idx.query("en", List.of(new FullTextIndexes.Clause("clos", true)), 10);
    assertThat(hits).singleElement().satisfies(h -> {
      assertThat(h.id()).isEqualTo("closed");
      assertThat(h.score()).isEqualTo(1.0);
    });
  }

  @Test
  void best_keeps_only_the_wanted_documents_among_the_top_hits() {
    FullTextIndexes idx = FullTextIndexes.build(List.of(EN), NODES);
    var causes = idx.docsWithLabel("en", Set.of("RootCause"));
    List<String> got = new java.util.ArrayList<>();
    idx.score("en", List.of(new FullTextIndexes.Clause("goroutines", false), new FullTextIndexes.Clause("program", false)))
        .best(10, causes, NODES.size(), (n, s) -> got.add(n.id()));
    assertThat(got).containsExactly("leak");
  }

  @Test
  void best_below_the_number_of_matches_keeps_what_the_ranked_query_keeps() {
    FullTextIndexes idx = FullTextIndexes.build(List.of(ZH), NODES);
    var causes = idx.docsWithLabel("zh", Set.of("RootCause"));
    List<FullTextIndexes.Clause> clauses = List.of(new FullTextIndexes.Clause("卡住", false),
        new FullTextIndexes.Clause("goroutine", false), new FullTextIndexes.Clause("通道", false),
        new FullTextIndexes.Clause("the", false), new FullTextIndexes.Clause("program", false));
    for (int limit = 1; limit <= 4; limit++) {
      List<String> want = idx.query("zh", clauses, limit).stream()
          .filter(h -> h.labels().contains("RootCause")).map(FullTextIndexes.Hit::id).sorted().toList();
      List<String> got = new java.util.ArrayList<>();
      idx.score("zh", clauses).best(limit, causes, NODES.size(), (n, s) -> got.add(n.id()));
      assertThat(got).as("limit %d", limit).containsExactlyInAnyOrderElementsOf(want);
    }
  }

  @Test
  void the_few_best_among_the_top_hits_are_those_the_ranked_query_gives() {
    // sixty nodes of a few words each, some with the same text (tied scores), a third not causes
    java.util.Random random = new java.util.Random(11);
    String[] words = {"goroutine", "channel", "lock", "hang", "leak", "close", "wait", "timer"};
    List<FullTextIndexes.Node> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0, n = 1 + random.nextInt(4); w < n; w++) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      nodes.add(node("n" + i, i % 3 == 0 ? "Symptom" : "RootCause", text.toString()));
      if (i % 7 == 0) {
        nodes.add(node("twin" + i, "RootCause", text.toString()));
      }
    }
    FullTextIndexes idx = FullTextIndexes.build(List.of(EN), nodes);
    var causes = idx.docsWithLabel("en", Set.of("RootCause"));
    List<FullTextIndexes.Clause> clauses = List.of(new FullTextIndexes.Clause("goroutine", false),
        new FullTextIndexes.Clause("leak", false), new FullTextIndexes.Clause("wait", false));
    for (int limit = 1; limit <= 70; limit++) {
      for (int few = 1; few <= 5; few++) {
        FullTextLookups.BestCauses all = new FullTextLookups.BestCauses(few);
        idx.query("en", clauses, limit).stream().filter(h -> h.labels().contains("RootCause"))
            .forEach(h -> all.add(h.id(), h.score()));
        FullTextLookups.BestCauses some = new FullTextLookups.BestCauses(few);
        idx.score("en", clauses).best(limit, causes, few, (n, s) -> some.add(n.id(), s));
        assertThat(java.util.Arrays.asList(some.ids).subList(0, some.size)).as("limit %d, few %d", limit, few)
            .isEqualTo(java.util.Arrays.asList(all.ids).subList(0, all.size));
      }
    }
  }

  @Test
  void an_index_with_an_unknown_analyzer_is_left_out() {
    FullTextIndexes idx = FullTextIndexes.build(List.of(new FullTextIndexes.Definition("odd", List.of("Symptom"),
        List.of("text"), "no-such-analyzer")), NODES);
    assertThat(idx.has("odd")).isFalse();
    assertThatThrownBy(() -> idx.query("odd", List.of(), 1)).hasMessageContaining("no full-text index named odd");
  }

  @Test
  void a_definition_without_properties_is_refused_with_its_name() {
    assertThatThrownBy(() -> new FullTextIndexes.Definition("x", List.of("A"), List.of(), "cjk"))
        .hasMessage("full-text index x declares no properties");
  }

  @Test
  void clauses_render_as_the_lucene_query_neo4j_is_sent() {
    assertThat(FullTextLookups.luceneQuery(FullTextLookups.clauses("Channel closed: 卡住")))
        .isEqualTo("channel OR channel* OR closed OR closed* OR clos OR clos* OR 卡住");
  }
}
