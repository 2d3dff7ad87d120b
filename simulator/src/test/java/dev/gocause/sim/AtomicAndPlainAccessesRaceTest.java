package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * An atomic operation is an access of its word, as Go's race detector sees it: atomics never race with each
 * other and still order what comes before and after them, but a plain read or write not ordered with an
 * atomic write (or a plain write not ordered with an atomic read) is a data race. The report shows the
 * atomic side's sync/atomic frames as Go does. Every program's verdict was checked with Go 1.19 {@code go run -race}.
 */
class AtomicAndPlainAccessesRaceTest {

  static final String PLAIN_READ_AFTER_ATOMIC_ADD = """
        package main
        import ("fmt"; "sync/atomic"; "time")
        func main() {
        	var n int64
        	go func() { atomic.AddInt64(&n, 1) }()
        	time.Sleep(time.Millisecond)
        	fmt.Println(n)
        }
        """;

  static final String PLAIN_WRITE_UNORDERED_WITH_ATOMIC_LOAD = """
        package main

        import (
        	"fmt"
        	"sync/atomic"
        )

        func main() {
        	var n int64
        	done := make(chan bool)
        	go func() {
        		fmt.Println(atomic.LoadInt64(&n))
        		done <- true
        	}()
        	n = 5
        	<-done
        }
        """;

  static final String FIELD_AND_ELEMENT_OF_A_STRUCT = """
        package main

        import (
        	"fmt"
        	"sync/atomic"
        	"time"
        )

        type Stats struct {
        	hits  int64
        	slots [4]uint32
        }

        func main() {
        	s := &Stats{}
        	go func() {
        		atomic.AddInt64(&s.hits, 1)
        		atomic.CompareAndSwapUint32(&s.slots[2], 0, 7)
        	}()
        	time.Sleep(time.Millisecond)
        	fmt.Println(s.hits)
        	fmt.Println(s.slots[2])
        }
        """;

  static final String COPY_OF_A_STRUCT_HOLDING_AN_ATOMIC_INT64 = """
        package main

        import (
        	"fmt"
        	"sync/atomic"
        	"time"
        )

        type Counter struct {
        	name string
        	n    atomic.Int64
        }

        func main() {
        	c := &Counter{name: "c"}
        	go func() { c.n.Add(1) }()
        	time.Sleep(time.Millisecond)
        	snap := *c
        	fmt.Println(snap.name)
        }
        """;

  static final String COUNTER_AND_FLAG_HANDOFF = """
        package main

        import (
        	"fmt"
        	"sync"
        	"sync/atomic"
        )

        func main() {
        	var n int64
        	var ready int32
        	var data string
        	var wg sync.WaitGroup
        	for i := 0; i < 3; i++ {
        		wg.Add(1)
        		go func() {
        			defer wg.Done()
        			atomic.AddInt64(&n, 1)
        			_ = atomic.LoadInt64(&n)
        		}()
        	}
        	wg.Add(1)
        	go func() {
        		defer wg.Done()
        		data = "hello"
        		atomic.StoreInt32(&ready, 1)
        	}()
        	for atomic.LoadInt32(&ready) == 0 {
        	}
        	fmt.Println(data)
        	wg.Wait()
        	fmt.Println(n)
        }
        """;

  static final String PLAIN_AND_ATOMIC_READS = """
        package main

        import (
        	"fmt"
        	"sync"
        	"sync/atomic"
        )

        func main() {
        	var n int64 = 3
        	var wg sync.WaitGroup
        	wg.Add(2)
        	go func() { defer wg.Done(); fmt.Println(atomic.LoadInt64(&n)) }()
        	go func() { defer wg.Done(); fmt.Println(n) }()
        	wg.Wait()
        }
        """;

  static final String TYPED_ATOMICS_ONLY = """
        package main

        import (
        	"fmt"
        	"sync"
        	"sync/atomic"
        )

        type Counter struct {
        	name string
        	n    atomic.Int64
        	on   atomic.Bool
        	last atomic.Value
        }

        func main() {
        	c := &Counter{name: "c"}
        	var wg sync.WaitGroup
        	for i := 0; i < 3; i++ {
        		wg.Add(1)
        		go func() {
        			defer wg.Done()
        			c.n.Add(1)
        			c.on.Store(true)
        			c.last.Store("x")
        			_ = c.n.Load()
        			_ = c.on.Load()
        			_ = c.last.Load()
        		}()
        	}
        	wg.Wait()
        	fmt.Println(c.name, c.n.Load(), c.on.Load(), c.last.Load())
        }
        """;

  static SimulationResult simulate(String src, String file) {
    return GoSources.simulate(src, file, 100);
  }

  @Test
  void a_plain_read_unordered_with_an_atomic_add_is_a_race_reported_with_the_atomic_frame() {
    SimulationResult r = simulate(PLAIN_READ_AFTER_ATOMIC_ADD, "add.go");
    assertThat(r.findings()).extracting(SimulationResult.Finding::kind).containsExactly(SimulationResult.Kind.DATA_RACE);
    assertThat(r.findings().get(0).report())
        .containsPattern("Read at 0x[0-9a-f]{12} by main goroutine:\n  main.main\\(\\)\n      add.go:7 ")
        .containsPattern("Previous write at 0x[0-9a-f]{12} by goroutine \\d:\n  sync/atomic.AddInt64\\(\\)\n"
            + "      \\$GOROOT/src/runtime/race_amd64.s:289 \\+0xb\n  sync/atomic.AddInt64\\(\\)\n      <autogenerated>:1 \\+0x1b\n"
            + "  main.main.func1\\(\\)\n      add.go:5 ");
  }

