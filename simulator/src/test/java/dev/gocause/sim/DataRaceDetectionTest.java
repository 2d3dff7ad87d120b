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

  @Test
  void a_whole_struct_assigned_in_place_races_with_a_field_read_through_a_pointer() {
    String src = "package main\nimport \"time\"\ntype S struct{ N int }\nfunc main() {\n  var s S\n  p := &s\n"
        + "  go func() { _ = p.N }()\n  s = S{2}\n  time.Sleep(time.Millisecond)\n}\n";
    SimulationResult r = GoSources.simulate(src, "whole.go", 100);
    assertThat(r.findings()).extracting(SimulationResult.Finding::kind).containsExactly(SimulationResult.Kind.DATA_RACE);
    assertThat(r.findings().get(0).report()).contains("whole.go:8", "whole.go:7");
  }

  @Test
  void fmt_reads_the_struct_it_prints_through_a_pointer() {
    String src = "package main\nimport (\n  \"fmt\"\n  \"time\"\n)\ntype P struct{ N int }\nfunc main() {\n  p := &P{1}\n"
        + "  go func() { fmt.Println(p) }()\n  p.N = 2\n  time.Sleep(time.Millisecond)\n}\n";
    assertThat(GoSources.simulate(src, "print.go", 100).findings()).extracting(SimulationResult.Finding::kind)
        .containsExactly(SimulationResult.Kind.DATA_RACE);
    // printed after the goroutine is waited for: ordered, clean
    String ordered = src.replace("go func() { fmt.Println(p) }()\n  p.N = 2\n  time.Sleep(time.Millisecond)",
        "done := make(chan bool)\n  go func() { fmt.Println(p); done <- true }()\n  <-done\n  p.N = 2");
    assertThat(GoSources.simulate(ordered, "print.go", 100).findings()).isEmpty();
  }

  @Test
  void a_struct_range_variable_handed_out_by_address_is_rewritten_by_the_next_iteration_before_go_1_22() {
    String src = "package main\nimport \"time\"\ntype S struct{ N int }\nfunc main() {\n  xs := []S{{1}, {2}}\n"
        + "  for _, v := range xs {\n    go func(p *S) { _ = p.N }(&v)\n  }\n  time.Sleep(time.Millisecond)\n}\n";
    SimulationResult r = GoSources.simulate(src, "rng.go", 100);
    assertThat(r.findings()).extracting(SimulationResult.Finding::kind).containsExactly(SimulationResult.Kind.DATA_RACE);
    // v := v gives each goroutine its own variable
    assertThat(GoSources.simulate(src.replace("for _, v := range xs {\n", "for _, v := range xs {\n    v := v\n"), "rng.go", 100)
        .findings()).isEmpty();
  }
}
