package dev.gocause.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Speed of the simulator (a benchmark, not a test): schedules per second of thread CPU time on the racy-counter fixed
 * case (3 goroutines × 500 atomic increments), default exploration (random+PCT), after five warm-up rounds.
 *
 * <pre>java -cp simulator/target/classes:simulator/target/test-classes dev.gocause.sim.RacyCounterBench [ROUNDS (7)] [SCHEDULES (1000)]</pre>
 */
public final class RacyCounterBench {
  private RacyCounterBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int schedules = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    Path file = EveryCaseKeepsItsVerdictTest.casesDir().resolve("racy-counter/fixed.go");
    SimulationRequest req = SimulationRequest.of(Files.readString(file), "fixed.go").withSchedules(schedules)
        .withBudget(Duration.ofMinutes(10));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 5; i++) Simulator.simulate(req);
    double[] rates = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long cpu0 = mx.getCurrentThreadCpuTime();
      SimulationResult r = Simulator.simulate(req);
      long cpu = mx.getCurrentThreadCpuTime() - cpu0;
      if (!r.clean()) throw new IllegalStateException("racy-counter/fixed.go is expected clean: " + TextRenderer.render(r, false));
      rates[i] = r.schedulesRun() * 1e9 / cpu;
      System.out.printf("round %d: %d schedules in %.0f ms thread CPU = %.0f schedules/s%n", i + 1, r.schedulesRun(), cpu / 1e6, rates[i]);
    }
    Arrays.sort(rates);
    System.out.printf("racy-counter fixed (3 x 500 atomic increments), %d rounds: min %.0f, median %.0f, max %.0f schedules/s (thread CPU)%n",
        rounds, rates[0], rates[rounds / 2], rates[rounds - 1]);
  }
}
