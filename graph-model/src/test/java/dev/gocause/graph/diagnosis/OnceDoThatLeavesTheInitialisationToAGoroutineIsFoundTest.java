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
 * Once.Do given a function that only starts a goroutine to set the shared state: Do returns at
 * once and callers read the state unset (the race detector reports the store against their read).
 * Quiet when Do sets the state itself, when the goroutine it starts sets nothing shared, and when
 * Do waits for the goroutine. Once.Do re-entered through the methods its function calls (Go 1.19
 * stops with "all goroutines are asleep") is found as well as a direct re-entry.
 */
class OnceDoThatLeavesTheInitialisationToAGoroutineIsFoundTest {
  static final String ASYNC = "code-once-do-starts-async-init";
  static final String REENTERED = "code-once-do-reentered";

  static final String ONCEASYNC = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type registry struct {
        	once  sync.Once
        	table map[string]int
        }

        func loadTable() map[string]int {
        	return map[string]int{"a": 1}
        }

        func (r *registry) lookup(name string) int {
        	r.once.Do(func() {
        		go func() {
        			r.table = loadTable()
        		}()
        	})
        	return r.table[name]
        }

        func main() {
        	r := &registry{}
        	fmt.Println(r.lookup("a"))
        }
        """;

  static final String ONCEASYNCMETHOD = """
        package main

        import (
        	"fmt"
        	"sync"
        	"time"
        )

        type client struct {
        	once  sync.Once
        	token string
        }

        func (c *client) start() {
        	go c.refresh()
        }

        func (c *client) refresh() {
        	time.Sleep(time.Millisecond)
        	c.token = "t-1"
        }

        func (c *client) Token() string {
        	c.once.Do(c.start)
        	return c.token
        }

        func main() {
        	c := &client{}
        	fmt.Printf("%q\n", c.Token())
        }
        """;

  static final String ONCESYNC = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type registry struct {
        	once  sync.Once
        	table map[string]int
        }

        func loadTable() map[string]int {
        	return map[string]int{"a": 1}
        }

        func (r *registry) lookup(name string) int {
        	r.once.Do(func() {
        		r.table = loadTable()
        	})
        	return r.table[name]
        }

        func main() {
        	r := &registry{}
        	fmt.Println(r.lookup("a"))
        }
        """;

  static final String ONCEBACKGROUND = """
        package main

        import (
        	"fmt"
        	"log"
        	"sync"
        )

        type registry struct {
        	once  sync.Once
        	table map[string]int
        }

        func (r *registry) lookup(name string) int {
        	r.once.Do(func() {
        		r.table = map[string]int{"a": 1}
        		go func() {
        			log.Println("registry ready")
        		}()
        	})
        	return r.table[name]
        }

        func main() {
        	r := &registry{}
        	fmt.Println(r.lookup("a"))
        }
        """;

  static final String ONCEWAITS = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type registry struct {
        	once  sync.Once
        	table map[string]int
        }

        func (r *registry) lookup(name string) int {
        	r.once.Do(func() {
        		loaded := make(chan struct{})
        		go func() {
        			r.table = map[string]int{"a": 1}
        			close(loaded)
        		}()
        		<-loaded
        	})
        	return r.table[name]
        }

        func main() {
        	r := &registry{}
        	fmt.Println(r.lookup("a"))
        }
        """;

  static final String ONCEREENTRY = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type conf struct {
        	once sync.Once
        	name string
        }

        func (c *conf) Name() string {
        	c.once.Do(c.load)
        	return c.name
        }

        func (c *conf) load() {
        	c.name = c.fallback()
        }

        func (c *conf) fallback() string {
        	return "default-" + c.Name()
        }

        func main() {
        	fmt.Println((&conf{}).Name())
        }
        """;

  static List<CodeFinding> found(String program, String check) {
    return LockHoldersCopiedByRangeOrAssignmentAreFoundWhereGoVetFindsThemTest.findings(program).stream()
        .filter(f -> f.check().equals(check)).toList();
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("a literal given to Do starts the loading goroutine", ONCEASYNC, 19),
        Arguments.of("a method value given to Do starts a method that sets the field", ONCEASYNCMETHOD, 15));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void theCheckFiresCitingTheGoStatement(String name, String program, int line) {
    assertThat(found(program, ASYNC)).as(name).singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(line));
  }

  static Stream<Arguments> fixes() {
    return Stream.of(
        Arguments.of("Do sets the table itself", ONCESYNC),
        Arguments.of("the goroutine Do starts only logs", ONCEBACKGROUND),
        Arguments.of("Do waits for the goroutine that sets the table", ONCEWAITS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixes")
  void theCheckStaysQuiet(String name, String program) {
    assertThat(found(program, ASYNC)).as(name).isEmpty();
  }

  @Test
  void theFindingNamesTheStoreInsideTheGoroutine() {
    assertThat(found(ONCEASYNC, ASYNC).get(0).detail()).contains("r.once.Do").contains("sets r.table at line 20");
  }

  @Test
  void onceDoReenteredThroughTheMethodsItsFunctionCallsIsFound() {
    assertThat(found(ONCEREENTRY, REENTERED)).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(14);
      assertThat(f.detail()).contains("through a call");
    });
    assertThat(found(ONCESYNC, REENTERED)).isEmpty();
    assertThat(found(ONCEASYNCMETHOD, REENTERED)).isEmpty();
  }

  /** The lookup as people paste it: the type and the method, no main (so nothing is simulated). */
  static final String LOOKUP_SNIPPET = """
      type registry struct {
      	once  sync.Once
      	table map[string]int
      }

      func (r *registry) lookup(name string) int {
      	r.once.Do(func() {
      		go func() {
      			r.table = loadTable()
      		}()
      	})
      	return r.table[name]
      }
      """;

  @Test
  void pastedWithTheQuestionItRanksTheAsynchronousInitialisationFirstCitingTheLine() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of("lookup sometimes returns 0\n```go\n" + LOOKUP_SNIPPET + "```\n"));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("once-do-async-initialization");
    assertThat(d.causes().get(0).evidence()).anySatisfy(e -> {
      assertThat(e.matched()).isEqualTo("code: " + ASYNC);
      assertThat(e.lines()).containsExactly(8 + 2);
    });
  }
}
