package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small program per construct the compiler's classes handle (statements, loops, switch and select, l-values,
 * expressions, calls, builtins), each with the output Go 1.19 printed ({@code go/constructs/NAME.out}); the programs
 * are listed in {@code go/constructs/INDEX}. A second test re-runs each under the Go toolchain of this machine.
 */
class EachConstructCompilesAsGoRunsItTest {

  static List<String> constructs() {
    return GoSources.resource("constructs/INDEX").lines().filter(l -> !l.isBlank()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constructs")
  void prints_what_go_1_19_printed(String name) {
    Machine m = GoSources.runOnce(GoSources.resource("constructs/" + name + ".go"), name + ".go", 1);
    assertThat(m.outcome).as("%s: %s", name, m.crash).isEqualTo(Machine.Outcome.OK);
    assertThat(m.out.toString()).isEqualTo(GoSources.resource("constructs/" + name + ".out"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constructs")
  void prints_what_the_go_toolchain_on_this_machine_prints(String name) throws Exception {
    boolean hasGo = Files.isExecutable(Path.of("/usr/bin/go"));
    if (!hasGo && "true".equals(System.getenv("CI"))) throw new AssertionError("CI=true but /usr/bin/go is missing");
    Assumptions.assumeTrue(hasGo, "go not installed");
    Path dir = Files.createTempDirectory("goconstruct");
    Path src = dir.resolve("main.go");
    Files.writeString(src, GoSources.resource("constructs/" + name + ".go"));
    Process p = new ProcessBuilder("/usr/bin/go", "run", src.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
    String real = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Machine m = GoSources.runOnce(GoSources.resource("constructs/" + name + ".go"), name + ".go", 3);
    assertThat(m.out.toString()).isEqualTo(real);
  }
}
