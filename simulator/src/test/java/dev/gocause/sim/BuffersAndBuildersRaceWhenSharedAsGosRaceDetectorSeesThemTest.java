package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * bytes.Buffer and strings.Builder keep their contents in fields the race detector watches, and sync.Pool hands a
 * Put value to a later Get (ordered: Go's race build releases at Put and acquires at Get). Checked with go1.19.8
 * {@code go run -race}, 8 of 8 runs each: the pool program below reports "Write at ... bytes.(*Buffer).Reset() ...
 * :13 / Previous read at ... bytes.(*Buffer).String() ... :16" (a buffer read after it went back to the pool, reset
 * by its next user); reading it before the Put is clean; two goroutines writing one strings.Builder report
 * "strings.(*Builder).WriteString() ... :16" against the same line.
 */
class BuffersAndBuildersRaceWhenSharedAsGosRaceDetectorSeesThemTest {

  private static final String POOL = """
      package main

      import (
      	"bytes"
      	"fmt"
      	"sync"
      )

      var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

      func render(id int) string {
      	b := bufPool.Get().(*bytes.Buffer)
      	b.Reset()
      	fmt.Fprintf(b, "item-%d", id)
      	bufPool.Put(b)
      	return b.String()
      }

      func main() {
      	var wg sync.WaitGroup
      	out := make([]string, 4)
      	for i := 0; i < 4; i++ {
      		wg.Add(1)
      		go func(i int) {
      			defer wg.Done()
      			out[i] = render(i)
      		}(i)
      	}
      	wg.Wait()
      	fmt.Println(len(out))
      }
      """;

  private static final String BUILDER = """
      package main

      import (
      	"fmt"
      	"strings"
      	"sync"
      )

      func main() {
      	var sb strings.Builder
      	var wg sync.WaitGroup
      	for _, w := range []string{"a", "b"} {
      		wg.Add(1)
      		go func(w string) {
      			defer wg.Done()
      			sb.WriteString(w)
      		}(w)
      	}
      	wg.Wait()
      	fmt.Println(sb.Len())
      }
      """;

  @Test
  void a_buffer_read_after_it_went_back_to_the_pool_races_with_its_next_user() {
    SimulationResult r = GoSources.simulate(POOL, "pool.go", 100);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DATA_RACE);
      assertThat(f.message()).contains("bytes.Buffer: lines 13 and 16");
    });
  }

  @Test
  void a_buffer_read_before_the_put_is_ordered_with_the_next_get() {
    String src = POOL.replace("\tbufPool.Put(b)\n\treturn b.String()\n", "\ts := b.String()\n\tbufPool.Put(b)\n\treturn s\n");
    assertThat(src).isNotEqualTo(POOL);
    SimulationResult r = GoSources.simulate(src, "pool.go", 100);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
  }

  @Test
  void two_goroutines_writing_one_builder_race() {
    SimulationResult r = GoSources.simulate(BUILDER, "builder.go", 50);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DATA_RACE);
      assertThat(f.message()).contains("strings.Builder: lines 16 and 16");
    });
  }
}
