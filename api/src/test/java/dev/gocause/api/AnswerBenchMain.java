package dev.gocause.api;

import dev.gocause.graph.diagnosis.Diagnosis;
import dev.gocause.graph.diagnosis.DiagnosisRequest;
import dev.gocause.graph.diagnosis.DiagnosisService;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-scope: what a fresh {@code POST /v1/diagnose} of bench/run.sh's Chinese sentences costs
 * in-process, split into the diagnosis and the API's JSON rendering ({@link AnswerJson}), as this
 * thread's CPU time in microseconds and the bytes it allocates (min/median/max over rounds; CPU time holds better than the
 * wall clock on a shared machine). Run from {@code api/}: {@code AnswerBenchMain [ROUNDS] [LIMIT] [one]}
 * ({@code one}: only bench/run.sh's single sentence, else it and the 30 varied ones in turn)
 * with api's, graph-model's and simulator's classes and api's dependency classpath.
 */
public final class AnswerBenchMain {
  private static final String ONE = "线上服务偶尔卡住,请求一直不返回,goroutine 数量越来越多";

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : DiagnosisRequest.DEFAULT_LIMIT;
    Path repo = Path.of("").toAbsolutePath().getParent();
    DiagnosisService service = DiagnosisService.fromKnowledge(SeedReader.read(SeedSource.fromDirectory(repo.resolve("seed-data"))));
    List<String> inputs = new ArrayList<>(List.of(ONE));
    boolean oneOnly = args.length > 2 && args[2].equals("one");
    for (String line : oneOnly ? List.<String>of() : Files.readAllLines(repo.resolve("bench/sentences-zh.txt"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        inputs.add(line);
      }
    }
    List<Diagnosis> answers = new ArrayList<>();
    for (String text : inputs) {
      answers.add(service.diagnose(new DiagnosisRequest(text, limit, null)));
    }
    long sink = 0;
    List<Double> diagnose = new ArrayList<>();
    List<Double> render = new ArrayList<>();
    int n = 20_000;
    List<Double> diagnoseBytes = new ArrayList<>();
    List<Double> renderBytes = new ArrayList<>();
    for (int round = -3; round < rounds; round++) { // three unmeasured rounds for the JIT
      long a0 = allocated();
      long t0 = cpu();
      for (int i = 0; i < n; i++) {
        sink += service.diagnose(new DiagnosisRequest(inputs.get(i % inputs.size()), limit, null)).causes().size();
      }
      long t1 = cpu();
      long a1 = allocated();
      for (int i = 0; i < n; i++) {
        AnswerBuffer out = AnswerBuffer.take();
        Json.MAPPER.writeValue(out, DiagnoseRoutes.answer(new Diagnoser.Result(answers.get(i % answers.size()), false)));
        sink += out.size();
        out.release();
      }
      long t2 = cpu();
      long a2 = allocated();
      if (round >= 0) {
        diagnose.add((t1 - t0) / 1e3 / n);
        render.add((t2 - t1) / 1e3 / n);
        diagnoseBytes.add((a1 - a0) / 1024.0 / n);
        renderBytes.add((a2 - a1) / 1024.0 / n);
      }
    }
    System.out.printf("us of CPU per answer (%d inputs in turn, limit %d): diagnose %s; render JSON %s (sink %d)%n", inputs.size(), limit,
        spread(diagnose), spread(render), sink % 10);
    System.out.printf("KiB allocated per answer: diagnose %s; render JSON %s%n", spread(diagnoseBytes), spread(renderBytes));
    System.exit(0);
  }

  private static long cpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  private static String spread(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return String.format("min %.1f median %.1f max %.1f", sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
  }
}
