package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** select fairness, virtual time, replay. */
class SchedulingAndTimeTest {

  @Test
  void select_picks_uniformly_among_ready_cases() {
    String src = GoSources.snippetMain("a := make(chan int, 1)\nb := make(chan int, 1)\nna, nb := 0, 0\n"
        + "for i := 0; i < 4000; i++ {\n  a <- 1\n  b <- 1\n  select {\n  case <-a:\n    na++\n    <-b\n  case <-b:\n    nb++\n    <-a\n  }\n}\nfmt.Println(na, nb)");
    Machine m = GoSources.runOnce(src, "sel.go", 5);
    String[] parts = m.out.toString().strip().split(" ");
    int na = Integer.parseInt(parts[0]);
    assertThat(na + Integer.parseInt(parts[1])).isEqualTo(4000);
    assertThat(na).isBetween(1800, 2200);
  }

  @Test
  void sleeping_an_hour_takes_no_wall_clock_time_and_advances_virtual_time() {
    String src = GoSources.snippetMain("start := time.Now()\ntime.Sleep(time.Hour)\nfmt.Println(time.Since(start))");
    long t0 = System.nanoTime();
    Machine m = GoSources.runOnce(src, "t.go", 1);
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000);
    assertThat(m.out.toString()).isEqualTo("1h0m0s\n");
    assertThat(m.now).isEqualTo(3_600_000_000_000L);
  }

  @Test
  void timeouts_fire_in_virtual_time_order() {
    String src = GoSources.snippetMain("ch := make(chan int)\ngo func() { time.Sleep(2 * time.Second); ch <- 1 }()\n"
        + "select {\ncase <-ch:\n  fmt.Println(\"value\")\ncase <-time.After(time.Second):\n  fmt.Println(\"timeout\")\n}");
    SimulationResult r = GoSources.simulate(src, "to.go", 20);
    assertThat(r.printedValues()).containsOnlyKeys("timeout");
    assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(SimulationResult.Kind.LEAK));
  }

  @Test
  void the_same_seed_replays_the_same_timeline() {
    String src = GoSources.resource("racy_counter.go");
    SimulationRequest req = SimulationRequest.of(src, "racy.go").withSchedules(1).withSeed(42).withBudget(Duration.ofSeconds(30));
    SimulationResult a = Simulator.simulate(req);
    SimulationResult b = Simulator.simulate(req);
    assertThat(a.findings().get(0).timeline()).isNotEmpty().isEqualTo(b.findings().get(0).timeline());
    assertThat(a.printedValues()).isEqualTo(b.printedValues());
  }

  @Test
  void a_finding_replays_from_its_seed_alone() {
    String src = GoSources.resource("racy_counter.go");
    SimulationResult many = Simulator.simulate(SimulationRequest.of(src, "racy.go").withSchedules(30).withSeed(100));
    // pick a schedule with a lost update and replay it by seed
    SimulationResult.Finding f = many.findings().get(0);
    SimulationResult one = Simulator.simulate(SimulationRequest.of(src, "racy.go").withSchedules(1).withSeed(f.replaySeed()));
    assertThat(one.findings().get(0).timeline()).isEqualTo(f.timeline());
  }

  @Test
  void ten_thousand_goroutines_run_and_their_count_is_tracked_over_virtual_time() {
    String src = GoSources.snippetMain("var wg sync.WaitGroup\nfor i := 0; i < 10000; i++ {\n  wg.Add(1)\n"
        + "  go func() { defer wg.Done(); time.Sleep(time.Second) }()\n}\nwg.Wait()\nfmt.Println(\"done\")");
    long t0 = System.nanoTime();
    Machine m = GoSources.runOnce(src, "spawn.go", 1);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(m.out.toString()).isEqualTo("done\n");
    assertThat(m.counts.stream().mapToInt(Machine.CountPoint::goroutines).max().orElse(0)).isEqualTo(10001);
    assertThat(ms).as("10,000 goroutines in %d ms", ms).isLessThan(10_000);
  }
}
