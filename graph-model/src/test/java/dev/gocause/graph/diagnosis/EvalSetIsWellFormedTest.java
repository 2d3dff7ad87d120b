package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The evaluation set covers every root cause, every input kind and both languages, with known ids (no accuracy measured here). */
class EvalSetIsWellFormedTest {

  @Test
  void the_eval_set_covers_every_cause_and_kind_with_known_ids() {
    List<Evaluation.EvalCase> all = Evaluation.load(RealKnowledge.repo().resolve("eval"), "all");
    Set<String> causes = RealKnowledge.service().model().causes().keySet();
    assertThat(all).hasSizeGreaterThanOrEqualTo(100);
    assertThat(all).allSatisfy(c -> assertThat(causes).as(c.id()).containsAll(c.expected()));
    Set<String> covered = all.stream().flatMap(c -> c.expected().stream()).collect(Collectors.toSet());
    assertThat(covered).as("causes without an eval case").containsAll(causes);
    assertThat(all.stream().map(Evaluation.EvalCase::kind).collect(Collectors.toSet()))
        .contains("panic", "fatal", "dump", "race", "goleak", "text");
    assertThat(all.stream().map(Evaluation.EvalCase::lang).collect(Collectors.toSet())).contains("zh", "en");
    long holdout = all.stream().filter(c -> c.set().equals("holdout")).count();
    assertThat((double) holdout / all.size()).isBetween(0.25, 0.35);
    assertThat(all.stream().filter(c -> c.text().lines().filter(l -> l.startsWith("goroutine ")).count() >= 1000)).isNotEmpty();
  }
}
