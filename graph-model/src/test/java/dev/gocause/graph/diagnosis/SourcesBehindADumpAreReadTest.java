package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Go dump plus the files of the program: the files the frames name are read, the checks run
 * on the functions on the stacks, and the cause the code shows comes first with {@code file:line}
 * cited. Files no frame names, and the standard library, are never read.
 */
class SourcesBehindADumpAreReadTest {

/** The program, shared with the other modules' tests: {@code testdata/range-over-unclosed-channel/main.go}. */
  static final String PROGRAM = program();

  static String program() {
    try {
      return java.nio.file.Files.readString(RealKnowledge.repo().resolve("testdata/range-over-unclosed-channel/main.go"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("the shared test program is missing: run the tests from the repo's modules", e);
    }
  }

  /** Runs the program with the Go toolchain of this machine and returns what it printed. */
  static String run(Path dir) throws Exception {
    Files.writeString(dir.resolve("main.go"), PROGRAM);
    Process p = new ProcessBuilder(List.of("go", "run", "main.go")).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(out).contains("all goroutines are asleep - deadlock!");
    return out;
  }

  @Test
  void theFramesFileIsReadAndTheRangeOverAnUnclosedChannelComesFirstCitingItsLine(@TempDir Path dir) throws Exception {
    String dump = run(dir);
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(dump).withSources(SourceFiles.directory(dir)));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("range-over-channel-never-closed");
    assertThat(d.causes().get(0).evidence()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("code");
      assertThat(e.text()).startsWith("main.go:15 (main");
    });
  }

  @Test
  void filesGivenAsAMapAreMatchedByPathSuffixThenUniqueBaseName(@TempDir Path dir) throws Exception {
    String dump = run(dir);
    SourceFiles bySuffix = SourceFiles.of(Map.of("app/main.go", "package other", "main.go", PROGRAM));
    assertThat(bySuffix.lookup("/home/u/app/main.go").orElseThrow().path()).isEqualTo("app/main.go");
    assertThat(bySuffix.lookup("/tmp/x/main.go").orElseThrow().path()).isEqualTo("main.go");
    assertThat(SourceFiles.of(Map.of("a/util.go", "", "b/util.go", "")).lookup("/x/util.go")).isEmpty();
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(dump).withSources(SourceFiles.of(Map.of("main.go", PROGRAM))));
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("range-over-channel-never-closed");
  }

  @Test
  void onlyFilesFramesNameAreLookedUpAndNeverTheStandardLibrary(@TempDir Path dir) throws Exception {
    String dump = run(dir);
    List<String> asked = new ArrayList<>();
    SourceFiles recording = path -> {
      asked.add(path);
      return java.util.Optional.empty();
    };
    RealKnowledge.service().diagnose(DiagnosisRequest.of(dump).withSources(recording));
    assertThat(asked).isNotEmpty().allMatch(p -> p.endsWith("/main.go"));
    asked.clear();
    RealKnowledge.service().diagnose(DiagnosisRequest.of("my program hangs").withSources(recording));
    assertThat(asked).as("no frames: no file access").isEmpty();
  }
}
