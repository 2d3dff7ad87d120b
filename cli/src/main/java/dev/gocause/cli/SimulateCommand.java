package dev.gocause.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gocause.sim.SimulationRequest;
import dev.gocause.sim.SimulationResult;
import dev.gocause.sim.Simulator;
import dev.gocause.sim.TextRenderer;
import dev.gocause.sim.UnsupportedConstructException;
import dev.gocause.sim.vm.Limits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./gocause simulate FILE.go}: runs a Go program under many schedules and reports what breaks. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Find deadlocks, leaks, races and panics by simulating a Go program.",
      "",
      "Runs a Go program (package main, a _test.go file, or a snippet of statements) in a deterministic"
          + " simulator of Go's scheduler under many schedules, with virtual time, and reports deadlocks,"
          + " goroutine leaks, data races (happens-before, like -race) and panics in Go's own words.",
      "",
      "Each finding is one line starting with DEADLOCK, LEAK, DATA RACE or PANIC, with a replay seed;"
          + " a clean run prints a line starting with CLEAN. Details (goroutine dump, race report, timeline of"
          + " the failing schedule, outcome counts, printed values) follow.",
      "",
      "Lock-order analysis: every schedule records which locks a goroutine held when it acquired another"
          + " (Mutex Lock, RWMutex Lock/RLock). A cycle between goroutines with no common gate lock, an RLock"
          + " upgraded to Lock, or a recursive RLock while another goroutine write-locks the same RWMutex is"
          + " printed as an extra line 'POTENTIAL DEADLOCK (...)' after the first line, even when no schedule"
          + " deadlocked. It is a warning: on its own it leaves the first line CLEAN and the exit status 0.",
      "",
      "Resource limits (--max-steps, --max-goroutines, --max-heap, --max-trace) bound each schedule: one that"
          + " hits a limit ends with a line starting 'LIMIT' that names it and the option raising it.",
      "",
      "Exit status: 0 clean, 1 bug found, 2 bad input, a construct outside the supported Go subset, or"
          + " no schedule finished within the limits."
    },
    footer = {
      "",
      "Examples:",
      "  ./gocause simulate seed-data/cases/racy-counter/buggy.go",
      "  ./gocause simulate counter.go --schedules 5000 --strategy pct",
      "  ./gocause simulate deadlock.go --seed 7 --schedules 1   # replay one schedule",
      "  ./gocause simulate worker.go --strategy dfs --schedules 20000   # exhaustive",
      "  ./gocause simulate kernels/ab_ba_test.go --run 'TestABBA$'"
    })
