package dev.gocause.sim;

import java.time.Duration;
import dev.gocause.sim.vm.Limits;
import java.util.Objects;

/**
 * What to simulate and how.
 *
 * @param source Go source text: a file with {@code package main}, a {@code _test.go} file, or a snippet of statements
 * @param fileName name shown in stacks and diagnostics (e.g. {@code /cases/deadlock.go})
 * @param strategy how schedules are chosen
 * @param schedules how many schedules to run at most
 * @param seed base seed: schedule i uses seed + i; {@code --seed S --schedules 1} replays schedule S exactly
 * @param budget wall-clock budget for the whole exploration
 * @param go122LoopVars per-iteration loop variables (Go 1.22+) instead of one variable per loop (Go ≤ 1.21)
 * @param runRegexp test-runner mode: which {@code TestXxx} functions to run (null: all, when the file has tests and no main)
 * @param maxSteps scheduling steps per schedule before the run counts as a hang
 * @param pctDepth PCT's bug depth d
 * @param dfsPreemptionBound DFS: at most this many preemptive context switches per schedule
 * @param limits resource limits of each schedule (goroutines, heap, trace); hitting one ends the schedule with LIMIT
 */
public record SimulationRequest(
    String source,
    String fileName,
    Strategy strategy,
    int schedules,
    long seed,
    Duration budget,
    boolean go122LoopVars,
    String runRegexp,
    long maxSteps,
    int pctDepth,
    int dfsPreemptionBound,
    Limits limits) {

  /** Schedule exploration strategies; MIXED alternates random (even seeds) and PCT (odd seeds). */
  public enum Strategy { RANDOM, PCT, DFS, MIXED }

  public SimulationRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(limits, "limits");
    if (schedules < 1) throw new IllegalArgumentException("schedules must be at least 1, got " + schedules);
    if (maxSteps < 1) throw new IllegalArgumentException("maxSteps must be positive, got " + maxSteps);
    if (pctDepth < 1) throw new IllegalArgumentException("pctDepth must be at least 1, got " + pctDepth);
    if (dfsPreemptionBound < 0) throw new IllegalArgumentException("dfsPreemptionBound must not be negative");
  }

  /** The defaults of {@code ./gocause simulate FILE.go}: 1000 schedules, random+PCT, 20 s budget. */
  public static SimulationRequest of(String source, String fileName) {
    return new SimulationRequest(source, fileName, Strategy.MIXED, 1000, 1, Duration.ofSeconds(20), false, null, 500_000, 3, 2, Limits.DEFAULT);
  }

  public SimulationRequest withStrategy(Strategy s) {
    return new SimulationRequest(source, fileName, s, schedules, seed, budget, go122LoopVars, runRegexp, maxSteps, pctDepth, dfsPreemptionBound, limits);
  }

  public SimulationRequest withSchedules(int n) {
    return new SimulationRequest(source, fileName, strategy, n, seed, budget, go122LoopVars, runRegexp, maxSteps, pctDepth, dfsPreemptionBound, limits);
  }

  public SimulationRequest withSeed(long s) {
    return new SimulationRequest(source, fileName, strategy, schedules, s, budget, go122LoopVars, runRegexp, maxSteps, pctDepth, dfsPreemptionBound, limits);
  }

  public SimulationRequest withBudget(Duration b) {
    return new SimulationRequest(source, fileName, strategy, schedules, seed, b, go122LoopVars, runRegexp, maxSteps, pctDepth, dfsPreemptionBound, limits);
  }

  public SimulationRequest withGo122LoopVars(boolean v) {
    return new SimulationRequest(source, fileName, strategy, schedules, seed, budget, v, runRegexp, maxSteps, pctDepth, dfsPreemptionBound, limits);
  }

  public SimulationRequest withRunRegexp(String r) {
    return new SimulationRequest(source, fileName, strategy, schedules, seed, budget, go122LoopVars, r, maxSteps, pctDepth, dfsPreemptionBound, limits);
  }

  public SimulationRequest withMaxSteps(long n) {
    return new SimulationRequest(source, fileName, strategy, schedules, seed, budget, go122LoopVars, runRegexp, n, pctDepth, dfsPreemptionBound, limits);
  }

  public SimulationRequest withDfsPreemptionBound(int b) {
    return new SimulationRequest(source, fileName, strategy, schedules, seed, budget, go122LoopVars, runRegexp, maxSteps, pctDepth, b, limits);
  }

  public SimulationRequest withLimits(Limits l) {
    return new SimulationRequest(source, fileName, strategy, schedules, seed, budget, go122LoopVars, runRegexp, maxSteps, pctDepth, dfsPreemptionBound, l);
  }
}
