package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code defer goleak.VerifyNone(t)} at the top of a test, the common way tests use go.uber.org/goleak. Checked with
 * go1.19.8 {@code go test -race -count=5} (GOPATH with goleak): the caller that gives up on ctx.Done() leaves the
 * sender blocked, and every run fails with "found unexpected goroutines: [Goroutine 7 in state chan send, ...]";
 * with a buffered channel the test passes.
 */
class GoleakVerifyNoneReportsTheGoroutinesATestLeavesBehindTest {

  private static final String FETCH = """
      package fetch

      import (
      	"context"
      	"testing"
      	"time"

      	"go.uber.org/goleak"
      )

      func fetch(ctx context.Context) (string, error) {
      	ch := make(chan string)
      	go func() {
      		time.Sleep(50 * time.Millisecond)
      		ch <- "result"
      	}()
      	select {
      	case v := <-ch:
      		return v, nil
      	case <-ctx.Done():
      		return "", ctx.Err()
      	}
      }

      func TestFetchTimeout(t *testing.T) {
      	defer goleak.VerifyNone(t)
      	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
      	defer cancel()
      	if _, err := fetch(ctx); err == nil {
      		t.Fatal("want an error")
      	}
      }
      """;

  @Test
  void the_sender_left_blocked_after_the_timeout_is_a_leak() {
    SimulationResult r = GoSources.simulate(FETCH, "fetch_test.go", 50);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).isNotEmpty().allSatisfy(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.LEAK);
      assertThat(f.message()).contains("found unexpected goroutines");
    });
  }

  @Test
  void a_buffered_channel_lets_the_sender_finish_and_the_test_pass() {
    SimulationResult r = GoSources.simulate(FETCH.replace("make(chan string)", "make(chan string, 1)"), "fetch_test.go", 50);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
  }

  @Test
  void ignore_current_and_ignore_top_function_leave_those_goroutines_out() {
    String src = FETCH.replace("defer goleak.VerifyNone(t)", """
        block := make(chan bool)
        	go func() { <-block }()
        	defer goleak.VerifyNone(t, goleak.IgnoreCurrent(), goleak.IgnoreTopFunction("fetch.fetch.func1"))""");
    SimulationResult r = GoSources.simulate(src, "fetch_test.go", 50);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
  }
}
