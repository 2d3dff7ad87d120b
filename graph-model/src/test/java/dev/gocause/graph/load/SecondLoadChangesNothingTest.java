package dev.gocause.graph.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.Fixtures;
import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.seed.SeedSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecondLoadChangesNothingTest {
  static KnowledgeLoader loader;
  static LoadReport first;

  @BeforeAll
  static void loadOnce() {
    SharedTestGraph.clear();
    loader = new KnowledgeLoader(SharedTestGraph.get());
    first = loader.load(SeedSource.fromDirectory(Fixtures.dir("basic")), false);
  }

  @Test
  void the_first_load_writes_every_entry_and_relationship() {
    assertThat(first.unchanged()).isFalse();
    assertThat(first.nodes()).containsEntry("Symptom", 2L).containsEntry("RootCause", 2L).containsEntry("Section", 3L)
        .containsEntry("Case", 2L).containsEntry("KnowledgeBase", 1L);
    assertThat(first.relationships()).containsEntry("INDICATES", 3L).containsEntry("FIXED_VARIANT", 1L)
        .containsEntry("CORRECTS", 1L);
    assertThat(first.version()).isEqualTo("0.0.1-fixture");
    assertThat(first.changes().nodesCreated()).isEqualTo(first.totalNodes());
  }

  @Test
  void a_second_load_of_the_same_content_is_reported_unchanged_and_writes_nothing() {
    LoadReport second = loader.load(SeedSource.fromDirectory(Fixtures.dir("basic")), false);
    assertThat(second.unchanged()).isTrue();
    assertThat(second.changes()).isEqualTo(LoadReport.Changes.NONE);
    assertThat(second.nodes()).isEqualTo(first.nodes());
    assertThat(second.relationships()).isEqualTo(first.relationships());
  }

  @Test
  void a_forced_reload_rewrites_but_leaves_every_count_unchanged() {
    LoadReport forced = loader.load(SeedSource.fromDirectory(Fixtures.dir("basic")), true);
    assertThat(forced.unchanged()).isFalse();
    assertThat(forced.forced()).isTrue();
    assertThat(forced.changes().nodesCreated()).isZero();
    assertThat(forced.changes().nodesDeleted()).isZero();
    assertThat(forced.changes().relationshipsCreated()).isZero();
    assertThat(forced.changes().relationshipsDeleted()).isZero();
    assertThat(forced.nodes()).isEqualTo(first.nodes());
    assertThat(forced.relationships()).isEqualTo(first.relationships());
  }
}
