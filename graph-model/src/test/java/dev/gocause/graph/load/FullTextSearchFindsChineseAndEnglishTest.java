package dev.gocause.graph.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.Fixtures;
import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.seed.SeedSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

class FullTextSearchFindsChineseAndEnglishTest {

  @BeforeAll
  static void load() {
    SharedTestGraph.clear();
    new KnowledgeLoader(SharedTestGraph.get()).load(SeedSource.fromDirectory(Fixtures.dir("basic")), true);
  }

  static List<String> search(String index, String query) {
    try (Session s = SharedTestGraph.get().session()) {
      return s.run("CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.id AS id",
          Map.of("index", index, "q", query)).list(r -> r.get("id").asString());
    }
  }

  @Test
  void a_two_character_chinese_word_finds_a_symptom_through_its_colloquial_alias() {
    // "挂起" occurs only inside the alias "程序挂起无响应", not in the name
    assertThat(search(GraphSchema.SEARCH_ZH, "挂起")).containsExactly("program-hangs-no-output");
  }

  @Test
  void chinese_words_from_descriptions_and_mechanisms_are_found_too() {
    assertThat(search(GraphSchema.SEARCH_ZH, "日志")).contains("program-hangs-no-output");
    assertThat(search(GraphSchema.SEARCH_ZH, "发送者")).contains("receive-without-sender");
    assertThat(search(GraphSchema.SEARCH_ZH, "互斥锁")).contains("mutex").doesNotContain("program-hangs-no-output");
  }

  @Test
  void english_words_find_english_names_aliases_and_go_messages() {
    assertThat(search(GraphSchema.SEARCH_EN, "frozen")).containsExactly("program-hangs-no-output");
    assertThat(search(GraphSchema.SEARCH_EN, "asleep")).contains("all-goroutines-asleep-deadlock", "sig-all-goroutines-asleep");
    assertThat(search(GraphSchema.SEARCH_EN, "reentrant")).containsExactly("double-locking");
  }

  @Test
  void the_indexes_are_separate_so_each_language_uses_its_own_analyzer() {
    assertThat(search(GraphSchema.SEARCH_EN, "挂起")).isEmpty();
    assertThat(search(GraphSchema.SEARCH_ZH, "frozen")).isEmpty();
    try (Session s = SharedTestGraph.get().session()) {
      Map<String, String> analyzers = new java.util.HashMap<>();
      s.run("SHOW FULLTEXT INDEXES YIELD name, options RETURN name, options.indexConfig['fulltext.analyzer'] AS a")
          .forEachRemaining(r -> analyzers.put(r.get("name").asString(), r.get("a").asString()));
      assertThat(analyzers).containsEntry("searchZh", "cjk").containsEntry("searchEn", "standard");
    }
  }

  @Test
  void case_nodes_carry_their_go_code() {
    assertThat(SharedTestGraph.count("MATCH (c:Case {id: 'lonely-receiver-buggy'}) WHERE c.code CONTAINS '<-done' RETURN count(c)"))
        .isEqualTo(1);
  }
}
