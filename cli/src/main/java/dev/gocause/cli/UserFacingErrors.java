package dev.gocause.cli;

import dev.gocause.graph.GocauseException;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
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

  /**
   * A mistyped command line: one line saying what is wrong, picocli's "did you mean" when it has
   * one, and where the options are listed, instead of the whole usage help.
   */
  static int handleParameterException(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    String name = cl.getCommandSpec().qualifiedName();
    String verb = name.replaceFirst("^gocause ?", "");
    err.println("gocause: " + (verb.isEmpty() ? "" : verb + ": ") + describe(e, cl));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("gocause: see './" + name + " --help'");
    err.flush();
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static String describe(CommandLine.ParameterException e, CommandLine cl) {
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      if (u.isUnknownOption()) {
        return "unknown option '" + unmatched.get(0) + "'";
      }
      if (!cl.getSubcommands().isEmpty() && cl.getCommandSpec().positionalParameters().isEmpty()) {
        return "unknown command '" + unmatched.get(0) + "'";
      }
      return "unexpected argument" + (unmatched.size() == 1 ? " " : "s ")
          + unmatched.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" "));
    }
    return e.getMessage();
  }
}
