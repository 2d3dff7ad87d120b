package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.query.KnowledgeQueries;
import dev.gocause.graph.query.NotFoundException;
import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.GraphStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A kernel with no graph answers %cause, %symptom, %fix and %graph from seed-data compiled in
 * memory: every record must equal the graph's (Cypher through {@link KnowledgeQueries}) for every
 * id of the knowledge, neighbourhoods at each depth included, and unknown ids fail alike.
 */
class LookupsFromSeedDataEqualThoseFromTheGraphTest {
  private static KnowledgeQueries graph;
  private static SnapshotLookups seed;
  private static KnowledgeSet knowledge;

  @BeforeAll
  static void bothSides() {
    RealKnowledge.service();
    GraphStore store = SharedTestGraph.get();
    graph = new KnowledgeQueries(store.driver(), store.database());
    knowledge = SeedReader.read(SeedSource.fromDirectory(RealKnowledge.repo().resolve("seed-data")));
    seed = new SnapshotLookups(KnowledgeSnapshot.of(knowledge));
  }

  @Test
  void every_cause_symptom_and_fix_is_the_same_record() {
    assertSame(NodeLabel.ROOT_CAUSE, graph::cause, seed::cause);
    assertSame(NodeLabel.SYMPTOM, graph::symptom, seed::symptom);
    assertSame(NodeLabel.FIX, graph::fix, seed::fix);
  }

  @Test
  void every_neighbourhood_is_the_same_nodes_and_edges_in_the_same_order() {
    List<String> ids = knowledge.entries().stream().map(e -> e.id()).distinct().sorted().toList();
    List<String> differing = new ArrayList<>();
    int edges = 0;
    for (String id : ids) {
      for (int depth : new int[] {1, 2}) {
        var expected = graph.neighborhood(id, depth);
        edges += expected.edges().size();
        if (!expected.equals(seed.neighborhood(id, depth)) && differing.size() < 3) {
          differing.add(id + " depth " + depth + ": " + firstDifference(expected, seed.neighborhood(id, depth)));
        }
      }
    }
    for (String id : List.of("send-on-closed-channel", "all-goroutines-asleep-deadlock", "scheduling")) {
      if (ids.contains(id) && !graph.neighborhood(id, 3).equals(seed.neighborhood(id, 3))) {
        differing.add(id + " depth 3");
      }
    }
    assertThat(differing).isEmpty();
    assertThat(edges).as("edges compared").isGreaterThan(ids.size() * 2);
  }

  @Test
  void an_unknown_id_fails_with_the_same_close_matches() {
    for (String id : List.of("send-on-closed-chanel", "nothing-like-this")) {
      NotFoundException a = catchThrowableOfType(() -> graph.cause(id), NotFoundException.class);
      NotFoundException b = catchThrowableOfType(() -> seed.cause(id), NotFoundException.class);
      assertThat(b.getMessage()).isEqualTo(a.getMessage());
      assertThat(b.closeMatches()).isEqualTo(a.closeMatches());
      NotFoundException c = catchThrowableOfType(() -> graph.neighborhood(id, 1), NotFoundException.class);
      NotFoundException d = catchThrowableOfType(() -> seed.neighborhood(id, 1), NotFoundException.class);
      assertThat(d.getMessage()).isEqualTo(c.getMessage());
    }
  }

  private static String firstDifference(dev.gocause.graph.query.Subgraph a, dev.gocause.graph.query.Subgraph b) {
    for (int i = 0; i < Math.min(a.nodes().size(), b.nodes().size()); i++) {
      if (!a.nodes().get(i).equals(b.nodes().get(i))) {
        return "node " + i + ": graph " + a.nodes().get(i).key() + ", seed " + b.nodes().get(i).key();
      }
    }
    for (int i = 0; i < Math.min(a.edges().size(), b.edges().size()); i++) {
      if (!a.edges().get(i).equals(b.edges().get(i))) {
        return "edge " + i + ": graph " + a.edges().get(i) + ", seed " + b.edges().get(i);
      }
    }
    return a.nodes().size() + "/" + a.edges().size() + " nodes/edges in the graph, " + b.nodes().size() + "/"
        + b.edges().size() + " from seed-data" + (a.truncated() != b.truncated() ? ", truncated differs" : "");
  }

  private static void assertSame(NodeLabel label, Function<String, Object> fromGraph, Function<String, Object> fromSeed) {
    List<String> ids = knowledge.entries().stream().filter(e -> e.label() == label).map(e -> e.id()).sorted().toList();
    assertThat(ids).isNotEmpty();
    List<String> differing = new ArrayList<>();
    for (String id : ids) {
      Object a = fromGraph.apply(id);
      Object b = fromSeed.apply(id);
      if (!a.equals(b) && differing.size() < 3) {
        differing.add(label + " " + id + "\n  graph: " + a + "\n  seed:  " + b);
      }
    }
    assertThat(differing).as(label + " records that differ").isEmpty();
  }
}
