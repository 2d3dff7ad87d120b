package dev.gocause.graph.diagnosis.code;

import dev.gocause.sim.SimulationRequest;
import dev.gocause.sim.SimulationResult;
import dev.gocause.sim.Simulator;
import dev.gocause.sim.UnsupportedConstructException;
import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.vm.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs code that forms a runnable unit (a {@code main}, {@code TestXxx} functions, or statements
 * wrapped into a main) with the simulator under a wall-clock budget, in the calling thread: what
 * it finds (DEADLOCK, LEAK, DATA RACE, PANIC) comes back in Go's words with the command that
 * replays its schedule. A refusal (a construct outside the subset) or a run that no schedule
 * finished is a note, never an error.
 */
public final class CodeSimulation {

  /** Schedules at most: the budget usually stops first; a small program explores them in a few ms. */
  static final int SCHEDULES = 200;
  /** Each schedule's bounds, tighter than {@code gocause simulate}'s: a diagnosis shares the machine. */
  static final long MAX_STEPS = 100_000;
  static final Limits LIMITS = new Limits(1_000, 64L << 20, 20_000);

  /** The kind of a finding of the lock-order analysis (its message starts with the analysis's reason in parentheses). */
  public static final String POTENTIAL_DEADLOCK = "POTENTIAL DEADLOCK";

  /**
   * One finding: {@code kind} as the simulator names it ({@code DEADLOCK}, {@code LEAK}, {@code
   * DATA RACE}, {@code PANIC}, or {@link #POTENTIAL_DEADLOCK} with no report), its first line in Go's
   * words, the whole report Go would print, the program's lines it cites (in the numbering of the
   * source simulated), the command that replays it, and in how many of the schedules run it occurred.
   */
  public record Finding(String kind, String message, String report, List<Integer> lines, String replay, int occurrences, int schedules) {}

  /** What a run gave: its findings (empty when clean or not run), and a note when it refused or did not finish. */
  public record Outcome(List<Finding> findings, String note) {
    static Outcome note(String note) {
      return new Outcome(List.of(), note);
    }
  }

  private CodeSimulation() {}

  /** What in {@code file} runs: {@code "main"}, {@code "tests"}, {@code "statements"}, or null. */
  public static String runnable(Ast.File file) {
    boolean tests = false;
    for (Ast.Node d : file.decls) {
      if (d instanceof Ast.FuncDecl f && f.recv == null && f.body != null) {
        if (f.name.equals("main")) {
          boolean synthetic = f.line == 1 && f.body.line == 0;
          if (!synthetic) {
            return "main";
          }
          if (!f.body.stmts.isEmpty()) {
            return "statements";
          }
        } else if (isTest(f)) {
          tests = true;
        }
      }
    }
    return tests ? "tests" : null;
  }

  /** The top-level {@code TestXxx(t *testing.T)} functions of {@code file}. */
  public static List<String> tests(Ast.File file) {
    List<String> out = new ArrayList<>();
    for (Ast.Node d : file.decls) {
      if (d instanceof Ast.FuncDecl f && f.recv == null && f.body != null && isTest(f)) {
        out.add(f.name);
      }
    }
    return out;
  }

  private static boolean isTest(Ast.FuncDecl f) {
    return f.name.startsWith("Test") && (f.name.length() == 4 || !Character.isLowerCase(f.name.charAt(4))) && f.type.params.size() == 1;
  }

  /**
   * Simulates {@code source} (named {@code fileName} in reports) for at most {@code budget}, replays
   * included; {@code runRegexp} picks the tests to run (null: all, or main); {@code replayFile} is
   * how the replay command names the file the user has.
   */
  public static Outcome run(String source, String fileName, String runRegexp, Duration budget, String replayFile) {
    if (budget.isZero() || budget.isNegative()) {
      return Outcome.note("not simulated (no budget)");
    }
    // the simulator ends a schedule still running at its budget and replays within a quarter more: 3/5 + 3/20 of the budget
    Duration exploration = budget.multipliedBy(3).dividedBy(5);
    SimulationRequest req = SimulationRequest.of(source, fileName).withSchedules(SCHEDULES).withBudget(exploration)
        .withMaxSteps(MAX_STEPS).withLimits(LIMITS).withRunRegexp(runRegexp);
    SimulationResult r;
    try {
      r = Simulator.simulate(req);
    } catch (UnsupportedConstructException e) {
      return Outcome.note("not simulated: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return Outcome.note("not simulated: " + e.getMessage());
    } catch (StackOverflowError e) {
      return Outcome.note("not simulated: the code nests too deeply for the simulator");
    }
    List<Finding> out = new ArrayList<>();
    for (SimulationResult.Finding f : r.findings()) {
      String replay = "./gocause simulate " + replayFile + (runRegexp == null ? "" : " --run '" + runRegexp + "'") + " --strategy " + f.strategy()
          + " --seed " + f.replaySeed() + " --schedules 1 --max-steps " + MAX_STEPS;
      out.add(new Finding(f.kind().label, f.message(), f.report(), lines(f.report(), fileName), replay, f.occurrences(), r.schedulesRun()));
    }
    // the lock-order analysis's potential deadlocks, seen even in schedules that did not deadlock
    for (SimulationResult.LockOrderCycle c : r.lockOrderCycles()) {
      String replay = "./gocause simulate " + replayFile + (runRegexp == null ? "" : " --run '" + runRegexp + "'") + " --seed " + c.seed()
          + " --schedules 1 --max-steps " + MAX_STEPS;
      String described = c.describe();
      out.add(new Finding(POTENTIAL_DEADLOCK, described.substring(described.indexOf('(')), "", lines(described, fileName), replay,
          c.schedules(), r.schedulesRun()));
    }
    if (out.isEmpty() && r.schedulesFinished() == 0) {
      String limit = r.limitHits().isEmpty() ? "no schedule finished" : r.limitHits().get(0).message();
      return Outcome.note("simulated, no schedule finished within the bounds (" + firstClause(limit) + ")");
    }
    return new Outcome(List.copyOf(out), null);
  }

  private static String firstClause(String limit) {
    int semi = limit.indexOf(';');
    return semi > 0 ? limit.substring(0, semi) : limit;
  }

  /** The lines of {@code fileName} the report's frames cite, first five distinct, in order. */
  static List<Integer> lines(String report, String fileName) {
    Set<Integer> out = new LinkedHashSet<>();
    Matcher m = Pattern.compile(Pattern.quote(fileName) + ":(\\d+)").matcher(report);
    while (m.find() && out.size() < 5) {
      out.add(Integer.parseInt(m.group(1)));
    }
    return List.copyOf(out);
  }
}
