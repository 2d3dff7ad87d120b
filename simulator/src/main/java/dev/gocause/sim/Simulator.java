package dev.gocause.sim;

import dev.gocause.sim.SimulationRequest.Strategy;
import dev.gocause.sim.SimulationResult.Finding;
import dev.gocause.sim.SimulationResult.Kind;
import dev.gocause.sim.SimulationResult.SeriesPoint;
import dev.gocause.sim.SimulationResult.TimelineStep;
import dev.gocause.sim.explore.Choosers;
import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.lang.Parser;
import dev.gocause.sim.vm.Compiler;
import dev.gocause.sim.vm.LockOrder;
import dev.gocause.sim.vm.Machine;
import dev.gocause.sim.vm.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Entry point: compiles a Go program of the supported subset and runs it under many schedules.
 *
 * <pre>
 * SimulationResult r = Simulator.simulate(SimulationRequest.of(source, "counter.go"));
 * System.out.print(TextRenderer.render(r));
 * </pre>
 */
public final class Simulator {
  private Simulator() {}

  /** Parses and compiles; throws {@link UnsupportedConstructException} (file:line:col) for anything outside the subset. */
  public static Program compile(String source, String fileName, boolean go122LoopVars) {
    return compile(source, fileName, go122LoopVars, false);
  }

  /**
   * With {@code deferRefusals}, a function whose body is outside the subset (an unmodelled package member, say) does
   * not refuse the program: it refuses it when a schedule calls the function ({@link #simulate} then throws the same
   * {@link UnsupportedConstructException}), so the tests of a file that never reach it run to a verdict. Syntax and
   * type errors, and constructs outside function bodies, refuse at once either way.
   */
  public static Program compile(String source, String fileName, boolean go122LoopVars, boolean deferRefusals) {
    Ast.File f = new Parser(source, fileName).parse();
    boolean testMode = fileName.endsWith("_test.go") || (!hasMain(f) && hasTests(f));
    Compiler c = new Compiler(fileName, fileName, go122LoopVars);
    if (deferRefusals) c.deferringRefusals();
    return c.compile(f, testMode);
  }

  private static boolean hasMain(Ast.File f) {
    for (Ast.Node d : f.decls) if (d instanceof Ast.FuncDecl fd && fd.recv == null && fd.name.equals("main")) return true;
    return false;
  }

  private static boolean hasTests(Ast.File f) {
    for (Ast.Node d : f.decls) if (d instanceof Ast.FuncDecl fd && fd.recv == null && fd.name.startsWith("Test")) return true;
    return false;
  }

  public static SimulationResult simulate(SimulationRequest req) {
    return simulate(req, null);
  }

