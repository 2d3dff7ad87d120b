package dev.gocause.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Test-scope: one command run in-process as the launcher runs it, with its exit status and what it printed. */
record CommandRun(int exit, String out, String err) {

  /** Runs {@code command} (a picocli command object) with the CLI's handler of user-facing errors. */
  static CommandRun of(Object command, String... args) {
    CommandLine cl = new CommandLine(command);
    cl.setExecutionExceptionHandler(new UserFacingErrors());
    return of(cl, args);
  }

  /** Runs an already configured command line (e.g. {@link GocauseCli#newCommandLine()}). */
  static CommandRun of(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new CommandRun(exit, out.toString(), err.toString());
  }
}
