package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The standard logger's SetFlags, SetPrefix, Flags, Prefix, Print and Fatalln, with the header log.go writes: the prefix,
 * date and time as the flags ask, the caller's file and line for Lshortfile, and the prefix after them with
 * Lmsgprefix. Checked with go1.19.8 {@code go run} on the program below: it printed "[pool] worker 1", "[pool] worker 0"
 * (either order), "[pool] msgprefix", "true [pool] " and "[pool] l.go:28: done", then exit status 1.
 */
class TheStandardLoggerWritesTheHeaderItsFlagsAskForTest {

  private static final String PROGRAM = """
      package main

      import (
      	"fmt"
      	"log"
      	"sync"
      )

      func main() {
      	log.SetFlags(0)
      	log.SetPrefix("[pool] ")
      	var wg sync.WaitGroup
      	var mu sync.Mutex
      	for i := 0; i < 2; i++ {
      		wg.Add(1)
      		go func(i int) {
      			defer wg.Done()
      			mu.Lock()
      			defer mu.Unlock()
      			log.Print("worker ", i)
      		}(i)
      	}
      	wg.Wait()
      	log.SetFlags(log.Lmsgprefix)
      	log.Println("msgprefix")
      	fmt.Println(log.Flags() == log.Lmsgprefix, log.Prefix())
      	log.SetFlags(log.Lshortfile)
      	log.Fatalln("done")
      }
      """;

  @Test
  void prefix_flags_and_the_callers_line_are_printed_as_go_prints_them() {
    SimulationResult r = GoSources.simulate(PROGRAM, "l.go", 50);
    assertThat(r.findings()).as(TextRenderer.render(r, false)).isEmpty();
    assertThat(r.printedValues().keySet()).isNotEmpty().allSatisfy(out -> {
      assertThat(out).contains("[pool] worker 0\n", "[pool] worker 1\n");
      assertThat(out).endsWith("[pool] msgprefix\ntrue [pool] \n[pool] l.go:28: done");
    });
  }
}
