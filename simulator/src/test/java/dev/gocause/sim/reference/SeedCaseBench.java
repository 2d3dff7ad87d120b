package dev.gocause.sim.reference;

import dev.gocause.sim.SimulationRequest;
import dev.gocause.sim.SimulationResult;
import dev.gocause.sim.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Speed figures for the seed's cases (a benchmark, not a test): for every buggy case, how long the
 * default exploration takes to find its bug, and for every fixed case how long the full default
 * bound takes. Exploration is deterministic, so a run of k schedules is a prefix of a run of
 * 1000; the time reported for a bug is that of the smallest power-of-two prefix that finds it
 * (an upper bound on the time to find). Run from the repository root:
 * {@code java -cp simulator/target/classes:simulator/target/test-classes:$(cat cp.txt) dev.gocause.sim.reference.SeedCaseBench}
 */
public final class SeedCaseBench {
  public static void main(String[] args) throws Exception {
    Path dir = CaseCatalog.casesDir();
    // warm the JIT on one case so the first row does not pay for it
    String warm = Files.readString(dir.resolve("racy-counter/buggy.go"));
    Simulator.simulate(SimulationRequest.of(warm, "warm.go").withSchedules(200));

    System.out.println("| case | expected | found | schedules to find (≤) | time to find (≤) ms | full default run ms |");
    System.out.println("|---|---|---|---|---|---|");
    long worst = 0;
    for (CaseCatalog.Case c : CaseCatalog.load()) {
      String src = Files.readString(dir.resolve(c.file()));
      SimulationRequest req = SimulationRequest.of(src, c.file());
      SimulationResult full = Simulator.simulate(req);
      String found = full.clean() ? "CLEAN" : full.findings().get(0).kind().label;
      String toFind = "-";
      String schedules = "-";
      if (!full.clean()) {
        for (int k = 1; k <= 1024; k *= 2) {
          SimulationResult r = Simulator.simulate(req.withSchedules(k));
          if (!r.clean()) {
            toFind = Long.toString(r.elapsedMillis());
            schedules = Integer.toString(k);
            worst = Math.max(worst, r.elapsedMillis());
            break;
          }
        }
      }
      System.out.printf("| %s | %s | %s | %s | %s | %d |%n", c.id(), c.expected(), found, schedules, toFind, full.elapsedMillis());
    }
    System.out.printf("%nslowest time to find a bug: %d ms%n", worst);
  }
}
