package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.SimulationResult.LockOrderCycle;
import dev.gocause.sim.SimulationResult.LockOrderEdge;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The lock-order analysis follows cycles through channel operations: a goroutine that blocks on a channel while it
 * holds a lock, and a partner that must take that lock before the channel step that would unblock it. Reported as a
 * potential deadlock even when no explored schedule deadlocked. The programs order their steps by sleeping, for hours:
 * time is a schedule choice, and a stall of a random schedule may let a shorter sleep end before the work it waits for.
 */
class LockOrderThroughChannelsTest {

  private static SimulationResult run(String src, int schedules) {
    return run(src, schedules, 1);
  }

  private static SimulationResult run(String src, int schedules, long seed) {
    return Simulator.simulate(SimulationRequest.of(src, "ch.go").withSchedules(schedules).withSeed(seed).withBudget(Duration.ofSeconds(30)));
  }

  /** 1-based line of the first line containing {@code text} (after {@code after}, if given). */
  private static int lineOf(String src, String text) {
    String[] lines = src.split("\n", -1);
    for (int i = 0; i < lines.length; i++) if (lines[i].contains(text)) return i + 1;
    throw new AssertionError("no line with " + text);
  }

  // The sender takes mu and sends 10 hours (virtual) after the receiver took and released mu: never deadlocks here,
  // but if the sender got mu first it would block on the send while the receiver blocks on mu.
  private static final String SEND_UNDER_LOCK = """
      package main

      import (
      	"fmt"
      	"sync"
      	"time"
      )

      func main() {
      	var mu sync.Mutex
      	ch := make(chan int)
      	var wg sync.WaitGroup
      	wg.Add(2)
      	go func() {
      		defer wg.Done()
      		time.Sleep(10 * time.Hour)
      		mu.Lock()
      		ch <- 1
      		mu.Unlock()
      	}()
      	go func() {
      		defer wg.Done()
      		mu.Lock()
      		fmt.Println("receiver has the lock")
      		mu.Unlock()
      		fmt.Println(<-ch)
      	}()
      	wg.Wait()
      }
      """;

