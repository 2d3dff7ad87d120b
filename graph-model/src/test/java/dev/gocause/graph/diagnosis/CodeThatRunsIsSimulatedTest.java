package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.Diagnosis.CauseEvidence;
import dev.gocause.graph.diagnosis.Diagnosis.Evidence;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pasted code that forms a runnable unit (a main, tests, or statements) is run by the simulator
 * within the request's budget: a DEADLOCK, LEAK, DATA RACE or PANIC becomes evidence of kind
 * {@code simulation} with its replay command, shown in every format; code that is fixed gives no
 * simulation finding; a refusal is a note, never an error.
 */
class CodeThatRunsIsSimulatedTest {

  /** Generous: the test JVM shares two cores with other builds; the budget bounds, it does not decide. */
  static final Duration BUDGET = Duration.ofSeconds(5);

  static final String MISSING_DONE = """
      The program never exits:

      ```go
      package main

      import "sync"

      func main() {
      	var wg sync.WaitGroup
      	for i := 0; i < 3; i++ {
      		wg.Add(1)
      		go func(n int) {
      			if n == 1 {
      				return
      			}
      			wg.Done()
      		}(i)
      	}
      	wg.Wait()
      }
      ```
      """;

  static final String LEAK = """
      memory grows in production, each request leaves something behind
      ```go
      package main

      import "time"

      func fetch() int {
      	ch := make(chan int)
      	go func() {
      		time.Sleep(50 * time.Millisecond)
      		ch <- 42
      	}()
      	select {
      	case v := <-ch:
      		return v
      	case <-time.After(10 * time.Millisecond):
      		return -1
      	}
      }

      func main() {
      	println(fetch())
      }
      ```
      """;

  static final String RACE = """
      the total is sometimes wrong
      ```go
      package main

      import (
      	"fmt"
      	"sync"
      )

      func main() {
      	total := 0
      	var wg sync.WaitGroup
      	for i := 0; i < 4; i++ {
      		wg.Add(1)
      		go func() {
      			defer wg.Done()
      			total++
      		}()
      	}
      	wg.Wait()
      	fmt.Println(total)
      }
      ```
      """;

  static final String FIXED = """
      is this right?
      ```go
      package main

      import (
      	"fmt"
      	"sync"
      )

      func main() {
      	var mu sync.Mutex
      	total := 0
      	var wg sync.WaitGroup
      	for i := 0; i < 4; i++ {
      		wg.Add(1)
      		go func() {
      			defer wg.Done()
      			mu.Lock()
      			total++
      			mu.Unlock()
      		}()
      	}
      	wg.Wait()
      	fmt.Println(total)
      }
      ```
      """;

  static Diagnosis diagnose(String text) {
    return RealKnowledge.service().diagnose(DiagnosisRequest.of(text).withSimulationBudget(BUDGET));
  }

  static List<Evidence> simulation(Diagnosis d) {
    return d.observedSymptoms().stream().flatMap(s -> s.evidence().stream()).filter(e -> e.kind().equals("simulation")).toList();
  }

  @Test
  void aDoneSkippedOnOnePathDeadlocksInTheSimulationAndTheMissingDoneComesFirst() {
    Diagnosis d = diagnose(MISSING_DONE);
    assertThat(simulation(d)).as(d.message()).isNotEmpty().allSatisfy(e -> {
      assertThat(e.text()).startsWith("simulated DEADLOCK: fatal error: all goroutines are asleep - deadlock!");
      assertThat(e.replay()).startsWith("./gocause simulate case.go --strategy ").contains(" --seed ", " --schedules 1");
      assertThat(e.lines()).containsExactly(19);
    });
    assertThat(d.observedSymptoms()).anyMatch(s -> s.id().equals("sim-deadlock"));
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("waitgroup-missing-done");
    assertThat(d.message()).contains("Simulated 1 runnable part of the code: 1 finding.");
    CauseEvidence cited = d.causes().get(0).evidence().stream().filter(e -> e.kind().equals("simulation")).findFirst().orElseThrow();
    assertThat(DiagnosisRenderer.text(d, "en")).contains("simulated DEADLOCK", "replay: " + cited.replay());
    assertThat(DiagnosisRenderer.markdown(d, "en")).contains("simulated DEADLOCK", "replay: `" + cited.replay() + "`");
    assertThat(DiagnosisRenderer.json(d)).contains("\"kind\" : \"simulation\"", "\"replay\" : \"./gocause simulate case.go");
  }

