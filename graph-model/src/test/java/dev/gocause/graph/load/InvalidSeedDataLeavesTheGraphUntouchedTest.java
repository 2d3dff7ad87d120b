package dev.gocause.graph.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gocause.graph.Fixtures;
import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.seed.SeedValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InvalidSeedDataLeavesTheGraphUntouchedTest {

  @Test
  void a_load_with_any_problem_writes_nothing_even_where_other_entries_changed() {
    SharedTestGraph.clear();
    KnowledgeLoader loader = new KnowledgeLoader(SharedTestGraph.get());
    LoadReport before = loader.load(SeedSource.fromDirectory(Fixtures.dir("basic")), false);
    StoredKnowledge stored = loader.stored().orElseThrow();

    Path seed = Fixtures.copy("basic");
    // a valid change that would be written ...
    Fixtures.replace(seed.resolve("fixes.yaml"), "nameEn: Close the channel when the producer is done", "nameEn: Renamed fix");
    // ... next to an invalid one
    Fixtures.replace(seed.resolve("symptoms.yaml"), "weight: 0.6", "weight: 1.4");

    assertThatThrownBy(() -> loader.load(SeedSource.fromDirectory(seed), true))
        .isInstanceOf(SeedValidationException.class)
        .hasMessageContaining("symptoms.yaml: symptoms[0] id=program-hangs-no-output: field 'indicates[0].weight' is 1.4; weights must be within [0,1]");

    KnowledgeLoader.GraphCounts after = loader.counts();
    assertThat(after.nodes()).isEqualTo(before.nodes());
    assertThat(after.relationships()).isEqualTo(before.relationships());
    assertThat(loader.stored()).contains(stored);
    assertThat(SharedTestGraph.count("MATCH (f:Fix {nameEn: 'Renamed fix'}) RETURN count(f)")).isZero();
  }
}
