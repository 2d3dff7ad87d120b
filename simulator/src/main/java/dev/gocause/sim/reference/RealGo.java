package dev.gocause.sim.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a single-file {@code package main} Go program with the real Go toolchain and
 * classifies each run the way the simulator reports outcomes.
 *
 * <p>Every program is built together with a generated companion file: the program's
 * {@code main} is renamed and a new {@code main} calls it, then waits briefly for the
 * remaining goroutines to finish. Goroutines still alive after that grace period are a
 * leak; the companion prints them with {@code runtime.Stack} and exits with status 3.
 * Deadlocks, panics and fatal errors behave exactly as in the original program because
 * the companion only runs after the original {@code main} returned.
 */
public final class RealGo {

    /** Exit status the leak-check companion uses; Go itself never exits with it on its own. */
    public static final int LEAK_EXIT_STATUS = 3;
    static final String LEAK_MARKER = "gocause-leakcheck:";
    static final String RENAMED_MAIN = "gocauseUserMain";
    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern MAIN_FUNC = Pattern.compile("(?m)^func\\s+main\\s*\\(\\s*\\)\\s*\\{");
    private static final Pattern GOROUTINE_HEADER = Pattern.compile("(?m)^goroutine (\\d+) \\[([^\\]]+)\\]:$");
    private static final int MAX_OUTPUT_CHARS = 4_000_000;

    private final Path go;
    private final Path workDir;
    private final Duration leakGrace;

    private RealGo(Path go, Path workDir, Duration leakGrace) {
        this.go = go;
        this.workDir = workDir;
        this.leakGrace = leakGrace;
    }

    /**
     * @param go        the {@code go} executable
     * @param workDir   where sources are staged and binaries written (created if missing)
     * @param leakGrace how long the companion waits for goroutines after {@code main} returned
     */
    public static RealGo create(Path go, Path workDir, Duration leakGrace) {
        Objects.requireNonNull(go, "go executable");
        Objects.requireNonNull(workDir, "work directory");
        if (leakGrace.isNegative() || leakGrace.toMillis() > 60_000) {
            throw new IllegalArgumentException("leak grace must be within 0..60s, got " + leakGrace);
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create work directory " + workDir, e);
        }
        return new RealGo(go, workDir, leakGrace);
    }

