package dev.gocause.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code "files"} in the body: a real Go 1.19 dump plus the program's files gets the cause the code shows, citing its line. */
class DiagnoseReadsTheSourceFilesBehindTheFramesTest {
  static ApiServer server;
  static Http http;

/** The program, shared with the other modules' tests: {@code testdata/range-over-unclosed-channel/main.go}. */
  static final String PROGRAM = program();

  static String program() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("..").toAbsolutePath().normalize().resolve("testdata/range-over-unclosed-channel/main.go"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("the shared test program is missing: run the tests from the repo's modules", e);
    }
  }

  @BeforeAll
  static void start() {
    server = ApiServer.start(ApiConfig.defaults().withPort(0), TestGraph.store());
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String body(Object o) throws Exception {
    return Json.MAPPER.writeValueAsString(o);
  }

  @Test
  void aRealDumpWithTheProgramsFilesRanksTheCauseTheCodeShowsFirst(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("main.go"), PROGRAM);
    Process p = new ProcessBuilder(List.of("go", "run", "main.go")).directory(dir.toFile()).redirectErrorStream(true).start();
    String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(dump).contains("deadlock!");
    Http.Res r = http.post("/v1/diagnose", "application/json", body(Map.of("text", dump, "files", Map.of("cmd/app/main.go", PROGRAM))));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode first = r.json().get("causes").get(0);
    assertThat(first.get("id").asText()).isEqualTo("range-over-channel-never-closed");
    boolean cited = false;
    for (JsonNode e : first.get("evidence")) {
      cited |= e.get("kind").asText().equals("code") && e.get("text").asText().startsWith("cmd/app/main.go:15");
    }
    assertThat(cited).as(first.toString()).isTrue();
  }

  @Test
  void filesBeyondTheLimitOrNotAnObjectAreProblemsNamingTheField() throws Exception {
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i <= DiagnoseRoutes.MAX_FILES; i++) {
      many.put("f" + i + ".go", "package main");
    }
    for (String b : List.of(body(Map.of("text", "panic: x", "files", many)), body(Map.of("text", "panic: x", "files", List.of("main.go"))),
        body(Map.of("text", "panic: x", "files", Map.of("main.go", "x".repeat(DiagnoseRoutes.MAX_FILE_BYTES + 1)))))) {
      Http.Res r = http.post("/v1/diagnose", "application/json", b);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.body()).contains("files");
    }
  }

  @Test
  void twoHundredFilesOfOneMebibyteAreAcceptedAndAFileOverOneMebibyteInUtf8IsNot() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < DiagnoseRoutes.MAX_FILES - 1; i++) {
      files.put("f" + i + ".go", "package main");
    }
    files.put("big.go", "x".repeat(DiagnoseRoutes.MAX_FILE_BYTES));
    assertThat(http.post("/v1/diagnose", "application/json", body(Map.of("text", "panic: x", "files", files))).status()).isEqualTo(200);

    // fewer characters than the limit, more bytes: 中 is three bytes in UTF-8
    String wide = "// " + "中".repeat(DiagnoseRoutes.MAX_FILE_BYTES / 3);
    assertThat(wide.length()).isLessThan(DiagnoseRoutes.MAX_FILE_BYTES);
    Http.Res r = http.post("/v1/diagnose", "application/json", body(Map.of("text", "panic: x", "files", Map.of("wide.go", wide))));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("files").contains("bytes");
  }

  @Test
  void theUtf8LengthIsTheEncodedLength() {
    for (String s : List.of("", "package main", "中文 goroutine", "emoji \uD83D\uDE00 end", "é")) {
      assertThat(DiagnoseRoutes.utf8Length(s)).as(s).isEqualTo(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
  }
}
