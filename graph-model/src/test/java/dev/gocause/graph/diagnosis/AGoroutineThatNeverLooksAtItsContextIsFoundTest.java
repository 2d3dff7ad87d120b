package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.code.CodeFinding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A function or goroutine that has a context and waits without ever looking at it: cancelling the
 * context stops nothing there. Found when it takes the context as a parameter or its goroutine
 * literal can see one; reading a value from the context is not looking at it. Quiet when the wait
 * is a select with {@code ctx.Done()}, when the loop checks {@code ctx.Err()}, when the context is
 * handed to the callee that waits, when nothing waits, and when the only context in sight is
 * {@code context.Background()} (never cancelled).
 */
class AGoroutineThatNeverLooksAtItsContextIsFoundTest {
  static final String CHECK = "code-goroutine-ignores-context";

  static final String CTXRECV = """
        package main

        import (
        	"context"
        	"fmt"
        	"time"
        )

        type poller struct {
        	events chan string
        }

        func (p *poller) run(ctx context.Context) {
        	for {
        		ev := <-p.events
        		fmt.Println("event", ev)
        	}
        }

        func main() {
        	ctx, cancel := context.WithCancel(context.Background())
        	p := &poller{events: make(chan string)}
        	go p.run(ctx)
        	p.events <- "start"
        	cancel()
        	time.Sleep(10 * time.Millisecond)
        }
        """;

  static final String CTXCAPTURED = """
        package main

        import (
        	"context"
        	"time"
        )

        func watch(ctx context.Context, ready func() bool) {
        	go func() {
        		for !ready() {
        			time.Sleep(50 * time.Millisecond)
        		}
        	}()
        	<-ctx.Done()
        }

        func main() {
        	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
        	defer cancel()
        	watch(ctx, func() bool { return false })
        }
        """;

  static final String CTXSEND = """
        package main

        import (
        	"context"
        	"fmt"
        )

        type key struct{}

        func produce(ctx context.Context, out chan<- int) {
        	step, _ := ctx.Value(key{}).(int)
        	for i := 0; ; i += step {
        		out <- i
        	}
        }

        func main() {
        	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), key{}, 2))
        	out := make(chan int)
        	go produce(ctx, out)
        	fmt.Println(<-out, <-out)
        	cancel()
        }
        """;

  static final String CTXSELECT = """
        package main

        import (
        	"context"
        	"fmt"
        )

        func produce(ctx context.Context, out chan<- int) {
        	for i := 0; ; i++ {
        		select {
        		case out <- i:
        		case <-ctx.Done():
        			return
        		}
        	}
        }

        func main() {
        	ctx, cancel := context.WithCancel(context.Background())
        	out := make(chan int)
        	go produce(ctx, out)
        	fmt.Println(<-out, <-out)
        	cancel()
        }
        """;

  static final String CTXERR = """
        package main

        import (
        	"context"
        	"time"
        )

        func watch(ctx context.Context, ready func() bool) {
        	go func() {
        		for ctx.Err() == nil && !ready() {
        			time.Sleep(50 * time.Millisecond)
        		}
        	}()
        	<-ctx.Done()
        }

        func main() {
        	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
        	defer cancel()
        	watch(ctx, func() bool { return false })
        }
        """;

  static final String CTXPASSED = """
        package main

        import (
        	"context"
        	"fmt"
        	"time"
        )

        func next(ctx context.Context, src <-chan string) (string, error) {
        	select {
        	case s := <-src:
        		return s, nil
        	case <-ctx.Done():
        		return "", ctx.Err()
        	}
        }

        func drain(ctx context.Context, src <-chan string) {
        	for {
        		s, err := next(ctx, src)
        		if err != nil {
        			return
        		}
        		fmt.Println(s)
        		time.Sleep(time.Millisecond)
        	}
        }

        func main() {
        	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
        	defer cancel()
        	src := make(chan string, 1)
        	src <- "x"
        	drain(ctx, src)
        }
        """;

  static final String CTXNOWAIT = """
        package main

        import (
        	"context"
        	"fmt"
        )

        func total(ctx context.Context, xs []int) int {
        	sum := 0
        	for _, x := range xs {
        		sum += x
        	}
        	return sum
        }

        func main() {
        	fmt.Println(total(context.Background(), []int{1, 2, 3}))
        }
        """;

  static final String CTXBACKGROUND = """
        package main

        import (
        	"context"
        	"fmt"
        	"time"
        )

        func lookup(ctx context.Context, name string) string {
        	select {
        	case <-ctx.Done():
        		return ""
        	case <-time.After(time.Millisecond):
        		return "addr-of-" + name
        	}
        }

        func main() {
        	ctx := context.Background()
        	go func() {
        		for {
        			time.Sleep(time.Second)
        			fmt.Println("still alive")
        		}
        	}()
        	fmt.Println(lookup(ctx, "db"))
        }
        """;

  static List<CodeFinding> found(String program) {
    return LockHoldersCopiedByRangeOrAssignmentAreFoundWhereGoVetFindsThemTest.findings(program).stream()
        .filter(f -> f.check().equals(CHECK)).toList();
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("a method taking ctx receives in an endless loop", CTXRECV, 15),
        Arguments.of("a goroutine literal that can see ctx sleeps in a loop", CTXCAPTURED, 11),
        Arguments.of("a producer reads a value from ctx and sends forever", CTXSEND, 13));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void theCheckFiresCitingTheWait(String name, String program, int line) {
    assertThat(found(program)).as(name).singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(line));
  }

  static Stream<Arguments> fixes() {
    return Stream.of(
        Arguments.of("the send is in a select with ctx.Done()", CTXSELECT),
        Arguments.of("the loop checks ctx.Err()", CTXERR),
        Arguments.of("ctx is handed to the callee that waits", CTXPASSED),
        Arguments.of("nothing waits", CTXNOWAIT),
        Arguments.of("the goroutine can see only context.Background(), which is never cancelled", CTXBACKGROUND));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixes")
  void theCheckStaysQuiet(String name, String program) {
    assertThat(found(program)).as(name).isEmpty();
  }

  @Test
  void theFindingSaysWhichContextIsIgnoredAndWhatWaits() {
    assertThat(found(CTXCAPTURED).get(0).detail()).contains("the goroutine literal started as a goroutine at line 9").contains("can see ctx")
        .contains("time.Sleep at line 11");
    assertThat(found(CTXRECV).get(0).detail()).contains("run (started as a goroutine at line 23) takes ctx").contains("receive from p.events");
  }

  /** The worker as people paste it: the type and the method, no main (so nothing is simulated). */
  static final String POLLER_SNIPPET = """
      type poller struct {
      	events chan string
      }

      func (p *poller) run(ctx context.Context) {
      	for {
      		ev := <-p.events
      		fmt.Println("event", ev)
      	}
      }
      """;

  @Test
  void pastedWithTheQuestionItRanksTheUnpropagatedCancellationFirstCitingTheLine() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of("the poller goroutine keeps running\n```go\n" + POLLER_SNIPPET + "```\n"));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("context-cancel-not-propagated");
    assertThat(d.causes().get(0).evidence()).anySatisfy(e -> {
      assertThat(e.matched()).isEqualTo("code: " + CHECK);
      assertThat(e.lines()).containsExactly(7 + 2);
    });
  }
}