  /** Runs the exploration; progress (may be null) receives the number of schedules done after each schedule. */
  public static SimulationResult simulate(SimulationRequest req, Consumer<Integer> progress) {
    long t0 = System.nanoTime();
    Program prog = compile(req.source(), req.fileName(), req.go122LoopVars(), true);
    Pattern filter = null;
    if (req.runRegexp() != null) {
      try {
        filter = Pattern.compile(req.runRegexp());
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("--run: invalid regular expression: " + e.getDescription());
      }
    }
    long start = System.nanoTime();
    // the budget counts from the request (compilation included) and also ends a schedule still running at it
    long deadline = later(t0, budgetNanos(req));
    long expected = calibrate(prog, req, filter, deadline);

    Map<String, Integer> outcomes = new LinkedHashMap<>();
    Map<String, Integer> printed = new LinkedHashMap<>();
    Map<String, Object[]> found = new LinkedHashMap<>(); // key -> {kind, message, report, seed, strategy, count}
    Map<String, SimulationResult.LockOrderCycle> cycles = new LinkedHashMap<>();
    Map<String, SimulationResult.LimitHit> limitHits = new LinkedHashMap<>();
    long firstFinding = -1;
    long firstPotential = -1;
    int runs = 0;
    boolean exhaustive = false;
    Choosers.DfsChooser dfs = req.strategy() == Strategy.DFS ? new Choosers.DfsChooser(req.dfsPreemptionBound(), 10_000) : null;
    List<SeriesPoint> firstSeries = null;
    long skip = 0;
    if (dfs != null && req.seed() > 1) {
      // DFS schedules are numbered 1, 2, ... in search order: --seed K starts at the K-th
      for (long k = 1; k < req.seed() && dfs.next(); k++) {
        dfs.reset();
        Machine ff = new Machine(prog, dfs, false, req.maxSteps(), 0);
        ff.testFilter = filter;
        ff.limits = req.limits();
        bound(ff, req, deadline);
        ff.run();
        skip++;
      }
    }
    for (int i = 0; i < req.schedules(); i++) {
      if (i > 0 && System.nanoTime() > deadline) break;
      long seed = req.seed() + i;
      Machine m;
      if (dfs != null) {
        if (!dfs.next()) {
          exhaustive = dfs.truncated == 0;
          break;
        }
        dfs.reset();
        m = new Machine(prog, dfs, false, req.maxSteps(), 0);
      } else {
        m = new Machine(prog, chooser(req, seed, expected), false, req.maxSteps(), seed);
      }
      m.testFilter = filter;
      m.limits = req.limits();
      bound(m, req, deadline);
      m.run();
      checkInternal(m, req);
      runs++;
      if (m.outcome == Machine.Outcome.LIMIT) {
        long at = dfs != null ? skip + runs : seed;
        limitHits.merge(m.crash, new SimulationResult.LimitHit(m.crash, at, 1),
            (a, b) -> new SimulationResult.LimitHit(a.message(), a.seed(), a.schedules() + 1));
      }
      if (firstSeries == null) firstSeries = series(m);
      String outcome = outcomeClass(m);
      outcomes.merge(outcome, 1, Integer::sum);
      printed.merge(printedKey(m.out.toString()), 1, Integer::sum);
      List<Object[]> runFindings = findingsOf(m);
      if (firstFinding < 0 && !runFindings.isEmpty()) firstFinding = (System.nanoTime() - t0) / 1_000_000;
      for (Object[] fnd : runFindings) {
        String key = (String) fnd[3];
        Object[] prev = found.get(key);
        if (prev == null) {
          found.put(key, new Object[] {fnd[0], fnd[1], fnd[2], dfs != null ? skip + runs : seed, strategyName(req, seed), 1});
        } else {
          prev[5] = (Integer) prev[5] + 1;
        }
      }
      collectLockOrder(m, req.fileName(), req.source(), dfs != null ? skip + runs : seed, cycles);
      if (firstPotential < 0 && !cycles.isEmpty()) firstPotential = (System.nanoTime() - t0) / 1_000_000;
      if (progress != null) progress.accept(runs);
    }
    if (dfs != null && !exhaustive && dfs.exhausted()) exhaustive = dfs.truncated == 0;
    // replay each finding's schedule with the timeline on
    // replays get a quarter of the budget beyond it: a replay cut by time keeps its finding, without a timeline
    long replayDeadline = later(deadline, budgetNanos(req) / 4);
    List<Finding> findings = new ArrayList<>();
    for (Object[] v : found.values()) {
      long seed = (Long) v[3];
      Machine rm = replay(prog, req, seed, expected, filter, true, replayDeadline);
      List<TimelineStep> tl = rm != null && rm.outcome == Machine.Outcome.LIMIT && rm.crash.startsWith("time:") ? List.of() : timeline(rm, req.source());
      Kind kind = (Kind) v[0];
      findings.add(new Finding(kind, (String) v[1], (String) v[2], seed, (String) v[4], (Integer) v[5], tl,
          Symptoms.of(kind, (String) v[2]), series(rm)));
    }
    findings.sort((a, b) -> b.occurrences() - a.occurrences());
    String bound = boundText(req, runs, exhaustive, dfs);
    return new SimulationResult(findings, sortByCount(outcomes), sortByCount(printed), runs, exhaustive, bound,
        (System.nanoTime() - start) / 1_000_000, firstSeries == null ? List.of() : firstSeries, List.copyOf(cycles.values()), firstFinding,
        firstPotential, List.copyOf(limitHits.values()));
  }

  private static final Pattern LOCK_CALL = Pattern.compile("([A-Za-z_][\\w.]*(?:\\[[^\\]]*\\])?(?:\\.[A-Za-z_]\\w*)*)\\.(RLock|Lock)\\(");
  private static final String CHAN_EXPR = "([A-Za-z_]\\w*(?:\\[[^\\]]*\\])?(?:\\.[A-Za-z_]\\w*(?:\\(\\))?)*)";
  private static final Pattern SEND_OP = Pattern.compile(CHAN_EXPR + "\\s*<-");
  private static final Pattern RECV_OP = Pattern.compile("<-\\s*" + CHAN_EXPR);
  private static final Pattern RANGE_OP = Pattern.compile("range\\s+" + CHAN_EXPR);
  private static final Pattern CLOSE_OP = Pattern.compile("close\\(\\s*" + CHAN_EXPR + "\\s*\\)");

