package dev.gocause.sim.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.SimulationRequest;
import dev.gocause.sim.SimulationResult;
import dev.gocause.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The simulator, in its go-test mode, finds in every buggy kernel the outcome that
 * kernels.tsv lists (and that {@link KernelsBehaveAsListedTest} confirms with real Go),
 * and finds nothing in the fixed kernels, not even a potential lock-order deadlock. A buggy kernel
 * listed as PASS has a latent bug that go test does not show: there the lock-order analysis must
 * report it. Needs no Go toolchain.
 */
class SimulatorFindsEveryKernelBugTest {

    /** How go test's outcomes (kernels.tsv) show up among the simulator's findings. */
    private static final Map<String, SimulationResult.Kind> AS_FINDING = Map.of(
            "HANG", SimulationResult.Kind.DEADLOCK,
            "LEAK", SimulationResult.Kind.LEAK,
            "RACE", SimulationResult.Kind.DATA_RACE,
            "PANIC", SimulationResult.Kind.PANIC,
            "FATAL", SimulationResult.Kind.PANIC);

    @TestFactory
    Stream<DynamicTest> the_simulator_finds_each_listed_kernel_bug_and_nothing_in_the_fixes() throws IOException {
        Path kernels = CaseCatalog.casesDir().resolve("kernels");
        List<String[]> rows = Files.readAllLines(kernels.resolve("kernels.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(30);
        return rows.stream().flatMap(row -> Stream.of(
                DynamicTest.dynamicTest(row[0] + " -> " + row[1], () -> {
                    SimulationResult r = simulate(kernels.resolve(row[0] + "_test.go"));
                    if (row[1].equals("PASS")) {
                        assertThat(r.lockOrderCycles()).as(row[0] + ": a latent bug must show as a potential deadlock").isNotEmpty();
                        return;
                    }
                    SimulationResult.Kind want = AS_FINDING.get(row[1]);
                    assertThat(want).as("outcome '" + row[1] + "' in kernels.tsv; expected HANG, LEAK, RACE, PANIC, FATAL or PASS").isNotNull();
                    assertThat(r.findings()).as(row[0] + ": " + r.outcomeCounts()).anyMatch(f -> f.kind() == want);
                    if (row[1].equals("HANG")) {
                        assertThat(r.findings()).as(row[0] + ": a blocked test ends as go test's timeout")
                                .anyMatch(f -> f.message().startsWith("panic: test timed out"));
                    }
                }),
                DynamicTest.dynamicTest(row[0] + " fixed -> PASS", () -> {
                    SimulationResult r = simulate(kernels.resolve(row[0] + "_fixed_test.go"));
                    assertThat(r.findings()).as(row[0] + " fixed: " + r.outcomeCounts() + " "
                            + r.findings().stream().map(f -> f.kind().label + " " + f.message()).collect(Collectors.joining("; "))).isEmpty();
                    assertThat(r.lockOrderCycles()).as(row[0] + " fixed: potential deadlocks").isEmpty();
                })));
    }

    private static SimulationResult simulate(Path file) throws IOException {
        String name = CaseCatalog.casesDir().relativize(file).toString();
        return Simulator.simulate(SimulationRequest.of(Files.readString(file), name)
                .withSchedules(100).withBudget(Duration.ofSeconds(5)));
    }
}
