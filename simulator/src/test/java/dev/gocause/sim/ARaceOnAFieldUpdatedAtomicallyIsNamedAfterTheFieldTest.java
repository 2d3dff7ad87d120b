package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A counter field updated with atomic.AddInt64(&s.field, 1) in goroutines and read plainly elsewhere: go1.19.8
 * {@code go run -race} reports the race (Read at ... main.main :19 / Previous write at ... sync/atomic.AddInt64 ...
 * main.main.func1 :15). The finding line names the variable like a plain access of the field would, whichever of the
 * two accesses came second.
 */
class ARaceOnAFieldUpdatedAtomicallyIsNamedAfterTheFieldTest {

  @Test
  void the_finding_names_the_field_not_the_atomic_function() {
    String src = GoSources.snippetMain("""
        type stats struct{ hits, rejected int64 }
        s := &stats{}
        go func() { atomic.AddInt64(&s.rejected, 1) }()
        _ = s.rejected
        time.Sleep(time.Millisecond)
        _ = s.rejected""").replace("\"sync\"\n", "\"sync\"\n\t\"sync/atomic\"\n");
    SimulationResult r = GoSources.simulate(src, "stats.go", 100);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).isNotEmpty().allSatisfy(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DATA_RACE);
      assertThat(f.message()).contains("(rejected: lines ");
    });
  }
}
