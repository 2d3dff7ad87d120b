package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Range over an integer exists from Go 1.22 on (Go 1.19 refuses it: "cannot range over 3 (untyped int constant)"), and
 * in every Go that has it each iteration has its own loop variable (the Go 1.22 spec), so a goroutine reading i does
 * not race with the loop. The simulator accepts the loop in its default (Go 1.19) mode too; it must not give it the one
 * shared variable of older loops. Checked with go1.19.8 {@code go run -race} on the three-clause form of the program:
 * with {@code i := i} in the body (Go 1.19's way to a variable per iteration) it runs clean (5 of 5 runs), without it
 * it reports the race on i (exit 66, 3 of 3).
 */
class ARangeOverAnIntegerGivesEachIterationItsOwnVariableTest {

  private static final String PROGRAM = """
      package main

      import (
      	"fmt"
      	"sync"
      )

      func main() {
      	var wg sync.WaitGroup
      	for i := range 3 {
      		wg.Add(1)
      		go func() { defer wg.Done(); fmt.Println(i) }()
      	}
      	wg.Wait()
      }
      """;

  @Test
  void goroutines_reading_the_variable_do_not_race_with_the_loop() {
    SimulationResult r = GoSources.simulate(PROGRAM, "r.go", 100);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
    assertThat(r.printedValues().keySet()).allSatisfy(out -> assertThat(out.split("\n")).containsExactlyInAnyOrder("0", "1", "2"));
  }

  @Test
  void a_three_clause_loop_still_shares_one_variable_before_go_1_22() {
    String src = PROGRAM.replace("for i := range 3 {", "for i := 0; i < 3; i++ {");
    assertThat(src).isNotEqualTo(PROGRAM);
    SimulationResult r = GoSources.simulate(src, "r.go", 100);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).anySatisfy(f ->
        assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DATA_RACE));
  }
}
