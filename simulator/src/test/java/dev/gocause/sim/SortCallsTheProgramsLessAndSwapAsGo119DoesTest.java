package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import org.junit.jupiter.api.Test;

/**
 * sort.Sort, Stable, Slice, SliceStable, Search and the IntSlice/StringSlice/Reverse types run Go 1.19's algorithms
 * through the program's own Len/Less/Swap: equal elements end in Go's order and Less/Swap are called as often.
 */
class SortCallsTheProgramsLessAndSwapAsGo119DoesTest {

  @Test
  void sorting_user_types_slices_and_library_slice_types_prints_what_go_printed() {
    Machine m = GoSources.runOnce(GoSources.resource("library/sort_members.go"), "sort_members.go", 1);
    assertThat(m.outcome).as("%s", m.crash).isEqualTo(Machine.Outcome.OK);
    assertThat(m.out.toString()).isEqualTo(GoSources.resource("library/sort_members.out"));
  }

  @Test
  void a_race_inside_a_program_s_less_method_is_reported() {
    String src = """
        package main

        import (
        \t"fmt"
        \t"sort"
        )

        type byLen struct {
        \ts     []string
        \tcalls *int
        }

        func (b byLen) Len() int           { return len(b.s) }
        func (b byLen) Less(i, j int) bool { *b.calls++; return len(b.s[i]) < len(b.s[j]) }
        func (b byLen) Swap(i, j int)      { b.s[i], b.s[j] = b.s[j], b.s[i] }

        func main() {
        \tcalls := 0
        \tdone := make(chan bool)
        \tgo func() {
        \t\tsort.Sort(byLen{[]string{"ccc", "a", "bb"}, &calls})
        \t\tdone <- true
        \t}()
        \tcalls = 100
        \t<-done
        \tfmt.Println(calls)
        }
        """;
    SimulationResult r = GoSources.simulate(src, "sortrace.go", 50);
    assertThat(r.findings()).extracting(SimulationResult.Finding::kind).contains(SimulationResult.Kind.DATA_RACE);
  }
}
