package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Limits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Steps, goroutines, heap and trace are bounded per schedule: a program that grows without bound ends each schedule
 * with a LIMIT line naming the limit and how to raise it, not with an OutOfMemoryError.
 */
class ResourceLimitsEndSchedulesTest {
  static final String UNBOUNDED_ALLOC = "package main\n\nfunc main() {\n\tvar keep [][]int\n\tfor {\n"
      + "\t\tkeep = append(keep, make([]int, 1<<16))\n\t}\n}\n";
  static final String UNBOUNDED_SPAWN = "package main\n\nimport \"time\"\n\nfunc main() {\n\tfor {\n"
      + "\t\tgo func() { time.Sleep(time.Hour) }()\n\t}\n}\n";

  static SimulationResult simulate(String src, Limits limits) {
    return Simulator.simulate(SimulationRequest.of(src, "grow.go").withSchedules(3).withBudget(Duration.ofMinutes(2)).withLimits(limits));
  }

  @Test
  void a_program_allocating_without_bound_ends_every_schedule_at_the_heap_limit() {
    SimulationResult r = simulate(UNBOUNDED_ALLOC, Limits.DEFAULT);
    assertThat(r.schedulesFinished()).isZero();
    assertThat(r.findings()).isEmpty();
    String text = TextRenderer.render(r, false);
    assertThat(text).startsWith("LIMIT heap: the program allocated more than 512 MiB in one schedule")
        .contains("raise it with --max-heap MIB", "hit in 3/3 schedules").doesNotContain("CLEAN");
  }

  @Test
  void a_program_spawning_goroutines_without_bound_ends_every_schedule_at_the_goroutine_limit() {
    SimulationResult r = simulate(UNBOUNDED_SPAWN, Limits.DEFAULT);
    assertThat(r.schedulesFinished()).isZero();
    assertThat(TextRenderer.render(r, false))
        .startsWith("LIMIT goroutines: more than 10000 goroutines alive at once besides main; raise it with --max-goroutines N");
    assertThat(r.outcomeCounts()).containsOnlyKeys("LIMIT goroutines");
  }

  @Test
  void raising_a_limit_lets_a_bounded_program_finish() {
    // all 50 goroutines are alive at once: they wait until main has started the last one
    String spawn = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\trelease := make(chan struct{})\n"
        + "\tfor i := 0; i < 50; i++ {\n\t\twg.Add(1)\n\t\tgo func() { <-release; wg.Done() }()\n\t}\n\tclose(release)\n\twg.Wait()\n}\n";
    assertThat(TextRenderer.render(simulate(spawn, Limits.DEFAULT.withMaxGoroutines(10)), false)).startsWith("LIMIT goroutines: more than 10 ");
    SimulationResult ok = simulate(spawn, Limits.DEFAULT.withMaxGoroutines(50));
    assertThat(ok.clean()).isTrue();
    assertThat(ok.schedulesFinished()).isEqualTo(3);
  }

  @Test
  void the_replayed_trace_of_a_finding_is_bounded_and_a_small_bound_ends_the_replay_in_limit() {
    String deadlock = "package main\n\nfunc main() {\n\tch := make(chan int)\n\tfor i := 0; i < 100; i++ {\n\t\tgo func() { ch <- 1 }()\n\t}\n"
        + "\tfor i := 0; i < 100; i++ {\n\t\t<-ch\n\t}\n\t<-ch\n}\n";
    SimulationResult r = simulate(deadlock, Limits.DEFAULT.withMaxTraceSteps(50));
    assertThat(r.findings()).isNotEmpty();
    assertThat(r.findings().get(0).timeline()).hasSizeLessThanOrEqualTo(50);
  }

  @Test
  void a_limit_hit_in_some_schedules_is_reported_after_the_verdict_of_the_others() {
    // how many goroutines are alive at once depends on the schedule: with a limit of 2 besides main some schedules hit it
    String src = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 4; i++ {\n"
        + "\t\twg.Add(1)\n\t\tgo func() { defer wg.Done() }()\n\t}\n\twg.Wait()\n}\n";
    SimulationResult r = Simulator.simulate(SimulationRequest.of(src, "some.go").withSchedules(50).withLimits(Limits.DEFAULT.withMaxGoroutines(2)));
    assertThat(r.schedulesFinished()).isBetween(1, 49);
    String text = TextRenderer.render(r, false);
    assertThat(text).startsWith("CLEAN").contains("\nLIMIT goroutines: more than 2 goroutines alive at once");
  }

  @Test
  void a_busy_loop_ends_every_schedule_at_the_step_limit_not_in_a_deadlock() {
    String spin = "package main\n\nvar ready bool\n\nfunc main() {\n\tgo func() {}()\n\tfor !ready {\n\t}\n}\n";
    SimulationResult r = Simulator.simulate(SimulationRequest.of(spin, "spin.go").withSchedules(3).withMaxSteps(2_000));
    assertThat(r.findings()).isEmpty();
    assertThat(r.schedulesFinished()).isZero();
    assertThat(TextRenderer.render(r, false)).startsWith(
        "LIMIT steps: the schedule did not finish within 2000 scheduling steps and 80000 instructions (a long run, a busy loop or a livelock); raise it with --max-steps N")
        .contains("hit in 3/3 schedules");
    SimulationResult raised = Simulator.simulate(SimulationRequest.of(
        "package main\n\nfunc main() {\n\tn := 0\n\tfor i := 0; i < 5000; i++ {\n\t\tgo func() {}()\n\t\tn++\n\t}\n}\n", "long.go")
        .withSchedules(2).withMaxSteps(2_000));
    assertThat(TextRenderer.render(raised, false)).startsWith("LIMIT steps");
    assertThat(Simulator.simulate(SimulationRequest.of(
        "package main\n\nfunc main() {\n\tn := 0\n\tfor i := 0; i < 5000; i++ {\n\t\tgo func() {}()\n\t\tn++\n\t}\n}\n", "long.go")
        .withSchedules(2).withMaxSteps(100_000)).clean()).isTrue();
  }
}
