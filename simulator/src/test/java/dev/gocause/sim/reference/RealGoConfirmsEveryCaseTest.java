package dev.gocause.sim.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real Go 1.19 is the reference: each buggy case shows its expected outcome within K runs
 * (directly, or through its forcing variant under reference/), and never a different bug (a
 * variant named {@code _forced_<outcome>} names a second manifestation of the same bug);
 * each fixed case is CLEAN in every run, with and without -race.
 */
class RealGoConfirmsEveryCaseTest {

    @TestFactory
    Stream<DynamicTest> real_go_shows_the_expected_outcome_of_every_case() {
        List<CaseCatalog.Case> cases = CaseCatalog.load();
        Map<String, ReferenceRuns.Evidence> evidence = ReferenceRuns.shared().evidenceFor(cases);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id() + " -> " + c.expected().label(),
                () -> check(evidence.get(c.id()))));
    }

    private static void check(ReferenceRuns.Evidence e) {
        CaseCatalog.Case c = e.kase();
        assertThat(e.error()).as(c.id() + ": build").isEmpty();
        if (!c.buggy()) {
            assertThat(e.direct()).as(c.id() + " without -race: " + describe(e.direct()))
                    .allMatch(r -> r.outcome() == RealGo.Outcome.CLEAN);
            assertThat(e.race()).as(c.id() + " with -race: " + describe(e.race()))
                    .allMatch(r -> r.outcome() == RealGo.Outcome.CLEAN);
            return;
        }
        Set<RealGo.Outcome> allowed = EnumSet.of(c.expected(), RealGo.Outcome.CLEAN);
        allowed.addAll(alsoShown(e.forcing()));
        assertThat(e.direct()).as(c.id() + ": every run is the expected bug or clean: " + describe(e.direct()))
                .allMatch(r -> allowed.contains(r.outcome()));
        List<RealGo.Run> confirming = new java.util.ArrayList<>(e.direct());
        confirming.addAll(e.forced());
        String which = e.forcing().isEmpty() ? "direct runs" : "direct runs and forcing variants "
                + e.forcing().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(confirming).as(c.id() + " (" + which + ") shows " + c.expected().label() + ": " + describe(confirming))
                .anyMatch(r -> r.outcome() == c.expected());
        assertThat(confirming).as(c.id() + " (" + which + ") never shows another bug: " + describe(confirming))
                .allMatch(r -> allowed.contains(r.outcome()));
    }

    /**
     * A forcing variant named after an outcome ({@code buggy_forced_panic.go}) documents a second
     * way the same bug shows (a racy index that also goes out of range): real Go may show it
     * directly too, now and then.
     */
    static Set<RealGo.Outcome> alsoShown(List<java.nio.file.Path> forcing) {
        Set<RealGo.Outcome> out = EnumSet.noneOf(RealGo.Outcome.class);
        for (java.nio.file.Path f : forcing) {
            String name = f.getFileName().toString();
            int at = name.indexOf("_forced_");
            if (at >= 0 && name.endsWith(".go")) {
                String label = name.substring(at + "_forced_".length(), name.length() - 3).toUpperCase(java.util.Locale.ROOT);
                out.add(label.equals("RACE") ? RealGo.Outcome.DATA_RACE : RealGo.Outcome.ofLabel(label));
            }
        }
        return out;
    }

    private static String describe(List<RealGo.Run> runs) {
        return ReferenceRuns.tally(runs) + runs.stream().filter(r -> r.outcome() == RealGo.Outcome.FAILED
                        || r.outcome() == RealGo.Outcome.HANG).findFirst()
                .map(r -> "\n--- first unexpected run output ---\n" + r.output()).orElse("");
    }
}
