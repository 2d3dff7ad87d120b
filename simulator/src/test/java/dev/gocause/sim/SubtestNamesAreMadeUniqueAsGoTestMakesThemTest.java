package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * go test names a subtest parent/name and, when that name was given before, adds #01, #02, ... (an empty name is #00
 * first), so table-driven tests with repeated names report each case apart. The expected text is what go1.19.8
 * {@code go test -v} printed for this file (its final "ok" line left out); compared are the names t.Name() logged, in
 * order, and the result lines (the simulator places a subtest's log and result lines as go test without -v does).
 */
class SubtestNamesAreMadeUniqueAsGoTestMakesThemTest {

  private static final String TEST_FILE = """
      package names

      import "testing"

      func TestNames(t *testing.T) {
      	for _, n := range []string{"a", "a", "", "a b", "", "a#01", "a"} {
      		t.Run(n, func(t *testing.T) { t.Log(t.Name()) })
      	}
      }
      """;

  private static final String GO_TEST_V = """
      === RUN   TestNames
      === RUN   TestNames/a
          names_test.go:7: TestNames/a
      === RUN   TestNames/a#01
          names_test.go:7: TestNames/a#01
      === RUN   TestNames/#00
          names_test.go:7: TestNames/#00
      === RUN   TestNames/a_b
          names_test.go:7: TestNames/a_b
      === RUN   TestNames/#01
          names_test.go:7: TestNames/#01
      === RUN   TestNames/a#01#01
          names_test.go:7: TestNames/a#01#01
      === RUN   TestNames/a#02
          names_test.go:7: TestNames/a#02
      --- PASS: TestNames (0.00s)
          --- PASS: TestNames/a (0.00s)
          --- PASS: TestNames/a#01 (0.00s)
          --- PASS: TestNames/#00 (0.00s)
          --- PASS: TestNames/a_b (0.00s)
          --- PASS: TestNames/#01 (0.00s)
          --- PASS: TestNames/a#01#01 (0.00s)
          --- PASS: TestNames/a#02 (0.00s)
      PASS
      """;

  @Test
  void repeated_and_empty_subtest_names_get_go_tests_suffixes() {
    Machine m = GoSources.runOnce(TEST_FILE, "names_test.go", 1);
    String out = m.out.toString();
    assertThat(linesWith(out, "names_test.go:7: ")).isEqualTo(linesWith(GO_TEST_V, "names_test.go:7: "))
        .hasSize(7);
    assertThat(linesWith(out, "--- PASS: ")).containsExactlyInAnyOrderElementsOf(linesWith(GO_TEST_V, "--- PASS: "));
  }

  private static List<String> linesWith(String text, String marker) {
    return text.lines().filter(l -> l.contains(marker)).map(String::strip).toList();
  }
}
