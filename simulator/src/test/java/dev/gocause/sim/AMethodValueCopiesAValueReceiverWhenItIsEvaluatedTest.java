package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A method value {@code d := j.describe} of a method with a value receiver copies the receiver when it is evaluated
 * (the Go spec: "the receiver is evaluated and saved"), so through a pointer it reads every field then. Checked with
 * go1.19.8 {@code go run -race} on the first program below: "WARNING: DATA RACE / Write at ... by goroutine 7:
 * main.main.func1() ...:21 / Previous read at ... by main goroutine: main.main() ...:23", exit 66, every run.
 */
class AMethodValueCopiesAValueReceiverWhenItIsEvaluatedTest {

  private static final String PROGRAM = """
      package main

      import (
      	"fmt"
      	"sync"
      )

      type job struct {
      	id    int
      	state string
      }

      func (j job) describe() string { return fmt.Sprintf("%d:%s", j.id, j.state) }

      func main() {
      	j := &job{id: 1, state: "new"}
      	var wg sync.WaitGroup
      	wg.Add(1)
      	go func() {
      		defer wg.Done()
      		j.state = "running"
      	}()
      	d := j.describe
      	wg.Wait()
      	fmt.Println(d())
      }
      """;

  @Test
  void a_method_value_through_a_pointer_reads_the_fields_when_it_is_taken() {
    SimulationResult r = GoSources.simulate(PROGRAM, "method_value.go", 50);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DATA_RACE);
      assertThat(f.message()).contains("state: lines 21 and 23");
    });
  }

  @Test
  void a_method_value_of_a_pointer_receiver_reads_nothing_when_it_is_taken() {
    // func (j *job) describe(): the value holds the pointer; calling it after Wait is ordered (go run -race: clean)
    String src = PROGRAM.replace("func (j job) describe()", "func (j *job) describe()");
    assertThat(src).isNotEqualTo(PROGRAM);
    SimulationResult r = GoSources.simulate(src, "method_value.go", 50);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
  }

  @Test
  void a_method_value_taken_after_the_write_is_ordered_with_it() {
    String src = PROGRAM.replace("\td := j.describe\n\twg.Wait()\n", "\twg.Wait()\n\td := j.describe\n");
    assertThat(src).isNotEqualTo(PROGRAM);
    SimulationResult r = GoSources.simulate(src, "method_value.go", 50);
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
  }
}
