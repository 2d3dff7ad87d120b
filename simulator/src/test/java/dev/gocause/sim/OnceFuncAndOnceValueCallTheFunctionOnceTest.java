package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * sync.OnceFunc, OnceValue and OnceValues (Go 1.21). Go 1.19, the reference toolchain here, does not have them, so the
 * expected output is what their documentation specifies: f runs once, every call returns its results, a panic of f
 * repeats on every call, and the calls after the first happen after f returned (no race on what f wrote).
 */
class OnceFuncAndOnceValueCallTheFunctionOnceTest {

  @Test
  void every_schedule_prints_what_go_1_21_documents() {
    String src = GoSources.resource("once_func_value_values.go");
    SimulationResult r = Simulator.simulate(SimulationRequest.of(src, "once.go").withSchedules(200).withBudget(Duration.ofMinutes(1)));
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
    assertThat(r.printedValues()).containsOnlyKeys("""
        [42 42 42 42 42] 1
        7 bad input 7 true
        1
        recovered: boom
        recovered: boom""");
  }

  @Test
  void what_the_function_wrote_is_ordered_before_every_later_call_but_a_plain_read_races() {
    String src = GoSources.snippetMain("""
        var cfg map[string]string
        get := sync.OnceValue(func() map[string]string { cfg = map[string]string{"addr": ":80"}; return cfg })
        var wg sync.WaitGroup
        for i := 0; i < 3; i++ {
          wg.Add(1)
          go func() { defer wg.Done(); _ = get()["addr"] }()
        }
        wg.Wait()
        fmt.Println(cfg["addr"])""");
    SimulationResult ordered = Simulator.simulate(SimulationRequest.of(src, "cfg.go").withSchedules(200));
    assertThat(ordered.clean()).as(TextRenderer.render(ordered, false)).isTrue();
    SimulationResult racy = Simulator.simulate(SimulationRequest.of(src.replace("_ = get()[\"addr\"]", "if cfg == nil { get() }"), "cfg.go")
        .withSchedules(200));
    assertThat(racy.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DATA_RACE));
  }

  @Test
  void one_value_needs_a_function_with_one_result() {
    String src = GoSources.snippetMain("f := sync.OnceValue(func() (int, int) { return 1, 2 })\nfmt.Println(f())");
    assertThatThrownBy(() -> Simulator.compile(src, "bad.go", false)).isInstanceOf(UnsupportedConstructException.class)
        .hasMessageContaining("sync.OnceValue, the argument must be a func() with 1 result");
  }
}
