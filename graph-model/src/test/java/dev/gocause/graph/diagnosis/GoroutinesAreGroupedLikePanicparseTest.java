package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.Diagnosis.GoroutineGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same state and same stack → one group, with its count, wait range, creation site and first ids. */
class GoroutinesAreGroupedLikePanicparseTest {

  @Test
  void aThousandGoroutineSigquitDumpReadsInAFewGroups() {
    ParsedInput p = GoOutputParser.parse(RealKnowledge.read("inputs/real/bigdump-send-gave-up.txt"));
    List<GoroutineGroup> groups = GoroutineGroups.of(p.all());
    GoroutineGroup top = groups.get(0);
    assertThat(top.count()).isGreaterThan(1000);
    assertThat(top.state()).isEqualTo("chan send");
    assertThat(top.goroutines()).hasSize(10);
    assertThat(top.createdBy()).startsWith("main.").contains(" at main.go:");
    assertThat(top.location()).startsWith("main.go:");
    assertThat(groups.size()).isLessThanOrEqualTo(GoroutineGroups.MAX_GROUPS);
    assertThat(groups.get(groups.size() - 1).count()).isLessThanOrEqualTo(top.count());
  }

  @Test
  void waitRangesComeFromThePrintedDurationsAndAreNullWithoutThem() {
    String text = """
        goroutine 20 [chan send, 3 minutes]:
        main.produce(0x1)
        \t/src/main.go:15 +0x24
        created by main.main
        \t/src/main.go:30 +0x45

        goroutine 21 [chan send, 9 minutes]:
        main.produce(0x2)
        \t/src/main.go:15 +0x24
        created by main.main
        \t/src/main.go:30 +0x45

        goroutine 22 [chan receive]:
        main.consume()
        \t/src/main.go:22 +0x10
        """;
    List<GoroutineGroup> groups = GoroutineGroups.of(GoOutputParser.parse(text).all());
    assertThat(groups).containsExactly(
        new GoroutineGroup(2, "chan send", List.of(3, 9), "main.produce", "main.go:15", "main.main at main.go:30", List.of("20", "21")),
        new GoroutineGroup(1, "chan receive", null, "main.consume", "main.go:22", null, List.of("22")));
  }

  @Test
  void aDifferentLineIsADifferentGroup() {
    String text = """
        goroutine 20 [chan send]:
        main.produce(0x1)
        \t/src/main.go:15 +0x24

        goroutine 21 [chan send]:
        main.produce(0x2)
        \t/src/main.go:17 +0x30
        """;
    assertThat(GoroutineGroups.of(GoOutputParser.parse(text).all())).hasSize(2);
  }
}
