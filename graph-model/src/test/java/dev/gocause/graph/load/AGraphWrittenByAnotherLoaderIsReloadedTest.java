package dev.gocause.graph.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.Fixtures;
import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.seed.SeedSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/**
 * The short-circuit of an unchanged reload covers the loader and schema too: the same seed-data in
 * a graph stamped by another loader version (or by a loader from before the stamp) is rewritten,
 * and the stamp then matches again.
 */
class AGraphWrittenByAnotherLoaderIsReloadedTest {

  @Test
  void the_same_content_under_another_load_hash_is_rewritten_once() {
    SharedTestGraph.clear();
    KnowledgeLoader loader = new KnowledgeLoader(SharedTestGraph.get());
    SeedSource seed = SeedSource.fromDirectory(Fixtures.dir("basic"));
    LoadReport first = loader.load(seed, false);
    assertThat(loader.stored().orElseThrow().loadHash()).isNotBlank();
    assertThat(loader.load(seed, false).unchanged()).isTrue();

    for (String stamp : new String[] {"SET k.loadHash = 'written-by-loader-1'", "REMOVE k.loadHash"}) {
      try (Session s = SharedTestGraph.get().session()) {
        s.run("MATCH (k:KnowledgeBase {id: $id}) " + stamp, Map.of("id", KnowledgeLoader.KNOWLEDGE_BASE_ID)).consume();
      }
      LoadReport again = loader.load(seed, false);
      assertThat(again.unchanged()).as(stamp).isFalse();
      assertThat(again.nodes()).isEqualTo(first.nodes());
      assertThat(again.relationships()).isEqualTo(first.relationships());
      assertThat(again.changes().nodesCreated()).as("existing nodes are updated in place").isZero();
      assertThat(loader.load(seed, false).unchanged()).isTrue();
    }
  }
}
