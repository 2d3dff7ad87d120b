package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import org.junit.jupiter.api.Test;

/**
 * t.Fatal inside t.Run ends the subtest only (t.Run returns false and the parent goes on), and a test that calls
 * runtime.Goexit itself ends the test binary. Go 1.19's {@code go test -v} on go/subtest_fatal_test.go prints
 * {@code subtest ok: false}, {@code second subtest ok: true}, then
 * {@code panic: test executed panic(nil) or runtime.Goexit}; TestAfter never runs.
 */
class SubtestFatalAndGoexitEndWhatGoTestEndsTest {
  @Test
  void fatal_in_a_subtest_ends_the_subtest_and_goexit_in_a_test_ends_the_binary() {
    Machine m = GoSources.runOnce(GoSources.resource("subtest_fatal_test.go"), "subtest_fatal_test.go", 1);
    String out = m.out.toString();
    assertThat(out).contains("--- FAIL: TestParent/fails (0.00s)", "subtest_fatal_test.go:11: stop here",
        "parent goes on, subtest ok: false", "second subtest ok: true", "--- PASS: TestParent/passes (0.00s)")
        .doesNotContain("not reached", "=== RUN   TestAfter");
    assertThat(m.outcome).isEqualTo(Machine.Outcome.PANIC);
    assertThat(m.crash).startsWith("panic: test executed panic(nil) or runtime.Goexit");
  }
}
