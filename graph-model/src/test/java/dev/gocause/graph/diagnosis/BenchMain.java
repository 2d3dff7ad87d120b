package dev.gocause.graph.diagnosis;

/** Test-scope: times parsing (and with -d diagnosing) a synthetic 10,000-goroutine dump. */
public final class BenchMain {
  static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  public static void main(String[] args) {
    String dump = Dumps.synthetic(10_000);
    for (int i = 0; i < 15; i++) {
      long t0 = System.nanoTime();
      long c0 = cpu();
      GoOutputParser.parse(dump);
      System.out.println("parse ms " + (System.nanoTime() - t0) / 1_000_000 + " cpu ms " + (cpu() - c0) / 1_000_000);
    }
    if (args.length > 0) {
      DiagnosisService s = RealKnowledge.service();
      for (int i = 0; i < 15; i++) {
        long t0 = System.nanoTime();
        long c0 = cpu();
        Diagnosis d = s.diagnose(DiagnosisRequest.of(dump));
        System.out.println("diagnose ms " + (System.nanoTime() - t0) / 1_000_000 + " cpu ms " + (cpu() - c0) / 1_000_000 + " " + d.causes().get(0).id());
      }
    }
    System.exit(0);
  }
}
