package dev.gocause.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A mistyped command line gets one line naming what is wrong (with "did you mean" when there is a
 * close name) and where the options are, not sixty lines of usage help; exit status 2.
 */
class MistypedArgumentsGetOneLineAndAHintTest {

  static CommandRun run(String... args) {
    return CommandRun.of(GocauseCli.newCommandLine(), args);
  }

  @Test
  void a_value_that_is_not_a_number_names_the_option_and_points_to_the_help() {
    CommandRun r = run("diagnose", "--limit", "abc", "crash.txt");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("gocause: diagnose: Invalid value for option '--limit': 'abc' is not an int\n"
        + "gocause: see './gocause diagnose --help'\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void an_unknown_option_is_named_and_a_close_one_suggested() {
    CommandRun r = run("simulate", "--schedule", "5", "main.go");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("gocause: simulate: unknown option '--schedule'")
        .contains("--schedules")
        .endsWith("gocause: see './gocause simulate --help'\n")
        .doesNotContain("Usage:");
  }

  @Test
  void a_mistyped_command_is_named_and_the_right_one_suggested() {
    CommandRun r = run("diagnos", "crash.txt");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("gocause: unknown command 'diagnos'\n")
        .contains("gocause diagnose")
        .endsWith("gocause: see './gocause --help'\n")
        .doesNotContain("Usage:").doesNotContain("index");
  }

  @Test
  void an_extra_argument_is_named_without_an_index() {
    CommandRun r = run("diagnose", "a.txt", "b.txt");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("gocause: diagnose: unexpected argument 'b.txt'\ngocause: see './gocause diagnose --help'\n");
  }

  @Test
  void a_missing_file_for_simulate_says_so_in_two_lines() {
    CommandRun r = run("simulate");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("gocause: simulate: Missing required parameter: 'FILE.go'\n"
        + "gocause: see './gocause simulate --help'\n");
  }

  @Test
  void an_unknown_language_names_the_option_the_user_typed() {
    DiagnoseCommand diagnose = new DiagnoseCommand();
    diagnose.stdin = new java.io.ByteArrayInputStream("panic: send on closed channel\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    diagnose.environment = dev.gocause.graph.store.Environment.from(java.util.Map.of("GOCAUSE_BOLT_PORT", "0"));
    CommandRun r = CommandRun.of(diagnose, "--lang", "fr", "-");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("gocause: --lang is 'fr'; use zh or en (or leave it out: the language of the text)\n");
  }

  @Test
  void a_folder_given_to_simulate_is_called_a_folder() {
    CommandRun r = run("simulate", System.getProperty("java.io.tmpdir"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("gocause: simulate: " + System.getProperty("java.io.tmpdir")
        + " is a folder; give a .go file (or - for standard input)\n");
  }

  @Test
  void an_unknown_eval_set_names_every_kind_of_set_including_a_jsonl_file() {
    CommandRun r = run("eval", "--set", "nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("gocause: --set is 'nope'; use tune, holdout, all, or a JSONL file"
        + " (a path such as ./nope.jsonl or ../shared/field/cases.jsonl)\n");
  }
}
