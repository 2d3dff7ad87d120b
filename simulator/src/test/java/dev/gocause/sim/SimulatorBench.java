package dev.gocause.sim;

import dev.gocause.sim.explore.Choosers;
import dev.gocause.sim.vm.Machine;
import dev.gocause.sim.vm.Program;
import java.time.Duration;

/**
 * Speed figures (a benchmark, not a test): run with
 * {@code mvn -o -pl simulator test-compile exec:java} or simply
 * {@code java -cp simulator/target/classes:simulator/target/test-classes dev.gocause.sim.SimulatorBench}.
 */
public final class SimulatorBench {
  public static void main(String[] args) {
    String counter = GoSources.resource("racy_counter.go");
    // warm-up, then measure: the full exploration (race detection on, schedules from random+PCT)
    Simulator.simulate(SimulationRequest.of(counter, "racy_counter.go").withSchedules(300));
    for (int round = 0; round < 3; round++) {
      SimulationResult r = Simulator.simulate(SimulationRequest.of(counter, "racy_counter.go").withSchedules(1000).withBudget(Duration.ofMinutes(5)));
      System.out.printf("counter (2 goroutines x 1000 unsynchronized increments): %d schedules in %d ms = %.0f schedules/s%n",
          r.schedulesRun(), r.elapsedMillis(), r.schedulesRun() * 1000.0 / r.elapsedMillis());
    }
    String spawn = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n"
        + "\tfor i := 0; i < 10000; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\ttime.Sleep(time.Second)\n\t\t}()\n\t}\n"
        + "\twg.Wait()\n\tfmt.Println(\"all done\")\n}\n";
    Program p = Simulator.compile(spawn, "spawn.go", false);
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      Machine m = new Machine(p, new Choosers.RandomChooser(round), false, 10_000_000, round);
      m.run();
      System.out.printf("10,000 goroutines spawned, slept 1s (virtual), joined: %d ms (%s, peak %d goroutines)%n",
          (System.nanoTime() - t0) / 1_000_000, m.out.toString().strip(),
          m.counts.stream().mapToInt(Machine.CountPoint::goroutines).max().orElse(0));
    }
  }
}
