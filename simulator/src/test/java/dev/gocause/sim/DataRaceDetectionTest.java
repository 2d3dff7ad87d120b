package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Races are found by happens-before, so every schedule of the racy counter reports one; synchronized versions stay clean. */
class DataRaceDetectionTest {

  @Test
  void the_racy_counter_is_reported_in_the_race_detectors_layout() {
    SimulationResult r = GoSources.simulate(GoSources.resource("racy_counter.go"), "/src/racy_counter.go", 100);
    assertThat(r.findings()).hasSize(1);
    SimulationResult.Finding f = r.findings().get(0);
    assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DATA_RACE);
    assertThat(f.occurrences()).isEqualTo(100);
    assertThat(f.report()).startsWith("==================\nWARNING: DATA RACE\n")
        .containsPattern("(Read|Write) at 0x[0-9a-f]{12} by goroutine \\d:\n  main.increment\\(\\)\n      /src/racy_counter.go:13 \\+0x")
        .containsPattern("Previous (read|write) at 0x[0-9a-f]{12} by goroutine \\d:")
        .containsPattern("Goroutine \\d \\((running|finished)\\) created at:\n  main.main\\(\\)\n      /src/racy_counter.go:2[01] \\+0x");
    // lost updates show up in the printed values
    assertThat(r.printedValues().keySet()).contains("Final counter: 2000").anyMatch(k -> !k.equals("Final counter: 2000"));
  }

  @Test
  void the_mutex_version_is_clean() {
    SimulationResult r = GoSources.simulate(GoSources.resource("mutex_counter.go"), "m.go", 100);
    assertThat(r.findings()).isEmpty();
    assertThat(r.printedValues()).containsOnlyKeys("Final counter: 150");
  }

  @Test
  void the_atomic_version_is_clean() {
    SimulationResult r = GoSources.simulate(GoSources.resource("atomic_counter.go"), "a.go", 100);
    assertThat(r.findings()).isEmpty();
    assertThat(r.printedValues()).containsOnlyKeys("Final counter: 150 300");
  }

  @Test
  void the_channel_version_is_clean() {
    SimulationResult r = GoSources.simulate(GoSources.resource("channel_counter.go"), "c.go", 100);
    assertThat(r.findings()).isEmpty();
    assertThat(r.printedValues()).containsOnlyKeys("Final counter: 30");
  }

  @Test
  void a_buffered_channel_used_as_a_semaphore_orders_the_critical_sections() {
    String src = GoSources.snippetMain("sem := make(chan struct{}, 1)\nx := 0\nvar wg sync.WaitGroup\nfor i := 0; i < 3; i++ {\n"
        + "  wg.Add(1)\n  go func() {\n    defer wg.Done()\n    sem <- struct{}{}\n    x++\n    <-sem\n  }()\n}\nwg.Wait()\nfmt.Println(x)");
    SimulationResult r = GoSources.simulate(src, "sem.go", 100);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void a_write_before_the_go_statement_does_not_race_with_the_goroutine() {
    String src = GoSources.snippetMain("x := 1\ndone := make(chan bool)\ngo func() { x++; done <- true }()\n<-done\nfmt.Println(x)");
    assertThat(GoSources.simulate(src, "hb.go", 50).findings()).isEmpty();
  }
}
