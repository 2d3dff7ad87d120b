package dev.gocause.graph.diagnosis;

import java.util.List;

/** Test-scope entry for tuning: {@code EvalMain [tune|holdout|all] [-v]} prints the accuracy table (and misses with -v). */
public final class EvalMain {
  public static void main(String[] args) {
    String set = args.length > 0 ? args[0] : "tune";
    boolean verbose = List.of(args).contains("-v");
    try {
      run(set, verbose);
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(String set, boolean verbose) {
    DiagnosisService service = RealKnowledge.service();
    System.out.println(service.model().describe());
    Evaluation.Report r = Evaluation.run(set, Evaluation.load(RealKnowledge.repo().resolve("eval"), set), service::diagnose);
    System.out.print(r.table());
    if (verbose) {
      System.out.print(r.misses());
    }
  }
}
