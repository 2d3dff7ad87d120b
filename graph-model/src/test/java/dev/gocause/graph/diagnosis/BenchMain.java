package dev.gocause.graph.diagnosis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-scope: times parsing (and with -d diagnosing) a goroutine dump: {@code BenchMain [-d] [FILE]},
 * FILE e.g. the 5,000-goroutine dump bench/dumpgen prints, else a synthetic 10,000-goroutine one.
 * Prints each round's wall and thread CPU milliseconds.
 */
public final class BenchMain {
  static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  static long allocated() {
    return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  public static void main(String[] args) throws Exception {
    boolean diagnose = args.length > 0 && args[0].equals("-d");
    int fileArg = diagnose ? 1 : 0;
    String dump = args.length > fileArg ? Files.readString(Path.of(args[fileArg]), StandardCharsets.UTF_8) : Dumps.synthetic(10_000);
    for (int i = 0; i < 15; i++) {
      long t0 = System.nanoTime();
      long c0 = cpu();
      GoOutputParser.parse(dump);
      System.out.println("parse ms " + (System.nanoTime() - t0) / 1_000_000 + " cpu ms " + (cpu() - c0) / 1_000_000);
    }
    if (diagnose) {
      DiagnosisService s = RealKnowledge.service();
      int rounds = 60;
      double[] wall = new double[rounds];
      double[] cpu = new double[rounds];
      double alloc = 0;
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        long c0 = cpu();
        long a0 = allocated();
        Diagnosis d = s.diagnose(DiagnosisRequest.of(dump));
        alloc = (allocated() - a0) / 1e6;
        wall[i] = (System.nanoTime() - t0) / 1e6;
        cpu[i] = (cpu() - c0) / 1e6;
        System.out.printf("diagnose ms %.1f cpu ms %.1f %s%n", wall[i], cpu[i], d.causes().isEmpty() ? "-" : d.causes().get(0).id());
      }
      // the last half, after the JIT settled
      double[] w = java.util.Arrays.copyOfRange(wall, rounds / 2, rounds);
      double[] c = java.util.Arrays.copyOfRange(cpu, rounds / 2, rounds);
      java.util.Arrays.sort(w);
      java.util.Arrays.sort(c);
      System.out.printf("last %d rounds: wall min/median %.1f / %.1f ms, cpu min/median %.1f / %.1f ms, %.1f MB allocated%n", w.length, w[0],
          w[w.length / 2], c[0], c[c.length / 2], alloc);
    }
    System.exit(0);
  }
}
