package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The wall-clock budget stops the exploration also in the middle of a schedule: that schedule ends as {@code LIMIT
 * time}, never as a finding, and what was found before stays (no thread is used, so none is left running).
 */
class TheBudgetEndsARunningScheduleTest {
  /** Busy forever: only a step bound or the budget ends it; the step bound is set far beyond the budget. */
  static final String SPIN = "package main\n\nfunc main() {\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n";

  @Test
  void a_schedule_still_running_at_the_budget_ends_as_a_time_limit_not_a_finding() {
    SimulationResult r = Simulator.simulate(SimulationRequest.of(SPIN, "spin.go").withMaxSteps(Long.MAX_VALUE / 2)
        .withBudget(Duration.ofMillis(50)));
    assertThat(r.findings()).isEmpty();
    assertThat(r.schedulesFinished()).isZero();
    assertThat(r.outcomeCounts()).containsOnlyKeys("LIMIT time");
    assertThat(TextRenderer.render(r, false)).startsWith("LIMIT time: the wall-clock budget (50 ms) ran out while this schedule ran")
        .contains("--budget");
  }

  @Test
  void a_finding_made_before_the_budget_ran_out_is_kept_with_its_replay() {
    String deadlock = "package main\n\nfunc main() {\n\tch := make(chan int)\n\tch <- 1\n}\n";
    SimulationResult r = Simulator.simulate(SimulationRequest.of(deadlock, "d.go").withBudget(Duration.ofMillis(200)));
    assertThat(r.findings()).hasSize(1);
    assertThat(r.findings().get(0).kind()).isEqualTo(SimulationResult.Kind.DEADLOCK);
    assertThat(r.findings().get(0).replaySeed()).isPositive();
  }

  /** A ticker read forever: virtual time advances tick by tick; only a step bound or the budget ends it. */
  static final String TICKING_FOREVER = "package main\n\nimport \"time\"\n\nfunc main() {\n\tt := time.NewTicker(time.Millisecond)\n"
      + "\tdefer t.Stop()\n\tfor range t.C {\n\t}\n}\n";

  @Test
  void a_ticker_read_forever_ends_at_the_step_bound_or_the_budget() {
    SimulationResult bySteps = Simulator.simulate(SimulationRequest.of(TICKING_FOREVER, "tick.go").withSchedules(2).withMaxSteps(10_000)
        .withBudget(Duration.ofMinutes(2)));
    assertThat(bySteps.findings()).isEmpty();
    assertThat(bySteps.outcomeCounts()).containsOnlyKeys("LIMIT steps");
    SimulationResult byTime = Simulator.simulate(SimulationRequest.of(TICKING_FOREVER, "tick.go").withSchedules(2).withMaxSteps(Long.MAX_VALUE / 2)
        .withBudget(Duration.ofMillis(50)));
    assertThat(byTime.findings()).isEmpty();
    assertThat(byTime.outcomeCounts()).containsOnlyKeys("LIMIT time");
  }

  /**
   * Every goroutine blocked beside a ticker nobody reads: Go hangs (a live timer: no deadlock report). No pending
   * timer can wake anyone, so the schedule ends at once as that hang, not at a limit (it used to tick to the bound).
   */
  static final String TICKING_HANG = "package main\n\nimport \"time\"\n\nfunc main() {\n\tt := time.NewTicker(time.Millisecond)\n"
      + "\tdefer t.Stop()\n\tblock := make(chan int)\n\t<-block\n}\n";

  @Test
  void a_ticker_nobody_reads_beside_blocked_goroutines_is_a_hang_found_before_any_limit() {
    SimulationResult r = Simulator.simulate(SimulationRequest.of(TICKING_HANG, "tick.go").withSchedules(2).withMaxSteps(Long.MAX_VALUE / 2)
        .withBudget(Duration.ofMinutes(2)));
    assertThat(r.limitHits()).isEmpty();
    assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.message()).startsWith("program did not finish"));
  }
}
