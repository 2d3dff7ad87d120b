package dev.gocause.cli;

import dev.gocause.graph.GocauseException;
import dev.gocause.graph.diagnosis.DiagnosisService;
import dev.gocause.graph.diagnosis.DiagnosisSource;
import dev.gocause.graph.diagnosis.Evaluation;
import dev.gocause.graph.diagnosis.FieldCorpus;
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
      "Measure the diagnosis's accuracy on an evaluation set.",
      "",
      "Diagnoses every case of the evaluation set (eval/tune or eval/holdout, or a labelled JSONL file"
          + " such as ../shared/field/cases.jsonl) and prints top-1 and top-3 accuracy per input kind and"
          + " language, then the calibration table (score band of the top cause -> share right). A JSONL"
          + " set is split into a tuned part and a kept-aside part (see eval/README.md); both are shown"
          + " unless --part picks one. Answers come from where 'gocause diagnose' gets them (a running"
          + " graph, else the packaged seed-data).",
      "",
      "Exit status: 0 printed, 2 the eval folder or the graph cannot be read."
    })
final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--set", paramLabel = "SET", defaultValue = "tune", description = "tune, holdout, all, or a JSONL file (default: ${DEFAULT-VALUE})")
  String set;

  @Option(names = "--part", paramLabel = "PART", defaultValue = "all",
      description = "for a JSONL set: tune, aside or all (default: ${DEFAULT-VALUE}: both parts, each with its own tables)")
  String part;

  @Option(names = "--eval-dir", paramLabel = "DIR", description = "the eval folder (default: ./eval)")
  Path evalDir;

  @Option(names = "--misses", description = "also list the cases whose expected cause is not ranked first")
  boolean misses;

  Environment environment;

  @Override
  public Integer call() {
    Cli.quietLogs();
    PrintWriter out = spec.commandLine().getOut();
    List<String> parts;
    List<Evaluation.EvalCase> cases;
    if (FieldCorpus.isPath(set)) {
      cases = FieldCorpus.part(FieldCorpus.load(Path.of(set)), part);
      parts = part.equals("all") ? List.of(FieldCorpus.TUNE, FieldCorpus.ASIDE) : List.of(part);
    } else {
      if (!List.of("tune", "holdout", "all").contains(set)) {
        throw new GocauseException("--set is '" + set + "'; use tune, holdout, all, or a JSONL file"
            + " (a path such as ./" + set + ".jsonl or ../shared/field/cases.jsonl)");
      }
      if (!part.equals("all")) {
        throw new GocauseException("--part applies to a JSONL set only; the eval folder's sets are tune and holdout");
      }
      Path dir = evalDir != null ? evalDir : Path.of("eval");
      if (!Files.isDirectory(dir)) {
        throw new GocauseException("eval folder " + dir.toAbsolutePath() + " does not exist: run from the repo root or pass --eval-dir");
      }
      cases = Evaluation.load(dir, set);
      parts = null;
    }
    try (DiagnosisSource source = DiagnoseCommand.openSource(environment != null ? environment : Environment.fromSystem())) {
      DiagnosisService service = source.service();
      out.println(service.model().describe() + " from " + source.describe());
      Evaluation.Report all = Evaluation.run(set, cases, service::diagnose);
      List<Evaluation.Report> reports = parts == null ? List.of(all)
          : parts.stream().map(p -> Evaluation.report(set + " part=" + p,
              all.outcomes().stream().filter(o -> o.c().set().equals(p)).toList())).toList();
      for (Evaluation.Report r : reports) {
        out.print(r.table());
        if (misses) {
          out.print(r.misses());
        }
        out.println();
      }
    }
    out.flush();
    return 0;
  }
}
