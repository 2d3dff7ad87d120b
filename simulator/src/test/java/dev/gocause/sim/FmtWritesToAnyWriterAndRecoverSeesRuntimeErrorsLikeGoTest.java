package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import org.junit.jupiter.api.Test;

/**
 * fmt.Fprint* call the writer's Write (strings.Builder, bytes.Buffer, a program's type) and return its results; %q and
 * %x format slices element by element; runtime panics are runtime.Error values in a recover handler.
 */
class FmtWritesToAnyWriterAndRecoverSeesRuntimeErrorsLikeGoTest {

  @Test
  void writers_verbs_on_slices_and_runtime_errors_print_what_go_printed() {
    Machine m = GoSources.runOnce(GoSources.resource("library/fmt_writers_runtime_error.go"), "fmt_writers_runtime_error.go", 1);
    assertThat(m.outcome).as("%s", m.crash).isEqualTo(Machine.Outcome.OK);
    assertThat(m.out.toString()).isEqualTo(GoSources.resource("library/fmt_writers_runtime_error.out"));
  }

  static final String WRITER = """
      package main

      import (
      \t"fmt"
      \t"sync"
      )

      type sink struct {
      \tmu    sync.Mutex
      \tn     int
      }

      func (s *sink) Write(p []byte) (int, error) {
      \tLOCK
      \ts.n += len(p)
      \tUNLOCK
      \treturn len(p), nil
      }

      func main() {
      \ts := &sink{}
      \tvar wg sync.WaitGroup
      \tfor i := 0; i < 2; i++ {
      \t\twg.Add(1)
      \t\tgo func(i int) {
      \t\t\tdefer wg.Done()
      \t\t\tfmt.Fprintf(s, "worker %d\\n", i)
      \t\t}(i)
      \t}
      \twg.Wait()
      \tfmt.Println(s.n)
      }
      """;

  @Test
  void a_race_inside_the_program_s_write_method_called_by_fprintf_is_reported() {
    SimulationResult r = GoSources.simulate(WRITER.replace("LOCK", "").replace("UN", ""), "w.go", 50);
    assertThat(r.findings()).extracting(SimulationResult.Finding::kind).contains(SimulationResult.Kind.DATA_RACE);
  }

  @Test
  void a_write_method_that_locks_a_mutex_runs_as_go_code_and_is_clean() {
    SimulationResult r = GoSources.simulate(WRITER.replace("UNLOCK", "s.mu.Unlock()").replace("LOCK", "s.mu.Lock()"), "w.go", 100);
    assertThat(r.findings()).isEmpty();
    assertThat(r.printedValues()).containsOnlyKeys("18");
  }
}
