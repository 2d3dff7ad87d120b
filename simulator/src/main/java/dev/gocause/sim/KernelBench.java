package dev.gocause.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (not a test): simulates every kernel of {@code kernels.tsv}, buggy and fixed, one after the other on one
 * thread, and prints a TSV row per kernel: whether the listed bug was found, the time to the first finding,
 * schedules run, schedules per second, and whether the fix came out clean. {@code bench.sh} joins it with real Go.
 * A buggy kernel listed as {@code PASS} has a latent bug that go test does not show: it counts as found
 * ({@code lock-order}) when the lock-order analysis reports a potential deadlock, timed to the first schedule that
 * showed it.
 *
 * <pre>java -cp simulator/target/classes dev.gocause.sim.KernelBench seed-data/cases/kernels [SCHEDULES] [BUDGET_SECONDS]</pre>
 */
public final class KernelBench {
  private KernelBench() {}

  private static final Map<String, SimulationResult.Kind> AS_FINDING = Map.of(
      "HANG", SimulationResult.Kind.DEADLOCK, "LEAK", SimulationResult.Kind.LEAK, "RACE", SimulationResult.Kind.DATA_RACE,
      "PANIC", SimulationResult.Kind.PANIC, "FATAL", SimulationResult.Kind.PANIC);

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: KernelBench KERNELS_DIR [SCHEDULES (default 1000)] [BUDGET_SECONDS (default 20)]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int schedules = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int budget = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    List<String[]> rows = Files.readAllLines(dir.resolve("kernels.tsv")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
    // warm the JIT on the first kernel so the first row is not charged for it
    run(dir.resolve(rows.get(0)[0] + "_test.go"), 200, budget);
    System.out.println("kernel\texpected\tsim_first_line\tsim_found\tsim_first_ms\tsim_schedules\tsim_total_ms\tsim_schedules_per_s\tsim_fixed_clean\tsim_potential\tsim_fixed_potential\tlines");
    for (String[] row : rows) {
      Path buggy = dir.resolve(row[0] + "_test.go");
      SimulationResult r = run(buggy, schedules, budget);
      SimulationResult.Kind want = AS_FINDING.get(row[1]);
      boolean latent = row[1].equals("PASS");
      boolean found = latent ? !r.lockOrderCycles().isEmpty() : r.findings().stream().anyMatch(f -> f.kind() == want);
      String first = TextRenderer.render(r, false).lines().findFirst().orElse("");
      first = first.length() > 70 ? first.substring(0, 70) + "…" : first;
      SimulationResult fixed = run(dir.resolve(row[0] + "_fixed_test.go"), schedules, budget);
      long lines = Files.readAllLines(buggy).size();
      System.out.printf("%s\t%s\t%s\t%s\t%d\t%d\t%d\t%.0f\t%s\t%d\t%d\t%d%n", row[0], row[1], first.replace('\t', ' '),
          !found ? "no" : latent ? "lock-order" : "yes", latent ? r.firstPotentialMillis() : r.firstFindingMillis(), r.schedulesRun(), r.elapsedMillis(), r.schedulesRun() * 1000.0 / Math.max(1, r.elapsedMillis()),
          fixed.clean() ? "yes" : "no", r.lockOrderCycles().size(), fixed.lockOrderCycles().size(), lines);
    }
  }

  private static SimulationResult run(Path file, int schedules, int budgetSeconds) throws IOException {
    return Simulator.simulate(SimulationRequest.of(Files.readString(file), file.getFileName().toString())
        .withSchedules(schedules).withBudget(Duration.ofSeconds(budgetSeconds)));
  }
}
