package dev.gocause.cli;

import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gocause validate}: checks seed-data without any graph. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check seed-data without starting or contacting a graph.",
      "",
      "Every problem is printed on one line naming the file, the entry (index and id) and the field:"
          + " unknown or missing fields, empty names, ids that are not kebab-case, duplicate ids, references"
          + " to ids that do not exist, weights outside [0,1], values outside their list, missing case or"
          + " evidence files, YAML syntax errors (with line and column).",
      "",
      "Exit status: 0 when seed-data is valid (a one-line summary is printed), 1 when it has problems."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--seed-data",
      paramLabel = "DIR",
      description = "seed-data folder to check (default: the seed-data packaged in this jar)")
  Path seedData;

  @Override
  public Integer call() {
    SeedSource source = seedData == null ? SeedSource.fromClasspath() : SeedSource.fromDirectory(seedData);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> problems = SeedReader.problems(source);
    if (!problems.isEmpty()) {
      problems.forEach(err::println);
      err.println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + source.description());
      err.flush();
      return 1;
    }
    KnowledgeSet ks = SeedReader.read(source);
    out.println("seed-data OK: " + summary(ks));
    out.flush();
    return 0;
  }

  /** "version 0.1.0, 320 entries (Symptom 43, ...), 1100 relationships, hash 1a2b3c4d5e6f, from DIR". */
  static String summary(KnowledgeSet ks) {
    Map<String, Long> counts = ks.countsByLabel();
    String perLabel = counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return "version " + ks.version() + ", " + total + " entries (" + perLabel + "), " + ks.relationships().size()
        + " relationships, hash " + ks.contentHash().substring(0, 12) + ", from " + ks.source();
  }
}
