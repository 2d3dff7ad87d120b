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
 * the seed-data model with no graph, and prints microseconds per diagnosis of each round (each
 * round about a second of work) and their min/median/max. The answers are rendered as JSON too,
 * as the API does.
 */
public final class DescriptionBenchMain {
  static final String ONE = "线上服务偶尔卡住,请求一直不返回,goroutine 数量越来越多";

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    double warmupSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
    DiagnosisService service = DiagnosisService.fromKnowledge(
        SeedReader.read(SeedSource.fromDirectory(RealKnowledge.repo().resolve("seed-data"))));
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
      List<Double> us = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        long start = System.nanoTime();
        for (int i = 0; i < perRound; i++) {
          sink += once(service, what.equals("one") ? ONE : varied.get(i % varied.size()));
        }
        us.add((System.nanoTime() - start) / 1e3 / perRound);
      }
      List<Double> sorted = new ArrayList<>(us);
      sorted.sort(null);
      System.out.printf("%s: us per diagnosis min %.1f median %.1f max %.1f (%d rounds of %d)%n", what, sorted.get(0),
          sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), rounds, perRound);
    }
    System.out.println("(sink " + (sink % 10) + ")");
    System.exit(0);
  }

  private static long once(DiagnosisService service, String text) {
    return DiagnosisRenderer.json(service.diagnose(DiagnosisRequest.of(text))).length();
  }
}
