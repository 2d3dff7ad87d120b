package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * t.Parallel as go test runs it: a subtest that calls it pauses (its t.Run returns true at once) until the parent's
 * function returned, then runs on its own goroutine concurrently with its paused siblings, at most -parallel
 * (GOMAXPROCS, 2) at once; the parent finishes (cleanups, report) after them. Top-level tests that call it run after
 * the sequential ones. Every program is in go/parallel/; Go 1.19's {@code go test -race -v} on each agrees: a race in
 * racy_map (in 2 of 40 runs on this machine: the subtests are short) and toplevel (every run), none in locked_map,
 * sequential_map and ordering (which prints the same lines in the same order), {@code t.Run results: true true true}
 * in fatal_skip, and limit hangs until the timeout with only two subtests continued.
 */
class ParallelSubtestsRunConcurrentlyAfterTheirParentReturnsTest {
  private static SimulationResult simulate(String name) {
    return GoSources.simulate(GoSources.resource("parallel/" + name), name, 200);
  }

  private static List<SimulationResult.Kind> kinds(SimulationResult r) {
    return r.findings().stream().map(SimulationResult.Finding::kind).distinct().toList();
  }

  @Test
  void parallel_subtests_writing_one_map_race() {
    SimulationResult r = simulate("racy_map_test.go");
    assertThat(kinds(r)).contains(SimulationResult.Kind.DATA_RACE);
    SimulationResult.Finding race = r.findings().stream().filter(f -> f.kind() == SimulationResult.Kind.DATA_RACE).findFirst().orElseThrow();
    assertThat(race.report()).contains("probe.TestParallelLoopVar.func1()", "racy_map_test.go:9", "testing.(*T).Run()");
  }

  @Test
  void the_same_subtests_with_a_mutex_or_without_t_parallel_do_not_race() {
    SimulationResult locked = simulate("locked_map_test.go");
    assertThat(locked.findings()).isEmpty();
    assertThat(locked.outcomeCounts()).containsOnlyKeys("exit 0");
    SimulationResult sequential = simulate("sequential_map_test.go");
    assertThat(sequential.findings()).isEmpty();
    assertThat(sequential.outcomeCounts()).containsOnlyKeys("exit 0");
  }

  @Test
  void a_parallel_subtest_goes_on_after_its_parent_returned_and_the_parent_ends_after_it() {
    SimulationResult r = simulate("ordering_test.go");
    assertThat(r.findings()).isEmpty();
    assertThat(r.printedValues().keySet()).isNotEmpty().allSatisfy(out -> assertThat(out).containsSubsequence(
        "t.Run returned true before = 10", "t.Run returned true before = 11", "parent function returns",
        "cleanup sees 25 26", "--- PASS: TestOrdering (0.00s)", "PASS"));
    // both orders of the two subtests' reports occur: they run concurrently
    assertThat(r.printedValues().keySet()).anyMatch(out -> out.indexOf("TestOrdering/sub0") < out.indexOf("TestOrdering/sub1"))
        .anyMatch(out -> out.indexOf("TestOrdering/sub1") < out.indexOf("TestOrdering/sub0"));
  }

  @Test
  void top_level_parallel_tests_pause_until_the_sequential_ones_ran_then_race_with_each_other() {
    SimulationResult r = simulate("toplevel_test.go");
    assertThat(kinds(r)).containsExactly(SimulationResult.Kind.DATA_RACE);
    assertThat(r.findings().get(0).report()).contains("probe.TestA()", "probe.TestB()");
    Machine m = GoSources.runOnce(GoSources.resource("parallel/toplevel_test.go"), "toplevel_test.go", 3);
    assertThat(m.out.toString()).containsSubsequence("=== RUN   TestA", "=== PAUSE TestA", "=== RUN   TestSequential",
        "sequential test runs while A is paused", "--- PASS: TestSequential", "=== RUN   TestB", "=== PAUSE TestB",
        "=== CONT  ", "=== CONT  ", "PASS\n");
  }

  @Test
  void fatal_and_skip_end_only_their_parallel_subtest_and_the_parent_fails() {
    SimulationResult r = simulate("fatal_skip_test.go");
    assertThat(r.findings()).isEmpty();
    assertThat(r.outcomeCounts()).containsOnlyKeys("exit 1");
    Machine m = GoSources.runOnce(GoSources.resource("parallel/fatal_skip_test.go"), "fatal_skip_test.go", 1);
    assertThat(m.out.toString()).contains("t.Run results: true true true", "third subtest runs",
            "    --- FAIL: TestParent/fails (0.00s)\n        fatal_skip_test.go:13: stop here\n",
            "    --- SKIP: TestParent/skips (0.00s)\n        fatal_skip_test.go:18: not today\n",
            "    --- PASS: TestParent/passes (0.00s)", "--- FAIL: TestParent (0.00s)", "the next test runs")
        .doesNotContain("not reached").endsWith("FAIL\n");
    assertThat(m.out.toString().indexOf("--- FAIL: TestParent (0.00s)")).isLessThan(m.out.toString().indexOf("=== RUN   TestAfter"));
  }

  @Test
  void at_most_gomaxprocs_parallel_subtests_run_at_once() {
    SimulationResult r = simulate("limit_test.go");
    assertThat(kinds(r)).containsExactly(SimulationResult.Kind.DEADLOCK);
    assertThat(r.outcomeCounts()).containsOnlyKeys("panic: test timed out after 10m0s");
  }

  @Test
  void parallel_subtests_run_on_goroutines_of_their_own() {
    Machine m = GoSources.runOnce(GoSources.resource("parallel/racy_map_test.go"), "racy_map_test.go", 1);
    assertThat(m.counts.stream().mapToInt(Machine.CountPoint::goroutines).max().orElse(0)).isGreaterThanOrEqualTo(3);
  }
}