  /**
   * go1.19.8 go run -race on a plain read racing with atomic.StoreUint32 printed "sync/atomic.StoreInt32()
   * .../race_amd64.s:231 +0xb / sync/atomic.StoreUint32() <autogenerated>:1 +0x1a": the unsigned function jumps to the
   * signed one in race_amd64.s, and Go's ABI wrapper for the call is the frame named after the function called.
   */
  @Test
  void an_unsigned_atomic_store_is_reported_at_the_signed_entry_it_jumps_to_then_its_wrapper() {
    String src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync/atomic\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar n uint32"
        + "\n\tgo func() { atomic.StoreUint32(&n, 2) }()\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(n)\n}\n";
    SimulationResult r = simulate(src, "u.go");
    assertThat(r.findings()).extracting(SimulationResult.Finding::kind).containsExactly(SimulationResult.Kind.DATA_RACE);
    assertThat(r.findings().get(0).report()).contains("  sync/atomic.StoreInt32()\n      $GOROOT/src/runtime/race_amd64.s:231 +0xb\n"
        + "  sync/atomic.StoreUint32()\n      <autogenerated>:1 +0x1a\n  main.main.func1()\n      u.go:11 ");
  }

  @Test
  void a_plain_write_unordered_with_an_atomic_load_is_a_race() {
    SimulationResult r = simulate(PLAIN_WRITE_UNORDERED_WITH_ATOMIC_LOAD, "load.go");
    assertThat(r.findings()).extracting(SimulationResult.Finding::kind).containsExactly(SimulationResult.Kind.DATA_RACE);
    assertThat(r.findings().get(0).report()).contains("sync/atomic.LoadInt64()", "load.go:12", "load.go:15");
  }

  @Test
  void atomics_on_a_field_and_on_an_array_element_race_with_plain_reads_of_them() {
    SimulationResult r = simulate(FIELD_AND_ELEMENT_OF_A_STRUCT, "stats.go");
    assertThat(r.findings()).hasSize(2).allMatch(f -> f.kind() == SimulationResult.Kind.DATA_RACE);
    assertThat(r.findings()).anySatisfy(f -> assertThat(f.report()).contains("sync/atomic.AddInt64()", "stats.go:17", "stats.go:21"));
    assertThat(r.findings()).anySatisfy(f -> assertThat(f.report()).contains("sync/atomic.CompareAndSwapUint32()", "stats.go:18", "stats.go:22"));
  }

  @ParameterizedTest
  @CsvSource({
      "'atomic.StoreUint32(&n, 1)', uint32, StoreUint32",
      "'atomic.SwapUintptr(&n, 1)', uintptr, SwapUintptr",
      "'atomic.CompareAndSwapInt32(&n, 0, 1)', int32, CompareAndSwapInt32",
      "'atomic.AddUint64(&n, 1)', uint64, AddUint64",
  })
  void every_atomic_write_races_with_a_plain_read(String call, String type, String fn) {
    String src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync/atomic\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar n " + type
        + "\n\tgo func() { " + call + " }()\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(n)\n}\n";
    SimulationResult r = simulate(src, "w.go");
    assertThat(r.findings()).extracting(SimulationResult.Finding::kind).containsExactly(SimulationResult.Kind.DATA_RACE);
    assertThat(r.findings().get(0).report()).contains("sync/atomic." + fn + "()", "w.go:11", "w.go:13");
  }

  @Test
  void copying_a_struct_races_with_an_atomic_method_on_its_atomic_int64() {
    SimulationResult r = simulate(COPY_OF_A_STRUCT_HOLDING_AN_ATOMIC_INT64, "typed.go");
    assertThat(r.findings()).extracting(SimulationResult.Finding::kind).containsExactly(SimulationResult.Kind.DATA_RACE);
    assertThat(r.findings().get(0).report()).contains("sync/atomic.AddInt64()", "sync/atomic.(*Int64).Add()",
        "$GOROOT/src/sync/atomic/type.go:108", "typed.go:16", "typed.go:18");
  }

  @Test
  void atomics_still_order_a_counter_and_a_flag_handoff() {
    SimulationResult r = simulate(COUNTER_AND_FLAG_HANDOFF, "clean.go");
    assertThat(r.findings()).isEmpty();
    // (a schedule that starves the writer ends the spin loop as LIMIT steps, printing nothing)
    assertThat(r.printedValues()).containsKey("hello\n3").allSatisfy((out, n) -> assertThat(out).isIn("hello\n3", ""));
  }

  @Test
  void a_plain_read_and_an_atomic_read_do_not_race() {
    assertThat(simulate(PLAIN_AND_ATOMIC_READS, "reads.go").findings()).isEmpty();
  }

  @Test
  void typed_atomics_used_only_through_their_methods_are_clean() {
    assertThat(simulate(TYPED_ATOMICS_ONLY, "typed.go").findings()).isEmpty();
  }
}
