package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import org.junit.jupiter.api.Test;

/**
 * func TestMain(m *testing.M): go test calls it instead of the tests; m.Run runs them and returns 0 or 1, the code
 * around it (setup, teardown) runs, os.Exit(code) ends the run (the leak check still looks at what is left, as for
 * a test file without TestMain), and a TestMain that returns exits with m.Run's code. goleak.VerifyTestMain(m) runs
 * the tests and then the leak check. Programs in go/testmain/; Go 1.19's {@code go test -race -v} agrees on racy_main
 * (DATA RACE, with setup and teardown printed), clean_main (the same lines, exit 0), failing_main
 * ({@code m.Run returned 1}, FAIL) and deadlock_main (test timed out); goleak itself is not installed here.
 */
class TestMainRunsTheTestsThroughMRunTest {
  private static SimulationResult simulate(String name) {
    return GoSources.simulate(GoSources.resource("testmain/" + name), name, 100);
  }

  @Test
  void a_race_inside_a_test_run_by_test_main_is_found() {
    SimulationResult r = simulate("racy_main_test.go");
    assertThat(r.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DATA_RACE));
    assertThat(r.findings().get(0).report()).contains("probe.TestCounter.func1()", "racy_main_test.go:25");
  }

  @Test
  void setup_and_teardown_run_around_m_run_and_os_exit_ends_with_its_code() {
    SimulationResult r = simulate("clean_main_test.go");
    assertThat(r.findings()).isEmpty();
    assertThat(r.outcomeCounts()).containsOnlyKeys("exit 0");
    assertThat(r.printedValues()).containsOnlyKeys(
        "setup: ready\n=== RUN   TestCounter\n--- PASS: TestCounter (0.00s)\nPASS\nteardown, m.Run returned 0");
  }

  @Test
  void m_run_returns_1_when_a_test_failed_and_returning_from_test_main_exits_with_it() {
    Machine m = GoSources.runOnce(GoSources.resource("testmain/failing_main_test.go"), "failing_main_test.go", 1);
    assertThat(m.out.toString()).containsSubsequence("--- FAIL: TestFails (0.00s)", "--- PASS: TestPasses (0.00s)", "FAIL\n",
        "m.Run returned 1\n");
    assertThat(m.outcome).isEqualTo(Machine.Outcome.OK);
    assertThat(m.exitCode).isEqualTo(1);
  }

  @Test
  void a_test_blocked_forever_under_test_main_times_out() {
    SimulationResult r = simulate("deadlock_main_test.go");
    assertThat(r.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DEADLOCK));
    assertThat(r.findings().get(0).report()).contains("panic: test timed out after 10m0s", "probe.TestStuck(...)");
  }

  @Test
  void goleak_verify_test_main_runs_the_tests_then_reports_the_goroutines_left() {
    SimulationResult leaky = simulate("goleak_main_test.go");
    assertThat(leaky.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.kind()).isEqualTo(SimulationResult.Kind.LEAK));
    assertThat(leaky.findings().get(0).report()).contains("found unexpected goroutines", "probe.TestLeaks.func1");
    SimulationResult clean = simulate("goleak_clean_main_test.go");
    assertThat(clean.findings()).isEmpty();
    assertThat(clean.printedValues()).containsOnlyKeys("=== RUN   TestNoLeak\n--- PASS: TestNoLeak (0.00s)\nPASS");
  }

  @Test
  void test_main_is_not_run_as_a_test() {
    Machine m = GoSources.runOnce(GoSources.resource("testmain/clean_main_test.go"), "clean_main_test.go", 1);
    assertThat(m.out.toString()).doesNotContain("=== RUN   TestMain");
  }
}
