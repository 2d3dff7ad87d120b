package dev.gocause.sim.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * Builds every case program once and runs it K times with real Go, shared by all test classes
 * of one JVM. Work runs on two threads (the machine is shared); builds are cached per
 * (source, -race) so a program is never built twice.
 */
final class ReferenceRuns {

    /** Runs per program and build mode. */
    static final int K = Integer.getInteger("gocause.realgo.runs", 5);
    /** Runs per buggy case in the build mode its expected outcome does not need. */
    static final int OTHER_MODE_RUNS = Integer.getInteger("gocause.realgo.otherRuns", 3);
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(20);
    static final Duration LEAK_GRACE = Duration.ofMillis(300);
    private static final int PARALLELISM = 2;

    /** What real Go showed for one case. Buggy: direct (+ forced) runs; fixed: plain and -race runs. */
    record Evidence(CaseCatalog.Case kase, Path program, List<RealGo.Run> direct, List<Path> forcing,
                    List<RealGo.Run> forced, List<RealGo.Run> race, String error) {
        /** Every run, whichever build or variant. */
        List<RealGo.Run> all() {
            List<RealGo.Run> all = new ArrayList<>(direct);
            all.addAll(forced);
            all.addAll(race);
            return all;
        }
    }

    private static ReferenceRuns shared;

    private final RealGo realGo;
    private final Path casesDir;
    private final ExecutorService pool;
    private final Map<String, FutureTask<RealGo.Binary>> builds = new ConcurrentHashMap<>();
    private final Map<String, Evidence> evidence = new ConcurrentHashMap<>();

    private ReferenceRuns(Path go) throws IOException {
        Path work = Files.createDirectories(Path.of("target", "realgo"));
        Path runDir = Files.createTempDirectory(work, "run-");
        // Binaries take a few MB each (-race ones more): drop them when the test JVM ends.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(runDir)));
        this.realGo = RealGo.create(go, runDir, LEAK_GRACE);
        this.casesDir = CaseCatalog.casesDir();
        this.pool = Executors.newFixedThreadPool(PARALLELISM, r -> {
            Thread t = new Thread(r, "realgo");
            t.setDaemon(true);
            return t;
        });
    }

