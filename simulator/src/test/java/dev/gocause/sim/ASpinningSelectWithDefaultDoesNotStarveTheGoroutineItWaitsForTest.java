package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.SimulationRequest.Strategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A goroutine that polls a channel in a loop with {@code select { case <-done: ... default: }} never blocks, yet Go
 * 1.19 always finishes the program: the goroutine it waits for runs on another P, and a goroutine running for 10ms is
 * preempted. Checked with go1.19 {@code go run} and {@code go run -race}, three times each: the program below prints
 * "100 true" every time. PCT's fixed priorities used to let the spinner run alone until the step limit (about one
 * schedule in five ended in {@code LIMIT steps}).
 */
class ASpinningSelectWithDefaultDoesNotStarveTheGoroutineItWaitsForTest {

  private static final String SRC = GoSources.snippetMain("""
      done := make(chan struct{})
      var mu sync.Mutex
      processed := 0
      go func() {
        for i := 0; i < 100; i++ {
          mu.Lock()
          processed++
          mu.Unlock()
        }
        close(done)
      }()
      spins := 0
      loop:
      for {
        select {
        case <-done:
          break loop
        default:
          spins++
        }
      }
      mu.Lock()
      fmt.Println(processed, spins >= 0)
      mu.Unlock()""");

  @Test
  void every_pct_schedule_finishes_as_go_does() {
    SimulationResult r = Simulator.simulate(SimulationRequest.of(SRC, "spin.go").withStrategy(Strategy.PCT)
        .withSchedules(200).withBudget(Duration.ofSeconds(60)));
    assertThat(r.limitHits()).as(TextRenderer.render(r, false)).isEmpty();
    assertThat(r.findings()).as(TextRenderer.render(r, false)).isEmpty();
    assertThat(r.printedValues()).containsOnlyKeys("100 true");
  }
}
