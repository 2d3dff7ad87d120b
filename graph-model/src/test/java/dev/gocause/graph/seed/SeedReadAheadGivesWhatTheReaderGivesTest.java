package dev.gocause.graph.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gocause.graph.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SeedReadAheadGivesWhatTheReaderGivesTest {

  @Test
  void the_knowledge_read_ahead_equals_the_knowledge_read_in_place() {
    SeedSource source = SeedSource.fromDirectory(Fixtures.dir("basic"));
    KnowledgeSet ahead = SeedReadAhead.start(source).join();
    KnowledgeSet inPlace = SeedReader.read(source);
    assertThat(ahead.contentHash()).isEqualTo(inPlace.contentHash());
    assertThat(ahead.entries()).hasSameSizeAs(inPlace.entries());
    assertThat(ahead.relationships()).hasSameSizeAs(inPlace.relationships());
  }

  @Test
  void a_problem_found_ahead_is_thrown_by_join_as_the_reader_throws_it() {
    Path seed = Fixtures.copy("basic");
    Fixtures.replace(seed.resolve("symptoms.yaml"), "weight: 0.6", "weight: 1.4");
    SeedReadAhead ahead = SeedReadAhead.start(SeedSource.fromDirectory(seed));
    assertThatThrownBy(ahead::join)
        .isInstanceOf(SeedValidationException.class)
        .hasMessageContaining("field 'indicates[0].weight' is 1.4; weights must be within [0,1]");
  }
}
