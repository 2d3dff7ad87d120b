package dev.gocause.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.EmbeddedGraphStore;
import dev.gocause.graph.store.Environment;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code gocause diagnose} against a running graph (a throw-away embedded one, reached over Bolt
 * through NEO4J_URI like any server): formats and exit codes 0 / 3 / 2.
 */
class DiagnoseCommandExitCodesTest {

  private static EmbeddedGraphStore graph;
  private static Environment env;

  @BeforeAll
  static void start() {
    graph = EmbeddedGraphStore.startTemporary();
    new KnowledgeLoader(graph).load(SeedSource.fromClasspath(), false);
    env = Environment.from(Map.of("NEO4J_URI", graph.boltUri()));
  }

  @AfterAll
  static void stop() {
    graph.close();
  }

  private static CommandRun run(String stdin, String... args) {
    DiagnoseCommand cmd = new DiagnoseCommand();
    cmd.environment = env;
    cmd.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    return CommandRun.of(cmd, args);
  }

  @Test
  void a_panic_on_standard_input_is_diagnosed_with_exit_0() {
    CommandRun r = run("panic: send on closed channel\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:9 +0x1d\n", "-");
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("send-on-closed-channel").contains("score");
  }

  @Test
  void json_output_has_the_api_shape() throws Exception {
    CommandRun r = run("fatal error: concurrent map writes\n", "--format", "json", "--limit", "2");
    assertThat(r.exit()).isEqualTo(0);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("causes").size()).isBetween(1, 2);
    assertThat(j.get("causes").get(0).get("id").asText()).isEqualTo("concurrent-map-access");
    assertThat(j.get("causes").get(0).get("evidence").get(0).get("lines").get(0).asInt()).isEqualTo(1);
    assertThat(j.get("knowledgeVersion").asText()).isNotBlank();
    assertThat(j.get("input").get("kind").asText()).isEqualTo("fatal");
  }

  @Test
  void markdown_in_chinese_for_a_chinese_sentence() {
    CommandRun r = run("上线以后程序偶尔卡住,请求不返回", "--format", "markdown");
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).startsWith("## 诊断");
  }

  @Test
  void nonsense_exits_3_and_says_nothing_was_found() {
    CommandRun r = run("the quick brown fox jumps over the lazy dog");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).contains("nothing in it points to a known root cause");
  }

  @Test
  void bad_input_exits_2_with_one_line() throws Exception {
    CommandRun missing = run("", "/no/such/file.txt");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo("gocause: /no/such/file.txt does not exist; give a readable file or '-' for standard input");
    assertThat(run("   \n").exit()).isEqualTo(2);
    assertThat(run("x", "--format", "yaml").err()).contains("--format is 'yaml'");
    assertThat(run("x", "--limit", "0").exit()).isEqualTo(2);
    Path dir = Files.createTempDirectory("gocause-diag");
    assertThat(run("", dir.toString()).err()).contains("is a folder");
  }
}