  /** Adds this schedule's potential deadlocks (keyed by their source lines, stable across schedules). */
  private static void collectLockOrder(Machine m, String file, String source, long seed, Map<String, SimulationResult.LockOrderCycle> into) {
    if (m.lockOrder.isEmpty()) return;
    String[] lines = null;
    for (LockOrder.Cycle c : m.lockOrder.cycles()) {
      StringBuilder key = new StringBuilder(c.reason());
      for (LockOrder.Edge e : c.edges()) {
        key.append(';').append(e.held().line()).append('>').append(e.acquired().line());
        if (e.held().isChannel() || e.acquired().isChannel()) key.append(e.held().op()).append('>').append(e.acquired().op());
      }
      SimulationResult.LockOrderCycle prev = into.get(key.toString());
      if (prev != null) {
        into.put(key.toString(), new SimulationResult.LockOrderCycle(prev.reason(), file, prev.edges(), prev.seed(), prev.schedules() + 1));
        continue;
      }
      if (lines == null) lines = source.split("\n", -1);
      List<SimulationResult.LockOrderEdge> edges = new ArrayList<>();
      // name each node of the cycle; distinct locks or channels with the same expression (from.mu, from.mu) get #1, #2
      Map<Object, String> names = new LinkedHashMap<>(); // locks and channel waits compare by identity; insertion order keeps #1, #2 stable
      Map<String, Integer> uses = new LinkedHashMap<>();
      for (LockOrder.Edge e : c.edges()) {
        for (LockOrder.Acq a : new LockOrder.Acq[] {e.acquired(), e.held()}) {
          if (!names.containsKey(a.lock())) {
            String n = a.isChannel() ? chanName(a, lines) : lockName(m, a.lock(), lines);
            names.put(a.lock(), n);
            uses.merge(n, 1, Integer::sum);
          }
        }
      }
      Map<String, Integer> nth = new LinkedHashMap<>();
      for (Map.Entry<Object, String> en : names.entrySet()) {
        if (uses.get(en.getValue()) > 1) en.setValue(en.getValue() + "#" + nth.merge(en.getValue(), 1, Integer::sum));
      }
      for (LockOrder.Edge e : c.edges()) {
        int goroutine = e.acquired().goroutine();
        edges.add(new SimulationResult.LockOrderEdge(names.get(e.held().lock()), mode(e.held()), e.held().line(),
            names.get(e.acquired().lock()), mode(e.acquired()), e.acquired().line(), goroutine));
      }
      into.put(key.toString(), new SimulationResult.LockOrderCycle(c.reason(), file, List.copyOf(edges), seed, 1));
    }
  }

  /** {@code Lock}, {@code RLock}, {@code send}, {@code receive}, {@code close}, {@code select send}, {@code select receive}. */
  private static String mode(LockOrder.Acq a) {
    String op = switch (a.op()) {
      case LOCK -> a.read() ? "RLock" : "Lock";
      case SEND -> "send";
      case RECV -> "receive";
      case CLOSE -> "close";
    };
    return a.inSelect() ? "select " + op : op;
  }

  /** The channel expression at a channel step's line ({@code h.events} in {@code h.events <- e}), else {@code channel@line N}. */
  private static String chanName(LockOrder.Acq a, String[] lines) {
    int line = a.line();
    if (line >= 1 && line <= lines.length) {
      String text = lines[line - 1];
      Pattern[] tries = switch (a.op()) {
        case SEND -> new Pattern[] {SEND_OP};
        case RECV -> new Pattern[] {RECV_OP, RANGE_OP};
        case CLOSE -> new Pattern[] {CLOSE_OP};
        case LOCK -> new Pattern[0];
      };
      for (Pattern p : tries) {
        java.util.regex.Matcher mt = p.matcher(text);
        if (mt.find()) return mt.group(1);
      }
    }
    return "channel@line " + line;
  }

