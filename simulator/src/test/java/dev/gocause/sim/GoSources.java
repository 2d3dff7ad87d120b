package dev.gocause.sim;

import dev.gocause.sim.explore.Choosers;
import dev.gocause.sim.vm.Machine;
import dev.gocause.sim.vm.Program;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Test helpers: load Go programs from test resources and run them. */
final class GoSources {
  private GoSources() {}

  static String resource(String name) {
    try (InputStream in = GoSources.class.getResourceAsStream("/go/" + name)) {
      if (in == null) throw new IllegalArgumentException("no test resource go/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One schedule, seeded random. */
  static Machine runOnce(String source, String file, long seed) {
    Program p = Simulator.compile(source, file, false);
    Machine m = new Machine(p, new Choosers.RandomChooser(seed), true, 2_000_000, seed);
    m.run();
    return m;
  }

  static SimulationResult simulate(String source, String file, int schedules) {
    return Simulator.simulate(SimulationRequest.of(source, file).withSchedules(schedules).withBudget(Duration.ofSeconds(30)));
  }

  static String snippetMain(String body) {
    return "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\nvar _ = fmt.Sprint\nvar _ sync.Mutex\nvar _ = time.Second\n\nfunc main() {\n" + body + "\n}\n";
  }
}
