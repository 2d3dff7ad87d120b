package dev.gocause.graph.diagnosis;

import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-scope: {@code AnswersMain OUT_FILE [FIELD_CORPUS.jsonl]} writes the whole JSON answer, from
 * the repo's seed-data without a graph, for every input of the eval sets, the field corpus (read
 * where it lies, never copied) and {@code bench/sentences-zh.txt}: each with the text's own
 * language at the full limit, in zh and en, and at the default limit. Diffing the file before and
 * after a change that should not change any answer proves it did not. Simulation is off except in
 * the first variant, whose wall-clock budget can make a run near it differ between two runs.
 */
public final class AnswersMain {
  public static void main(String[] args) throws Exception {
    try {
      run(Path.of(args[0]), args.length > 1 ? Path.of(args[1]) : RealKnowledge.repo().resolve("../shared/field/cases.jsonl"));
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(Path out, Path field) throws Exception {
    Path repo = RealKnowledge.repo();
    DiagnosisService service = DiagnosisService.fromKnowledge(SeedReader.read(SeedSource.fromDirectory(repo.resolve("seed-data"))));
    record Input(String name, String text) {}
    List<Input> inputs = new ArrayList<>();
    for (Evaluation.EvalCase c : Evaluation.load(repo.resolve("eval"), "all")) {
      inputs.add(new Input("eval/" + c.set() + "/" + c.id(), c.text()));
    }
    if (Files.isRegularFile(field)) {
      for (Evaluation.EvalCase c : FieldCorpus.load(field)) {
        inputs.add(new Input("field/" + c.id(), c.text()));
      }
    } else {
      System.err.println("no field corpus at " + field + ": eval sets and bench sentences only");
    }
    int n = 0;
    for (String line : Files.readAllLines(repo.resolve("bench/sentences-zh.txt"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        inputs.add(new Input("bench/sentences-zh/" + ++n, line));
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (Input in : inputs) {
        write(w, in.name() + " lang=- limit=50 simulation=default",
            service.diagnose(new DiagnosisRequest(in.text(), DiagnosisRequest.MAX_LIMIT, null)));
        for (String lang : new String[] {"zh", "en"}) {
          write(w, in.name() + " lang=" + lang + " limit=50 simulation=0",
              service.diagnose(new DiagnosisRequest(in.text(), DiagnosisRequest.MAX_LIMIT, lang).withSimulationBudget(Duration.ZERO)));
        }
        write(w, in.name() + " lang=- limit=5 simulation=0",
            service.diagnose(DiagnosisRequest.of(in.text()).withSimulationBudget(Duration.ZERO)));
      }
    }
    System.out.println(inputs.size() + " inputs, " + inputs.size() * 4 + " answers written to " + out);
  }

  private static void write(BufferedWriter w, String header, Diagnosis d) throws java.io.IOException {
    w.write("=== " + header + "\n");
    w.write(DiagnosisRenderer.json(d));
    w.write("\n");
  }
}