  /** The receiver expression of the lock's first acquisition ({@code a.mu} in {@code a.mu.Lock()}), else {@code lock@line N}. */
  private static String lockName(Machine m, Object lock, String[] lines) {
    Integer line = m.lockOrder.firstLine.get(lock);
    if (line == null) return "lock";
    if (line >= 1 && line <= lines.length) {
      java.util.regex.Matcher mt = LOCK_CALL.matcher(lines[line - 1]);
      if (mt.find()) return mt.group(1);
    }
    return "lock@line " + line;
  }

  /** Re-runs one schedule (what {@code --seed S --schedules 1} does) with the timeline recorded. */
  public static Machine replay(Program prog, SimulationRequest req, long seed, long expected, Pattern filter, boolean timeline) {
    return replay(prog, req, seed, expected, filter, timeline, Long.MAX_VALUE);
  }

  /** As {@link #replay(Program, SimulationRequest, long, long, Pattern, boolean)}, ending at the wall-clock {@code deadline} ({@link System#nanoTime()}). */
  public static Machine replay(Program prog, SimulationRequest req, long seed, long expected, Pattern filter, boolean timeline, long deadline) {
    Machine m;
    if (req.strategy() == Strategy.DFS) {
      // DFS seeds are run numbers: walk the tree to that run
      Choosers.DfsChooser dfs = new Choosers.DfsChooser(req.dfsPreemptionBound(), 10_000);
      long target = seed;
      Machine last = null;
      for (long k = 1; k <= target && dfs.next(); k++) {
        dfs.reset();
        last = new Machine(prog, dfs, k == target && timeline, req.maxSteps(), 0);
        last.testFilter = filter;
        last.limits = req.limits();
        bound(last, req, deadline);
        last.run();
      }
      return last;
    }
    m = new Machine(prog, chooser(req, seed, expected), timeline, req.maxSteps(), seed);
    m.testFilter = filter;
    m.limits = req.limits();
    bound(m, req, deadline);
    m.run();
    return m;
  }

  private static long budgetNanos(SimulationRequest req) {
    return req.budget().compareTo(java.time.Duration.ofDays(365)) > 0 ? Long.MAX_VALUE : Math.max(0, req.budget().toNanos());
  }

