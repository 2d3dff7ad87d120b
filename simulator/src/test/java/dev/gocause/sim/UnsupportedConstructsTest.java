package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Anything outside the subset stops with file:line:column, never a wrong run. */
class UnsupportedConstructsTest {

  private static UnsupportedConstructException compileError(String src) {
    try {
      Simulator.compile(src, "bad.go", false);
    } catch (UnsupportedConstructException e) {
      return e;
    }
    throw new AssertionError("expected an UnsupportedConstructException for:\n" + src);
  }

  @Test
  void goto_is_named_with_its_line_and_column() {
    UnsupportedConstructException e = compileError("package main\n\nfunc main() {\nL:\n\tgoto L\n}\n");
    assertThat(e.getMessage()).isEqualTo("bad.go:5:2: unsupported: goto");
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isEqualTo(2);
  }

  @Test
  void generic_code_compiles_and_what_generics_cannot_do_is_refused_in_go_s_words() {
    Simulator.compile("package main\n\nfunc Map[T any](x T) T { return x }\nfunc main() { _ = Map(1) }\n", "ok.go", false);
    assertThat(compileError("package main\n\nfunc Id[T any](x T) T { return x }\nfunc main() {\n\tf := Id\n\t_ = f\n}\n").getMessage())
        .isEqualTo("bad.go:5:7: cannot use generic function Id without instantiation");
    assertThat(compileError("package main\n\nfunc main() {\n\tf := func[T any](x T) {}\n\t_ = f\n}\n").getMessage())
        .isEqualTo("bad.go:4:11: function type must have no type parameters");
    assertThat(compileError("package main\n\nimport \"example.com/lib\"\n\nfunc main() {\n\tvar s lib.Set[int]\n\t_ = s\n}\n").getMessage())
        .isEqualTo("bad.go:6:8: unsupported: generic type example.com/lib.Set");
  }

  @Test
  void a_package_the_simulator_does_not_model_is_refused_where_it_is_used_not_at_the_import() {
    Simulator.compile("package main\n\nimport \"net/http\"\n\nfunc main() {}\n", "ok.go", false);
    assertThat(compileError("package main\n\nimport \"net/http\"\n\nfunc main() {\n\t_, _ = http.Get(\"x\")\n}\n").getMessage())
        .isEqualTo("bad.go:6:14: unsupported: net/http.Get (package \"net/http\" is not modelled)");
  }

  @Test
  void unknown_library_functions_are_unsupported_where_they_are_used() {
    assertThat(compileError("package main\n\nimport \"strings\"\n\nfunc main() {\n\t_ = strings.ToValidUTF8(\"a\", \"A\")\n}\n").getMessage())
        .isEqualTo("bad.go:6:14: unsupported: strings.ToValidUTF8");
  }

  @Test
  void syntax_and_type_errors_carry_positions() {
    assertThat(compileError("package main\n\nfunc main() {\n\tx := 1 +\n}\n").getMessage()).startsWith("bad.go:5:1: syntax error");
    assertThat(compileError("package main\n\nfunc main() {\n\tfmt.Println(y)\n}\n").getMessage()).contains("bad.go:4:");
    assertThat(compileError("package main\n\nfunc f() int {\n\tif true { return 1 }\n}\nfunc main() {}\n").getMessage()).contains("missing return");
  }

  @Test
  void simulate_reports_the_same_error() {
    assertThatThrownBy(() -> Simulator.simulate(SimulationRequest.of("package main\nfunc main() { goto x }\n", "b.go")))
        .isInstanceOf(UnsupportedConstructException.class).hasMessage("b.go:2:15: unsupported: goto");
  }

  private static final String ONE_TEST_REACHES_AN_UNMODELLED_PACKAGE = """
      package p

      import (
      	"net"
      	"sync"
      	"testing"
      )

      func dial() error {
      	_, err := net.Dial("tcp", "127.0.0.1:1")
      	return err
      }

      func TestCounter(t *testing.T) {
      	var mu sync.Mutex
      	n := 0
      	var wg sync.WaitGroup
      	for i := 0; i < 2; i++ {
      		wg.Add(1)
      		go func() { defer wg.Done(); mu.Lock(); n++; mu.Unlock() }()
      	}
      	wg.Wait()
      }

      func TestDial(t *testing.T) {
      	if err := dial(); err != nil {
      		t.Fatal(err)
      	}
      }
      """;

  @Test
  void a_function_outside_the_subset_refuses_the_file_only_when_a_test_calls_it() {
    SimulationResult counter = Simulator.simulate(SimulationRequest.of(ONE_TEST_REACHES_AN_UNMODELLED_PACKAGE, "p_test.go")
        .withRunRegexp("^TestCounter$").withSchedules(20));
    assertThat(counter.findings()).isEmpty();
    assertThat(counter.schedulesRun()).isEqualTo(20);
    assertThatThrownBy(() -> Simulator.simulate(SimulationRequest.of(ONE_TEST_REACHES_AN_UNMODELLED_PACKAGE, "p_test.go")
        .withRunRegexp("^TestDial$").withSchedules(20)))
        .isInstanceOf(UnsupportedConstructException.class)
        .hasMessage("p_test.go:10:16: unsupported: net.Dial (package \"net\" is not modelled)");
    assertThatThrownBy(() -> Simulator.simulate(SimulationRequest.of(ONE_TEST_REACHES_AN_UNMODELLED_PACKAGE, "p_test.go")))
        .isInstanceOf(UnsupportedConstructException.class).hasMessageContaining("net.Dial");
  }

  @Test
  void compile_alone_still_refuses_at_once() {
    assertThat(compileError(ONE_TEST_REACHES_AN_UNMODELLED_PACKAGE).getMessage()).endsWith("unsupported: net.Dial (package \"net\" is not modelled)");
  }
}
