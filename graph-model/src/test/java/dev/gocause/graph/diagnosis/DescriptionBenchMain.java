package dev.gocause.graph.diagnosis;

import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-scope: in-process cost of fresh description sentences, the load of {@code bench/run.sh}'s
 * scenarios (b) and (b') without HTTP: {@code DescriptionBenchMain [ROUNDS] [WARMUP_SECONDS]}
 * diagnoses the one sentence and the 30 sentences of {@code bench/sentences-zh.txt} in turn, on
 * the seed-data model with no graph, in rounds of about a second, and prints the min/median/max
 * over the rounds of the wall-clock and the process CPU time (all threads: GC and JIT too) per
 * diagnosis in microseconds, and the KiB a diagnosis allocates. CPU time is the figure to compare on a shared machine: other
 * processes stretch the wall clock, much less the CPU a diagnosis takes. The answers are not
 * rendered (the API's JSON writing is the same before and after a change to the diagnosis).
 */
public final class DescriptionBenchMain {
  static final String ONE = "线上服务偶尔卡住,请求一直不返回,goroutine 数量越来越多";

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    double warmupSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
    DiagnosisService service = DiagnosisService.fromKnowledge(
        SeedReader.read(SeedSource.fromDirectory(RealKnowledge.repo().resolve("seed-data"))));
    DiagnosisModel m = service.model();
    System.out.println(m.describe() + "; phrases: " + m.symptomPhrases().list().size() + " symptom, " + m.causePhrases().list().size()
        + " cause, " + m.primitivePhrases().list().size() + " primitive");
    List<String> varied = new ArrayList<>();
    for (String line : Files.readAllLines(RealKnowledge.repo().resolve("bench/sentences-zh.txt"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        varied.add(line);
      }
    }
    long sink = 0;
    long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
    while (System.nanoTime() < end) {
      sink += once(service, ONE);
      for (String s : varied) {
        sink += once(service, s);
      }
    }
    int perRound = 0;
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < 1_000_000_000L) { // calibrate: about a second per round
      sink += once(service, ONE);
      perRound++;
    }
    for (String what : new String[] {"one", "varied"}) {
      List<Double> wall = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      List<Double> allocated = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        long start = System.nanoTime();
        long cpu0 = processCpuNanos();
        long bytes0 = allocatedBytes();
        for (int i = 0; i < perRound; i++) {
          sink += once(service, what.equals("one") ? ONE : varied.get(i % varied.size()));
        }
        wall.add((System.nanoTime() - start) / 1e3 / perRound);
        cpu.add((processCpuNanos() - cpu0) / 1e3 / perRound);
        allocated.add((allocatedBytes() - bytes0) / 1024.0 / perRound);
      }
      System.out.printf("%s: us per diagnosis, wall %s, cpu %s; KiB allocated per diagnosis %s (%d rounds of %d)%n", what, spread(wall),
          spread(cpu), spread(allocated), rounds, perRound);
    }
    System.out.println("(sink " + (sink % 10) + ")");
    System.exit(0);
  }

  private static String spread(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return String.format("min %.1f median %.1f max %.1f", sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
  }

  /** Bytes this thread allocated so far: what a diagnosis allocates does not depend on the machine's load. */
  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long once(DiagnosisService service, String text) {
    Diagnosis d = service.diagnose(DiagnosisRequest.of(text));
    return d.causes().size() + d.observedSymptoms().size();
  }
}
