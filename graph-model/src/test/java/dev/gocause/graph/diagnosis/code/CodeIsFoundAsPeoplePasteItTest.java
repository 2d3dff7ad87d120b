package dev.gocause.graph.diagnosis.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.lang.Ast;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How pasted code is found and numbered: plain statements outside a fence stay in one piece, a
 * finding's text names lines as the input numbers them (as its cited line does), a fenced file
 * without its package clause parses, and lines Go printed are recognised before anything else.
 */
class CodeIsFoundAsPeoplePasteItTest {

  @Test
  void plainCallStatementsOutsideAFenceKeepTheProgramInOnePiece() {
    String text = """
        the workers hang after a deploy:
        var wg sync.WaitGroup
        wg.Add(1)
        go worker(&wg)
        mu.Lock()
        total += 2
        wg.Wait()
        """;
    GoCode.Found found = GoCode.find(text, line -> false);
    assertThat(found.units()).hasSize(1);
    GoCode.Unit unit = found.units().get(0);
    assertThat(unit.firstLine()).isEqualTo(2);
    Ast.FuncDecl main = (Ast.FuncDecl) unit.file().decls.get(0);
    assertThat(main.body.stmts).hasSize(6);
    assertThat(GoCode.codeLike("wg.Add(1)")).isTrue();
    assertThat(GoCode.codeLike("close(ch)")).isTrue();
    assertThat(GoCode.codeLike("a, b = f(x)")).isTrue();
    assertThat(GoCode.codeLike("n++")).isTrue();
    assertThat(GoCode.codeLike("Then it hangs (sometimes).")).isFalse();
    assertThat(GoCode.codeLike("x == y is false")).isFalse();
  }

  @Test
  void unfencedCodeWithBlankLinesCommentsElisionsAndStructFieldsStaysInOnePiece() {
    String text = """
        the cache deadlocks on the second request

        type cache struct {
        entries map[string]int
        sync.Mutex
        }

        func lookup(c cache, key string) int {
        c.Lock()
        // more checks here
        ...
        defer c.Unlock()
        return c.entries[key]
        }
        """;
    // as the diagnosis calls it: blank lines are no message of Go's, so they count as output lines
    String[] lines = text.split("\n", -1);
    GoCode.Found found = GoCode.find(text, line -> lines[line - 1].isBlank());
    assertThat(found.notes()).isEmpty();
    assertThat(found.units()).hasSize(1);
    assertThat(found.units().get(0).firstLine()).isEqualTo(3);
    assertThat(found.units().get(0).findings()).extracting(CodeFinding::check).contains(CopyChecks.COPIED);
  }

  @Test
  void elisionsAreBlankedAndGosOwnEllipsesKept() {
    assertThat(GoCode.withoutElisions("\t...")).isEmpty();
    assertThat(GoCode.withoutElisions("if err != nil { ... }")).isEqualTo("if err != nil {     }");
    assertThat(GoCode.withoutElisions("handle(...)")).isEqualTo("handle(   )");
    assertThat(GoCode.withoutElisions("f(xs...)")).isEqualTo("f(xs...)");
    assertThat(GoCode.withoutElisions("a := [...]int{1, 2}")).isEqualTo("a := [...]int{1, 2}");
    assertThat(GoCode.commentOrElision("  // then it waits")).isTrue();
    assertThat(GoCode.insideBraces("sync.RWMutex")).isTrue();
    assertThat(GoCode.insideBraces("and then it hangs.")).isFalse();
    assertThat(GoCode.braceBalance("m := map[string]int{\"{\": 1} // {")).isEqualTo(0);
  }

  @Test
  void aFencedFindingNamesLinesAsTheInputNumbersThem() {
    String text = """
        Wait returns too early:

        ```go
        func run(items []string) {
        	var wg sync.WaitGroup
        	for _, it := range items {
        		go func(it string) {
        			wg.Add(1)
        			defer wg.Done()
        		}(it)
        	}
        	wg.Wait()
        }
        ```
        """;
    List<CodeFinding> findings = GoCode.find(text, line -> false).units().get(0).findings();
    CodeFinding add = findings.stream().filter(f -> f.check().equals(GoroutineChecks.ADD_IN_GOROUTINE)).findFirst().orElseThrow();
    assertThat(add.line()).isEqualTo(8);
    assertThat(add.detail()).startsWith("wg.Add at line 8 runs inside the goroutine started at line 7");
  }

  @Test
  void aFencedFileWithImportsAndNoPackageClauseParses() {
    for (String imports : new String[] {"import \"sync\"\n", "import (\n\t\"sync\"\n)\n"}) {
      String text = "why does this hang?\n\n```go\n" + imports + """

          func main(){
          	var wg sync.WaitGroup
          	wg.Add(1)
          	wg.Wait()
          }
          ```
          """;
      GoCode.Found found = GoCode.find(text, line -> false);
      assertThat(found.notes()).as(imports).isEmpty();
      assertThat(found.units()).hasSize(1);
      assertThat(CodeSimulation.runnable(found.units().get(0).file())).isEqualTo("main");
    }
  }

  @Test
  void everyLineIsFirstAskedWhetherGoPrintedIt() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      text.append("goroutine ").append(i).append(" [chan send]:\n");
    }
    List<Integer> asked = new ArrayList<>();
    GoCode.find(text.toString(), line -> {
      asked.add(line);
      return true;
    });
    // a line Go printed is never code: the cheap question comes first, for every line
    assertThat(asked).hasSizeGreaterThanOrEqualTo(50);
  }

  @Test
  void onlyTheLinesThatAreReadAreCutFromALongPasteAndTheyAreTheLinesSplitWouldGive() {
    for (String text : new String[] {"", "a", "a\n", "\n\n", "a\nb\n\nc", "```go\nx := 1\n```\n"}) {
      assertThat(GoCode.firstLines(text, 100)).as(text).containsExactly(text.split("\n", -1));
      assertThat(GoCode.firstLines(text, 2)).as(text).containsExactly(java.util.Arrays.copyOf(text.split("\n", -1),
          Math.min(2, text.split("\n", -1).length)));
    }
    assertThat(GoCode.startsAfterBlanks(" \t ```go", "```")).isTrue();
    assertThat(GoCode.startsAfterBlanks("x ```", "```")).isFalse();
    assertThat(GoCode.startsAfterBlanks("   ", "```")).isFalse();
  }
}
