package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generics (Go 1.18+) are compiled by monomorphization: generic functions with explicit and inferred type arguments,
 * constraints (any, comparable, methods, type sets with ~), generic types with methods on their receiver's type
 * parameters, and atomic.Pointer[T]. Each program's output is what Go 1.19 printed ({@code .out}), each error message
 * what {@code go vet} of Go 1.19 said, and the concurrency verdicts are those of {@code go run -race}.
 */
class GenericFunctionsAndTypesRunAsGo119RunsThemTest {

  private static Machine run(String name) {
    Machine m = GoSources.runOnce(GoSources.resource("generics/" + name + ".go"), name + ".go", 1);
    assertThat(m.outcome).as("%s", m.crash).isEqualTo(Machine.Outcome.OK);
    return m;
  }

  @Test
  void generic_functions_types_constraints_and_atomic_pointer_print_what_go_printed() {
    Machine m = run("functions_and_types");
    assertThat(m.out.toString()).isEqualTo(GoSources.resource("generics/functions_and_types.out"));
  }

  @Test
  void generic_types_in_concurrent_code_aliases_globals_and_recursive_types_print_what_go_printed() {
    Machine m = run("types_in_concurrent_code");
    assertThat(m.out.toString()).isEqualTo(GoSources.resource("generics/types_in_concurrent_code.out"));
  }

  @Test
  void a_generic_cache_whose_method_locks_its_mutex_again_deadlocks() {
    SimulationResult r = GoSources.simulate(GoSources.resource("generics/cache_relock.go"), "cache_relock.go", 100);
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DEADLOCK);
      assertThat(f.report()).contains("fatal error: all goroutines are asleep - deadlock!")
          .contains("main.(*Cache[...]).Get(").contains("main.(*Cache[...]).GetOrPut(");
    });
    assertThat(TextRenderer.render(r, false)).contains("POTENTIAL DEADLOCK (Lock of a Mutex the goroutine already holds)");
  }

  @Test
  void the_cache_that_reads_its_map_under_the_lock_it_holds_is_clean() {
    SimulationResult r = GoSources.simulate(GoSources.resource("generics/cache_relock_fixed.go"), "cache_relock_fixed.go", 200);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
  }

  @Test
  void a_generic_worker_pool_counting_without_a_lock_has_a_data_race_in_its_generic_method() {
    SimulationResult r = GoSources.simulate(GoSources.resource("generics/worker_pool_race.go"), "worker_pool_race.go", 200);
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DATA_RACE);
      assertThat(f.report()).contains("WARNING: DATA RACE").contains("main.(*Pool[...]).Run.func1()")
          .contains("worker_pool_race.go:23");
    });
  }

  @Test
  void a_config_handed_off_through_atomic_pointer_is_race_free() {
    SimulationResult r = GoSources.simulate(GoSources.resource("generics/atomic_pointer_handoff.go"), "atomic_pointer_handoff.go", 200);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
    assertThat(r.outcomeCounts()).containsOnlyKeys("exit 0");
  }

  @Test
  void a_plain_read_of_an_atomic_pointer_racing_with_its_store_is_a_data_race_with_go_s_atomic_frames() {
    SimulationResult r = GoSources.simulate(GoSources.resource("generics/atomic_pointer_plain_read.go"), "atomic_pointer_plain_read.go", 200);
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DATA_RACE);
      assertThat(f.report()).contains("Read at ").contains("by main goroutine")
          .containsPattern("sync/atomic.StoreInt64\\(\\)\\s+\\S*race_amd64.s:237")
          .containsPattern("sync/atomic.StorePointer\\(\\)\\s+\\S*atomic_pointer.go:51");
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '§', textBlock = """
      type set                  § type Number interface{ ~int | ~int64 | ~float64 }\\nfunc Sum[T Number](xs ...T) T { var s T; return s }\\nfunc main() { _ = Sum("a", "b") } § 5:19: string does not implement Number (string missing in ~int | ~int64 | ~float64)
      comparable                § func Index[T comparable](xs []T, x T) int { return -1 }\\nfunc main() { _ = Index([][]int{{1}}, []int{1}) } § 4:19: []int does not implement comparable
      missing method            § type Stringer interface{ String() string }\\nfunc Join[T Stringer](xs []T) string { return \\"\\" }\\nfunc main() { _ = Join([]int{1}) } § 5:19: int does not implement Stringer (missing method String)
      nothing to infer from     § func Zero[T any]() T { var z T; return z }\\nfunc main() { _ = Zero() } § 4:19: cannot infer T (bad.go:3:11)
      untyped defaults disagree § func Max[T int | float64](a, b T) T { return a }\\nfunc main() { _ = Max(2.5, 1) } § 4:28: default type int of 1 does not match inferred type float64 for T
      generic type bare         § type Box[T any] struct{ v T }\\nfunc main() { var b Box; _ = b } § 4:21: cannot use generic type Box[T any] without instantiation
      too many type arguments   § type Box[T any] struct{ v T }\\nfunc main() { _ = Box[int, string]{} } § 4:19: got 2 arguments but 1 type parameters
      too many for a function   § func Id[T any](x T) T { return x }\\nfunc main() { _ = Id[int, int](1) } § 4:27: got 2 type arguments but want 1
      """)
  void generic_code_go_rejects_is_rejected_with_go_s_words(String what, String decls, String message) {
    String src = "package main\n\n" + decls.replace("\\n", "\n").replace("\\\"", "\"") + "\n";
    try {
      Simulator.compile(src, "bad.go", false);
      throw new AssertionError("compiled: " + what);
    } catch (UnsupportedConstructException e) {
      assertThat(e.getMessage()).isEqualTo("bad.go:" + message);
    }
  }
}
