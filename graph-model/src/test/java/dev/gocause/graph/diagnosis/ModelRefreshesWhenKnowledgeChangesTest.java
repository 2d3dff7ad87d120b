package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.seed.SeedSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/** The compiled model is kept while the KnowledgeBase stays the same and rebuilt when it changes. */
class ModelRefreshesWhenKnowledgeChangesTest {

  @Test
  void a_new_knowledge_hash_recompiles_the_model() {
    DiagnosisService service = RealKnowledge.service();
    DiagnosisModel before = service.model();
    assertThat(service.model()).isSameAs(before);
    try (Session s = SharedTestGraph.get().session()) {
      s.run("MATCH (k:KnowledgeBase) SET k.contentHash = $h", Map.of("h", "changed-for-test")).consume();
    }
    DiagnosisModel after = service.model();
    assertThat(after).isNotSameAs(before);
    assertThat(after.hash()).isEqualTo("changed-for-test");
    assertThat(service.diagnose(DiagnosisRequest.of("panic: close of nil channel")).knowledgeHash()).isEqualTo("changed-for-test");
    new KnowledgeLoader(SharedTestGraph.get()).load(SeedSource.fromDirectory(RealKnowledge.repo().resolve("seed-data")), false);
    assertThat(service.model().hash()).isNotEqualTo("changed-for-test");
  }
}