    static synchronized ReferenceRuns shared() {
        Path go = GoToolchain.require();
        if (shared == null) {
            try {
                shared = new ReferenceRuns(go);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create target/realgo work folder: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    Path casesDir() {
        return casesDir;
    }

    /** Builds (or returns the cached build of) a program. */
    RealGo.Binary binary(Path source, boolean race) {
        String key = source.toAbsolutePath().normalize() + (race ? " -race" : "");
        FutureTask<RealGo.Binary> task = new FutureTask<>(() -> realGo.build(source, race));
        FutureTask<RealGo.Binary> existing = builds.putIfAbsent(key, task);
        if (existing == null) {
            task.run();
            existing = task;
        }
        try {
            return existing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + source);
        }
    }

    /** Applies {@code work} to every item on the shared two-thread pool, keeping the input order. */
    <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> work.apply(item)));
        }
        List<R> out = new ArrayList<>();
        for (Future<R> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
        return out;
    }

    /** Real-Go evidence for every case, computed once. */
    Map<String, Evidence> evidenceFor(List<CaseCatalog.Case> cases) {
        List<CaseCatalog.Case> missing = cases.stream().filter(c -> !evidence.containsKey(c.id())).toList();
        inParallel(missing, c -> {
            Evidence ev = evaluate(c); // outside any map lock: a case takes seconds
            evidence.putIfAbsent(c.id(), ev);
            return ev;
        });
        Map<String, Evidence> out = new LinkedHashMap<>();
        cases.forEach(c -> out.put(c.id(), evidence.get(c.id())));
        writeSummary(out);
        return out;
    }

    private Evidence evaluate(CaseCatalog.Case c) {
        Path program = casesDir.resolve(c.file());
        List<Path> forcing = c.buggy() ? CaseCatalog.forcingVariants(program) : List.of();
        try {
            if (c.buggy()) {
                boolean race = c.expected() == RealGo.Outcome.DATA_RACE;
                List<RealGo.Run> direct = realGo.run(binary(program, race), K, RUN_TIMEOUT);
                List<RealGo.Run> forced = new ArrayList<>();
                for (Path f : forcing) {
                    forced.addAll(realGo.run(binary(f, race), K, RUN_TIMEOUT));
                }
                return new Evidence(c, program, direct, forcing, forced, List.of(), "");
            }
            List<RealGo.Run> plain = realGo.run(binary(program, false), K, RUN_TIMEOUT);
            List<RealGo.Run> race = realGo.run(binary(program, true), K, RUN_TIMEOUT);
            return new Evidence(c, program, plain, forcing, List.of(), race, "");
        } catch (RealGoException e) {
            return new Evidence(c, program, List.of(), forcing, List.of(), List.of(), e.getMessage());
        }
    }

    private final Map<String, List<RealGo.Run>> otherMode = new ConcurrentHashMap<>();
    private final Map<String, List<RealGo.Run>> forcedOtherMode = new ConcurrentHashMap<>();

    /** The case's forcing variants run in the other build mode (see {@link #otherModeRuns}). */
    List<RealGo.Run> forcedOtherModeRuns(CaseCatalog.Case c) {
        List<RealGo.Run> cached = forcedOtherMode.get(c.id());
        if (cached != null) {
            return cached;
        }
        boolean race = c.expected() != RealGo.Outcome.DATA_RACE;
        List<RealGo.Run> runs = new ArrayList<>();
        if (c.expected() != RealGo.Outcome.DEADLOCK) {
            for (Path f : CaseCatalog.forcingVariants(casesDir.resolve(c.file()))) {
                runs.addAll(realGo.run(binary(f, race), OTHER_MODE_RUNS, RUN_TIMEOUT));
            }
        }
        forcedOtherMode.putIfAbsent(c.id(), runs);
        return runs;
    }

    /**
     * A buggy case run in the build mode its expected outcome does not need (-race for a
     * panic or leak, plain for a race), so that every bug class the simulator reports can be
     * checked against real Go. Empty for deadlock cases. Cached; {@link #OTHER_MODE_RUNS} runs.
     */
    List<RealGo.Run> otherModeRuns(CaseCatalog.Case c) {
        List<RealGo.Run> cached = otherMode.get(c.id());
        if (cached != null) {
            return cached;
        }
        boolean race = c.expected() != RealGo.Outcome.DATA_RACE;
        // Under -race a global deadlock is not reported: the program hangs until killed. Skip it.
        List<RealGo.Run> runs = c.expected() == RealGo.Outcome.DEADLOCK ? List.of()
                : realGo.run(binary(casesDir.resolve(c.file()), race), OTHER_MODE_RUNS, RUN_TIMEOUT);
        otherMode.putIfAbsent(c.id(), runs);
        return runs;
    }

    /** A table of what real Go showed, for people (target/realgo-reference.md). */
    private static void writeSummary(Map<String, Evidence> all) {
        StringBuilder sb = new StringBuilder("| case | expected | real Go (direct) | forcing variant | real Go (forced / -race) |\n|---|---|---|---|---|\n");
        for (Evidence e : all.values()) {
            sb.append("| ").append(e.kase().id()).append(" | ").append(e.kase().expected().label()).append(" | ")
                    .append(e.error().isEmpty() ? tally(e.direct()) : "BUILD ERROR").append(" | ")
                    .append(e.forcing().stream().map(p -> "reference/" + p.getFileName()).collect(java.util.stream.Collectors.joining(", "))).append(" | ")
                    .append(e.kase().buggy() ? tally(e.forced()) : "-race: " + tally(e.race())).append(" |\n");
        }
        try {
            Files.writeString(Path.of("target", "realgo-reference.md"), sb.toString());
        } catch (IOException ignored) {
            // the summary is a convenience; the assertions carry the result
        }
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: target/ is cleaned by the build anyway
        }
    }

    static String tally(List<RealGo.Run> runs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RealGo.Run r : runs) {
            String key = r.outcome().label() + (r.message().isEmpty() || r.outcome() == RealGo.Outcome.LEAK
                    ? "" : " (" + r.message() + ")");
            counts.merge(key, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(v + "× " + k));
        return String.join(", ", parts);
    }
}
