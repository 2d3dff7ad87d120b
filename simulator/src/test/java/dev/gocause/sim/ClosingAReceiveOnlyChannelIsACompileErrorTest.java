package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * close of a receive-only channel does not compile. Checked with go1.19.8 {@code go run} on the program below:
 * "./e.go:8:8: invalid operation: cannot close receive-only channel ch (variable of type <-chan int)".
 */
class ClosingAReceiveOnlyChannelIsACompileErrorTest {

  private static final String PROGRAM = """
      package main

      import "fmt"

      func drain(ch <-chan int) {
      	for range ch {
      	}
      	close(ch)
      }

      func main() {
      	ch := make(chan int)
      	go drain(ch)
      	ch <- 1
      	fmt.Println("ok")
      }
      """;

  @Test
  void the_program_is_refused_with_go_builds_words_and_position() {
    assertThatThrownBy(() -> Simulator.compile(PROGRAM, "e.go", false))
        .isInstanceOf(UnsupportedConstructException.class)
        .hasMessage("e.go:8:8: invalid operation: cannot close receive-only channel ch (variable of type <-chan int)");
  }

  @Test
  void closing_a_send_only_or_bidirectional_channel_compiles() {
    String src = PROGRAM.replace("func drain(ch <-chan int)", "func drain(ch chan<- int)").replace("\tfor range ch {\n\t}\n", "");
    assertThatCode(() -> Simulator.compile(src, "e.go", false)).doesNotThrowAnyException();
    assertThatCode(() -> Simulator.compile(PROGRAM.replace("<-chan int", "chan int"), "e.go", false)).doesNotThrowAnyException();
  }
}
