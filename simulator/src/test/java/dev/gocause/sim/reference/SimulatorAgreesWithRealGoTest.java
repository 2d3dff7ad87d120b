package dev.gocause.sim.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.SimulationRequest;
import dev.gocause.sim.SimulationResult;
import dev.gocause.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The simulator and real Go 1.19 agree on every case:
 * <ul>
 *   <li>every bug class real Go shows within K runs (plain build and -race build) is among the
 *       simulator's findings, with Go's same message (for leaks: the same wait states), and a
 *       clean real run means the simulator also found a clean schedule;</li>
 *   <li>every bug class the simulator reports is confirmed by real Go, directly or through the
 *       case's forcing variant under reference/;</li>
 *   <li>fixed variants are clean in both.</li>
 * </ul>
 */
class SimulatorAgreesWithRealGoTest {

    static final int SCHEDULES = Integer.getInteger("gocause.sim.schedules", 100);
    static final Duration BUDGET = Duration.ofSeconds(5);
    private static final Pattern LEAK_STATE = Pattern.compile("in state ([^,\\]]+?)(?:,|\\s+with|\\])");

    @TestFactory
    Stream<DynamicTest> simulator_and_real_go_show_the_same_outcomes_for_every_case() {
        List<CaseCatalog.Case> cases = CaseCatalog.load();
        ReferenceRuns runs = ReferenceRuns.shared();
        Map<String, ReferenceRuns.Evidence> evidence = runs.evidenceFor(cases);
        // Real-Go runs in the other build mode go to the two-thread pool while the simulator
        // works through the cases on this thread.
        var other = new java.util.concurrent.ConcurrentHashMap<String, List<RealGo.Run>>();
        var forcedOther = new java.util.concurrent.ConcurrentHashMap<String, List<RealGo.Run>>();
        var pending = java.util.concurrent.CompletableFuture.runAsync(() -> runs.inParallel(
                cases.stream().filter(CaseCatalog.Case::buggy).toList(), c -> {
                    other.put(c.id(), runs.otherModeRuns(c));
                    forcedOther.put(c.id(), runs.forcedOtherModeRuns(c));
                    return c;
                }));
        Map<String, Object> simulated = new java.util.LinkedHashMap<>();
        StringBuilder timing = new StringBuilder("| case | simulator outcomes | ms |\n|---|---|---|\n");
        for (CaseCatalog.Case c : cases) {
            long start = System.nanoTime();
            Object r = simulate(runs, c);
            simulated.put(c.id(), r);
            timing.append("| ").append(c.id()).append(" | ")
                    .append(r instanceof SimulationResult s ? s.outcomeCounts() + " (" + s.schedulesRun() + " schedules)" : r)
                    .append(" | ").append((System.nanoTime() - start) / 1_000_000).append(" |\n");
        }
        try {
            Files.writeString(java.nio.file.Path.of("target", "simulator-agreement.md"), timing);
        } catch (IOException ignored) {
            // a convenience for people; the assertions carry the result
        }
        pending.join();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(),
                () -> check(c, evidence.get(c.id()), other.getOrDefault(c.id(), List.of()),
                        forcedOther.getOrDefault(c.id(), List.of()), simulated.get(c.id()))));
    }

    private static Object simulate(ReferenceRuns runs, CaseCatalog.Case c) {
        try {
            String source = Files.readString(runs.casesDir().resolve(c.file()));
            return Simulator.simulate(SimulationRequest.of(source, c.file()).withSchedules(SCHEDULES).withBudget(BUDGET));
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static void check(CaseCatalog.Case c, ReferenceRuns.Evidence real, List<RealGo.Run> otherMode,
                              List<RealGo.Run> forcedOtherMode, Object simulatedOrError) {
        assertThat(real.error()).as(c.id() + ": real Go build").isEmpty();
        assertThat(simulatedOrError).as(c.id() + ": the simulator ran the case").isInstanceOf(SimulationResult.class);
        SimulationResult sim = (SimulationResult) simulatedOrError;
        String simSummary = c.id() + " simulator: " + sim.outcomeCounts() + " " + sim.bound();

        if (!c.buggy()) {
            assertThat(sim.findings()).as(simSummary + "\nfindings: " + describe(sim)).isEmpty();
            assertThat(real.all()).as(c.id() + " real Go: " + ReferenceRuns.tally(real.all()))
                    .allMatch(r -> r.outcome() == RealGo.Outcome.CLEAN);
            return;
        }

        boolean expectedNeedsRace = c.expected() == RealGo.Outcome.DATA_RACE;
        List<RealGo.Run> raceRuns = expectedNeedsRace ? real.direct() : otherMode;
        List<RealGo.Run> plainRuns = expectedNeedsRace ? otherMode : real.direct();
        List<String> problems = new ArrayList<>();

        // Real Go -> simulator. -race may hang where the plain build reports a global deadlock
        // (documented Go behaviour), so a HANG under -race is not held against the simulator.
        List<RealGo.Run> realDirect = new ArrayList<>(plainRuns);
        raceRuns.stream().filter(r -> r.outcome() != RealGo.Outcome.HANG).forEach(realDirect::add);
        for (RealGo.Run r : realDirect) {
            switch (r.outcome()) {
                case CLEAN -> { }
                case HANG, FAILED -> problems.add("real Go: unexpected " + r);
                case LEAK -> {
                    Set<String> realStates = new TreeSet<>(r.waitReasons());
                    Set<String> simStates = leakStates(sim);
                    if (!simStates.containsAll(realStates)) {
                        problems.add("real Go leaked goroutines in " + realStates + "; simulator leaks: " + simStates);
                    }
                }
                default -> {
                    if (sim.findings().stream().noneMatch(f -> f.kind().label.equals(r.outcome().label())
                            && firstLine(f.message()).startsWith(r.message()))) {
                        problems.add("real Go showed " + r.outcome().label() + " '" + r.message() + "'; simulator findings: " + describe(sim));
                    }
                }
            }
        }
        // A clean plain-build run needs a simulated schedule that ended the same way (the
        // simulator always checks for races, a plain build never does: a race does not count).
        // A clean -race run is not checked: Go's detector can miss a race whose earlier access
        // fell out of its bounded history, while the simulator decides races exactly.
        checkCleanRunMatched(plainRuns, sim, problems);

        // Simulator -> real Go (directly, or through the forcing variant).
        List<RealGo.Run> forced = new ArrayList<>(real.forced());
        forced.addAll(forcedOtherMode);
        Set<String> confirmed = Stream.of(plainRuns, raceRuns, forced).flatMap(List::stream)
                .map(r -> r.outcome().label()).collect(Collectors.toSet());
        for (SimulationResult.Finding f : sim.findings()) {
            if (!confirmed.contains(f.kind().label)) {
                problems.add("simulator found " + f.kind().label + " '" + firstLine(f.message())
                        + "' (replay seed " + f.replaySeed() + ") which real Go never showed: plain "
                        + ReferenceRuns.tally(plainRuns) + "; -race " + ReferenceRuns.tally(raceRuns)
                        + (real.forcing().isEmpty() ? "" : "; forcing variants " + ReferenceRuns.tally(forced)));
            }
        }
        Set<String> bugs = EnumSet.of(RealGo.Outcome.DEADLOCK, RealGo.Outcome.PANIC, RealGo.Outcome.DATA_RACE, RealGo.Outcome.LEAK)
                .stream().map(RealGo.Outcome::label).collect(Collectors.toSet());
        if (sim.findings().stream().noneMatch(f -> f.kind().label.equals(c.expected().label())) && bugs.contains(c.expected().label())) {
            problems.add("simulator did not find the expected " + c.expected().label() + ": " + describe(sim));
        }
        assertThat(problems).as(simSummary).isEmpty();
    }

    private static void checkCleanRunMatched(List<RealGo.Run> runs, SimulationResult sim, List<String> problems) {
        if (runs.stream().noneMatch(r -> r.outcome() == RealGo.Outcome.CLEAN)) {
            return;
        }
        boolean matched = sim.outcomeCounts().keySet().stream().anyMatch(k -> k.startsWith("exit 0") && !k.contains("leaked"));
        if (!matched) {
            problems.add("real Go plain build finished clean in "
                    + ReferenceRuns.tally(runs) + " but no simulated schedule ended that way");
        }
    }

    /** Wait states of the goroutines in the simulator's leak reports (goleak's "in state X" lines). */
    private static Set<String> leakStates(SimulationResult sim) {
        Set<String> states = new TreeSet<>();
        for (SimulationResult.Finding f : sim.findings()) {
            if (f.kind() != SimulationResult.Kind.LEAK) {
                continue;
            }
            Matcher m = LEAK_STATE.matcher(f.report());
            while (m.find()) {
                states.add(m.group(1).strip());
            }
        }
        return states;
    }

    private static String describe(SimulationResult sim) {
        return sim.findings().stream().map(f -> f.kind().label + " '" + firstLine(f.message()) + "' x" + f.occurrences())
                .collect(Collectors.joining("; ", "[", "]"));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
