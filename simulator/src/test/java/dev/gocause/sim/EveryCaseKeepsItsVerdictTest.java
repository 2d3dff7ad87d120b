package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the verdict of every Go file under {@code seed-data/cases} (scenarios, forcing variants and kernels) under fixed
 * seeds: the finding lines (kind, Go's message, replay seed, how often seen), lock-order warnings and the count of every
 * outcome class. A change to the compiler or machine that is meant to keep behaviour must leave this file unchanged.
 * After an intended change of behaviour, rewrite the golden file with {@code -Dgolden.update=true} and review the diff.
 */
class EveryCaseKeepsItsVerdictTest {
  static final int SCHEDULES = 100;
  static final Path GOLDEN = Path.of("src/test/resources/golden/verdicts.txt");

  @Test
  void every_case_and_kernel_gives_the_verdict_recorded_in_the_golden_file() throws IOException {
    String actual = verdicts(casesDir());
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, actual);
    }
    String expected = Files.readString(GOLDEN);
    if (!actual.equals(expected)) Files.writeString(Path.of("target/verdicts.actual.txt"), actual); // for diff -u
    assertThat(actual).as("verdicts differ from %s: diff -u it target/verdicts.actual.txt", GOLDEN).isEqualTo(expected);
  }

  /** One block per file, in path order: {@code == path}, the finding/warning lines, then {@code N × outcome} lines. */
  static String verdicts(Path cases) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(cases)) {
      files = s.filter(p -> p.toString().endsWith(".go")).sorted().toList();
    }
    StringBuilder sb = new StringBuilder();
    for (Path f : files) {
      String rel = cases.relativize(f).toString().replace('\\', '/');
      sb.append("== ").append(rel).append('\n');
      SimulationResult r;
      try {
        r = Simulator.simulate(SimulationRequest.of(Files.readString(f), f.getFileName().toString())
            .withSchedules(SCHEDULES).withBudget(Duration.ofHours(1)));
      } catch (UnsupportedConstructException e) {
        sb.append("UNSUPPORTED ").append(e.getMessage()).append('\n');
        continue;
      }
      sb.append(TextRenderer.render(r, false));
      for (Map.Entry<String, Integer> e : r.outcomeCounts().entrySet()) {
        sb.append(e.getValue()).append(" × ").append(e.getKey()).append('\n');
      }
    }
    return sb.toString();
  }

  /** {@code seed-data/cases} of this checkout, searched upwards from the working directory. */
  static Path casesDir() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path p = d.resolve("seed-data").resolve("cases");
      if (Files.isRegularFile(p.resolve("cases.yaml"))) return p;
    }
    throw new UncheckedIOException(new IOException("seed-data/cases not found above " + Path.of("").toAbsolutePath()));
  }
}
