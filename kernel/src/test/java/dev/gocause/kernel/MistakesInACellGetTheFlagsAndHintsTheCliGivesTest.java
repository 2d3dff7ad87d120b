package dev.gocause.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through the real Jupyter client, what a newcomer types first: {@code %diagnose --limit 1 ...}
 * as on the command line, a limit or depth out of range, an empty or misspelt {@code %%go} cell,
 * Go code with no magic above it. Each gets the answer, or one line naming the flag and a hint
 * that says what to write; an id the graph does not know says where the ids are.
 */
class MistakesInACellGetTheFlagsAndHintsTheCliGivesTest {

  static JsonNode r;
  static String out;

  @BeforeAll
  static void runTheCells() throws Exception {
    Jupyter.Run run = Jupyter.get().python(Map.of(), 600, "kernel_protocol.py", "cells",
        "limitFlag=%diagnose --limit 1 panic: send on closed channel",
        "limitRange=%%diagnose --limit 99\npanic: send on closed channel",
        "depthRange=%graph send-on-closed-channel --depth 9",
        "emptyGo=%%go",
        "syntaxGo=%%go\npackage main\n\nfunc main() {\n\tx := \n}",
        "goWithoutMagic=ch := make(chan int)\nch <- 1",
        "unknownId=%graph no-such-node");
    out = run.out();
    r = ProtocolDefectsAreFixedTest.result(run, "cells");
  }

  @Test
  void a_limit_before_the_text_of_the_line_magic_is_a_flag_as_on_the_command_line() {
    JsonNode c = r.get("limitFlag");
    assertThat(c.get("status").asText()).as(out).isEqualTo("ok");
    assertThat(c.get("text").asText()).contains("1. Send on a closed channel").doesNotContain("\n2. ").doesNotContain("--limit");
  }

  @Test
  void a_limit_out_of_range_names_the_flag_and_the_range() {
    JsonNode c = r.get("limitRange");
    assertThat(c.get("errors").toString()).as(out).contains("GocauseError: --limit is 99");
    assertThat(c.get("traceback").asText()).contains("hint: use 1 to 50");
  }

  @Test
  void a_depth_out_of_range_names_the_flag_not_an_api_parameter() {
    JsonNode c = r.get("depthRange");
    assertThat(c.get("errors").toString()).as(out).contains("GocauseError: --depth is 9").doesNotContain("parameter");
    assertThat(c.get("traceback").asText()).contains("hint: use --depth 1, 2 or 3");
  }

  @Test
  void an_empty_go_cell_shows_the_example_on_its_own_lines() {
    assertThat(r.get("emptyGo").get("traceback").asText()).as(out)
        .contains("hint: e.g.\n%%go\npackage main\n\nfunc main() {\n\tch := make(chan int)\n");
  }

  @Test
  void a_syntax_error_gets_a_hint_about_syntax_not_about_the_supported_subset() {
    String tb = r.get("syntaxGo").get("traceback").asText();
    assertThat(tb).as(out).contains("/cell/main.go:5:1: syntax error").contains("hint: fix the Go syntax at that line and column")
        .doesNotContain("subset");
  }

  @Test
  void go_code_without_a_magic_is_pointed_to_the_go_cell_magic() {
    assertThat(r.get("goWithoutMagic").get("traceback").asText()).as(out)
        .contains("is not a magic").contains("to simulate Go code, put %%go above it");
  }

  @Test
  void an_id_nothing_resembles_says_where_the_ids_are() {
    JsonNode c = r.get("unknownId");
    assertThat(c.get("errors").toString()).as(out).contains("NotFoundError: no node with id 'no-such-node'");
    assertThat(c.get("traceback").asText()).contains("hint: Tab after a magic completes ids");
  }
}
