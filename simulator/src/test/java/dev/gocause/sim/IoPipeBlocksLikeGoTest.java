package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * io.Pipe is synchronous: a Write nobody reads blocks for ever (Go 1.19's goroutine dump shows it as
 * {@code goroutine 18 [select]:}), and the bytes a Read takes were written before it (no race). The output of a
 * pipe program against Go 1.19's is in go/constructs/io_pipe.go.
 */
class IoPipeBlocksLikeGoTest {

  @Test
  void a_write_nobody_reads_leaks_its_goroutine_in_state_select() {
    String src = """
        package main

        import "io"

        func main() {
        	r, w := io.Pipe()
        	go func() { w.Write([]byte("nobody reads this")) }()
        	_ = r
        }
        """;
    SimulationResult r = GoSources.simulate(src, "pipe.go", 50);
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SimulationResult.Kind.LEAK);
      assertThat(f.report()).contains("in state select, with main.main.func1 on top of the stack");
    });
  }

  @Test
  void what_the_writer_wrote_before_writing_is_ordered_before_the_reader_that_took_the_bytes() {
    String src = GoSources.snippetMain("""
        r, w := io.Pipe()
        shared := 0
        go func() { shared = 42; w.Write([]byte("x")); w.Close() }()
        buf := make([]byte, 1)
        r.Read(buf)
        fmt.Println(shared, string(buf))""").replace("import (", "import (\n\t\"io\"");
    SimulationResult ordered = GoSources.simulate(src, "pipe.go", 200);
    assertThat(ordered.clean()).as(TextRenderer.render(ordered, false)).isTrue();
    assertThat(ordered.printedValues()).containsOnlyKeys("42 x");
    SimulationResult racy = GoSources.simulate(src.replace("shared = 42; w.Write", "w.Write").replace("w.Close() }()", "w.Close(); shared = 42 }()"),
        "pipe.go", 200);
    assertThat(racy.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo(SimulationResult.Kind.DATA_RACE));
  }
}
