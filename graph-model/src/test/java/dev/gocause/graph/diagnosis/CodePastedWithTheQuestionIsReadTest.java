package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.Diagnosis.CauseEvidence;
import org.junit.jupiter.api.Test;

/**
 * Go code pasted with a question (fenced, or plain lines) is parsed and checked: the check's fact
 * ranks its cause first and the evidence cites the input line; code that does not parse is
 * skipped with a note, never an error; comments are never evidence.
 */
class CodePastedWithTheQuestionIsReadTest {

  private static final String FENCED = """
      Sometimes Wait returns before all workers finished, why?

      ```go
      func process(items []string) {
      	var wg sync.WaitGroup
      	for _, it := range items {
      		go func(it string) {
      			wg.Add(1)
      			defer wg.Done()
      			handle(it)
      		}(it)
      	}
      	wg.Wait()
      }
      ```
      """;

  @Test
  void fencedCodeRanksTheCauseItsCheckPointsToFirstAndCitesTheInputLine() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(FENCED));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("waitgroup-add-inside-goroutine");
    CauseEvidence code = d.causes().get(0).evidence().stream().filter(e -> e.kind().equals("code")).findFirst().orElseThrow();
    assertThat(code.lines()).containsExactly(8);
    assertThat(code.matched()).isEqualTo("code: code-waitgroup-add-in-goroutine");
    assertThat(code.text()).startsWith("line 8: wg.Add");
    assertThat(d.message()).contains("Read the Go code in the input (1 part)");
    assertThat(DiagnosisRenderer.text(d, "en")).contains("line 8: wg.Add");
    assertThat(DiagnosisRenderer.markdown(d, "en")).contains("line 8: wg.Add");
    assertThat(DiagnosisRenderer.json(d)).contains("\"kind\" : \"code\"");
  }

  @Test
  void unfencedCodeLinesAreReadToo() {
    String text = """
        my service hangs after a while
        func (c *Cache) Get(k string) (string, error) {
            c.mu.Lock()
            v, ok := c.m[k]
            if !ok {
                return "", errMissing
            }
            c.mu.Unlock()
            return v, nil
        }
        """;
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(text));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("mutex-not-unlocked");
    assertThat(d.causes().get(0).evidence()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("code");
      assertThat(e.lines()).containsExactly(6);
    });
  }

  @Test
  void aCommentSayingTheMistakeIsNotEvidence() {
    String text = """
        ```go
        func run() {
        	// go func() { wg.Add(1) }() would be wrong
        	wg.Add(1)
        	go func() {
        		defer wg.Done()
        	}()
        	wg.Wait()
        }
        ```
        """;
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(text));
    assertThat(d.observedSymptoms()).noneMatch(s -> s.id().startsWith("code-"));
  }

  @Test
  void codeThatDoesNotParseIsSkippedWithANoteNotAnError() {
    String text = """
        the program deadlocks
        ```go
        func first(xs []int) int { return xs[0] +* }
        func main() {
        	results := make(chan int)
        	go func() { results <- 1 }()
        	for r := range results {
        		fmt.Println(r)
        	}
        }
        ```
        """;
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(text));
    assertThat(d.message()).contains("Skipped: code at line 3").contains("syntax error");
    assertThat(d.observedSymptoms()).anyMatch(s -> s.id().equals("code-range-over-channel-never-closed"));
  }

  @Test
  void aDumpInAFenceIsNotReadAsCode() {
    String text = """
        ```
        fatal error: all goroutines are asleep - deadlock!

        goroutine 1 [chan receive]:
        main.main()
        	/tmp/x/main.go:9 +0x5d
        ```
        """;
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(text));
    assertThat(d.message()).doesNotContain("Read the Go code");
  }
}
