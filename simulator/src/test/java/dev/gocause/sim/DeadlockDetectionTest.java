package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import org.junit.jupiter.api.Test;

/** A global deadlock ends the run with Go's fatal error and a dump of every goroutine. */
class DeadlockDetectionTest {

  @Test
  void main_waiting_on_a_channel_nobody_sends_to_is_a_deadlock_with_a_dump() {
    String src = "package main\n\nfunc worker(in chan int, out chan int) {\n\tv := <-in\n\tout <- v\n}\n\nfunc main() {\n"
        + "\tin := make(chan int)\n\tout := make(chan int)\n\tgo worker(in, out)\n\t<-out\n}\n";
    Machine m = GoSources.runOnce(src, "/work/dl.go", 1);
    assertThat(m.outcome).isEqualTo(Machine.Outcome.DEADLOCK);
    assertThat(m.crash).startsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n\t/work/dl.go:12 +0x");
    assertThat(m.crash).contains("goroutine 2 [chan receive]:\nmain.worker(...)\n\t/work/dl.go:4 +0x")
        .contains("created by main.main\n\t/work/dl.go:11 +0x");
  }

  /**
   * go1.19.8 printed this program's dump with "main.(*acct).withdraw(0x101000000000000?, 0x0?)" for the call in the
   * middle of the stack (argument words, which the simulator has not) and "main.main.func1()" and "main.main()" for
   * the functions the goroutines started in, which take no arguments.
   */
  @Test
  void the_function_a_goroutine_started_in_prints_empty_parentheses_when_it_takes_no_arguments() {
    String src = "package main\n\nimport \"sync\"\n\ntype acct struct{ mu sync.Mutex }\n\n"
        + "func (a *acct) withdraw(n int) {\n\ta.mu.Lock()\n\ta.mu.Lock()\n}\n\nfunc main() {\n\ta := &acct{}\n"
        + "\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\ta.withdraw(4)\n\t}()\n\twg.Wait()\n}\n";
    Machine m = GoSources.runOnce(src, "/work/w.go", 1);
    assertThat(m.outcome).isEqualTo(Machine.Outcome.DEADLOCK);
    assertThat(m.crash).contains("main.main()\n\t/work/w.go:20 +0x", "main.(*acct).withdraw(...)\n\t/work/w.go:9 +0x",
        "main.main.func1()\n\t/work/w.go:18 +0x");
  }

  @Test
  void an_ab_ba_lock_order_deadlock_is_found_and_reported_with_semacquire_waits() {
    String src = GoSources.snippetMain("var a, b sync.Mutex\nvar wg sync.WaitGroup\nwg.Add(2)\n"
        + "go func() { defer wg.Done(); a.Lock(); b.Lock(); b.Unlock(); a.Unlock() }()\n"
        + "go func() { defer wg.Done(); b.Lock(); a.Lock(); a.Unlock(); b.Unlock() }()\nwg.Wait()");
    SimulationResult r = GoSources.simulate(src, "abba.go", 300);
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DEADLOCK);
      assertThat(f.report()).contains("[semacquire]:");
      assertThat(f.timeline()).isNotEmpty();
    });
    // some schedules finish: the bug is schedule dependent
    assertThat(r.outcomeCounts()).containsKey("exit 0");
  }

  @Test
  void select_with_no_cases_and_nil_channels_block_forever() {
    Machine m = GoSources.runOnce(GoSources.snippetMain("var c chan int\ngo func() { c <- 1 }()\nselect {}"), "n.go", 1);
    assertThat(m.crash).contains("goroutine 1 [select (no cases)]:").contains("[chan send (nil chan)]:");
  }
}
