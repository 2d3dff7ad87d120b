package dev.gocause.cli;

import dev.gocause.graph.GocauseException;
import dev.gocause.graph.diagnosis.Diagnosis;
import dev.gocause.graph.diagnosis.DiagnosisRenderer;
import dev.gocause.graph.diagnosis.DiagnosisRequest;
import dev.gocause.graph.diagnosis.DiagnosisSource;
import dev.gocause.graph.diagnosis.SourceFiles;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.Environment;
import dev.gocause.kernel.input.UrlInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gocause diagnose [FILE|-]}: what you see → ranked root causes, the same answer as the API. */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description = {
      "Rank the root causes of a panic, dump, race report or sentence.",
      "",
      "Diagnoses a pasted panic, fatal error, goroutine dump, race report, goleak report, vet output"
          + " or a sentence (Chinese or English): ranked root causes with evidence, confirming commands and fixes.",
      "",
      "Reads FILE, a URL (one GET, e.g. a live service's http://HOST:6060/debug/pprof/goroutine?debug=2),"
          + " or standard input when FILE is '-' or missing. Uses the running gocause graph"
          + " (NEO4J_URI, or a gocause graph answering on 127.0.0.1:7687), user-added knowledge included;"
          + " otherwise it answers from the packaged seed-data compiled in memory (no database; the same"
          + " answers a graph loaded with it gives). It never opens the store that 'gocause up' holds.",
      "",
      "Exit status: 0 a cause was found, 3 nothing points to a known cause, 2 bad input or no graph."
    })
final class DiagnoseCommand implements Callable<Integer> {

  static final int FOUND = 0;
  static final int NONE = 3;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "file to diagnose, or an http(s) URL such as a service's"
      + " .../debug/pprof/goroutine?debug=2; '-' or none reads standard input")
  String file;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, markdown or json (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "5", description = "at most N causes (1-50, default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--lang", paramLabel = "LANG", description = "zh or en for names and headings (default: the language of the text)")
  String lang;

  @Option(names = "--source", paramLabel = "DIR",
      description = "folder with the Go sources behind the stack frames: the files frames name (matched by path suffix, then by a"
          + " unique base name; never the standard library) are read and checked")
  Path source;

  @Option(names = "--simulation-budget", paramLabel = "DURATION", defaultValue = "2s",
      description = "wall-clock budget for simulating the code that runs (pasted main, tests or statements; the test or main the"
          + " output names in --source): 500ms, 2s, ... up to 30s; 0 does not simulate (default: ${DEFAULT-VALUE}: the first"
          + " simulation of a fresh JVM is slower than the API's warm 300 ms)")
  String simulationBudget;

  /** Tests set these; null means the process environment / standard input. */
  Environment environment;
  InputStream stdin;
  /** Tests set this; null means "standard input and output are a terminal". */
  Boolean interactive;

  @Override
  public Integer call() {
    Cli.quietLogs();
    PrintWriter out = spec.commandLine().getOut();
    String fmt = format.strip().toLowerCase(java.util.Locale.ROOT);
    if (!fmt.equals("text") && !fmt.equals("markdown") && !fmt.equals("json")) {
      throw new GocauseException("--format is '" + format + "'; use text, markdown or json");
    }
    if (limit < 1 || limit > DiagnosisRequest.MAX_LIMIT) {
      throw new GocauseException("--limit is " + limit + "; it must be between 1 and " + DiagnosisRequest.MAX_LIMIT);
    }
    String l = lang == null ? "" : lang.strip().toLowerCase(java.util.Locale.ROOT);
    if (!l.isEmpty() && !l.equals("zh") && !l.equals("en")) {
      throw new GocauseException("--lang is '" + lang + "'; use zh or en (or leave it out: the language of the text)");
    }
    if ((file == null || file.equals("-")) && (interactive != null ? interactive : System.console() != null)) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("gocause: reading standard input: paste what you see, then press Ctrl-D (or give a FILE)");
      err.flush();
    }
    String text = readInput();
    if (text.isBlank()) {
      throw new GocauseException((file == null || file.equals("-") ? "standard input" : file)
          + " is empty: paste a panic, goroutine dump, race or goleak report, or describe what you see");
    }
    DiagnosisRequest request = new DiagnosisRequest(text, limit, lang).withSimulationBudget(simulationBudget(simulationBudget));
    if (source != null) {
      if (!Files.isDirectory(source)) {
        throw new GocauseException("--source " + source + " is not a folder; give the folder holding the Go sources behind the frames");
      }
      request = request.withSources(SourceFiles.directory(source));
    }
    Diagnosis d;
    try (DiagnosisSource source = openSource(environment != null ? environment : Environment.fromSystem())) {
      d = source.service().diagnose(request);
    }
    out.print(switch (fmt) {
      case "json" -> DiagnosisRenderer.json(d) + "\n";
      case "markdown" -> DiagnosisRenderer.markdown(d, request.lang());
      default -> DiagnosisRenderer.text(d, request.lang());
    });
    out.flush();
    return d.found() ? FOUND : NONE;
  }

  /** {@code 0}, or a duration as {@code simulate --budget} takes it, at most {@link DiagnosisRequest#MAX_SIMULATION_BUDGET}. */
  static java.time.Duration simulationBudget(String value) {
    String v = value.strip();
    if (v.equals("0") || v.equals("0s") || v.equals("0ms")) {
      return java.time.Duration.ZERO;
    }
    java.time.Duration d;
    try {
      d = SimulateCommand.parseDuration(v);
    } catch (IllegalArgumentException e) {
      throw new GocauseException("--simulation-budget is '" + value + "'; give a duration such as 500ms or 2s, or 0 to not simulate");
    }
    if (d.compareTo(DiagnosisRequest.MAX_SIMULATION_BUDGET) > 0) {
      throw new GocauseException("--simulation-budget is " + v + "; at most " + DiagnosisRequest.MAX_SIMULATION_BUDGET.toSeconds()
          + "s (for longer runs use 'gocause simulate FILE.go --budget DURATION')");
    }
    return d;
  }

  private String readInput() {
    try {
      byte[] bytes;
      if (file == null || file.equals("-")) {
        bytes = (stdin != null ? stdin : System.in).readAllBytes();
      } else if (UrlInput.isUrl(file)) {
        bytes = UrlInput.fetch(file);
      } else {
        Path p = Path.of(file);
        if (Files.isDirectory(p)) {
          throw new GocauseException(file + " is a folder; give a file (or '-' for standard input)");
        }
        bytes = Files.readAllBytes(p);
      }
      // Pasted text may be in any encoding: decode leniently instead of failing.
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new GocauseException(file + " does not exist; give a readable file or '-' for standard input");
    } catch (IOException e) {
      throw new GocauseException("cannot read " + (file == null ? "standard input" : file) + ": " + e.getMessage());
    }
  }

  /** A running gocause graph (NEO4J_URI, or one answering on the local Bolt port), else the packaged seed-data. */
  static DiagnosisSource openSource(Environment env) {
    return DiagnosisSource.runningOrSeed(env, SeedSource.fromClasspath());
  }
}
