package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * WaitGroup misuse the race detector reports (sync/waitgroup.go under -race): the Add that takes the counter from 0
 * reads the WaitGroup's semaphore word and the first Wait that blocks writes it, so an Add inside the goroutine that
 * Wait is meant to wait for is a DATA RACE whenever the Add ran first and Wait then blocked. Checked with go1.19.8
 * {@code go run -race}: the snippet below prints "WARNING: DATA RACE / Write ... by main goroutine ... :16 /
 * Previous read ... by goroutine 7 ... :11" and exits 66.
 */
class AnAddFromZeroRacesWithAWaitItIsNotOrderedWithTest {

  private static final String ADD_INSIDE = GoSources.snippetMain("""
      var wg sync.WaitGroup
      go func() {
        wg.Add(1)
        time.Sleep(10 * time.Millisecond)
        wg.Done()
      }()
      time.Sleep(time.Millisecond)
      wg.Wait()
      fmt.Println("done")""");

  @Test
  void an_add_inside_the_goroutine_races_with_the_wait_that_blocks_on_it() {
    SimulationResult r = GoSources.simulate(ADD_INSIDE, "wg.go", 50);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DATA_RACE);
      assertThat(f.message()).contains("sync.WaitGroup: lines 16 and 21");
    });
  }

  @Test
  void adds_before_the_go_statement_and_a_wait_in_another_goroutine_do_not_race() {
    String src = GoSources.snippetMain("""
        var wg sync.WaitGroup
        done := make(chan bool)
        for i := 0; i < 3; i++ {
          wg.Add(1)
          go func() { defer wg.Done(); time.Sleep(time.Millisecond) }()
        }
        go func() { wg.Wait(); close(done) }()
        <-done
        wg.Add(1)
        go func() { wg.Done() }()
        wg.Wait()
        fmt.Println("ok")""");
    SimulationResult r = GoSources.simulate(src, "wg.go", 200);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
  }
}
