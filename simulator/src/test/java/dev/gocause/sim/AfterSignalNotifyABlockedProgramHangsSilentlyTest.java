package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * signal.Notify starts the goroutine that receives signals; it waits in a system call, so from then on Go's deadlock
 * detector never fires: a program whose goroutines all block prints nothing and hangs (also after signal.Stop).
 * Checked with go1.19.8 {@code go run}: the program below prints "worker" and hangs until killed (6 of 6 runs of a
 * probe with {@code select {}}, and this one); without the two signal lines it ends in "fatal error: all goroutines
 * are asleep - deadlock!".
 */
class AfterSignalNotifyABlockedProgramHangsSilentlyTest {

  private static final String PROGRAM = """
      package main

      import (
      	"fmt"
      	"os"
      	"os/signal"
      )

      func main() {
      	sig := make(chan os.Signal, 1)
      	signal.Notify(sig, os.Interrupt)
      	signal.Stop(sig)
      	done := make(chan bool)
      	go func() { fmt.Println("worker"); done <- true }()
      	<-done
      	<-done
      }
      """;

  @Test
  void a_blocked_program_that_called_notify_hangs_without_gos_deadlock_error() {
    SimulationResult r = GoSources.simulate(PROGRAM, "signal.go", 20);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DEADLOCK);
      assertThat(f.message()).startsWith("program did not finish").doesNotContain("all goroutines are asleep");
      assertThat(f.report()).contains("goroutine 1 [chan receive]:", "signal.go:16");
    });
  }

  @Test
  void without_notify_go_reports_the_deadlock() {
    String src = PROGRAM.replace("\tsignal.Notify(sig, os.Interrupt)\n\tsignal.Stop(sig)\n", "\t_ = sig\n").replace("\t\"os/signal\"\n", "");
    assertThat(src).isNotEqualTo(PROGRAM);
    SimulationResult r = GoSources.simulate(src, "signal.go", 20);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DEADLOCK);
      assertThat(f.message()).isEqualTo("fatal error: all goroutines are asleep - deadlock!");
    });
  }
}
