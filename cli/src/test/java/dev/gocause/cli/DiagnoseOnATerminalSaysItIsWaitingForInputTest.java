package dev.gocause.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.store.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ./gocause diagnose} typed with no FILE at a terminal reads standard input; without a word
 * it would look hung. It says what it waits for, on stderr; piped input gets no such line.
 */
class DiagnoseOnATerminalSaysItIsWaitingForInputTest {

  record Run(int exit, String out, String err) {}

  static Run diagnose(boolean terminal, String... args) {
    DiagnoseCommand cmd = new DiagnoseCommand();
    cmd.environment = Environment.from(Map.of("GOCAUSE_BOLT_PORT", "0"));
    cmd.stdin = new ByteArrayInputStream("panic: send on closed channel\n".getBytes(StandardCharsets.UTF_8));
    cmd.interactive = terminal;
    CommandLine cl = new CommandLine(cmd);
    cl.setExecutionExceptionHandler(new UserFacingErrors());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void at_a_terminal_it_says_to_paste_and_press_ctrl_d() {
    Run r = diagnose(true);
    assertThat(r.exit()).isEqualTo(DiagnoseCommand.FOUND);
    assertThat(r.err()).isEqualTo("gocause: reading standard input: paste what you see, then press Ctrl-D (or give a FILE)\n");
    assertThat(r.out()).contains("send-on-closed-channel");
  }

  @Test
  void piped_input_gets_no_such_line() {
    Run r = diagnose(false, "-");
    assertThat(r.exit()).isEqualTo(DiagnoseCommand.FOUND);
    assertThat(r.err()).isEmpty();
  }
}