public final class SimulateCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE.go", description = "Go source file (or - for standard input)")
  String file;

  @Option(names = "--schedules", paramLabel = "N", description = "schedules to run at most (default: ${DEFAULT-VALUE})", defaultValue = "1000")
  int schedules;

  @Option(names = "--strategy", paramLabel = "random|pct|dfs", description = "schedule exploration: random, pct (probabilistic concurrency testing), dfs (preemption-bounded exhaustive); default: random and pct alternating")
  String strategy;

  @Option(names = "--seed", paramLabel = "S", description = "base seed; schedule i uses S+i (default: ${DEFAULT-VALUE})", defaultValue = "1")
  long seed;

  @Option(names = "--budget", paramLabel = "DURATION", description = "wall-clock budget, Go syntax such as 30s, 2m, 1m30s (default: ${DEFAULT-VALUE})", defaultValue = "20s")
  String budget;

  @Option(names = "--run", paramLabel = "REGEXP", description = "test mode: run only the TestXxx functions matching REGEXP")
  String run;

  @Option(names = "--go122-loopvar", description = "per-iteration loop variables (Go 1.22+ semantics); default is Go 1.19's one variable per loop")
  boolean go122;

  @Option(names = "--preemption-bound", paramLabel = "K", description = "dfs: preemptive context switches per schedule (default: ${DEFAULT-VALUE})", defaultValue = "2")
  int preemptionBound;

  @Option(names = "--max-steps", paramLabel = "N", description = "limit: scheduling steps per schedule (and 40 instructions per step) before it ends as LIMIT steps (default: ${DEFAULT-VALUE})", defaultValue = "500000")
  long maxSteps;

  @Option(names = "--max-goroutines", paramLabel = "N", description = "limit: goroutines alive at once besides main, per schedule (default: ${DEFAULT-VALUE})", defaultValue = "10000")
  int maxGoroutines;

  @Option(names = "--max-heap", paramLabel = "MIB", description = "limit: MiB the program may allocate per schedule, estimated without garbage collection (default: ${DEFAULT-VALUE})", defaultValue = "512")
  long maxHeapMib;

  @Option(names = "--max-trace", paramLabel = "N", description = "limit: timeline steps recorded when a finding's schedule is replayed (default: ${DEFAULT-VALUE})", defaultValue = "1000000")
  int maxTrace;

  @Option(names = "--brief", description = "print only the finding / CLEAN lines")
  boolean brief;

  @Option(names = "--json", description = "print the result as one JSON object (verdict lines, findings with their Go"
      + " report and replay seed, lock-order warnings, limits, outcome counts, printed values); exit status as without it")
  boolean json;

  @Option(names = "--bench", hidden = true, description = "measure schedules per second and exit")
  boolean bench;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String source;
    if (!file.equals("-") && Files.isDirectory(Path.of(file))) {
      err.println("gocause: simulate: " + file + " is a folder; give a .go file (or - for standard input)");
      return 2;
    }
    try {
      source = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(Path.of(file));
    } catch (NoSuchFileException e) {
      err.println("gocause: simulate: " + file + ": no such file");
      return 2;
    } catch (IOException e) {
      err.println("gocause: simulate: " + file + ": " + e.getMessage());
      return 2;
    }
    SimulationRequest req;
    try {
      req = SimulationRequest.of(source, file.equals("-") ? "stdin.go" : file)
          .withSchedules(schedules)
          .withSeed(seed)
          .withBudget(parseDuration(budget))
          .withGo122LoopVars(go122)
          .withRunRegexp(run)
          .withDfsPreemptionBound(preemptionBound)
          .withMaxSteps(maxSteps)
          .withLimits(new Limits(maxGoroutines, Math.multiplyExact(Math.max(1, maxHeapMib), 1L << 20), maxTrace));
      if (strategy != null) req = req.withStrategy(parseStrategy(strategy));
    } catch (IllegalArgumentException | ArithmeticException e) {
      err.println("gocause: simulate: " + e.getMessage());
      return 2;
    }
    try {
      long started = System.nanoTime();
      boolean interactive = System.console() != null;
      boolean[] reported = {false};
      SimulationResult r = Simulator.simulate(req, n -> {
        // progress only on a terminal, only for long runs
        if (interactive && n % 50 == 0 && System.nanoTime() - started > 2_000_000_000L) {
          err.print("\rsimulate: " + n + " schedules…");
          err.flush();
          reported[0] = true;
        }
      });
      if (reported[0]) {
        err.print("\r");
        err.flush();
      }
      if (bench) {
        out.printf("%d schedules in %d ms: %.0f schedules/s%n", r.schedulesRun(), r.elapsedMillis(),
            r.schedulesRun() * 1000.0 / Math.max(1, r.elapsedMillis()));
      }
      if (json) out.println(toJson(r));
      else out.print(TextRenderer.render(r, !brief));
      out.flush();
      if (r.clean() && r.schedulesFinished() == 0) return 2; // every schedule hit a LIMIT: no verdict
      return r.clean() ? 0 : 1;
    } catch (UnsupportedConstructException e) {
      err.println(e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("gocause: simulate: " + e.getMessage());
      return 2;
    } catch (StackOverflowError e) {
      err.println("gocause: simulate: " + file + ": unsupported: nesting too deep for the simulator's parser or compiler");
      return 2;
    } catch (OutOfMemoryError e) {
      err.println("LIMIT memory: the JVM ran out of memory (" + (Runtime.getRuntime().maxMemory() >> 20)
          + " MiB); give it more (GOCAUSE_JAVA_OPTS=-Xmx4g) or lower --max-heap");
      return 2;
    }
  }

  /** The result as JSON: the text's verdict lines, then the same facts as fields (no timelines or series). */
  static String toJson(SimulationResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verdict", r.clean() && r.schedulesFinished() == 0 ? "LIMIT" : r.clean() ? "CLEAN" : r.findings().get(0).kind().label);
    m.put("lines", TextRenderer.render(r, false).lines().toList());
    m.put("schedules", r.schedulesRun());
    m.put("bound", r.bound());
    m.put("exhaustive", r.exhaustive());
    List<Map<String, Object>> findings = new ArrayList<>();
    for (SimulationResult.Finding f : r.findings()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("kind", f.kind().label);
      fm.put("message", f.message());
      fm.put("report", f.report());
      fm.put("replaySeed", f.replaySeed());
      fm.put("strategy", f.strategy());
      fm.put("seenIn", f.occurrences());
      fm.put("symptoms", f.symptomIds());
      findings.add(fm);
    }
    m.put("findings", findings);
    m.put("potentialDeadlocks", r.lockOrderCycles().stream().map(SimulationResult.LockOrderCycle::describe).toList());
    m.put("limits", r.limitHits().stream().map(h -> h.describe(r.schedulesRun())).toList());
    m.put("outcomes", r.outcomeCounts());
    m.put("printedValues", r.printedValues());
    m.put("elapsedMillis", r.elapsedMillis());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("simulation result not serialisable", e);
    }
  }

  static SimulationRequest.Strategy parseStrategy(String s) {
    return switch (s.toLowerCase()) {
      case "random" -> SimulationRequest.Strategy.RANDOM;
      case "pct" -> SimulationRequest.Strategy.PCT;
      case "dfs" -> SimulationRequest.Strategy.DFS;
      case "mixed" -> SimulationRequest.Strategy.MIXED;
      default -> throw new IllegalArgumentException("--strategy: '" + s + "' is not one of random, pct, dfs");
    };
  }

  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  /** Go's time.ParseDuration subset: 500ms, 30s, 2m, 1h30m. */
  static Duration parseDuration(String s) {
    Matcher m = DURATION_PART.matcher(s);
    long millis = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) break;
      double v = Double.parseDouble(m.group(1));
      millis += (long) (v * switch (m.group(2)) {
        case "ms" -> 1;
        case "s" -> 1000;
        case "m" -> 60_000;
        default -> 3_600_000;
      });
      end = m.end();
    }
    if (end != s.length() || s.isEmpty() || millis <= 0) {
      throw new IllegalArgumentException("--budget: '" + s + "' is not a duration such as 30s, 2m or 1m30s");
    }
    return Duration.ofMillis(millis);
  }
}
