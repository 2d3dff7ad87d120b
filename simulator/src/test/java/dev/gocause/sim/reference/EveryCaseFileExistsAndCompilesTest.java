package dev.gocause.sim.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue in cases.yaml is consistent with the Go sources beside it, and every program compiles. */
class EveryCaseFileExistsAndCompilesTest {

    private final List<CaseCatalog.Case> cases = CaseCatalog.load();
    private final Path dir = CaseCatalog.casesDir();

    @Test
    void every_listed_file_exists_and_is_a_package_main_with_func_main() throws IOException {
        List<String> problems = new ArrayList<>();
        for (CaseCatalog.Case c : cases) {
            Path f = dir.resolve(c.file());
            if (!Files.isRegularFile(f)) {
                problems.add(c.id() + ": file '" + c.file() + "' does not exist under seed-data/cases/");
                continue;
            }
            String src = Files.readString(f);
            if (!java.util.regex.Pattern.compile("(?m)^package main\\s*$").matcher(src).find()) {
                problems.add(c.id() + ": " + c.file() + " is not package main");
            }
            if (!java.util.regex.Pattern.compile("(?m)^func main\\(\\) \\{").matcher(src).find()) {
                problems.add(c.id() + ": " + c.file() + " has no func main()");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void ids_are_unique_and_every_buggy_case_names_a_fixed_case_of_the_same_scenario() {
        Map<String, CaseCatalog.Case> byId = cases.stream().collect(Collectors.toMap(CaseCatalog.Case::id, Function.identity(), (a, b) -> {
            throw new AssertionError("duplicate case id " + a.id());
        }));
        List<String> problems = new ArrayList<>();
        for (CaseCatalog.Case c : cases) {
            if (c.buggy()) {
                CaseCatalog.Case fixed = byId.get(c.fixedVariant());
                if (fixed == null) {
                    problems.add(c.id() + ": fixedVariant '" + c.fixedVariant() + "' is not a case id");
                } else if (fixed.buggy() || fixed.expected() != RealGo.Outcome.CLEAN) {
                    problems.add(c.id() + ": fixedVariant " + fixed.id() + " must be variant fixed with expectedOutcome CLEAN");
                } else if (!Path.of(fixed.file()).getParent().equals(Path.of(c.file()).getParent())) {
                    problems.add(c.id() + ": fixed variant lives in another scenario folder (" + fixed.file() + ")");
                }
                if (c.expected() == RealGo.Outcome.CLEAN) {
                    problems.add(c.id() + ": a buggy case must expect DEADLOCK, LEAK, DATA RACE or PANIC");
                }
                if (c.demonstrates().isEmpty() || c.exhibits().isEmpty()) {
                    problems.add(c.id() + ": buggy cases need demonstrates and exhibits");
                }
            } else if (!c.variant().equals("fixed")) {
                problems.add(c.id() + ": variant must be buggy or fixed, not " + c.variant());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_go_program_under_cases_is_listed_or_is_a_forcing_variant_of_a_listed_one() throws IOException {
        Set<Path> listed = cases.stream().map(c -> dir.resolve(c.file()).normalize()).collect(Collectors.toSet());
        Set<Path> forcing = new HashSet<>();
        listed.forEach(p -> CaseCatalog.forcingVariants(p).forEach(f -> forcing.add(f.normalize())));
        Set<String> orphans = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".go") && !p.startsWith(dir.resolve("kernels")))
                    .map(Path::normalize)
                    .filter(p -> !listed.contains(p) && !forcing.contains(p))
                    .forEach(p -> orphans.add(dir.relativize(p).toString()));
        }
        assertThat(orphans).as("Go files neither listed in cases.yaml nor named <stem>_forced*.go under reference/").isEmpty();
    }

    @Test
    void every_case_program_and_forcing_variant_compiles_with_go_1_19() {
        ReferenceRuns runs = ReferenceRuns.shared();
        List<Path> programs = new ArrayList<>();
        for (CaseCatalog.Case c : cases) {
            Path p = dir.resolve(c.file());
            programs.add(p);
            programs.addAll(CaseCatalog.forcingVariants(p));
        }
        List<String> failures = runs.inParallel(programs, p -> {
            try {
                runs.binary(p, false);
                return "";
            } catch (RealGoException e) {
                return e.getMessage();
            }
        }).stream().filter(s -> !s.isEmpty()).toList();
        assertThat(failures).isEmpty();
    }
}
