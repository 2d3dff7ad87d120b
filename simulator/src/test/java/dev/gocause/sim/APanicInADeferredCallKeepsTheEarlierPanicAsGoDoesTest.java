package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Go keeps a list of panics per goroutine: a panic raised while a deferred call run by an earlier panic is still
 * running is printed after the earlier one ("panic: first" then a tab and "panic: second", a recovered one marked
 * "[recovered]"), and a panic recovered inside such a deferred call (a helper with its own recover) leaves the earlier
 * panic going. Every expected text below is what go1.19 {@code go run} printed for the same program.
 */
class APanicInADeferredCallKeepsTheEarlierPanicAsGoDoesTest {

  private static SimulationResult.Finding onlyPanic(String body, String helpers) {
    String src = GoSources.snippetMain(body) + helpers;
    SimulationResult r = GoSources.simulate(src, "panics.go", 1);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo(SimulationResult.Kind.PANIC));
    return r.findings().get(0);
  }

  @Test
  void a_helper_that_recovers_its_own_panic_inside_a_deferred_call_does_not_swallow_the_outer_one() {
    // go run: "inner recovered: inner", "after safe", then "panic: outer" (exit 2); the simulator used to end CLEAN
    SimulationResult.Finding f = onlyPanic("""
        defer func() {
          safe()
          fmt.Println("after safe")
        }()
        panic("outer")""", """
        func safe() {
          defer func() { fmt.Println("inner recovered:", recover()) }()
          panic("inner")
        }
        """);
    assertThat(f.message()).isEqualTo("panic: outer");
    assertThat(f.report()).startsWith("panic: outer\n\ngoroutine 1 [running]:");
  }

  @Test
  void a_deferred_call_that_panics_while_panicking_prints_both() {
    SimulationResult.Finding f = onlyPanic("""
        defer func() {
          panic(fmt.Sprintf("second"))
        }()
        panic("first")""", "");
    assertThat(f.message()).isEqualTo("panic: first");
    assertThat(f.report()).startsWith("panic: first\n\tpanic: second\n\ngoroutine 1 [running]:");
  }

  @Test
  void a_recovered_panic_raised_again_is_marked_recovered() {
    SimulationResult.Finding f = onlyPanic("""
        defer func() {
          if r := recover(); r != nil {
            fmt.Println("cleanup")
            panic(r)
          }
        }()
        var m map[int]int
        m[1] = 2""", "");
    assertThat(f.report()).startsWith(
        "panic: assignment to entry in nil map [recovered]\n\tpanic: assignment to entry in nil map\n\ngoroutine 1 [running]:");
  }

  @Test
  void a_panic_recovered_by_the_function_whose_deferred_call_raised_it_ends_both() {
    // f returns the error "second", g recovers "outer" after a nested helper recovered "inner"; the worker's re-panic
    // of a nil dereference prints the list and then the signal line once
    SimulationResult.Finding f = onlyPanic("""
        fmt.Println(f())
        g()
        var wg sync.WaitGroup
        wg.Add(1)
        go func() {
          defer wg.Done()
          defer func() {
            if r := recover(); r != nil {
              panic(fmt.Sprint("worker: ", r))
            }
          }()
          var p *struct{ x int }
          fmt.Println(p.x)
        }()
        wg.Wait()""", """
        func f() (err error) {
          defer func() {
            if r := recover(); r != nil {
              err = fmt.Errorf("%v", r)
            }
          }()
          defer func() { panic("second") }()
          panic("first")
        }

        func g() {
          defer func() {
            func() {
              defer func() { recover() }()
              panic("inner")
            }()
            if r := recover(); r != nil {
              fmt.Println("g recovered", r)
            }
          }()
          panic("outer")
        }
        """);
    assertThat(f.report()).startsWith("""
        panic: runtime error: invalid memory address or nil pointer dereference [recovered]
        \tpanic: worker: runtime error: invalid memory address or nil pointer dereference
        [signal SIGSEGV: segmentation violation code=0x1 addr=0x0""");
  }
}
