package dev.gocause.kernel.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.diagnosis.CompiledSeed;
import dev.gocause.graph.diagnosis.DiagnosisRequest;
import dev.gocause.graph.query.KnowledgeLookups;
import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedEntry;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.sim.SimulationRequest;
import dev.gocause.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Json#of} walks records itself instead of asking Jackson (a fresh kernel's first answer
 * spent most of its time in Jackson's introspection); the {@code application/json} a notebook
 * gets must stay exactly what Jackson made: same keys in the same order, same number types, for
 * every look-up record of the knowledge, diagnoses of every eval input and a simulation.
 */
class JsonOfARecordIsWhatJacksonMakesOfItTest {
  private static KnowledgeSet knowledge;
  private static CompiledSeed seed;

  @BeforeAll
  static void readSeed() {
    knowledge = SeedReader.read(SeedSource.fromDirectory(repo().resolve("seed-data")));
    seed = CompiledSeed.of(knowledge);
  }

  @Test
  void every_cause_symptom_fix_and_neighbourhood_is_converted_as_jackson_converts_it() {
    KnowledgeLookups lookups = seed.lookups();
    List<Object> records = new ArrayList<>();
    knowledge.entries(NodeLabel.ROOT_CAUSE).forEach(e -> records.add(lookups.cause(e.id())));
    knowledge.entries(NodeLabel.SYMPTOM).forEach(e -> records.add(lookups.symptom(e.id())));
    knowledge.entries(NodeLabel.FIX).forEach(e -> records.add(lookups.fix(e.id())));
    for (SeedEntry e : knowledge.entries(NodeLabel.ROOT_CAUSE)) {
      records.add(lookups.neighborhood(e.id(), 2).nodes());
      records.add(lookups.neighborhood(e.id(), 2).edges());
    }
    assertThat(records).hasSizeGreaterThan(200);
    records.forEach(JsonOfARecordIsWhatJacksonMakesOfItTest::assertSameAsJackson);
  }

  @Test
  void every_eval_input_s_diagnosis_is_converted_as_jackson_converts_it() throws IOException {
    List<Path> inputs;
    try (Stream<Path> s = Files.walk(repo().resolve("eval/inputs"))) {
      inputs = s.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(inputs).hasSizeGreaterThan(50);
    for (Path p : inputs) {
      assertSameAsJackson(seed.diagnosis().diagnose(new DiagnosisRequest(Files.readString(p), DiagnosisRequest.MAX_LIMIT, null)));
    }
  }

  @Test
  void a_simulation_result_with_findings_is_converted_as_jackson_converts_it() throws IOException {
    Path program = repo().resolve("seed-data/cases/ab-ba-lock-order/buggy.go");
    var result = Simulator.simulate(SimulationRequest.of(Files.readString(program), "buggy.go"), done -> {});
    assertThat(result.findings()).isNotEmpty();
    assertSameAsJackson(result);
  }

  @Test
  void values_it_does_not_know_go_to_jackson_whole() {
    record WithFloat(String name, float weight) {}
    assertSameAsJackson(new WithFloat("f", 0.1f));
    assertSameAsJackson(Map.of("k", new StringBuilder("not a record")));
    assertSameAsJackson(List.of('c', 2));
  }

  private static void assertSameAsJackson(Object value) {
    Object ours = Json.of(value);
    Object jackson = Json.jackson(value);
    assertThat(ours).isEqualTo(jackson);
    // maps compare without their order, numbers of equal value but other types print alike:
    // the printed form with the types of every number pins both
    assertThat(typed(ours)).isEqualTo(typed(jackson));
  }

  private static String typed(Object v) {
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      m.forEach((k, x) -> b.append(k).append('=').append(typed(x)).append(','));
      return b.append('}').toString();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(JsonOfARecordIsWhatJacksonMakesOfItTest::typed).toList().toString();
    }
    return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
  }

  private static Path repo() {
    String r = System.getProperty("gocause.repo");
    return (r != null ? Path.of(r) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
  }
}