  /** {@code at + nanos}, Long.MAX_VALUE (no deadline) when that does not fit. */
  private static long later(long at, long nanos) {
    if (at == Long.MAX_VALUE || nanos == Long.MAX_VALUE) return Long.MAX_VALUE;
    try {
      return Math.addExact(at, nanos);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** The wall-clock instant at which the schedule ends as LIMIT time (Long.MAX_VALUE: never). */
  private static void bound(Machine m, SimulationRequest req, long deadline) {
    m.deadlineNanos = deadline;
    m.deadlineBudget = req.budget();
  }

  private static void checkInternal(Machine m, SimulationRequest req) {
    if (m.outcome == Machine.Outcome.INTERNAL) {
      RuntimeException e = m.internalError;
      UnsupportedConstructException x = new UnsupportedConstructException(req.fileName(), m.internalLine, 1,
          e instanceof Machine.Unmodelled u ? "unsupported: " + u.getMessage()
              : "unsupported: the simulator cannot run this line (a gap in its model of Go)");
      x.initCause(e); // for whoever debugs the simulator; never part of the text
      throw x;
    }
  }

  private static long calibrate(Program prog, SimulationRequest req, Pattern filter, long deadline) {
    Machine m = new Machine(prog, new Choosers.RandomChooser(0), false, Math.min(req.maxSteps(), 200_000), 0);
    m.testFilter = filter;
    m.limits = req.limits();
    bound(m, req, deadline);
    m.run();
    checkInternal(m, req);
    return Math.max(10, m.steps);
  }

  private static Machine.Chooser chooser(SimulationRequest req, long seed, long expected) {
    Strategy s = req.strategy();
    if (s == Strategy.MIXED) s = Math.floorMod(seed, 2) == 0 ? Strategy.RANDOM : Strategy.PCT;
    return s == Strategy.PCT ? new Choosers.PctChooser(seed, req.pctDepth(), expected) : new Choosers.RandomChooser(seed);
  }

  private static String strategyName(SimulationRequest req, long seed) {
    Strategy s = req.strategy();
    if (s == Strategy.MIXED) return Math.floorMod(seed, 2) == 0 ? "random" : "pct";
    return s.name().toLowerCase();
  }

  private static String boundText(SimulationRequest req, int runs, boolean exhaustive, Choosers.DfsChooser dfs) {
    return switch (req.strategy()) {
      case DFS -> exhaustive
          ? "exhaustive DFS with preemption bound " + req.dfsPreemptionBound() + " (" + runs + " schedules)"
          : "DFS with preemption bound " + req.dfsPreemptionBound() + ", stopped after " + runs + " schedules (not exhaustive)";
      case PCT -> runs + " schedules, PCT(d=" + req.pctDepth() + ")";
      case RANDOM -> runs + " schedules, seeded random";
      case MIXED -> runs + " schedules, random+PCT(d=" + req.pctDepth() + ")";
    };
  }

  static String outcomeClass(Machine m) {
    String base = switch (m.outcome) {
      case OK -> "exit " + m.exitCode;
      case EXIT -> "exit " + m.exitCode;
      case LIMIT -> "LIMIT " + m.crash.split(":", 2)[0];
      default -> m.crash.lines().findFirst().orElse(m.outcome.name());
    };
    if (base.startsWith("panic: ")) base = base.replaceAll(" \\[recovered\\]", "");
    StringBuilder sb = new StringBuilder(base);
    if (!m.races.isEmpty()) sb.append(" + data race");
    if (!m.leaks.isEmpty()) sb.append(" + ").append(m.leaks.size()).append(" leaked goroutine").append(m.leaks.size() == 1 ? "" : "s");
    return sb.toString();
  }

  private static String printedKey(String out) {
    String s = out.strip();
    if (s.length() > 300) s = s.substring(0, 300) + "…";
    return s;
  }

  /** {kind, message, report, dedupe key} for every finding of one run. */
  private static List<Object[]> findingsOf(Machine m) {
    List<Object[]> out = new ArrayList<>();
    for (Machine.Race r : m.races) {
      String first = "WARNING: DATA RACE";
      String msg = first + " (" + r.var() + ": lines " + Math.min(r.line1(), r.line2()) + " and " + Math.max(r.line1(), r.line2()) + ")";
      out.add(new Object[] {Kind.DATA_RACE, msg, r.report(), "race:" + Math.min(r.line1(), r.line2()) + ":" + Math.max(r.line1(), r.line2())});
    }
    switch (m.outcome) {
      case DEADLOCK -> out.add(new Object[] {Kind.DEADLOCK, m.crash.lines().findFirst().orElse(""), m.crash, "deadlock:" + dumpKey(m.crash)});
      case PANIC, FATAL -> {
        String first = m.crash.lines().findFirst().orElse("");
        out.add(new Object[] {Kind.PANIC, first, m.crash, "panic:" + first});
      }
      default -> { }
    }
    if (!m.leaks.isEmpty()) {
      StringBuilder key = new StringBuilder("leak:");
      for (Machine.Leak l : m.leaks) key.append(l.state()).append('@').append(l.topFunc()).append(';');
      String msg = "found unexpected goroutines: " + m.leaks.size() + " (" + m.leaks.get(0).topFunc() + " in state " + m.leaks.get(0).state() + ")";
      out.add(new Object[] {Kind.LEAK, msg, m.crash, key.toString().replaceAll("\\d+", "")});
    }
    return out;
  }

  private static String dumpKey(String dump) {
    // group deadlocks by the set of wait states and top frames, not by goroutine ids
    StringBuilder sb = new StringBuilder();
    String[] lines = dump.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("goroutine ") && i + 1 < lines.length) {
        sb.append(lines[i].replaceAll("goroutine \\d+ ", "").replaceAll(", \\d+ minutes?", "")).append(lines[i + 1]).append(';');
      }
    }
    return sb.toString();
  }

  private static List<SeriesPoint> series(Machine m) {
    List<SeriesPoint> l = new ArrayList<>();
    for (Machine.CountPoint p : m.counts) l.add(new SeriesPoint(p.timeNanos(), p.step(), p.goroutines(), p.estBytes()));
    return l;
  }

  private static List<TimelineStep> timeline(Machine m, String source) {
    List<TimelineStep> l = new ArrayList<>();
    if (m == null || m.timeline == null) return l;
    String[] lines = source.split("\n", -1);
    for (Machine.Step s : m.timeline) {
      String src = s.line() >= 1 && s.line() <= lines.length ? lines[s.line() - 1].strip() : "";
      l.add(new TimelineStep(s.goroutine(), s.line(), src, s.what(), s.timeNanos()));
    }
    return l;
  }

  private static Map<String, Integer> sortByCount(Map<String, Integer> m) {
    Map<String, Integer> out = new LinkedHashMap<>();
    m.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
