package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A Context the program implements can be the parent of WithCancel/WithTimeout/WithValue. Go 1.19's propagateCancel
 * finds the cancelCtx it wraps through {@code parent.Value(&cancelCtxKey)} (an embedded context.Context, at any depth,
 * by value or pointer, or a Value method that delegates); the simulator does the same by calling the program's
 * methods. Expected outputs are Go 1.19's. A parent that wraps no context of package context would need Go's watching
 * goroutine: refused with a clean message, never a Java exception's name.
 */
class AContextEmbeddingAContextIsAParentAsInGoTest {

  private static final String WRAPPERS = """
      package main

      import (
      	"context"
      	"fmt"
      	"time"
      )

      type reqCtx struct {
      	context.Context
      	id string
      }

      type outer struct {
      	*reqCtx
      	n int
      }

      type valCtx struct{ context.Context }

      func (v valCtx) Value(k interface{}) interface{} {
      	if k == "user" {
      		return "bob"
      	}
      	return v.Context.Value(k)
      }

      type named struct{ context.Context }

      func (named) String() string { return "named!" }

      func main() {
      	parent, cancel := context.WithCancel(context.Background())
      	rc := reqCtx{parent, "r1"}
      	child, c2 := context.WithCancel(rc)
      	defer c2()
      	child2, c3 := context.WithCancel(outer{&rc, 3})
      	defer c3()
      	child3, c4 := context.WithCancel(valCtx{context.WithValue(parent, "k", "v")})
      	defer c4()
      	fmt.Println(child3.Value("user"), child3.Value("k"), child3.Value("zz"))
      	fmt.Println(child)
      	fmt.Println(context.WithValue(named{parent}, "a", "b"))
      	cancel()
      	<-child.Done()
      	<-child2.Done()
      	<-child3.Done()
      	fmt.Println(child.Err(), rc.id, child2.Err(), child3.Err())
      	d, _ := context.WithCancel(reqCtx{parent, "r2"})
      	fmt.Println(d.Err())
      	bg, c5 := context.WithCancel(reqCtx{context.Background(), "r3"})
      	fmt.Println(bg.Err())
      	c5()
      	fmt.Println(bg.Err())
      	dl, c6 := context.WithTimeout(context.Background(), time.Second)
      	defer c6()
      	dd, c7 := context.WithCancel(reqCtx{dl, "r4"})
      	defer c7()
      	_, ok := dd.Deadline()
      	<-dd.Done()
      	fmt.Println(ok, dd.Err())
      }
      """;

  @Test
  void the_brief_example_prints_what_go_prints() {
    String src = """
        package main

        import (
        	"context"
        	"fmt"
        )

        type reqCtx struct {
        	context.Context
        	id string
        }

        func main() {
        	parent, cancel := context.WithCancel(context.Background())
        	rc := reqCtx{parent, "r1"}
        	child, c2 := context.WithCancel(rc)
        	defer c2()
        	cancel()
        	<-child.Done()
        	fmt.Println(child.Err(), rc.id)
        }
        """;
    SimulationResult r = GoSources.simulate(src, "wrap.go", 100);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
    assertThat(r.printedValues()).containsOnlyKeys("context canceled r1");
  }

  @Test
  void embedded_by_pointer_through_two_levels_with_an_overridden_value_and_string_and_a_deadline_behave_as_in_go() {
    SimulationResult r = GoSources.simulate(WRAPPERS, "wrap.go", 50);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
    assertThat(r.printedValues()).containsOnlyKeys("""
        bob v <nil>
        main.reqCtx.WithCancel
        named!.WithValue(type string, val b)
        context canceled r1 context canceled context canceled
        context canceled
        <nil>
        context canceled
        true context deadline exceeded""");
  }

  @Test
  void a_child_that_is_never_cancelled_through_a_wrapper_still_deadlocks() {
    String src = WRAPPERS.replace("\tcancel()\n", "");
    SimulationResult r = GoSources.simulate(src, "wrap.go", 20);
    assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DEADLOCK));
  }

  @Test
  void a_context_that_wraps_nothing_of_package_context_is_refused_in_go_terms() {
    String src = """
        package main

        import (
        	"context"
        	"fmt"
        	"time"
        )

        type myCtx struct{ ch chan struct{} }

        func (m myCtx) Deadline() (time.Time, bool)    { return time.Time{}, false }
        func (m myCtx) Done() <-chan struct{}           { return m.ch }
        func (m myCtx) Err() error                      { return context.Canceled }
        func (m myCtx) Value(k interface{}) interface{} { return nil }

        func main() {
        	c, cancel := context.WithCancel(myCtx{make(chan struct{})})
        	defer cancel()
        	fmt.Println(c.Err())
        }
        """;
    assertThatThrownBy(() -> GoSources.simulate(src, "own.go", 5))
        .isInstanceOf(UnsupportedConstructException.class)
        .hasMessage("own.go:17:1: unsupported: context.WithCancel with a parent Context implemented by the program (main.myCtx)"
            + " that wraps no context of package context: Go watches such a parent from a goroutine, which the simulator does not model")
        .message().doesNotContain("Exception");
  }

  @Test
  void a_program_context_whose_done_is_nil_never_cancels_its_child_as_in_go() {
    String src = """
        package main

        import (
        	"context"
        	"fmt"
        	"time"
        )

        type never struct{}

        func (never) Deadline() (time.Time, bool)    { return time.Time{}, false }
        func (never) Done() <-chan struct{}           { return nil }
        func (never) Err() error                      { return nil }
        func (never) Value(k interface{}) interface{} { return nil }

        func main() {
        	c, cancel := context.WithCancel(never{})
        	fmt.Println(c.Err(), c)
        	cancel()
        	fmt.Println(c.Err())
        }
        """;
    SimulationResult r = GoSources.simulate(src, "never.go", 5);
    assertThat(r.printedValues()).containsOnlyKeys("<nil> main.never.WithCancel\ncontext canceled");
  }
}