  @Test
  void aSenderLeftBehindByATimeoutIsASimulatedLeak() {
    Diagnosis d = diagnose(LEAK);
    assertThat(simulation(d)).as(d.message()).anySatisfy(e -> assertThat(e.text()).startsWith("simulated LEAK: found unexpected goroutines"));
    assertThat(d.observedSymptoms()).anyMatch(s -> s.id().equals("sim-goroutine-leak"));
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("send-blocked-after-receiver-gave-up");
  }

  @Test
  void anUnsynchronisedCounterIsASimulatedDataRace() {
    Diagnosis d = diagnose(RACE);
    assertThat(simulation(d)).as(d.message()).anySatisfy(e -> {
      assertThat(e.text()).startsWith("simulated DATA RACE: WARNING: DATA RACE");
      assertThat(e.lines()).contains(17);
    });
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("data-race-shared-variable");
  }

  /** Two transfers lock two accounts in opposite orders; the sleep-free body deadlocks only in some schedules. */
  static final String OPPOSITE_ORDERS = """
      transfers sometimes never return:
      ```go
      package main

      import "sync"

      type account struct {
      	mu      sync.Mutex
      	balance int
      }

      func move(from, to *account, n int, wg *sync.WaitGroup) {
      	defer wg.Done()
      	from.mu.Lock()
      	defer from.mu.Unlock()
      	to.mu.Lock()
      	defer to.mu.Unlock()
      	from.balance -= n
      	to.balance += n
      }

      func main() {
      	a, b := &account{balance: 9}, &account{balance: 9}
      	var wg sync.WaitGroup
      	wg.Add(2)
      	go move(a, b, 1, &wg)
      	go move(b, a, 2, &wg)
      	wg.Wait()
      }
      ```
      """;

  @Test
  void locksTakenInOppositeOrdersAreTheSimulatorsPotentialDeadlock() {
    Diagnosis d = diagnose(OPPOSITE_ORDERS);
    assertThat(simulation(d)).as(d.message()).anySatisfy(e -> {
      assertThat(e.text()).startsWith("simulated POTENTIAL DEADLOCK (lock order): ");
      assertThat(e.replay()).contains(" --seed ", " --schedules 1");
    });
    assertThat(d.observedSymptoms()).anyMatch(s -> s.id().equals("sim-lock-order-cycle"));
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("ab-ba-lock-order");
    // one order for both: no cycle
    Diagnosis ordered = diagnose(OPPOSITE_ORDERS.replace("go move(b, a, 2, &wg)", "go move(a, b, 2, &wg)"));
    assertThat(ordered.observedSymptoms()).noneMatch(s -> s.id().startsWith("sim-lock"));
  }

  @Test
  void theFixedProgramRunsWithoutASimulationFinding() {
    Diagnosis d = diagnose(FIXED);
    assertThat(simulation(d)).isEmpty();
    assertThat(d.message()).contains("Simulated 1 runnable part of the code: 0 findings.");
  }

  @Test
  void statementsAreWrappedIntoAMainAndRun() {
    String text = """
        why does this hang
            ch := make(chan int)
            ch <- 1
            fmt.Println(<-ch)
        """;
    Diagnosis d = diagnose(text);
    assertThat(simulation(d)).as(d.message()).anySatisfy(e -> {
      assertThat(e.text()).startsWith("simulated DEADLOCK");
      assertThat(e.lines()).contains(3);
    });
  }

  @Test
  void codeTheSimulatorRefusesIsANoteNotAnError() {
    String text = """
        ```go
        package main

        import "net/http"

        func main() {
        	done := make(chan bool)
        	go func() {
        		http.Get("http://example.com")
        		done <- true
        	}()
        	<-done
        }
        ```
        """;
    Diagnosis d = diagnose(text);
    assertThat(simulation(d)).isEmpty();
    assertThat(d.message()).contains("Simulation: the code at input lines 2-13: not simulated: case.go:9:");
  }

  @Test
  void aZeroBudgetRunsNothing() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(MISSING_DONE).withSimulationBudget(Duration.ZERO));
    assertThat(simulation(d)).isEmpty();
    assertThat(d.message()).doesNotContain("Simulat");
  }
}
