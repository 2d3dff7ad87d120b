package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A program exercising most of the subset prints exactly what Go 1.19 prints. */
class SemanticsMatchRealGoTest {

  @Test
  void the_semantics_program_prints_the_output_captured_from_go_1_19() {
    Machine m = GoSources.runOnce(GoSources.resource("semantics.go"), "semantics.go", 1);
    assertThat(m.outcome).isEqualTo(Machine.Outcome.OK);
    assertThat(m.out.toString()).isEqualTo(GoSources.resource("semantics.out"));
  }

  @Test
  void the_semantics_program_prints_what_the_go_toolchain_on_this_machine_prints() throws Exception {
    boolean hasGo = Files.isExecutable(Path.of("/usr/bin/go"));
    if (!hasGo && "true".equals(System.getenv("CI"))) throw new AssertionError("CI=true but /usr/bin/go is missing");
    Assumptions.assumeTrue(hasGo, "go not installed");
    Path dir = Files.createTempDirectory("gosem");
    Path src = dir.resolve("semantics.go");
    Files.writeString(src, GoSources.resource("semantics.go"));
    Process p = new ProcessBuilder("/usr/bin/go", "run", src.toString()).directory(dir.toFile())
        .redirectErrorStream(true).start();
    String real = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Machine m = GoSources.runOnce(GoSources.resource("semantics.go"), "semantics.go", 7);
    assertThat(m.out.toString()).isEqualTo(real);
  }

  @Test
  void the_concurrency_library_models_print_what_go_1_19_printed_under_every_schedule_tried() {
    String src = GoSources.resource("concurrency_api.go");
    for (long seed = 1; seed <= 20; seed++) {
      Machine m = GoSources.runOnce(src, "concurrency_api.go", seed);
      assertThat(m.outcome).as("seed %d: %s", seed, m.crash).isEqualTo(Machine.Outcome.OK);
      assertThat(m.races).isEmpty();
      assertThat(m.leaks).isEmpty();
      assertThat(m.out.toString()).as("seed %d", seed).isEqualTo(GoSources.resource("concurrency_api.out"));
    }
  }

  @Test
  void embedded_mutexes_pointer_slices_struct_keys_errors_as_and_deferred_prints_match_go_1_19() {
    Machine m = GoSources.runOnce(GoSources.resource("misc.go"), "misc.go", 2);
    assertThat(m.outcome).isEqualTo(Machine.Outcome.OK);
    assertThat(m.out.toString()).isEqualTo(GoSources.resource("misc.out"));
  }

  @Test
  void go_1_21_builtins_and_range_over_int_work() {
    Machine m = GoSources.runOnce("package main\nimport \"fmt\"\nfunc main() {\n"
        + "  for i := range 3 { fmt.Print(i) }\n  fmt.Println(min(3, 1, 2), max(2.5, 1))\n}\n", "r.go", 1);
    assertThat(m.out.toString()).isEqualTo("0121 2.5\n");
  }

  @Test
  void a_snippet_of_statements_runs_as_the_body_of_main() {
    Machine m = GoSources.runOnce("x := 2\nfor i := 0; i < 3; i++ {\n  x *= 2\n}\nfmt.Println(\"x\", x)\n", "snippet.go", 1);
    assertThat(m.out.toString()).isEqualTo("x 16\n");
  }

  @Test
  void loop_variables_are_shared_before_go_1_22_and_per_iteration_with_the_flag() {
    String src = "package main\nimport \"fmt\"\nfunc main() {\n  var fs []func() int\n  for i := 0; i < 3; i++ {\n"
        + "    fs = append(fs, func() int { return i })\n  }\n  for _, f := range fs { fmt.Print(f()) }\n  fmt.Println()\n}\n";
    assertThat(GoSources.runOnce(src, "l.go", 1).out.toString()).isEqualTo("333\n");
    var p = Simulator.compile(src, "l.go", true);
    Machine m = new Machine(p, new dev.gocause.sim.explore.Choosers.RandomChooser(1), false, 100_000, 1);
    m.run();
    assertThat(m.out.toString()).isEqualTo("012\n");
  }
}
