package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gocause.graph.GocauseException;
import dev.gocause.graph.diagnosis.Evaluation.EvalCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The field corpus (read from ../shared/field/, never copied) splits the same way every time: 30 % per (kind, lang) aside. */
class FieldCorpusIsSplitOnceForAllTest {

  static Path corpus() {
    Path p = RealKnowledge.repo().getParent().resolve("shared/field/cases.jsonl");
    boolean present = Files.isRegularFile(p);
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("the field corpus ../shared/field/cases.jsonl is required when CI=true");
    }
    Assumptions.assumeTrue(present, "the field corpus ../shared/field/cases.jsonl is not available here");
    return p;
  }

  @Test
  void everyKindAndLanguageKeepsThirtyPercentRoundedUpAside() {
    List<EvalCase> cases = FieldCorpus.load(corpus());
    Map<String, List<EvalCase>> groups = cases.stream().collect(Collectors.groupingBy(c -> c.kind() + "/" + c.lang()));
    groups.forEach((g, list) -> {
      long aside = list.stream().filter(c -> c.set().equals(FieldCorpus.ASIDE)).count();
      assertThat(aside).as(g).isEqualTo((long) Math.ceil(0.3 * list.size()));
    });
    assertThat(FieldCorpus.part(cases, "tune").size() + FieldCorpus.part(cases, "aside").size()).isEqualTo(cases.size());
    assertThat(FieldCorpus.load(corpus())).isEqualTo(cases);
  }

  @Test
  void theSplitDependsOnTheIdsHashNotOnTheFileOrder(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    List<String> lines = List.of(
        "{\"id\":\"x1\",\"input\":\"t\",\"kind\":\"panic\",\"lang\":\"en\",\"label\":\"none-of-these\",\"secondary\":null}",
        "{\"id\":\"x2\",\"input\":\"t\",\"kind\":\"panic\",\"lang\":\"en\",\"label\":\"c\",\"secondary\":\"d\"}",
        "{\"id\":\"x3\",\"input\":\"t\",\"kind\":\"panic\",\"lang\":\"en\",\"label\":\"c\",\"secondary\":null}");
    Files.write(a, lines);
    Files.write(b, List.of(lines.get(2), lines.get(0), lines.get(1)));
    Map<String, String> pa = FieldCorpus.load(a).stream().collect(Collectors.toMap(EvalCase::id, EvalCase::set));
    Map<String, String> pb = FieldCorpus.load(b).stream().collect(Collectors.toMap(EvalCase::id, EvalCase::set));
    assertThat(pa).isEqualTo(pb);
    String smallest = List.of("x1", "x2", "x3").stream().min((x, y) -> FieldCorpus.sha1(x).compareTo(FieldCorpus.sha1(y))).get();
    assertThat(pa.get(smallest)).isEqualTo("aside");
    EvalCase none = FieldCorpus.load(a).get(0);
    assertThat(none.expected()).as("none-of-these expects an empty answer").isEmpty();
    assertThat(FieldCorpus.load(a).get(1).expected()).containsExactly("c", "d");
  }

  @Test
  void aBrokenLineIsNamedByFileLineAndField(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.jsonl");
    Files.write(f, List.of("{\"id\":\"x1\",\"input\":\"t\",\"kind\":\"panic\",\"lang\":\"en\"}"));
    assertThatThrownBy(() -> FieldCorpus.load(f)).isInstanceOf(GocauseException.class)
        .hasMessageContaining("bad.jsonl:1 id=x1: field 'label' is missing");
  }
}
