package dev.gocause.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point behind {@code ./gocause}: one subcommand per verb of the DESIGN's Interfaces table. */
@Command(
    name = "gocause",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A knowledge graph of Go concurrency failures: diagnose what you see, explore the graph, simulate cases.",
    subcommands = {
      UpCommand.class,
      ValidateCommand.class,
      LoadCommand.class,
      DiagnoseCommand.class,
      EvalCommand.class,
      KernelCommand.class,
      SimulateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GocauseCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared by main and tests. */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new GocauseCli());
    cl.setExecutionExceptionHandler(new UserFacingErrors());
    cl.setParameterExceptionHandler(UserFacingErrors::handleParameterException);
    return cl;
  }
}
