package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bounded exhaustive DFS: finds schedule-specific bugs and says when the bound was exhausted. */
class DfsExplorationTest {

  private static SimulationResult dfs(String src, int schedules, int bound) {
    return Simulator.simulate(SimulationRequest.of(src, "d.go").withStrategy(SimulationRequest.Strategy.DFS)
        .withSchedules(schedules).withDfsPreemptionBound(bound).withBudget(Duration.ofSeconds(60)));
  }

  @Test
  void a_small_clean_program_is_explored_exhaustively() {
    String src = GoSources.snippetMain("var mu sync.Mutex\nx := 0\ndone := make(chan bool)\n"
        + "go func() { mu.Lock(); x++; mu.Unlock(); done <- true }()\nmu.Lock()\nx++\nmu.Unlock()\n<-done\nfmt.Println(x)");
    SimulationResult r = dfs(src, 10_000, 2);
    assertThat(r.exhaustive()).isTrue();
    assertThat(r.findings()).isEmpty();
    assertThat(r.schedulesRun()).isGreaterThan(1);
    assertThat(r.bound()).startsWith("exhaustive DFS");
    assertThat(r.printedValues()).containsOnlyKeys("2");
  }

  @Test
  void dfs_finds_the_interleaving_where_a_check_then_act_deadlocks() {
    // the deadlock needs both goroutines to pass the len check before either sends
    String src = GoSources.snippetMain("q := make(chan int, 1)\nvar wg sync.WaitGroup\nfor i := 0; i < 2; i++ {\n  wg.Add(1)\n"
        + "  go func(v int) {\n    defer wg.Done()\n    if len(q) < cap(q) {\n      q <- v\n    }\n  }(i)\n}\nwg.Wait()");
    SimulationResult r = dfs(src, 10_000, 2);
    assertThat(r.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DEADLOCK));
    assertThat(r.outcomeCounts()).containsKey("exit 0");
  }

  @Test
  void sleep_sets_prune_reorderings_of_independent_steps_without_losing_outcomes() {
    String src = GoSources.snippetMain("var mu sync.Mutex\nx, y := 0, 0\ndone := make(chan bool)\n"
        + "go func() { mu.Lock(); x++; mu.Unlock(); y = 1; done <- true }()\nmu.Lock()\nx++\nmu.Unlock()\n<-done\nfmt.Println(x, y)");
    SimulationResult withPor = dfs(src, 100_000, 2);
    assertThat(withPor.exhaustive()).isTrue();
    assertThat(withPor.printedValues()).containsOnlyKeys("2 1");
    // the same search visits 65 schedules with -Dgocause.sim.noPor=true (measured)
    assertThat(withPor.schedulesRun()).isLessThan(65); // 65 schedules without sleep sets (measured)
  }

  @Test
  void a_replay_seed_from_dfs_reproduces_the_failing_schedule() {
    String src = GoSources.snippetMain("q := make(chan int, 1)\nvar wg sync.WaitGroup\nfor i := 0; i < 2; i++ {\n  wg.Add(1)\n"
        + "  go func(v int) {\n    defer wg.Done()\n    if len(q) < cap(q) {\n      q <- v\n    }\n  }(i)\n}\nwg.Wait()");
    SimulationResult r = dfs(src, 10_000, 2);
    SimulationResult.Finding f = r.findings().get(0);
    SimulationResult again = Simulator.simulate(SimulationRequest.of(src, "d.go").withStrategy(SimulationRequest.Strategy.DFS)
        .withSchedules(1).withSeed(f.replaySeed()).withDfsPreemptionBound(2));
    assertThat(f.timeline()).isNotEmpty();
    assertThat(f.replaySeed()).isGreaterThanOrEqualTo(1);
    assertThat(again.schedulesRun()).isEqualTo(1);
    assertThat(again.findings()).singleElement().satisfies(g -> {
      assertThat(g.kind()).isEqualTo(SimulationResult.Kind.DEADLOCK);
      assertThat(g.replaySeed()).isEqualTo(f.replaySeed());
      assertThat(g.timeline()).isEqualTo(f.timeline());
    });
  }
}
