package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A copy of a struct or array that lives in shared memory (a captured variable, a value behind a pointer, a
 * slice element) reads each of its fields and elements, as Go's race detector sees the copy: so it races with
 * a goroutine writing one field. A copy of a local or freshly built value, or one ordered by a lock, a
 * {@code go} statement or Wait, is clean. Every program's verdict was checked with Go 1.19 {@code go run -race}.
 */
class StructCopiesReadEveryFieldTest {

  static final String SNAPSHOT_OF_A_CAPTURED_STRUCT = """
        package main
        import ("fmt"; "time")
        type Conf struct { Name string; Limit int }
        func main() {
        	c := Conf{Name: "x"}
        	go func() { c.Limit = 5 }()
        	snapshot := c // copies every field: a read of each
        	fmt.Println(snapshot.Name)
        	time.Sleep(10 * time.Millisecond)
        }
        """;

  static final String VALUE_RECEIVER = """
        package main
        import ("fmt"; "time")
        type S struct { a, b int }
        func (s S) A() int { return s.a }
        func main() {
        	s := S{}
        	go func() { s.b = 1 }()
        	fmt.Println(s.A())
        	time.Sleep(10 * time.Millisecond)
        }
        """;

  static final String PASSED_BY_VALUE_FROM_A_POINTER = """
        package main
        import ("fmt"; "time")
        type S struct { a, b int }
        func use(s S) int { return s.a }
        func main() {
        	p := &S{}
        	go func() { p.b = 1 }()
        	fmt.Println(use(*p))
        	time.Sleep(10 * time.Millisecond)
        }
        """;

  static final String NESTED_STRUCT_AND_ARRAY_FIELDS = """
        package main
        import ("fmt"; "time")
        type In struct { x, y int }
        type S struct { a int; in In; arr [2]int }
        func main() {
        	p := &S{}
        	go func() { p.in.y = 1; p.arr[1] = 2 }()
        	var q S
        	q = *p
        	fmt.Println(q.a)
        	time.Sleep(10 * time.Millisecond)
        }
        """;

  static final String RANGE_OVER_A_SLICE_OF_STRUCTS = """
        package main

        import (
        	"fmt"
        	"time"
        )

        type Item struct {
        	ID    int
        	Price int
        }

        func main() {
        	items := []Item{{1, 10}, {2, 20}}
        	go func() { items[1].Price = 25 }()
        	total := 0
        	for _, it := range items {
        		total += it.ID
        	}
        	fmt.Println(total)
        	time.Sleep(10 * time.Millisecond)
        }
        """;

  static final String SENT_ON_A_CHANNEL = """
        package main

        import (
        	"fmt"
        	"time"
        )

        type Conf struct {
        	Name  string
        	Limit int
        }

        func main() {
        	c := Conf{Name: "x"}
        	ch := make(chan Conf, 1)
        	go func() { c.Limit = 5 }()
        	ch <- c
        	fmt.Println((<-ch).Name)
        	time.Sleep(10 * time.Millisecond)
        }
        """;

  static final String LOCKED_LOCAL_FRESH_AND_JOINED_COPIES = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type Conf struct {
        	Name  string
        	Limit int
        	Tags  [2]string
        }

        func (c Conf) Describe() string { return fmt.Sprint(c.Name, c.Limit) }

        func newConf() Conf { return Conf{Name: "fresh"} }

        func main() {
        	var mu sync.Mutex
        	shared := Conf{Name: "shared"}
        	var wg sync.WaitGroup
        	wg.Add(2)
        	go func() {
        		defer wg.Done()
        		mu.Lock()
        		shared.Limit++
        		shared.Tags[1] = "t"
        		mu.Unlock()
        	}()
        	go func() {
        		defer wg.Done()
        		local := Conf{Name: "local"}
        		local.Limit = 3
        		cp := local
        		fresh := newConf()
        		lit := Conf{Name: "lit"}
        		fmt.Println(cp.Describe(), fresh.Describe(), lit.Describe(), local.Describe())
        	}()
        	mu.Lock()
        	snap := shared
        	d := shared.Describe()
        	mu.Unlock()
        	wg.Wait()
        	after := shared
        	fmt.Println(snap.Name, d, after.Limit, after.Tags[1])
        }
        """;

  static final String PASSED_TO_A_GOROUTINE_BEFORE_THE_WRITE = """
        package main

        import "fmt"

        type Conf struct {
        	Name  string
        	Limit int
        }

        func show(c Conf, done chan bool) {
        	fmt.Println(c.Name, c.Limit)
        	done <- true
        }

        func main() {
        	c := Conf{Name: "x"}
        	done := make(chan bool)
        	go show(c, done)
        	c.Limit = 5
        	<-done
        	func() { fmt.Println(c.Limit) }()
        }
        """;

  static SimulationResult simulate(String src, String file) {
    return GoSources.simulate(src, file, 100);
  }

  static void assertRaceBetween(String src, String file, int line1, int line2) {
    SimulationResult r = simulate(src, file);
    assertThat(r.findings()).extracting(SimulationResult.Finding::kind).containsExactly(SimulationResult.Kind.DATA_RACE);
    assertThat(r.findings().get(0).report()).contains(file + ":" + line1 + " ", file + ":" + line2 + " ");
  }

  @Test
  void a_snapshot_of_a_struct_races_with_a_goroutine_writing_one_of_its_fields() {
    assertRaceBetween(SNAPSHOT_OF_A_CAPTURED_STRUCT, "snap.go", 6, 7);
  }

  @Test
  void a_value_receiver_copies_the_struct_it_is_called_on() {
    assertRaceBetween(VALUE_RECEIVER, "recv.go", 7, 8);
  }

  @Test
  void passing_the_target_of_a_pointer_by_value_reads_every_field() {
    assertRaceBetween(PASSED_BY_VALUE_FROM_A_POINTER, "arg.go", 7, 8);
  }

  @Test
  void the_copy_reads_through_inline_structs_and_arrays() {
    assertRaceBetween(NESTED_STRUCT_AND_ARRAY_FIELDS, "nested.go", 7, 9);
  }

  @Test
  void a_range_variable_copies_the_slice_element() {
    assertRaceBetween(RANGE_OVER_A_SLICE_OF_STRUCTS, "range.go", 15, 17);
  }

  @Test
  void a_send_copies_the_struct_it_sends() {
    assertRaceBetween(SENT_ON_A_CHANNEL, "send.go", 16, 17);
  }

  @Test
  void copies_under_the_lock_of_local_or_fresh_values_and_after_wait_are_clean() {
    SimulationResult r = simulate(LOCKED_LOCAL_FRESH_AND_JOINED_COPIES, "clean.go");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void a_struct_passed_to_a_goroutine_is_copied_before_it_starts() {
    SimulationResult r = simulate(PASSED_TO_A_GOROUTINE_BEFORE_THE_WRITE, "goarg.go");
    assertThat(r.findings()).isEmpty();
    assertThat(r.printedValues()).containsOnlyKeys("x 0\n5");
  }
}