    /** The Go toolchain: {@code $GOCAUSE_GO}, else {@code go} on the PATH, else {@code /usr/bin/go}. */
    public static Optional<Path> locateGo() {
        String explicit = System.getenv("GOCAUSE_GO");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "go");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        Path fallback = Path.of("/usr/bin/go");
        return Files.isExecutable(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    /** How a run ended, named as the simulator names its findings. */
    public enum Outcome {
        DEADLOCK("DEADLOCK"), PANIC("PANIC"), DATA_RACE("DATA RACE"), LEAK("LEAK"),
        HANG("HANG"), CLEAN("CLEAN"), FAILED("FAILED");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** The label as written in cases.yaml and printed by the simulator ({@code DATA RACE} has a space). */
        public String label() {
            return label;
        }

        /** Parses a label such as {@code DATA RACE} or {@code DATA_RACE}. */
        public static Outcome ofLabel(String label) {
            for (Outcome o : values()) {
                if (o.label.equals(label) || o.name().equals(label)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown outcome '" + label
                    + "'; expected one of DEADLOCK, PANIC, DATA RACE, LEAK, HANG, CLEAN");
        }
    }

    /** A built program. */
    public record Binary(Path source, Path executable, boolean race) {
    }

    /**
     * One run of a program.
     *
     * @param message     Go's own words: the first {@code panic:}/{@code fatal error:} line, the
     *                    race header, or the leak summary; empty when clean
     * @param waitReasons for DEADLOCK and LEAK, the wait reasons of the blocked goroutines
     *                    (e.g. {@code chan send}), one entry per goroutine, sorted
     */
    public record Run(Outcome outcome, String message, List<String> waitReasons, int exitCode,
                      Duration elapsed, String output) {
        public Run {
            waitReasons = List.copyOf(waitReasons);
        }

        /** Wait reasons with how many goroutines wait for each, e.g. {@code {chan receive=3}}. */
        public java.util.SortedMap<String, Integer> waitReasonCounts() {
            java.util.SortedMap<String, Integer> counts = new java.util.TreeMap<>();
            waitReasons.forEach(r -> counts.merge(r, 1, Integer::sum));
            return counts;
        }

        @Override
        public String toString() {
            return outcome.label() + (message.isEmpty() ? "" : " " + message)
                    + (waitReasons.isEmpty() ? "" : " " + waitReasonCounts()) + " (exit " + exitCode + ", "
                    + elapsed.toMillis() + " ms)";
        }
    }

    /** Builds {@code source} (with the leak-check companion), optionally with {@code -race}. */
    public Binary build(Path source, boolean race) {
        String program;
        try {
            program = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RealGoException("cannot read Go source " + source + ": " + e.getMessage());
        }
        Matcher m = MAIN_FUNC.matcher(program);
        if (!m.find()) {
            throw new RealGoException(source + ": no 'func main() {' at the start of a line; a case must be package main with func main()");
        }
        String renamed = m.replaceFirst("func " + RENAMED_MAIN + "() {");
        try {
            Path dir = Files.createTempDirectory(workDir, stem(source) + (race ? "-race-" : "-"));
            Files.writeString(dir.resolve("main.go"), renamed, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("zz_gocause_leakcheck.go"), companion(), StandardCharsets.UTF_8);
            Path exe = dir.resolve("prog");
            List<String> cmd = new ArrayList<>(List.of(go.toString(), "build"));
            if (race) {
                cmd.add("-race");
            }
            cmd.addAll(List.of("-o", exe.toString(), "main.go", "zz_gocause_leakcheck.go"));
            ProcessResult r = exec(cmd, dir, BUILD_TIMEOUT, true);
            if (r.timedOut || r.exitCode != 0) {
                throw new RealGoException("go build" + (race ? " -race" : "") + " of " + source + " failed"
                        + (r.timedOut ? " (timed out)" : "") + ":\n"
                        + r.output.replace("./main.go", source.toString()).strip());
            }
            return new Binary(source, exe, race);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage " + source + " under " + workDir, e);
        }
    }

    /** Runs a built program once. */
    public Run run(Binary binary, Duration timeout) {
        ProcessResult r = exec(List.of(binary.executable().toString()), binary.executable().getParent(), timeout, false);
        return classify(r.output, r.exitCode, r.timedOut, r.elapsed);
    }

    /** Runs a built program {@code times} times, one after the other. */
    public List<Run> run(Binary binary, int times, Duration timeout) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        List<Run> runs = new ArrayList<>(times);
        for (int i = 0; i < times; i++) {
            runs.add(run(binary, timeout));
        }
        return runs;
    }

    /** Classifies the combined output of one run. Order matters: a race report wins over what follows it. */
    public static Run classify(String output, int exitCode, boolean timedOut, Duration elapsed) {
        if (timedOut) {
            return new Run(Outcome.HANG, "no exit within " + elapsed.toMillis() + " ms", List.of(), exitCode, elapsed, output);
        }
        if (output.contains("WARNING: DATA RACE")) {
            return new Run(Outcome.DATA_RACE, "WARNING: DATA RACE", List.of(), exitCode, elapsed, output);
        }
        if (exitCode == 0) {
            // A program may print anything, even "panic:"; Go itself exits with status 2 after a panic.
            return new Run(Outcome.CLEAN, "", List.of(), exitCode, elapsed, output);
        }
        String deadlock = "fatal error: all goroutines are asleep - deadlock!";
        if (output.contains(deadlock)) {
            return new Run(Outcome.DEADLOCK, deadlock, waitReasons(output, false), exitCode, elapsed, output);
        }
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("panic: ") || line.startsWith("fatal error: ")) {
                return new Run(Outcome.PANIC, line.strip(), List.of(), exitCode, elapsed, output);
            }
        }
        int marker = output.indexOf(LEAK_MARKER);
        if (marker >= 0 && exitCode == LEAK_EXIT_STATUS) {
            int eol = output.indexOf('\n', marker);
            String summary = output.substring(marker + LEAK_MARKER.length(), eol < 0 ? output.length() : eol).strip();
            return new Run(Outcome.LEAK, summary, waitReasons(output.substring(marker), true), exitCode, elapsed, output);
        }
        return new Run(Outcome.FAILED, "exit status " + exitCode, List.of(), exitCode, elapsed, output);
    }

    /**
     * Wait reasons of the goroutines in a dump, without the durations Go appends
     * ({@code chan receive, 2 minutes} becomes {@code chan receive}); running goroutines are skipped.
     */
    static List<String> waitReasons(String dump, boolean skipRunning) {
        List<String> reasons = new ArrayList<>();
        Matcher m = GOROUTINE_HEADER.matcher(dump);
        while (m.find()) {
            String reason = m.group(2);
            int comma = reason.indexOf(',');
            if (comma >= 0) {
                reason = reason.substring(0, comma);
            }
            if (skipRunning && (reason.equals("running") || reason.equals("runnable"))) {
                continue;
            }
            reasons.add(reason.strip());
        }
        reasons.sort(null);
        return reasons;
    }

    private String companion() {
        // Import names are file-scoped, so these aliases cannot clash with the program's imports.
        return """
                package main

                import (
                	gocauseos "os"
                	gocauseruntime "runtime"
                	gocausestrconv "strconv"
                	gocausetime "time"
                )

                func main() {
                	%s()
                	deadline := gocausetime.Now().Add(%d * gocausetime.Millisecond)
                	for gocauseruntime.NumGoroutine() > 1 && gocausetime.Now().Before(deadline) {
                		gocausetime.Sleep(2 * gocausetime.Millisecond)
                	}
                	n := gocauseruntime.NumGoroutine() - 1
                	if n <= 0 {
                		return
                	}
                	buf := make([]byte, 8<<20)
                	buf = buf[:gocauseruntime.Stack(buf, true)]
                	gocauseos.Stderr.WriteString("\\n%s " + gocausestrconv.Itoa(n) + " goroutine(s) still running after main returned\\n\\n")
                	gocauseos.Stderr.Write(buf)
                	gocauseos.Exit(%d)
                }
                """.formatted(RENAMED_MAIN, leakGrace.toMillis(), LEAK_MARKER, LEAK_EXIT_STATUS);
    }

    private record ProcessResult(String output, int exitCode, boolean timedOut, Duration elapsed) {
    }

    private ProcessResult exec(List<String> cmd, Path dir, Duration timeout, boolean toolchain) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        if (toolchain) {
            // One-file programs with standard-library imports only: GOPATH mode needs no go.mod.
            env.put("GO111MODULE", "off");
            env.put("GOFLAGS", "");
            if (System.getenv("GOCACHE") == null && System.getenv("HOME") == null) {
                env.put("GOCACHE", workDir.resolve("gocache").toString());
            }
        }
        Path out;
        try {
            out = Files.createTempFile(dir, "out", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pb.redirectOutput(out.toFile());
        long start = System.nanoTime();
        try {
            Process p = pb.start();
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            String text = readCapped(out);
            return new ProcessResult(text, finished ? p.exitValue() : -1, !finished, elapsed);
        } catch (IOException e) {
            throw new RealGoException("cannot start " + cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RealGoException("interrupted while running " + String.join(" ", cmd));
        } finally {
            try {
                Files.deleteIfExists(out);
            } catch (IOException ignored) {
                // a leftover temp file in the work directory is harmless
            }
        }
    }

    private static String readCapped(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String s = new String(bytes, StandardCharsets.UTF_8);
            return s.length() > MAX_OUTPUT_CHARS ? s.substring(0, MAX_OUTPUT_CHARS) : s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stem(Path source) {
        Path parent = source.getParent();
        String file = source.getFileName().toString().replaceAll("\\.go$", "");
        String name = (parent == null ? "" : parent.getFileName() + "-") + file;
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Command-line use: {@code RealGo FILE.go [--race] [--runs K]} prints one line per run. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: RealGo FILE.go [--race] [--runs K]");
            System.exit(2);
        }
        boolean race = false;
        int runs = 1;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--race" -> race = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; expected --race or --runs K");
                    System.exit(2);
                }
            }
        }
        Path go = locateGo().orElseThrow(() -> new RealGoException("no go toolchain found (set GOCAUSE_GO or put go on the PATH)"));
        RealGo realGo = create(go, Files.createTempDirectory("gocause-realgo"), Duration.ofMillis(300));
        Binary b = realGo.build(Path.of(args[0]), race);
        for (Run r : realGo.run(b, runs, Duration.ofSeconds(20))) {
            System.out.println(r);
        }
    }
}
