package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every goroutine blocked and the only pending timers send on channels nobody waits on (a Ticker never stopped nor
 * read): no timer can ever let a goroutine run. Go's deadlock detector stays quiet while a timer is live, so Go hangs
 * (a test until its 10-minute timeout); the simulator reports it at once instead of firing the ticker until the step
 * limit. A timer that can wake something (a waiting receiver, Sleep, AfterFunc, a context deadline) still fires.
 */
class ATimerNobodyWaitsOnDoesNotKeepAHungProgramRunningTest {

  private static final String HUNG_MAIN = """
      package main

      import (
      	"fmt"
      	"time"
      )

      func main() {
      	t := time.NewTicker(time.Hour)
      	_ = t
      	done := make(chan bool)
      	go func() { fmt.Println("worker exits without signalling") }()
      	<-done
      }
      """;

  @Test
  void a_main_program_blocked_beside_an_unread_ticker_ends_as_a_hang_not_as_the_step_limit() {
    SimulationResult r = GoSources.simulate(HUNG_MAIN, "tick.go", 20);
    assertThat(r.limitHits()).isEmpty();
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DEADLOCK);
      assertThat(f.message()).startsWith("program did not finish: every goroutine is blocked and no pending timer can wake one");
      assertThat(f.report()).contains("goroutine 1 [chan receive]:");
      assertThat(f.symptomIds()).startsWith("program-hangs-no-output");
    });
    assertThat(TextRenderer.render(r, false)).startsWith("DEADLOCK program did not finish");
  }

  @Test
  void under_go_test_it_is_the_tests_timeout() {
    String src = """
        package x

        import (
        	"testing"
        	"time"
        )

        func TestHang(t *testing.T) {
        	tk := time.NewTicker(time.Hour)
        	_ = tk
        	done := make(chan bool)
        	<-done
        }
        """;
    SimulationResult r = GoSources.simulate(src, "x_test.go", 10);
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DEADLOCK);
      assertThat(f.message()).isEqualTo("panic: test timed out after 10m0s");
    });
  }

  @Test
  void a_ticker_someone_reads_still_ticks() {
    String src = GoSources.snippetMain("""
        t := time.NewTicker(time.Hour)
        defer t.Stop()
        n := 0
        for range t.C {
        	n++
        	if n == 3 {
        		break
        	}
        }
        fmt.Println("ticks", n)""");
    SimulationResult r = GoSources.simulate(src, "tick.go", 20);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
    assertThat(r.printedValues()).containsOnlyKeys("ticks 3");
  }

  @Test
  void an_after_func_or_a_sleeping_goroutine_beside_an_unread_ticker_still_runs() {
    String src = GoSources.snippetMain("""
        tk := time.NewTicker(time.Minute)
        _ = tk
        done := make(chan bool)
        time.AfterFunc(time.Hour, func() { close(done) })
        go func() { time.Sleep(2 * time.Hour); fmt.Println("slept") }()
        <-done
        time.Sleep(3 * time.Hour)
        fmt.Println("done")""");
    SimulationResult r = GoSources.simulate(src, "tick.go", 20);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
    assertThat(r.printedValues()).containsOnlyKeys("slept\ndone");
  }

  @Test
  void a_select_waiting_on_a_timer_channel_is_woken_by_it() {
    String src = GoSources.snippetMain("""
        tk := time.NewTicker(time.Hour)
        _ = tk
        never := make(chan int)
        select {
        case <-never:
        case <-time.After(time.Minute):
        	fmt.Println("timeout")
        }""");
    SimulationResult r = GoSources.simulate(src, "tick.go", 20);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
    assertThat(r.printedValues()).containsOnlyKeys("timeout");
  }
}
