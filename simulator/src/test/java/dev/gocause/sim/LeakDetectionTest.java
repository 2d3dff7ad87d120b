package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Goroutines still alive when main returns are listed like goleak does. */
class LeakDetectionTest {

  @Test
  void a_sender_nobody_receives_from_is_listed_in_state_chan_send() {
    String src = "package main\n\nimport \"fmt\"\n\nfunc worker(out chan int) {\n\tout <- 42\n}\n\nfunc main() {\n"
        + "\tout := make(chan int)\n\tgo worker(out)\n\tfmt.Println(\"bye\")\n}\n";
    SimulationResult r = GoSources.simulate(src, "/x/leak.go", 50);
    assertThat(r.findings()).hasSize(1);
    SimulationResult.Finding f = r.findings().get(0);
    assertThat(f.kind()).isEqualTo(SimulationResult.Kind.LEAK);
    assertThat(f.report()).startsWith("found unexpected goroutines:\n")
        .contains("[Goroutine 2 in state chan send, with main.worker on top of the stack:\ngoroutine 2 [chan send]:\nmain.worker(...)\n\t/x/leak.go:6 +0x");
    assertThat(f.symptomIds()).contains("goleak-unexpected-goroutines", "goroutines-blocked-chan-send");
  }

  @Test
  void a_goroutine_that_finishes_shortly_after_main_is_not_a_leak() {
    String src = GoSources.snippetMain("done := make(chan bool)\ngo func() {\n  done <- true\n  fmt.Print(\"\")\n}()\n<-done");
    assertThat(GoSources.simulate(src, "ok.go", 100).findings()).isEmpty();
  }

  @Test
  void a_goroutine_still_sleeping_for_an_hour_is_a_leak() {
    String src = GoSources.snippetMain("go func() { time.Sleep(time.Hour) }()\ntime.Sleep(time.Millisecond)");
    SimulationResult r = GoSources.simulate(src, "sleep.go", 10);
    assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.report()).contains("in state sleep"));
  }
}
