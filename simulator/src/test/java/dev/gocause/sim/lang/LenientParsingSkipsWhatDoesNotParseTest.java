package dev.gocause.sim.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Parser#parseLenient}: a declaration or snippet statement that does not parse is skipped, the rest is kept. */
class LenientParsingSkipsWhatDoesNotParseTest {

  @Test
  void aFileKeepsTheDeclarationsAroundOneThatDoesNotParse() {
    String src = """
        package main

        func Map[](xs []int) []int { return xs }

        func main() {
        	go work(unknownpkg.Value)
        }
        """;
    Parser.Lenient l = new Parser(src, "x.go").parseLenient();
    assertThat(l.skipped()).hasSize(1);
    assertThat(l.skipped().get(0).line()).isEqualTo(3);
    assertThat(l.file().decls).hasSize(1);
    assertThat(((Ast.FuncDecl) l.file().decls.get(0)).name).isEqualTo("main");
    assertThat(l.parsedLines().get(5)).isTrue();
    assertThat(l.parsedLines().get(3)).isFalse();
  }

  @Test
  void aRunOfStatementsBecomesTheBodyOfASyntheticMain() {
    String src = """
        ch := make(chan int)
        this is prose
        go func() { ch <- 1 }()
        <-ch
        """;
    Parser.Lenient l = new Parser(src, "snippet").parseLenient();
    assertThat(l.skipped()).hasSize(1);
    Ast.FuncDecl main = (Ast.FuncDecl) l.file().decls.get(0);
    assertThat(main.body.stmts).hasSize(3);
    assertThat(main.body.stmts.get(1)).isInstanceOf(Ast.GoStmt.class);
  }

  @Test
  void theDeclarationAfterAnImportIsKeptWithOrWithoutAPackageClause() {
    for (String head : new String[] {"package main\n\n", ""}) {
      String src = head + """
          import "sync"

          func main(){
          	var wg sync.WaitGroup
          	wg.Wait()
          }
          """;
      Parser.Lenient l = new Parser(src, "x.go").parseLenient();
      assertThat(l.skipped()).as(head).isEmpty();
      assertThat(l.file().imports).containsExactly("sync sync");
      assertThat(l.file().decls).hasSize(1);
      assertThat(((Ast.FuncDecl) l.file().decls.get(0)).body.stmts).hasSize(2);
    }
  }

  @Test
  void aFileWithoutItsPackageClauseKeepsItsOwnMainOrItsTests() {
    Ast.File withMain = new Parser("import \"fmt\"\n\nfunc main() {\n\tfmt.Println(1)\n}\n", "x.go").parse();
    assertThat(withMain.decls).hasSize(1);
    assertThat(((Ast.FuncDecl) withMain.decls.get(0)).body.stmts).hasSize(1);
    Ast.File tests = new Parser("func TestX(t *testing.T) {\n\tt.Log(1)\n}\n", "x.go").parse();
    assertThat(tests.decls).extracting(d -> ((Ast.FuncDecl) d).name).containsExactly("TestX");
    Ast.File statements = new Parser("x := 1\nprintln(x)\n", "x.go").parse();
    assertThat(statements.decls).extracting(d -> ((Ast.FuncDecl) d).name).containsExactly("main");
  }
}
