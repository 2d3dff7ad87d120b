package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A goroutine that loops on a ticker (or sleeps in a poll loop) forever keeps Go's deadlock detector quiet. Checked with
 * go1.19.8: the program below prints nothing and never exits; under go test the test below ends with "panic: test
 * timed out after 3s" at {@code -timeout 3s} (10m0s by default). Both are hangs, not a resource limit.
 */
class AProgramThatRunsOnTimersWhileItWaitsForeverIsAHangTest {

  @Test
  void main_blocked_for_ten_minutes_while_a_ticker_loop_runs_is_a_hang() {
    String src = GoSources.snippetMain("""
        done := make(chan bool)
        go func() {
          t := time.NewTicker(20 * time.Millisecond)
          for range t.C {
          }
          done <- true
        }()
        <-done
        fmt.Println("never")""");
    SimulationResult r = GoSources.simulate(src, "tick.go", 3);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).isNotEmpty().allSatisfy(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DEADLOCK);
      assertThat(f.message()).contains("program did not finish: the main goroutine has been blocked for 10 minutes");
    });
  }

  @Test
  void a_test_that_polls_forever_times_out_after_ten_minutes() {
    String src = """
        package tick

        import (
        	"testing"
        	"time"
        )

        func TestPoll(t *testing.T) {
        	ready := false
        	for !ready {
        		time.Sleep(50 * time.Millisecond)
        	}
        }
        """;
    SimulationResult r = GoSources.simulate(src, "tick_test.go", 3);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).isNotEmpty().allSatisfy(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DEADLOCK);
      assertThat(f.message()).contains("panic: test timed out after 10m0s");
    });
  }

  @Test
  void main_blocked_for_less_than_ten_minutes_is_not_a_hang() {
    String src = GoSources.snippetMain("""
        ch := make(chan int)
        go func() {
          for i := 0; i < 9; i++ {
            time.Sleep(time.Minute)
          }
          ch <- 1
        }()
        time.Sleep(time.Minute)
        <-ch
        fmt.Println("woke")""");
    SimulationResult r = GoSources.simulate(src, "sleep.go", 3);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
  }
}
