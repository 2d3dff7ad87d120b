package dev.gocause.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code jupyter_kernel_test} (the standard conformance suite) plus content checks, against a
 * kernel that finds no server and starts its own embedded graph (the fallback path).
 */
class KernelPassesTheJupyterConformanceSuiteTest {

  @Test
  void the_conformance_suite_passes_with_every_optional_check_filled_in() {
    Jupyter.Run run = Jupyter.get().python(Jupyter.noServerEnv(), 900, "-m", "unittest", "-v", "test_conformance");
    assertThat(run.out()).as(run.out()).contains("OK");
    assertThat(run.exit()).as(run.out()).isZero();
    // the optional checks ran (and passed) instead of being skipped
    for (String t : java.util.List.of("test_kernel_info", "test_completion", "test_inspect", "test_is_complete",
        "test_error", "test_execute_result", "test_display_data", "test_kernel_info_reply_has_status_ok",
        "test_inspect_of_an_id_shows_the_node", "test_unknown_id_error_names_the_nearest_ids",
        "test_bad_cypher_error_carries_neo4js_message", "test_cypher_is_read_only_without_write")) {
      assertThat(run.out()).as(t).containsPattern("(?m)^" + t + " \\(.*\\) \\.\\.\\. ok$");
    }
  }
}
