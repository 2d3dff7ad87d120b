package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.SimulationRequest.Strategy;
import dev.gocause.sim.SimulationResult.Finding;
import dev.gocause.sim.SimulationResult.Kind;
import dev.gocause.sim.explore.Choosers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * At a scheduling point the clock may advance to the earliest pending deadline while goroutines can still run, so a
 * tiny timeout races with the work it guards (go/time/*.go; Go 1.19 printed both outcomes of each, see
 * reference.TimeoutsRaceInRealGoTest). Random, PCT and DFS all explore it, and a finding replays exactly.
 */
class TimeIsAScheduleChoiceTest {

  private static final String AFTER_1NS = GoSources.resource("time/after_timeout_leak.go");

  private static SimulationResult run(String src, String file, Strategy strategy, int schedules) {
    return Simulator.simulate(SimulationRequest.of(src, file).withStrategy(strategy).withSchedules(schedules).withSeed(1)
        .withBudget(Duration.ofMinutes(2)));
  }

  private static Finding leakOf(SimulationResult r) {
    return r.findings().stream().filter(f -> f.kind() == Kind.LEAK).findFirst()
        .orElseThrow(() -> new AssertionError("no LEAK in\n" + TextRenderer.render(r, false)));
  }

  @ParameterizedTest
  @EnumSource(value = Strategy.class, names = {"RANDOM", "PCT", "DFS"})
  void a_one_nanosecond_time_after_races_with_the_send_it_guards_and_the_timeout_path_leaks_the_sender(Strategy s) {
    SimulationResult r = run(AFTER_1NS, "after.go", s, 300);
    assertThat(r.printedValues()).as("both outcomes, as go run prints them").containsKeys("42 <nil>", "0 timeout");
    Finding leak = leakOf(r);
    assertThat(leak.report()).contains("in state chan send, with main.fetch.func1 on top of the stack");
    assertThat(r.outcomeCounts()).containsKeys("exit 0", "exit 0 + 1 leaked goroutine");
    if (s == Strategy.DFS) assertThat(r.exhaustive()).as(r.bound()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = Strategy.class, names = {"RANDOM", "PCT", "DFS"})
  void the_timeout_path_replays_exactly_from_its_seed_with_the_early_clock_step(Strategy s) {
    Finding leak = leakOf(run(AFTER_1NS, "after.go", s, 300));
    SimulationResult again = Simulator.simulate(SimulationRequest.of(AFTER_1NS, "after.go").withStrategy(s)
        .withSeed(leak.replaySeed()).withSchedules(1));
    Finding replayed = leakOf(again);
    assertThat(replayed.timeline()).isEqualTo(leak.timeline());
    assertThat(replayed.timeline()).anySatisfy(step -> {
      assertThat(step.goroutine()).isZero();
      assertThat(step.what()).isEqualTo("clock advances: timer fires early");
      assertThat(step.source()).contains("time.After(timeout)");
    });
  }

  @ParameterizedTest
  @EnumSource(value = Strategy.class, names = {"RANDOM", "PCT", "DFS"})
  void a_test_whose_context_times_out_after_one_nanosecond_leaks_the_sender_in_some_schedules(Strategy s) {
    SimulationResult r = run(GoSources.resource("time/ctx_timeout_leak_test.go"), "fetch_test.go", s, 300);
    assertThat(leakOf(r).report()).contains("in state chan send");
    assertThat(r.outcomeCounts()).containsKey("exit 0");
  }

  @Test
  void a_one_second_timeout_against_fast_work_fires_first_in_a_few_schedules_and_a_minute_in_none() {
    SimulationResult second = run(AFTER_1NS.replace("fetch(time.Nanosecond)", "fetch(time.Second)"), "after.go", Strategy.MIXED, 2000);
    int timeouts = second.printedValues().getOrDefault("0 timeout", 0);
    assertThat(timeouts).as("schedules in which the 1 s timeout won: %s", second.printedValues()).isBetween(3, 100);
    SimulationResult minute = run(AFTER_1NS.replace("fetch(time.Nanosecond)", "fetch(time.Minute)"), "after.go", Strategy.MIXED, 2000);
    assertThat(minute.printedValues()).containsOnlyKeys("42 <nil>");
    SimulationResult dfsMinute = run(AFTER_1NS.replace("fetch(time.Nanosecond)", "fetch(time.Minute)"), "after.go", Strategy.DFS, 300);
    assertThat(dfsMinute.printedValues()).containsOnlyKeys("42 <nil>");
    assertThat(dfsMinute.exhaustive()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = Strategy.class, names = {"RANDOM", "PCT", "DFS"})
  void timers_that_fire_early_fire_in_deadline_order(Strategy s) {
    SimulationResult r = run(GoSources.resource("time/timers_fire_in_deadline_order.go"), "order.go", s, 300);
    assertThat(r.printedValues()).containsKeys("work first", "1ns, then 2ns").doesNotContainKey("2ns before 1ns");
  }

  @Test
  void the_chance_of_a_stall_halves_per_decade_up_to_a_second_then_falls_a_hundredfold_per_decade() {
    assertThat(Choosers.stallChance(1)).isEqualTo(1.0);
    assertThat(Choosers.stallChance(1_000)).isEqualTo(1.0);
    assertThat(Choosers.stallChance(1_000_000)).isCloseTo(1.0 / 8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Choosers.stallChance(1_000_000_000)).isCloseTo(1.0 / 64, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Choosers.stallChance(10_000_000_000L)).isCloseTo(1.0 / 6400, org.assertj.core.data.Offset.offset(1e-9));
    for (long d : List.of(2_000L, 37_000_000L, 5_000_000_000L, 3_600_000_000_000L)) {
      // the stall drawn from u is the duration whose chance is u: the inverse of stallChance
      assertThat((double) Choosers.stallFor(Choosers.stallChance(d))).isCloseTo(d, org.assertj.core.data.Percentage.withPercentage(0.01));
    }
  }
}
