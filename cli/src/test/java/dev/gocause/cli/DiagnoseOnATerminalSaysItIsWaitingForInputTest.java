package dev.gocause.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.store.Environment;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ./gocause diagnose} typed with no FILE at a terminal reads standard input; without a word
 * it would look hung. It says what it waits for, on stderr; piped input gets no such line.
 */
class DiagnoseOnATerminalSaysItIsWaitingForInputTest {

  static CommandRun diagnose(boolean terminal, String... args) {
    DiagnoseCommand cmd = new DiagnoseCommand();
    cmd.environment = Environment.from(Map.of("GOCAUSE_BOLT_PORT", "0"));
    cmd.stdin = new ByteArrayInputStream("panic: send on closed channel\n".getBytes(StandardCharsets.UTF_8));
    cmd.interactive = terminal;
    return CommandRun.of(cmd, args);
  }

  @Test
  void at_a_terminal_it_says_to_paste_and_press_ctrl_d() {
    CommandRun r = diagnose(true);
    assertThat(r.exit()).isEqualTo(DiagnoseCommand.FOUND);
    assertThat(r.err()).isEqualTo("gocause: reading standard input: paste what you see, then press Ctrl-D (or give a FILE)\n");
    assertThat(r.out()).contains("send-on-closed-channel");
  }

  @Test
  void piped_input_gets_no_such_line() {
    CommandRun r = diagnose(false, "-");
    assertThat(r.exit()).isEqualTo(DiagnoseCommand.FOUND);
    assertThat(r.err()).isEmpty();
  }
}
