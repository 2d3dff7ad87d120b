package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.SimulationResult.LockOrderCycle;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The lock-order graph over all explored schedules reports potential deadlocks even when no schedule deadlocked. */
class LockOrderAnalysisTest {

  private static SimulationResult run(String body, int schedules) {
    String src = GoSources.snippetMain(body);
    return Simulator.simulate(SimulationRequest.of(src, "lo.go").withSchedules(schedules).withSeed(1).withBudget(Duration.ofSeconds(30)));
  }

  // the second goroutine takes the locks in the opposite order, but only 100 ms (virtual) later: never deadlocks here
  private static final String AB_BA_SEPARATED = "var mu1, mu2 sync.Mutex\nvar wg sync.WaitGroup\nwg.Add(2)\n"
      + "go func() {\n\tdefer wg.Done()\n\tmu1.Lock()\n\tmu2.Lock()\n\tmu2.Unlock()\n\tmu1.Unlock()\n}()\n"
      + "go func() {\n\tdefer wg.Done()\n\ttime.Sleep(100 * time.Millisecond)\n\tmu2.Lock()\n\tmu1.Lock()\n\tmu1.Unlock()\n\tmu2.Unlock()\n}()\n"
      + "wg.Wait()\nfmt.Println(\"done\")";

  @Test
  void ab_ba_order_that_never_deadlocked_is_reported_as_a_potential_deadlock_while_clean() {
    SimulationResult r = run(AB_BA_SEPARATED, 20);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).hasSize(1);
    LockOrderCycle c = r.lockOrderCycles().get(0);
    assertThat(c.reason()).isEqualTo("lock order");
    assertThat(c.edges()).extracting(e -> e.held() + "->" + e.acquired() + "@" + e.line())
        .containsExactlyInAnyOrder("mu1->mu2@20", "mu2->mu1@28");
    assertThat(c.edges().get(0).goroutine()).isNotEqualTo(c.edges().get(1).goroutine());
    assertThat(c.schedules()).isEqualTo(20);
    String text = TextRenderer.render(r);
    assertThat(text.lines().findFirst().orElseThrow()).startsWith("CLEAN ");
    assertThat(text).containsPattern("POTENTIAL DEADLOCK \\(lock order\\): mu\\d → mu\\d at lo\\.go:\\d+ \\(goroutine \\d+, holding since line \\d+\\), ");
  }

  @Test
  void a_single_schedule_is_enough_to_see_the_cycle() {
    assertThat(run(AB_BA_SEPARATED, 1).lockOrderCycles()).hasSize(1);
  }

  @Test
  void the_same_order_everywhere_is_no_potential_deadlock() {
    SimulationResult r = run(AB_BA_SEPARATED.replace("\tmu2.Lock()\n\tmu1.Lock()\n\tmu1.Unlock()\n\tmu2.Unlock()",
        "\tmu1.Lock()\n\tmu2.Lock()\n\tmu2.Unlock()\n\tmu1.Unlock()"), 20);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).isEmpty();
    assertThat(TextRenderer.render(r)).doesNotContain("POTENTIAL");
  }

  @Test
  void opposite_orders_inside_a_common_gate_lock_are_no_potential_deadlock() {
    String gated = "var gate, mu1, mu2 sync.Mutex\nvar wg sync.WaitGroup\nwg.Add(2)\n"
        + "go func() {\n\tdefer wg.Done()\n\tgate.Lock()\n\tmu1.Lock()\n\tmu2.Lock()\n\tmu2.Unlock()\n\tmu1.Unlock()\n\tgate.Unlock()\n}()\n"
        + "go func() {\n\tdefer wg.Done()\n\tgate.Lock()\n\tmu2.Lock()\n\tmu1.Lock()\n\tmu1.Unlock()\n\tmu2.Unlock()\n\tgate.Unlock()\n}()\n"
        + "wg.Wait()";
    SimulationResult r = run(gated, 50);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).isEmpty();
  }

  @Test
  void opposite_orders_in_one_goroutine_only_are_no_potential_deadlock() {
    SimulationResult r = run("var mu1, mu2 sync.Mutex\nmu1.Lock()\nmu2.Lock()\nmu2.Unlock()\nmu1.Unlock()\n"
        + "mu2.Lock()\nmu1.Lock()\nmu1.Unlock()\nmu2.Unlock()", 5);
    assertThat(r.lockOrderCycles()).isEmpty();
  }

  @Test
  void two_readers_in_opposite_orders_only_block_when_someone_write_locks() {
    String readers = "var r1, r2 sync.RWMutex\nvar wg sync.WaitGroup\nwg.Add(2)\n"
        + "go func() {\n\tdefer wg.Done()\n\tr1.RLock()\n\tr2.RLock()\n\tr2.RUnlock()\n\tr1.RUnlock()\n}()\n"
        + "go func() {\n\tdefer wg.Done()\n\ttime.Sleep(time.Second)\n\tr2.RLock()\n\tr1.RLock()\n\tr1.RUnlock()\n\tr2.RUnlock()\n}()\n"
        + "wg.Wait()\n";
    assertThat(run(readers, 10).lockOrderCycles()).isEmpty();
    // a writer on one of them is not enough: the other read lock is still granted
    assertThat(run(readers + "time.Sleep(time.Second)\nr1.Lock()\nr1.Unlock()", 10).lockOrderCycles()).isEmpty();
    // writers queued on both can block each reader behind the other
    SimulationResult withWriters = run(readers + "time.Sleep(time.Second)\nr1.Lock()\nr1.Unlock()\nr2.Lock()\nr2.Unlock()", 10);
    assertThat(withWriters.lockOrderCycles()).hasSize(1);
  }

  @Test
  void recursive_rlock_is_reported_only_when_a_writer_uses_the_same_rwmutex() {
    String recursive = "var rw sync.RWMutex\nvar wg sync.WaitGroup\nrw.RLock()\nrw.RLock()\nrw.RUnlock()\nrw.RUnlock()\n";
    assertThat(run(recursive, 5).lockOrderCycles()).isEmpty();
    // the writer comes after the reads: no schedule deadlocks, but one where it arrives in between would
    SimulationResult r = run(recursive + "wg.Add(1)\ngo func() {\n\tdefer wg.Done()\n\trw.Lock()\n\trw.Unlock()\n}()\nwg.Wait()", 5);
    assertThat(r.clean()).isTrue();
    assertThat(r.lockOrderCycles()).singleElement().satisfies(c -> {
      assertThat(c.reason()).startsWith("recursive RLock");
      assertThat(c.edges()).singleElement().satisfies(e -> {
        assertThat(e.heldLine()).isEqualTo(16);
        assertThat(e.line()).isEqualTo(17);
        assertThat(e.acquiredMode()).isEqualTo("RLock");
      });
    });
  }

  @Test
  void rlock_then_lock_of_the_same_rwmutex_is_reported_as_an_upgrade() {
    SimulationResult r = run("var rw sync.RWMutex\nrw.RLock()\nrw.Lock()", 2);
    assertThat(r.findings()).extracting(SimulationResult.Finding::kind).contains(SimulationResult.Kind.DEADLOCK);
    assertThat(r.lockOrderCycles()).singleElement().satisfies(c -> assertThat(c.reason()).contains("read-to-write upgrade"));
  }
}
