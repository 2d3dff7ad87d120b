package dev.gocause.cli;

import dev.gocause.graph.GocauseException;
import dev.gocause.graph.diagnosis.DiagnosisService;
import dev.gocause.graph.diagnosis.DiagnosisSource;
import dev.gocause.graph.diagnosis.Evaluation;
import dev.gocause.graph.store.Environment;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gocause eval}: top-1 / top-3 accuracy of the diagnosis over the evaluation set, per input kind and language. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Diagnose every case of the evaluation set (eval/tune or eval/holdout) and print top-1 and",
      "top-3 accuracy per input kind and language. Answers come from where 'gocause diagnose' gets them",
      "(a running graph, else the packaged seed-data).",
      "",
      "Exit status: 0 printed, 2 the eval folder or the graph cannot be read."
    })
final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--set", paramLabel = "SET", defaultValue = "tune", description = "tune, holdout or all (default: ${DEFAULT-VALUE})")
  String set;

  @Option(names = "--eval-dir", paramLabel = "DIR", description = "the eval folder (default: ./eval)")
  Path evalDir;

  @Option(names = "--misses", description = "also list the cases whose expected cause is not ranked first")
  boolean misses;

  Environment environment;

  @Override
  public Integer call() {
    Cli.quietLogs();
    PrintWriter out = spec.commandLine().getOut();
    Path dir = evalDir != null ? evalDir : Path.of("eval");
    if (!Files.isDirectory(dir)) {
      throw new GocauseException("eval folder " + dir.toAbsolutePath() + " does not exist: run from the repo root or pass --eval-dir");
    }
    List<Evaluation.EvalCase> cases = Evaluation.load(dir, set);
    try (DiagnosisSource source = DiagnoseCommand.openSource(environment != null ? environment : Environment.fromSystem())) {
      DiagnosisService service = source.service();
      out.println(service.model().describe() + " from " + source.describe());
      Evaluation.Report r = Evaluation.run(set, cases, service::diagnose);
      out.print(r.table());
      if (misses) {
        out.print(r.misses());
      }
    }
    out.flush();
    return 0;
  }
}
