package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * sync.WaitGroup.Wait, woken by the counter reaching 0, checks the state once it runs again: a WaitGroup used again by
 * then (an Add, or another Wait blocked) makes it panic "sync: WaitGroup is reused before previous Wait has returned"
 * (sync/waitgroup.go:141 in Go 1.19). Checked with go1.19.8 on the first program below: {@code go run} panics so in
 * 20 of 20 runs, in goroutine 4 at line 13 (the watcher's Wait); {@code go run -race} first reports the race of
 * the Add at line 18 with that Wait at line 13 (10 of 10 runs), then panics.
 */
class AWaitGroupReusedBeforeItsWaitReturnedPanicsAsInGoTest {

  private static final String PROGRAM = """
      package main

      import (
      	"fmt"
      	"sync"
      	"time"
      )

      func main() {
      	var wg sync.WaitGroup
      	wg.Add(1)
      	go func() {
      		wg.Wait()
      		fmt.Println("watcher saw the first round end")
      	}()
      	time.Sleep(time.Millisecond)
      	wg.Done()
      	wg.Add(1)
      	time.Sleep(time.Millisecond)
      	wg.Done()
      	wg.Wait()
      	fmt.Println("second round done")
      }
      """;

  @Test
  void an_add_before_the_woken_wait_returned_panics_in_that_wait() {
    SimulationResult r = GoSources.simulate(PROGRAM, "wg_reuse.go", 200);
    String text = TextRenderer.render(r, false);
    assertThat(r.findings()).as(text).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.PANIC);
      assertThat(f.message()).isEqualTo("panic: sync: WaitGroup is reused before previous Wait has returned");
      assertThat(f.report()).contains("main.main.func1(", "wg_reuse.go:13");
    });
    assertThat(r.findings()).as(text).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DATA_RACE);
      assertThat(f.message()).contains("sync.WaitGroup: lines 13 and 18");
    });
  }

  @Test
  void a_wait_that_returned_before_the_next_add_does_not_panic() {
    // the watcher signals that its Wait returned before the WaitGroup is used again (go run -race: clean, 10 runs)
    String src = PROGRAM
        .replace("\tgo func() {\n\t\twg.Wait()\n", "\treturned := make(chan bool)\n\tgo func() {\n\t\twg.Wait()\n\t\tclose(returned)\n")
        .replace("\twg.Done()\n\twg.Add(1)\n", "\twg.Done()\n\t<-returned\n\twg.Add(1)\n");
    assertThat(src).isNotEqualTo(PROGRAM);
    SimulationResult r = GoSources.simulate(src, "wg_reuse.go", 200);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
  }
}