  @Test
  void a_send_under_a_lock_whose_receiver_takes_the_lock_first_is_reported_while_every_schedule_is_clean() {
    SimulationResult r = run(SEND_UNDER_LOCK, 50);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).singleElement().satisfies(c -> {
      assertThat(c.reason()).isEqualTo("lock order through a channel");
      assertThat(c.schedules()).isEqualTo(50);
      LockOrderEdge hold = c.edges().get(0), partner = c.edges().get(1);
      assertThat(hold.held()).isEqualTo("mu");
      assertThat(hold.heldLine()).isEqualTo(lineOf(SEND_UNDER_LOCK, "\t\tmu.Lock()"));
      assertThat(hold.acquired()).isEqualTo("ch");
      assertThat(hold.acquiredMode()).isEqualTo("send");
      assertThat(hold.line()).isEqualTo(lineOf(SEND_UNDER_LOCK, "ch <- 1"));
      assertThat(partner.held()).isEqualTo("ch");
      assertThat(partner.heldMode()).isEqualTo("receive");
      assertThat(partner.heldLine()).isEqualTo(lineOf(SEND_UNDER_LOCK, "<-ch"));
      assertThat(partner.acquired()).isEqualTo("mu");
      assertThat(partner.line()).isEqualTo(lineOf(SEND_UNDER_LOCK, "receiver has the lock") - 1);
      assertThat(partner.goroutine()).isNotEqualTo(hold.goroutine());
      assertThat(c.describe()).isEqualTo("POTENTIAL DEADLOCK (lock order through a channel): goroutine " + hold.goroutine()
          + " holds mu (line 17) while sending on ch at ch.go:18; goroutine " + partner.goroutine()
          + " locks mu at ch.go:23 before receiving from ch (line 26)");
    });
    String text = TextRenderer.render(r, false);
    assertThat(text.lines().findFirst().orElseThrow()).startsWith("CLEAN ");
    assertThat(text).contains("POTENTIAL DEADLOCK (lock order through a channel): ")
        .contains("[lock-order analysis, no deadlock needed; seen in 50/50 schedules, e.g. --seed 1 --schedules 1]");
  }

  @Test
  void the_cycle_shows_in_a_single_schedule_that_did_not_deadlock_when_other_schedules_do() {
    // no sleeps: depending on who gets mu first the program deadlocks or finishes
    String racy = SEND_UNDER_LOCK.replace("\t\ttime.Sleep(10 * time.Hour)\n", "");
    long clean = -1, deadlocked = -1;
    for (long seed = 1; seed <= 60 && (clean < 0 || deadlocked < 0); seed++) {
      SimulationResult one = run(racy, 1, seed);
      if (one.clean() && clean < 0) clean = seed;
      if (!one.clean() && deadlocked < 0) deadlocked = seed;
    }
    assertThat(deadlocked).as("some schedule deadlocks").isPositive();
    assertThat(clean).as("some schedule finishes").isPositive();
    SimulationResult r = run(racy, 1, clean);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("lock order through a channel"));
  }

  @Test
  void unlocking_before_the_send_or_receiving_before_locking_is_no_potential_deadlock() {
    String unlockFirst = SEND_UNDER_LOCK.replace("\t\tmu.Lock()\n\t\tch <- 1\n\t\tmu.Unlock()", "\t\tmu.Lock()\n\t\tmu.Unlock()\n\t\tch <- 1");
    assertThat(unlockFirst).isNotEqualTo(SEND_UNDER_LOCK);
    SimulationResult r = run(unlockFirst, 30);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).isEmpty();

    String receiveFirst = SEND_UNDER_LOCK.replace("\t\tmu.Lock()\n\t\tfmt.Println(\"receiver has the lock\")\n\t\tmu.Unlock()\n\t\tfmt.Println(<-ch)",
        "\t\tv := <-ch\n\t\tmu.Lock()\n\t\tfmt.Println(\"receiver has the lock\", v)\n\t\tmu.Unlock()");
    assertThat(receiveFirst).isNotEqualTo(SEND_UNDER_LOCK);
    r = run(receiveFirst, 30);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).isEmpty();
  }

  @Test
  void a_buffered_channel_counts_only_when_that_direction_blocked() {
    // two sends under the lock into a buffer of one: the second send waits for the receiver (which sleeps first)
    String twoSends = SEND_UNDER_LOCK.replace("\t\tch <- 1\n", "\t\tch <- 1\n\t\tch <- 2\n")
        .replace("\t\tfmt.Println(<-ch)", "\t\ttime.Sleep(20 * time.Hour)\n\t\tfmt.Println(<-ch, <-ch)");
    SimulationResult blocking = run(twoSends.replace("make(chan int)", "make(chan int, 1)"), 30);
    assertThat(blocking.clean()).isTrue();
    // both sends are under the lock on a channel whose sends block in this schedule: each is reported
    assertThat(blocking.lockOrderCycles()).extracting(c -> c.edges().get(0).acquiredMode() + "@" + c.edges().get(0).line())
        .containsExactlyInAnyOrder("send@" + lineOf(twoSends, "ch <- 1"), "send@" + lineOf(twoSends, "ch <- 2"));
    // room for both: the sender never waits
    SimulationResult roomy = run(twoSends.replace("make(chan int)", "make(chan int, 2)"), 30);
    assertThat(roomy.clean()).isTrue();
    assertThat(roomy.lockOrderCycles()).isEmpty();
  }

  @Test
  void a_receive_under_a_lock_whose_closer_or_sender_locks_first_is_reported() {
    String src = """
        package main

        import (
        	"fmt"
        	"sync"
        	"time"
        )

        func main() {
        	var mu sync.Mutex
        	ch := make(chan int)
        	var wg sync.WaitGroup
        	wg.Add(2)
        	go func() {
        		defer wg.Done()
        		time.Sleep(10 * time.Hour)
        		mu.Lock()
        		v, ok := <-ch
        		mu.Unlock()
        		fmt.Println(v, ok)
        	}()
        	go func() {
        		defer wg.Done()
        		mu.Lock()
        		mu.Unlock()
        		close(ch)
        	}()
        	wg.Wait()
        }
        """;
    SimulationResult r = run(src, 30);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).singleElement().satisfies(c -> {
      assertThat(c.edges()).extracting(LockOrderEdge::acquiredMode, LockOrderEdge::heldMode)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("receive", "Lock"), org.assertj.core.groups.Tuple.tuple("Lock", "close"));
      assertThat(c.describe()).contains("holds mu (line 17) while receiving from ch at ch.go:18")
          .contains("locks mu at ch.go:24 before closing ch (line 26)");
    });

    // the partner sends (from a blocking select) instead of closing
    SimulationResult sent = run(src.replace("\t\tclose(ch)", "\t\tselect {\n\t\tcase ch <- 7:\n\t\t}"), 30);
    assertThat(sent.clean()).isTrue();
    assertThat(sent.lockOrderCycles()).singleElement()
        .satisfies(c -> assertThat(c.describe()).contains("before sending on ch in a select (line 27)"));
  }

  // g1 holds a while sending on c; g2 takes b before receiving from c; g3 holds b while taking a. The sleeps keep
  // the three apart in time, so no schedule deadlocks.
  private static final String MIXED = """
      package main

      import (
      	"sync"
      	"time"
      )

      func main() {
      	var a, b sync.Mutex
      	c := make(chan int)
      	var wg sync.WaitGroup
      	wg.Add(3)
      	go func() {
      		defer wg.Done()
      		time.Sleep(20 * time.Hour)
      		a.Lock()
      		c <- 1
      		a.Unlock()
      	}()
      	go func() {
      		defer wg.Done()
      		b.Lock()
      		b.Unlock()
      		<-c
      	}()
      	go func() {
      		defer wg.Done()
      		time.Sleep(5 * time.Hour)
      		b.Lock()
      		a.Lock()
      		a.Unlock()
      		b.Unlock()
      	}()
      	wg.Wait()
      }
      """;

  @Test
  void a_cycle_mixing_a_channel_wait_and_a_lock_order_edge_across_three_goroutines_is_reported() {
    SimulationResult r = run(MIXED, 30);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).singleElement().satisfies(c -> {
      assertThat(c.reason()).isEqualTo("lock order through a channel");
      assertThat(c.edges()).extracting(e -> e.held() + ":" + e.heldMode() + "->" + e.acquired() + ":" + e.acquiredMode())
          .containsExactly("a:Lock->c:send", "c:receive->b:Lock", "b:Lock->a:Lock");
      assertThat(c.edges()).extracting(LockOrderEdge::goroutine).doesNotHaveDuplicates();
      assertThat(c.describe()).endsWith("holds b (line 29) while locking a at ch.go:30");
    });
  }

  @Test
  void a_gate_lock_held_at_both_ends_of_the_lock_edge_rules_the_mixed_cycle_out() {
    // g1 and g3 both hold gate: g3 cannot hold b and wait for a while g1 holds a
    String gated = MIXED.replace("var a, b sync.Mutex", "var a, b, gate sync.Mutex")
        .replace("\t\ta.Lock()\n\t\tc <- 1\n\t\ta.Unlock()", "\t\tgate.Lock()\n\t\ta.Lock()\n\t\tc <- 1\n\t\ta.Unlock()\n\t\tgate.Unlock()")
        .replace("\t\tb.Lock()\n\t\ta.Lock()\n\t\ta.Unlock()\n\t\tb.Unlock()", "\t\tgate.Lock()\n\t\tb.Lock()\n\t\ta.Lock()\n\t\ta.Unlock()\n\t\tb.Unlock()\n\t\tgate.Unlock()");
    assertThat(gated).contains("gate.Lock()\n\t\tb.Lock()").contains("gate.Lock()\n\t\ta.Lock()\n\t\tc <- 1");
    SimulationResult r = run(gated, 30);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).isEmpty();
  }

  @Test
  void a_lock_taken_only_before_the_sender_was_started_is_no_potential_deadlock() {
    String src = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        func main() {
        	var mu sync.Mutex
        	ch := make(chan int)
        	mu.Lock()
        	fmt.Println("setup under the lock")
        	mu.Unlock()
        	go func() {
        		mu.Lock()
        		ch <- 1
        		mu.Unlock()
        	}()
        	fmt.Println(<-ch)
        }
        """;
    SimulationResult r = run(src, 30);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).isEmpty();
    // the same receiver locking after it started the sender can deadlock: reported
    SimulationResult after = run(src.replace("\tmu.Lock()\n\tfmt.Println(\"setup under the lock\")\n\tmu.Unlock()\n", "")
        .replace("\tfmt.Println(<-ch)", "\tmu.Lock()\n\tfmt.Println(\"setup under the lock\")\n\tmu.Unlock()\n\tfmt.Println(<-ch)"), 30);
    assertThat(after.lockOrderCycles()).singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("lock order through a channel"));
  }

  @Test
  void a_select_that_cannot_block_forever_is_no_potential_deadlock_but_a_blocking_select_is() {
    String withDefault = SEND_UNDER_LOCK.replace("\t\tch <- 1\n", "\t\tselect {\n\t\tcase ch <- 1:\n\t\tdefault:\n\t\t}\n");
    assertThat(run(withDefault, 30).lockOrderCycles()).isEmpty();
    String withTimeout = SEND_UNDER_LOCK.replace("\t\tch <- 1\n", "\t\tselect {\n\t\tcase ch <- 1:\n\t\tcase <-time.After(1000 * time.Hour):\n\t\t}\n");
    assertThat(run(withTimeout, 30).lockOrderCycles()).isEmpty();
    String blocking = SEND_UNDER_LOCK.replace("\t\tch <- 1\n", "\t\tquit := make(chan bool)\n\t\tselect {\n\t\tcase ch <- 1:\n\t\tcase <-quit:\n\t\t}\n");
    SimulationResult r = run(blocking, 30);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).singleElement().satisfies(c -> {
      assertThat(c.edges().get(0).acquiredMode()).isEqualTo("select send");
      assertThat(c.describe()).contains("while sending on ch in a select at ch.go:20");
    });
  }

  @Test
  void a_goroutine_blocking_on_its_own_channel_is_left_to_the_deadlock_report() {
    String self = """
        package main

        import "sync"

        func main() {
        	var mu sync.Mutex
        	ch := make(chan int)
        	mu.Lock()
        	ch <- 1
        	mu.Unlock()
        	<-ch
        }
        """;
    SimulationResult r = run(self, 5);
    assertThat(r.findings()).extracting(SimulationResult.Finding::kind).containsExactly(SimulationResult.Kind.DEADLOCK);
    assertThat(r.lockOrderCycles()).isEmpty();
  }

  @Test
  void a_subscriber_channel_made_inside_the_lock_that_registers_it_does_not_pair_with_that_registration() {
    // the broadcaster sends under mu to channels it found in the registry; a subscriber registers (made inside mu)
    // and then only receives: its registration cannot wait for mu while someone sends on a channel not yet made
    String src = """
        package main

        import (
        	"fmt"
        	"sync"
        	"time"
        )

        type registry struct {
        	mu   sync.Mutex
        	subs []chan int
        }

        func (r *registry) subscribe() chan int {
        	r.mu.Lock()
        	defer r.mu.Unlock()
        	ch := make(chan int)
        	r.subs = append(r.subs, ch)
        	return ch
        }

        func (r *registry) publish(v int) {
        	r.mu.Lock()
        	defer r.mu.Unlock()
        	for _, ch := range r.subs {
        		ch <- v
        	}
        }

        func main() {
        	r := &registry{}
        	var wg sync.WaitGroup
        	wg.Add(1)
        	go func() {
        		defer wg.Done()
        		ch := r.subscribe()
        		fmt.Println(<-ch)
        	}()
        	time.Sleep(time.Hour)
        	r.publish(42)
        	wg.Wait()
        }
        """;
    SimulationResult r = run(src, 30);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).isEmpty();
  }

  @Test
  void the_same_cycle_seen_with_different_goroutine_ids_is_one_report() {
    // three receivers run the same code: one cycle by source lines, whichever goroutine showed it
    String three = SEND_UNDER_LOCK.replace("wg.Add(2)", "wg.Add(4)")
        .replace("\tgo func() {\n\t\tdefer wg.Done()\n\t\tmu.Lock()", "\tfor i := 0; i < 3; i++ {\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tmu.Lock()")
        .replace("\t\tfmt.Println(<-ch)\n\t}()", "\t\tselect {\n\t\tcase v := <-ch:\n\t\t\tfmt.Println(v)\n\t\tcase <-time.After(1000 * time.Hour):\n\t\t}\n\t}()\n\t}");
    SimulationResult r = run(three, 20);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).hasSize(1);
    LockOrderCycle c = r.lockOrderCycles().get(0);
    assertThat(c.edges().get(1).heldMode()).isEqualTo("select receive");
  }
}
