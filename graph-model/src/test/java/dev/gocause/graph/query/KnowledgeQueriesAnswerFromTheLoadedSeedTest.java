package dev.gocause.graph.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.EmbeddedGraphStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The look-up services against the real seed-data loaded into embedded Neo4j. */
class KnowledgeQueriesAnswerFromTheLoadedSeedTest {
  static KnowledgeQueries q;
  static final List<String> timed = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void load() {
    EmbeddedGraphStore store = SharedTestGraph.get();
    SharedTestGraph.clear();
    String repo = System.getProperty("gocause.repo");
    SeedSource seed = repo != null && Files.isDirectory(Path.of(repo, "seed-data"))
        ? SeedSource.fromDirectory(Path.of(repo, "seed-data")) : SeedSource.fromClasspath();
    new KnowledgeLoader(store).load(seed, true);
    q = new KnowledgeQueries(store.driver(), store.database(), (name, nanos, ok) -> timed.add(name),
        java.time.Duration.ofSeconds(10));
  }

  @Test
  void search_finds_symptoms_in_chinese_and_english_and_treats_operators_as_words() {
    assertThat(ids(q.searchSymptoms("卡住", 10, null).items())).contains("program-hangs-no-output");
    assertThat(ids(q.searchSymptoms("memory leak", 10, null).items())).contains("memory-keeps-growing");
    assertThat(q.searchSymptoms("(deadlock OR \"x\") AND [a TO b] ~ * ? \\", 10, null).items()).isNotNull();
    assertThat(q.searchSymptoms("卡住", 10, null).items()).allSatisfy(s -> assertThat(s.score()).isPositive());
  }

  @Test
  void search_pages_continue_where_the_last_one_stopped() {
    Page<SymptomSummary> first = q.searchSymptoms("goroutine", 2, null);
    assertThat(first.items()).hasSize(2);
    assertThat(first.nextCursor()).isNotNull();
    Page<SymptomSummary> second = q.searchSymptoms("goroutine", 2, first.nextCursor());
    assertThat(ids(second.items())).doesNotContainAnyElementsOf(ids(first.items()));
    List<String> all = ids(q.searchSymptoms("goroutine", 4, null).items());
    List<String> paged = new ArrayList<>(ids(first.items()));
    paged.addAll(ids(second.items()));
    assertThat(paged).isEqualTo(all);
  }

  @Test
  void a_cause_comes_with_its_neighbourhood_in_the_graph() {
    CauseDetail c = q.cause("send-on-closed-channel");
    assertThat(c.dimensions()).isNotEmpty();
    assertThat(c.indicatedBy()).extracting(WeightedRef::id).contains("panic-send-on-closed-channel");
    assertThat(c.fixes()).isNotEmpty().allSatisfy(f -> assertThat(f.fixes()).extracting(NodeRef::id).contains("send-on-closed-channel"));
    assertThat(c.commands()).isNotEmpty();
    for (int i = 1; i < c.indicatedBy().size(); i++) {
      assertThat(c.indicatedBy().get(i - 1).weight()).isGreaterThanOrEqualTo(c.indicatedBy().get(i).weight());
    }
  }

  @Test
  void every_cause_listed_by_dimension_is_in_that_dimension_and_pages_cover_all() {
    Set<String> seen = new HashSet<>();
    String cursor = null;
    do {
      Page<CauseSummary> p = q.causes("sync-primitives", 5, cursor);
      p.items().forEach(c -> {
        assertThat(c.dimensions()).contains("sync-primitives");
        assertThat(seen.add(c.id())).isTrue();
      });
      cursor = p.nextCursor();
    } while (cursor != null);
    DimensionInfo d = q.dimensions().stream().filter(x -> x.id().equals("sync-primitives")).findFirst().orElseThrow();
    assertThat(seen).containsExactlyInAnyOrderElementsOf(d.causes());
  }

  @Test
  void unknown_ids_raise_not_found_with_close_matches() {
    assertThatThrownBy(() -> q.cause("close-of-closed-chanel")).isInstanceOfSatisfying(NotFoundException.class, e -> {
      assertThat(e.closeMatches()).first().isEqualTo("close-of-closed-channel");
      assertThat(e.kind()).isEqualTo("RootCause");
      assertThat(e.getMessage()).contains("did you mean");
    });
    assertThatThrownBy(() -> q.symptom("program-hangs")).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.closeMatches()).contains("program-hangs-no-output"));
    assertThatThrownBy(() -> q.neighborhood("zzzzzzzzzzzzzzzzzzzz", 1)).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.closeMatches()).isEmpty());
  }

  @Test
  void out_of_range_parameters_are_named() {
    assertThatThrownBy(() -> q.commands(0, null)).isInstanceOfSatisfying(InvalidParameterException.class,
        e -> assertThat(e.parameter()).isEqualTo("limit"));
    assertThatThrownBy(() -> q.neighborhood("memory", 4)).isInstanceOfSatisfying(InvalidParameterException.class,
        e -> assertThat(e.parameter()).isEqualTo("depth"));
    assertThatThrownBy(() -> q.commands(5, "bm90LWEtY3Vyc29y")).isInstanceOfSatisfying(InvalidParameterException.class,
        e -> assertThat(e.parameter()).isEqualTo("cursor"));
  }

  @Test
  void neighbourhoods_are_bounded_and_closed_and_paths_are_shortest() {
    Subgraph g = q.neighborhood("goroutine", 3);
    assertThat(g.nodes().size()).isLessThanOrEqualTo(KnowledgeQueries.MAX_SUBGRAPH_NODES);
    Set<String> keys = new HashSet<>();
    g.nodes().forEach(n -> keys.add(n.key()));
    g.edges().forEach(e -> assertThat(keys).contains(e.from(), e.to()));
    List<GraphPath> paths = q.paths("panic-send-on-closed-channel", "send-on-closed-channel", 5);
    assertThat(paths).isNotEmpty();
    assertThat(paths.get(0).length()).isEqualTo(1);
    assertThat(paths.get(0).nodes()).hasSize(2);
    assertThat(q.paths("memory", "memory", 1)).singleElement().satisfies(p -> assertThat(p.length()).isZero());
  }

  @Test
  void every_look_up_is_reported_to_the_listener_and_the_version_is_known() {
    assertThat(q.knowledgeVersion()).isPresent();
    q.dimensions();
    assertThat(timed).contains("dimensions.list", "knowledge.version");
  }

  @Test
  void close_matches_rank_prefix_then_edit_distance() {
    List<String> ids = List.of("mutex-not-unlocked", "mutex-copied-by-value", "double-locking", "memory");
    assertThat(CloseMatches.among("mutex", ids)).containsExactly("mutex-copied-by-value", "mutex-not-unlocked");
    assertThat(CloseMatches.among("memroy", ids)).containsExactly("memory");
    assertThat(CloseMatches.among("qqqqqqq", ids)).isEmpty();
    assertThat(KnowledgeQueries.luceneEscape("a:b (c)")).isEqualTo("a\\:b \\(c\\)");
  }

  static <T> List<String> ids(List<T> items) {
    List<String> out = new ArrayList<>();
    for (T t : items) {
      out.add(t instanceof SymptomSummary s ? s.id() : t.toString());
    }
    return out;
  }
}
