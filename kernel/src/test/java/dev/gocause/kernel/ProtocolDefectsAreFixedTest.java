package dev.gocause.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The base library's defects (DESIGN, Jupyter facts), each checked through the real Jupyter
 * client: a forged signature does not kill the shell, an interrupted cell stops and the kernel
 * stays usable, the JVM exits when its parent dies, and the kernel is ready fast.
 */
class ProtocolDefectsAreFixedTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode result(Jupyter.Run run, String check) throws Exception {
    for (String line : run.out().lines().toList()) {
      if (line.startsWith("{") && line.contains("\"check\": \"" + check + "\"")) {
        return JSON.readTree(line);
      }
    }
    throw new AssertionError("no result for " + check + " in:\n" + run.out());
  }

  @Test
  void a_message_with_a_forged_signature_is_dropped_and_the_next_request_is_answered() throws Exception {
    Jupyter.Run run = Jupyter.get().python(Map.of(), 180, "kernel_protocol.py", "forged-signature");
    JsonNode r = result(run, "forged-signature");
    assertThat(r.get("forgedExecuted").asBoolean()).as(run.out()).isFalse();
    assertThat(r.get("nextStatus").asText()).isEqualTo("ok");
    assertThat(r.get("nextText").asText()).contains("English");
  }

  @Test
  void an_interrupted_long_cell_stops_and_the_next_cells_run() throws Exception {
    Jupyter.Run run = Jupyter.get().python(Jupyter.sharedGraphEnv(), 600, "kernel_protocol.py", "interrupt");
    JsonNode r = result(run, "interrupt");
    assertThat(r.get("warm").asText()).as(run.out()).isEqualTo("ok");
    assertThat(r.get("sameRequest").asBoolean()).isTrue();
    assertThat(r.get("interruptedStatus").asText()).isEqualTo("error");
    assertThat(r.get("interruptedName").asText()).isEqualTo("KeyboardInterrupt");
    assertThat(r.get("stoppedSeconds").asDouble()).isLessThan(10);
    assertThat(r.get("nextStatus").asText()).isEqualTo("ok");
    assertThat(r.get("graphAfterStatus").asText()).isEqualTo("ok");
    assertThat(r.get("alive").asBoolean()).isTrue();
  }

  @Test
  void the_kernel_exits_when_the_jupyter_process_that_started_it_dies() throws Exception {
    Jupyter j = Jupyter.get();
    ProcessBuilder pb = new ProcessBuilder(Jupyter.PYTHON, "kernel_protocol.py", "orphan")
        .directory(Jupyter.pythonDir().toFile()).redirectErrorStream(true);
    pb.environment().put("JUPYTER_DATA_DIR", j.dataDir.toString());
    pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    pb.environment().put("PYTHONUNBUFFERED", "1");
    Process parent = pb.start();
    long kernelPid = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.contains("\"orphan\"")) {
          kernelPid = JSON.readTree(line).get("kernelPid").asLong();
          break;
        }
      }
      assertThat(kernelPid).as("the kernel's pid").isPositive();
      Optional<ProcessHandle> kernel = ProcessHandle.of(kernelPid);
      assertThat(kernel).isPresent();
      parent.destroyForcibly(); // SIGKILL: Jupyter gets no chance to shut its kernel down
      parent.waitFor(10, TimeUnit.SECONDS);
      boolean exited = kernel.get().onExit().completeOnTimeout(null, 15, TimeUnit.SECONDS).get() != null
          || !kernel.get().isAlive();
      if (!exited) {
        kernel.get().destroyForcibly();
      }
      assertThat(exited).as("kernel exited within 15 s of its parent's death").isTrue();
    } finally {
      parent.destroyForcibly();
    }
  }

  @Test
  void the_kernel_is_ready_before_the_graph_starts() throws Exception {
    double loadPerCore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
        / Runtime.getRuntime().availableProcessors();
    Jupyter.Run run = Jupyter.get().python(Map.of(), 300, "kernel_protocol.py", "startup", "3");
    JsonNode r = result(run, "startup");
    System.out.println("kernel start to ready: client-measured " + r.get("seconds") + " s; JVM start to sockets bound "
        + r.get("jvmReadySeconds") + " s; JVM CPU " + r.get("jvmCpuSeconds") + " s; load per core " + loadPerCore);
    assertThat(r.get("jvmReadySeconds").size()).as(run.out()).isEqualTo(3);
    double bestWall = Double.MAX_VALUE;
    double bestCpu = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      bestWall = Math.min(bestWall, r.get("jvmReadySeconds").get(i).asDouble());
      bestCpu = Math.min(bestCpu, r.get("jvmCpuSeconds").get(i).asDouble());
    }
    // CPU time barely depends on how busy the machine is: ~1.2-1.6 s (all JVM threads) for the
    // sockets to be bound, against ~15 s when start-up would open the graph.
    assertThat(bestCpu).isLessThan(3.0);
    // Wall time does; the 1.5 s budget is checked when the machine is not overloaded.
    if (loadPerCore < 0.5) {
      assertThat(Duration.ofMillis((long) (bestWall * 1000))).isLessThanOrEqualTo(Duration.ofMillis(1500));
    }
  }
}
