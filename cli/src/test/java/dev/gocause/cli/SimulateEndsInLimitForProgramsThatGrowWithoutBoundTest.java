package dev.gocause.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gocause simulate} on programs that never stop growing: each schedule ends at a resource limit, the output
 * starts with a LIMIT line naming the limit and the option that raises it, the exit status is 2 (no schedule finished),
 * and nothing looks like a Java exception.
 */
class SimulateEndsInLimitForProgramsThatGrowWithoutBoundTest {
  @TempDir Path dir;

  private CommandRun simulate(String source, String... flags) throws Exception {
    Path f = dir.resolve("grow.go");
    Files.writeString(f, source);
    String[] args = new String[flags.length + 1];
    args[0] = f.toString();
    System.arraycopy(flags, 0, args, 1, flags.length);
    return CommandRun.of(new SimulateCommand(), args);
  }

  @Test
  void a_program_allocating_without_bound_ends_in_limit_heap_with_exit_2() throws Exception {
    CommandRun r = simulate("package main\n\nfunc main() {\n\tvar keep [][]int\n\tfor {\n\t\tkeep = append(keep, make([]int, 1<<16))\n\t}\n}\n",
        "--schedules", "2");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.out()).startsWith("LIMIT heap: the program allocated more than 512 MiB").contains("--max-heap");
    assertThat(r.out() + r.err()).doesNotContain("Exception", "\tat ", "CLEAN");
  }

  @Test
  void a_program_spawning_goroutines_without_bound_ends_in_limit_goroutines_with_exit_2() throws Exception {
    CommandRun r = simulate("package main\n\nimport \"time\"\n\nfunc main() {\n\tfor {\n\t\tgo func() { time.Sleep(time.Hour) }()\n\t}\n}\n",
        "--schedules", "2");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.out()).startsWith("LIMIT goroutines: more than 10000 goroutines alive at once besides main; raise it with --max-goroutines N");
    assertThat(r.out() + r.err()).doesNotContain("Exception", "\tat ", "CLEAN");
  }

  @Test
  void the_limit_options_lower_the_bound() throws Exception {
    CommandRun r = simulate("package main\n\nimport \"time\"\n\nfunc main() {\n\tfor {\n\t\tgo func() { time.Sleep(time.Hour) }()\n\t}\n}\n",
        "--schedules", "1", "--max-goroutines", "5");
    assertThat(r.out()).startsWith("LIMIT goroutines: more than 5 goroutines");
  }

  @Test
  void a_busy_loop_ends_in_limit_steps_and_max_steps_sets_the_bound() throws Exception {
    CommandRun r = simulate("package main\n\nvar ready bool\n\nfunc main() {\n\tfor !ready {\n\t}\n}\n", "--schedules", "2", "--max-steps", "1000");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.out()).startsWith("LIMIT steps: the schedule did not finish within 1000 scheduling steps").contains("--max-steps N");
    assertThat(r.out() + r.err()).doesNotContain("Exception", "DEADLOCK", "CLEAN");
  }
}
