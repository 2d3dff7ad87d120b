package dev.gocause.sim.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bug kernels under seed-data/cases/kernels/ behave as kernels.tsv says under real Go
 * with -race: each buggy kernel shows its outcome and each fixed kernel passes. Runs the
 * corpus's own benchmark script with a short test timeout and one run per kernel.
 */
class KernelsBehaveAsListedTest {

    @Test
    void every_buggy_kernel_shows_its_listed_outcome_and_every_fixed_kernel_passes() throws Exception {
        Path go = GoToolchain.require();
        Path kernels = CaseCatalog.casesDir().resolve("kernels");
        List<String> listed = Files.readAllLines(kernels.resolve("kernels.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(listed).as("kernels.tsv entries").hasSizeGreaterThanOrEqualTo(30);
        for (String line : listed) {
            String name = line.split("\t")[0];
            assertThat(kernels.resolve(name + "_test.go")).as(name + " buggy kernel").isRegularFile();
            assertThat(kernels.resolve(name + "_fixed_test.go")).as(name + " fixed kernel").isRegularFile();
        }

        Path out = Files.createDirectories(Path.of("target", "kernels"));
        ProcessBuilder pb = new ProcessBuilder("bash", kernels.resolve("realgo-bench.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("bench.txt").toFile());
        pb.environment().put("TIMEOUT", "3s");
        // three runs in one test binary (the script's default): a race shows only in a run where the
        // racing accesses happen unordered, and one run of a race kernel sometimes ordered them
        pb.environment().put("COUNT", "3");
        pb.environment().put("JOBS", "2");
        pb.environment().put("OUT", out.toAbsolutePath().toString());
        pb.environment().put("GO", go.toString());
        Process p = pb.start();
        boolean finished = p.waitFor(6, TimeUnit.MINUTES);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String report = Files.readString(out.resolve("bench.txt"), StandardCharsets.UTF_8);
        assertThat(finished).as("benchmark finished within 6 minutes").isTrue();
        List<String> mismatches = report.lines().filter(l -> l.endsWith("MISMATCH")).toList();
        assertThat(mismatches).as("kernels whose outcome differs from kernels.tsv (logs in " + out + "):\n" + report).isEmpty();
        try (Stream<String> rows = report.lines().filter(l -> l.endsWith("\tok"))) {
            assertThat(rows.count()).as("one row per kernel and variant:\n" + report).isEqualTo(2L * listed.size());
        }
        assertThat(p.exitValue()).as(report).isZero();
    }
}
