package dev.gocause.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Through the real Jupyter client: a {@code %%go} cell whose program allocates without bound, and one that starts
 * goroutines without bound, each answer with a line starting {@code LIMIT} that names the limit and how to raise it,
 * never a Java exception, and the kernel stays alive.
 */
class ProgramsThatGrowWithoutBoundEndInLimitTest {

  @Test
  void unbounded_allocation_and_unbounded_spawning_end_in_limit_lines_without_an_exception() throws Exception {
    Jupyter.Run run = Jupyter.get().python(Map.of(), 600, "kernel_protocol.py", "limits");
    JsonNode r = ProtocolDefectsAreFixedTest.result(run, "limits");
    JsonNode alloc = r.get("alloc");
    assertThat(alloc.get("status").asText()).as(run.out()).isEqualTo("ok");
    assertThat(alloc.get("errors")).as(run.out()).isEmpty();
    assertThat(alloc.get("text").asText()).startsWith("LIMIT heap:").contains("--max-heap").doesNotContain("Exception", "\tat ");
    JsonNode spawn = r.get("spawn");
    assertThat(spawn.get("status").asText()).as(run.out()).isEqualTo("ok");
    assertThat(spawn.get("errors")).as(run.out()).isEmpty();
    assertThat(spawn.get("text").asText()).startsWith("LIMIT goroutines:").contains("--max-goroutines")
        .doesNotContain("Exception", "\tat ");
    assertThat(r.get("alive").asBoolean()).isTrue();
  }
}
