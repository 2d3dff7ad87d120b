package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * runtime.Goexit on main's goroutine runs its deferred calls and ends that goroutine only: the others go on, and once
 * none is left Go 1.19 ends with "fatal error: no goroutines (main called runtime.Goexit) - deadlock!" (exit 2). Checked
 * with go1.19.8 {@code go run}: the snippet below prints "deferred", "worker done", then that error.
 */
class MainCallingGoexitEndsInGosDeadlockErrorTest {

  @Test
  void the_other_goroutines_finish_and_then_go_reports_no_goroutines() {
    String src = GoSources.snippetMain("""
        go func() {
          time.Sleep(time.Millisecond)
          fmt.Println("worker done")
        }()
        defer fmt.Println("deferred")
        runtime.Goexit()""").replace("\"sync\"\n", "\"sync\"\n\t\"runtime\"\n");
    SimulationResult r = GoSources.simulate(src, "goexit.go", 50);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DEADLOCK);
      assertThat(f.message()).isEqualTo("fatal error: no goroutines (main called runtime.Goexit) - deadlock!");
    });
    assertThat(r.printedValues()).containsKey("deferred\nworker done");
  }
}
