package dev.gocause.cli;

import dev.gocause.graph.GocauseException;
import picocli.CommandLine;

/** Maps every failure to one line on stderr: user-facing ones as they are, anything else briefly. */
final class UserFacingErrors implements CommandLine.IExecutionExceptionHandler {

  /** Exit code for bad input or configuration the user can fix. */
  static final int BAD_INPUT = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    if (e instanceof GocauseException) {
      cl.getErr().println("gocause: " + e.getMessage());
      return BAD_INPUT;
    }
    cl.getErr().println("gocause: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    cl.getErr().println("gocause: set GOCAUSE_DEBUG=1 to see the stack trace");
    if (System.getenv("GOCAUSE_DEBUG") != null) {
      e.printStackTrace(cl.getErr());
    }
    return 1;
  }
}
