package dev.gocause.graph.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The repository's own seed-data (system property gocause.repo, set by the parent pom) is valid and loads. */
class RealSeedDataValidatesAndLoadsTest {

  static Path seedData() {
    String repo = System.getProperty("gocause.repo");
    Path dir = repo == null ? Path.of("..", "seed-data") : Path.of(repo, "seed-data");
    assertThat(Files.isDirectory(dir)).as("seed-data folder %s", dir).isTrue();
    return dir;
  }

  @Test
  void the_real_seed_data_has_no_problems_and_loads_with_one_node_per_entry() {
    SeedSource source = SeedSource.fromDirectory(seedData());
    List<String> problems = SeedReader.problems(source);
    assertThat(problems).as("problems in the real seed-data").isEmpty();
    KnowledgeSet ks = SeedReader.read(source);

    SharedTestGraph.clear();
    KnowledgeLoader loader = new KnowledgeLoader(SharedTestGraph.get());
    LoadReport first = loader.load(ks, false);
    LoadReport second = loader.load(ks, false);

    Map<String, Long> expected = new LinkedHashMap<>(ks.countsByLabel());
    expected.put("KnowledgeBase", 1L);
    assertThat(first.nodes()).isEqualTo(expected);
    assertThat(first.totalRelationships()).isEqualTo(ks.relationships().size());
    assertThat(first.version()).isEqualTo(ks.version()).isNotBlank();
    assertThat(second.unchanged()).isTrue();
    assertThat(second.nodes()).isEqualTo(first.nodes());
    assertThat(second.relationships()).isEqualTo(first.relationships());
    System.out.printf("real seed-data %s: %d nodes, %d relationships, first load %d ms, unchanged reload %d ms%n",
        ks.version(), first.totalNodes(), first.totalRelationships(), first.elapsedMillis(), second.elapsedMillis());
  }
}
