package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every panic and fatal error reads exactly as Go prints it, with the goroutine header. */
class PanicAndFatalMessagesTest {

  static Stream<Arguments> programs() {
    return Stream.of(
        Arguments.of("ch := make(chan int, 1)\nclose(ch)\nch <- 1", "panic: send on closed channel", Machine.Outcome.PANIC),
        Arguments.of("ch := make(chan int)\nclose(ch)\nclose(ch)", "panic: close of closed channel", Machine.Outcome.PANIC),
        Arguments.of("var ch chan int\nclose(ch)", "panic: close of nil channel", Machine.Outcome.PANIC),
        Arguments.of("var wg sync.WaitGroup\nwg.Add(1)\nwg.Done()\nwg.Done()", "panic: sync: negative WaitGroup counter", Machine.Outcome.PANIC),
        Arguments.of("var mu sync.Mutex\nmu.Unlock()", "fatal error: sync: unlock of unlocked mutex", Machine.Outcome.FATAL),
        Arguments.of("var mu sync.RWMutex\nmu.RUnlock()", "fatal error: sync: RUnlock of unlocked RWMutex", Machine.Outcome.FATAL),
        Arguments.of("var m map[string]int\nm[\"a\"] = 1", "panic: assignment to entry in nil map", Machine.Outcome.PANIC),
        Arguments.of("type T struct{ x int }\nvar p *T\nfmt.Println(p.x)", "panic: runtime error: invalid memory address or nil pointer dereference", Machine.Outcome.PANIC),
        Arguments.of("s := []int{1, 2, 3}\ni := 5\nfmt.Println(s[i])", "panic: runtime error: index out of range [5] with length 3", Machine.Outcome.PANIC),
        Arguments.of("a, b := 1, 0\nfmt.Println(a / b)", "panic: runtime error: integer divide by zero", Machine.Outcome.PANIC),
        Arguments.of("var x interface{} = \"s\"\nfmt.Println(x.(int))", "panic: interface conversion: interface {} is string, not int", Machine.Outcome.PANIC),
        Arguments.of("panic(fmt.Sprintf(\"boom %d\", 7))", "panic: boom 7", Machine.Outcome.PANIC),
        Arguments.of("ch := make(chan int)\nch <- 1", "fatal error: all goroutines are asleep - deadlock!", Machine.Outcome.DEADLOCK));
  }

  @ParameterizedTest
  @MethodSource("programs")
  void the_first_line_is_gos_own_words(String body, String firstLine, Machine.Outcome outcome) {
    Machine m = GoSources.runOnce(GoSources.snippetMain(body), "/tmp/p.go", 1);
    assertThat(m.outcome).isEqualTo(outcome);
    assertThat(m.crash.lines().findFirst().orElse("")).isEqualTo(firstLine);
    assertThat(m.crash).contains("goroutine 1 [").contains("main.main(").contains("/tmp/p.go:");
    assertThat(m.exitCode).isEqualTo(2);
  }

  @org.junit.jupiter.api.Test
  void an_unrecovered_panic_in_another_goroutine_names_that_goroutine_running() {
    String src = GoSources.snippetMain("done := make(chan bool)\ngo func() {\n  var m map[int]int\n  m[1] = 2\n  done <- true\n}()\n<-done");
    Machine m = GoSources.runOnce(src, "/tmp/g.go", 3);
    assertThat(m.crash).startsWith("panic: assignment to entry in nil map\n\ngoroutine 2 [running]:\nmain.main.func1(");
    assertThat(m.crash).contains("created by main.main\n\t/tmp/g.go:15");
  }

  @org.junit.jupiter.api.Test
  void recover_in_a_deferred_call_stops_the_panic_and_named_results_survive() {
    String src = GoSources.snippetMain("f := func() (err error) {\n  defer func() {\n    if r := recover(); r != nil { err = fmt.Errorf(\"caught: %v\", r) }\n  }()\n  var s []int\n  _ = s[3]\n  return nil\n}\nfmt.Println(f())");
    Machine m = GoSources.runOnce(src, "r.go", 1);
    assertThat(m.outcome).isEqualTo(Machine.Outcome.OK);
    assertThat(m.out.toString()).isEqualTo("caught: runtime error: index out of range [3] with length 0\n");
  }

  @org.junit.jupiter.api.Test
  void concurrent_map_writes_is_a_fatal_error_found_by_exploration() {
    String src = GoSources.snippetMain("m := map[int]int{}\nvar wg sync.WaitGroup\nfor i := 0; i < 2; i++ {\n  wg.Add(1)\n  go func(k int) {\n    defer wg.Done()\n    for j := 0; j < 20; j++ { m[k*100+j] = j }\n  }(i)\n}\nwg.Wait()");
    SimulationResult r = GoSources.simulate(src, "cmw.go", 200);
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.PANIC);
      assertThat(f.message()).isEqualTo("fatal error: concurrent map writes");
      assertThat(f.symptomIds()).contains("fatal-concurrent-map-writes");
    });
  }

  /**
   * go1.19.8 ends "panic: boom" in main with "goroutine 1 [running]:\nmain.main()" (no arguments: empty
   * parentheses), and a panic in a goroutine started with an argument with "main.main.func1(0xc00003a7b8?)" (the
   * simulator has no argument words: "(...)").
   */
  @Test
  void a_panic_names_an_entry_function_without_arguments_with_empty_parentheses() {
    Machine m = GoSources.runOnce("package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n", "/work/p.go", 1);
    assertThat(m.crash).startsWith("panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/work/p.go:4 +0x");
    Machine g = GoSources.runOnce("package main\n\nimport \"time\"\n\nfunc main() {\n\tgo func(n int) { panic(n) }(0)\n"
        + "\ttime.Sleep(time.Second)\n}\n", "/work/q.go", 1);
    assertThat(g.crash).contains("main.main.func1(...)\n\t/work/q.go:6 +0x");
  }
}
