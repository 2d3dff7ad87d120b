package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A file whose declarations name packages the simulator does not model (a struct field of type *http.Client, an array
 * [md5.Size]byte in a type and in a signature, a Pool whose New makes a bytes.Buffer) still runs the tests that do not
 * reach them; a test that does is refused at the construct. Go 1.19's go test -v passes all three tests of
 * go/partial/declarations_outside_the_subset_test.go.
 */
class DeclarationsOutsideTheSubsetRefuseOnlyWhereUsedTest {
  static final String SOURCE = GoSources.resource("partial/declarations_outside_the_subset_test.go");

  static SimulationResult run(String test) {
    return Simulator.simulate(SimulationRequest.of(SOURCE, "decl_test.go").withRunRegexp("^" + test + "$").withSchedules(10)
        .withBudget(Duration.ofSeconds(30)));
  }

  @Test
  void a_test_that_never_reaches_them_runs_to_its_verdict() {
    SimulationResult r = run("TestHits");
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
    assertThat(r.schedulesRun()).isEqualTo(10);
  }

  @Test
  void a_test_that_calls_into_them_is_refused_where_it_gets_there() {
    assertThatThrownBy(() -> run("TestSums")).isInstanceOf(UnsupportedConstructException.class)
        .hasMessage("decl_test.go:30:23: unsupported: crypto/md5.Size (package \"crypto/md5\" is not modelled)");
  }

  @Test
  void a_struct_with_a_field_of_an_unmodelled_type_is_a_value_like_any_other() {
    SimulationResult r = run("TestResult");
    assertThat(r.clean()).as(TextRenderer.render(r, false)).isTrue();
  }

  @Test
  void errgroup_try_go_respects_the_limit_as_go_1_19_x_sync_does() {
    // GO111MODULE=off GOPATH=/usr/share/gocode go run go/partial/errgroup_trygo.go prints these four lines
    SimulationResult r = Simulator.simulate(SimulationRequest.of(GoSources.resource("partial/errgroup_trygo.go"), "trygo.go").withSchedules(20));
    assertThat(r.printedValues()).containsOnlyKeys(
        "first: true\nsecond while the first runs: false\nwait: <nil>\nafter wait: true boom");
  }

  static SimulationResult runPartial(String test) {
    return Simulator.simulate(SimulationRequest.of(GoSources.resource("partial/names_from_files_not_given_test.go"), "names_test.go")
        .withRunRegexp("^" + test + "$").withSchedules(10));
  }

  @Test
  void names_declared_in_files_not_given_refuse_only_the_tests_that_reach_them() {
    // a global initialized from one, a method on a type from one, a function whose signature names one
    assertThat(runPartial("TestCounter").clean()).isTrue();
    assertThatThrownBy(() -> runPartial("TestSemaphore")).isInstanceOf(UnsupportedConstructException.class)
        .hasMessage("names_test.go:27:6: undefined: runtimeSemacquire (in the initializer of sem at line 9)");
    assertThatThrownBy(() -> runPartial("TestChain")).isInstanceOf(UnsupportedConstructException.class)
        .hasMessageStartingWith("names_test.go:31:5: undefined: poolChain");
  }

  @Test
  void compile_alone_refuses_the_first_of_them() {
    assertThatThrownBy(() -> Simulator.compile(GoSources.resource("partial/names_from_files_not_given_test.go"), "names_test.go", false))
        .isInstanceOf(UnsupportedConstructException.class).hasMessageContaining("undefined: poolDequeue");
  }
}
