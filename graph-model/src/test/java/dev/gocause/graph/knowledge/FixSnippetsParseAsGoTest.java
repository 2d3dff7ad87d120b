package dev.gocause.graph.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Fix's before/after code is Go that gofmt can parse: either top-level declarations, or
 * statements (parsed inside a function body). The two sides must differ.
 */
class FixSnippetsParseAsGoTest {
  private final KnowledgeData data = KnowledgeData.load();

  @TestFactory
  Stream<DynamicTest> every_fix_has_parseable_before_and_after_code() {
    GoToolchain go = GoToolchain.find().orElse(null);
    KnowledgeData.require(go != null, "the go toolchain");
    Path gofmt = go.goroot.resolve("bin/gofmt");
    KnowledgeData.require(Files.isExecutable(gofmt), "gofmt");
    return data.entries("fixes").stream().map(f -> DynamicTest.dynamicTest(f.path("id").asText(), () -> check(gofmt, f)));
  }

  private static void check(Path gofmt, JsonNode fix) throws IOException {
    String id = fix.path("id").asText();
    String before = fix.path("before").asText("");
    String after = fix.path("after").asText("");
    assertThat(before).as("%s.before", id).isNotBlank();
    assertThat(after).as("%s.after", id).isNotBlank().isNotEqualTo(before);
    for (String side : List.of("before", "after")) {
      String code = fix.path(side).asText();
      String asFile = parse(gofmt, "package p\n\n" + code);
      if (asFile != null) {
        String asBody = parse(gofmt, "package p\n\nfunc _() {\n" + code + "\n}\n");
        assertThat(asBody).as("%s.%s parses as Go (as a file: %s)", id, side, asFile).isNull();
      }
    }
  }

  /** Returns gofmt's error, or null when the source parses. */
  private static String parse(Path gofmt, String source) throws IOException {
    Path f = Files.createTempFile("gocause-fix-", ".go");
    try {
      Files.writeString(f, source, StandardCharsets.UTF_8);
      GoToolchain.Result r = GoToolchain.run(List.of(gofmt.toString(), "-e", "-l", f.toString()), null, 60);
      return r.exitCode() == 0 ? null : r.output().strip();
    } finally {
      Files.deleteIfExists(f);
    }
  }
}
