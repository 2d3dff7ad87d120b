package dev.gocause.graph.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The repository's seed-data, run through the platform's reader and validator. */
class SeedDataPassesTheSeedReaderTest {
  private final KnowledgeData data = KnowledgeData.load();

  @Test
  void the_seed_reader_reports_no_problem_in_the_repository_seed_data() {
    List<String> problems = SeedReader.problems(SeedSource.fromDirectory(data.seedData));
    assertThat(problems).as("validation problems").isEmpty();
  }

  @Test
  void the_validated_knowledge_has_the_expected_version_and_substantial_counts() {
    KnowledgeSet set = SeedReader.read(SeedSource.fromDirectory(data.seedData));
    assertThat(set.version()).isEqualTo(knowledgeVersion()).matches("\\d+\\.\\d+\\.\\d+");
    Map<String, Long> counts = set.countsByLabel();
    assertThat(counts.get(NodeLabel.SECTION.cypherName())).as("sections").isEqualTo(14L);
    assertThat(counts.get(NodeLabel.DIMENSION.cypherName())).as("dimensions").isEqualTo(4L);
    assertThat(counts.get(NodeLabel.ROOT_CAUSE.cypherName())).as("root causes").isGreaterThanOrEqualTo(46L);
    assertThat(counts.get(NodeLabel.SYMPTOM.cypherName())).as("symptoms").isGreaterThanOrEqualTo(33L);
    assertThat(counts.get(NodeLabel.SIGNATURE.cypherName())).as("signatures").isGreaterThanOrEqualTo(40L);
  }

  private String knowledgeVersion() {
    try {
      return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
          .readTree(data.seedData.resolve("knowledge.yaml").toFile()).path("knowledge").path("version").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
