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
  void generic_functions_are_unsupported() {
    assertThat(compileError("package main\n\nfunc Map[T any](x T) T { return x }\nfunc main() {}\n").getMessage())
        .isEqualTo("bad.go:3:9: unsupported: generic functions");
  }

  @Test
  void a_package_the_simulator_does_not_model_is_refused_where_it_is_used_not_at_the_import() {
    Simulator.compile("package main\n\nimport \"net/http\"\n\nfunc main() {}\n", "ok.go", false);
    assertThat(compileError("package main\n\nimport \"net/http\"\n\nfunc main() {\n\t_, _ = http.Get(\"x\")\n}\n").getMessage())
        .isEqualTo("bad.go:6:14: unsupported: net/http.Get (package \"net/http\" is not modelled)");
  }

  @Test
  void unknown_library_functions_are_unsupported_where_they_are_used() {
    assertThat(compileError("package main\n\nimport \"strings\"\n\nfunc main() {\n\t_ = strings.EqualFold(\"a\", \"A\")\n}\n").getMessage())
        .isEqualTo("bad.go:6:14: unsupported: strings.EqualFold");
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
}
