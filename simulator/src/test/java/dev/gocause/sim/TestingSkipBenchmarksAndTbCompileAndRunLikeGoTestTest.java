package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import org.junit.jupiter.api.Test;

/**
 * testing.T's Skip family, testing.B (files with benchmarks compile; the runner runs only TestXxx, like go test
 * without -bench) and testing.TB. Go 1.19's {@code go test -v} on go/skip_test.go prints the same result lines:
 * {@code --- SKIP: TestSkipped (0.00s)} with the skip message from line 6, PASS for the other two.
 */
class TestingSkipBenchmarksAndTbCompileAndRunLikeGoTestTest {
  @Test
  void a_skipped_test_stops_at_skip_and_is_reported_as_skip_while_the_others_pass() {
    Machine m = GoSources.runOnce(GoSources.resource("skip_test.go"), "skip_test.go", 1);
    String out = m.out.toString();
    assertThat(out).contains("--- SKIP: TestSkipped (0.00s)\n    skip_test.go:6: needs a network\n")
        .contains("--- PASS: TestRuns (0.00s)", "--- PASS: TestHelperTakesTB (0.00s)").doesNotContain("not reached", "FAIL")
        .endsWith("PASS\n");
    assertThat(out.lines().filter(l -> l.startsWith("=== RUN")).toList())
        .containsExactly("=== RUN   TestSkipped", "=== RUN   TestRuns", "=== RUN   TestHelperTakesTB");
    assertThat(m.exitCode).isZero();
  }
}
