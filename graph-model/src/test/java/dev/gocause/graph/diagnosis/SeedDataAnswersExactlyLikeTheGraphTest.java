package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a graph, answers come from seed-data compiled by the same code as a graph's model: the
 * whole JSON answer (every cause, field, evidence item and score) must be the same as from a
 * graph loaded with that seed-data, on every input of the evaluation set, with the full limit so
 * the tail of the ranking is compared too. The same holds for the model read back from the
 * compiled seed-data cache that a cold {@code gocause diagnose} uses.
 */
class SeedDataAnswersExactlyLikeTheGraphTest {

  @TempDir Path cacheDir;

  @Test
  void every_eval_input_gets_the_same_json_from_seed_data_as_from_the_graph() {
    DiagnosisService graph = RealKnowledge.service();
    SeedSource source = SeedSource.fromDirectory(RealKnowledge.repo().resolve("seed-data"));
    KnowledgeSet seed = SeedReader.read(source);
    DiagnosisService fromSeed = DiagnosisService.fromKnowledge(seed);
    assertThat(fromSeed.fromSeedData()).isTrue();
    assertThat(fromSeed.model().describe()).isEqualTo(graph.model().describe());
    // and as a cold diagnose gets it: compiled once, then read back from the compiled seed-data cache
    CompiledSeedCache cache = CompiledSeedCache.at(cacheDir, "this test");
    DiagnosisService.fromSeed(cache, source);
    assertThat(cache.read(seed.contentHash())).as("the compiled seed-data cache holds this content").isPresent();
    DiagnosisService fromCache = DiagnosisService.fromSeed(cache, source);

    List<Evaluation.EvalCase> cases = Evaluation.load(RealKnowledge.repo().resolve("eval"), "all");
    assertThat(cases).hasSizeGreaterThan(100);
    List<String> differing = new ArrayList<>();
    int withCauses = 0;
    int differ = 0;
    for (Evaluation.EvalCase c : cases) {
      for (String lang : new String[] {null, "zh", "en"}) {
        DiagnosisRequest request = new DiagnosisRequest(c.text(), DiagnosisRequest.MAX_LIMIT, lang);
        Diagnosis expected = graph.diagnose(request);
        String a = DiagnosisRenderer.json(expected);
        String b = DiagnosisRenderer.json(fromSeed.diagnose(request));
        String cached = DiagnosisRenderer.json(fromCache.diagnose(request));
        if (!a.equals(b) && ++differ <= 3) {
          differing.add(c.set() + "/" + c.file() + " lang=" + lang + "\n  graph: " + a + "\n  seed:  " + b);
        } else if (!a.equals(cached) && ++differ <= 3) {
          differing.add(c.set() + "/" + c.file() + " lang=" + lang + "\n  graph: " + a + "\n  cached seed: " + cached);
        }
        withCauses += expected.found() ? 1 : 0;
      }
    }
    assertThat(differing).as("answers that differ between the graph and seed-data (" + differ + " of "
        + cases.size() * 3 + "; the first 3 shown)").isEmpty();
    assertThat(withCauses).as("inputs with at least one cause (the comparison is not of empty answers)")
        .isGreaterThan(cases.size() * 2);
  }
}
