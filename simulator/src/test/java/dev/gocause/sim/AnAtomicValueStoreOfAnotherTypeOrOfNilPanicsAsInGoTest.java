package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * atomic.Value keeps the dynamic type of its first Store: a later Store of another type, or of a nil interface, panics
 * with a string (sync/atomic/value.go). Checked with go1.19.8 {@code go run}: the first program below panics "sync/atomic:
 * store of inconsistently typed value into Value" in the goroutine at line 18; the second "sync/atomic: store of nil
 * value into Value" at line 16 (a nil *config in an interface is not nil, the nil error is).
 */
class AnAtomicValueStoreOfAnotherTypeOrOfNilPanicsAsInGoTest {

  private static final String OTHER_TYPE = """
      package main

      import (
      	"fmt"
      	"sync"
      	"sync/atomic"
      )

      type config struct{ limit int }

      func main() {
      	var current atomic.Value
      	current.Store(config{limit: 1})
      	var wg sync.WaitGroup
      	wg.Add(1)
      	go func() {
      		defer wg.Done()
      		current.Store(&config{limit: 2})
      	}()
      	wg.Wait()
      	fmt.Println(current.Load())
      }
      """;

  private static final String NIL = """
      package main

      import (
      	"fmt"
      	"sync/atomic"
      )

      type config struct{ limit int }

      func load() *config { return nil }

      func main() {
      	var current atomic.Value
      	current.Store(load())
      	var err error
      	current.Store(err)
      	fmt.Println(current.Load())
      }
      """;

  @Test
  void a_store_of_another_dynamic_type_panics() {
    SimulationResult r = GoSources.simulate(OTHER_TYPE, "value.go", 20);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.PANIC);
      assertThat(f.message()).isEqualTo("panic: sync/atomic: store of inconsistently typed value into Value");
      assertThat(f.report()).contains("value.go:18");
    });
  }

  @Test
  void a_store_of_the_same_type_is_clean() {
    String src = OTHER_TYPE.replace("current.Store(&config{limit: 2})", "current.Store(config{limit: 2})");
    assertThat(src).isNotEqualTo(OTHER_TYPE);
    SimulationResult r = GoSources.simulate(src, "value.go", 20);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
  }

  @Test
  void a_store_of_a_nil_interface_panics_but_a_typed_nil_pointer_does_not() {
    SimulationResult r = GoSources.simulate(NIL, "value.go", 5);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.PANIC);
      assertThat(f.message()).isEqualTo("panic: sync/atomic: store of nil value into Value");
      assertThat(f.report()).contains("value.go:16");
    });
  }
}
