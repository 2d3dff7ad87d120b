package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.Evidence;
import dev.gocause.graph.diagnosis.code.CodeSimulation;
import dev.gocause.graph.diagnosis.code.GoCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulating the code that runs: pasted code that forms a runnable unit, and the source file
 * behind a dump that holds the {@code TestXxx} (or the {@code main}) the output names, run with the
 * simulator within the request's budget. A finding is evidence (kind {@code simulation}, with its
 * replay command) of the Symptom of its kind ({@code sim-*} in seed-data), and its report — Go's
 * own words, as Go would print them — is read by the same analyzers as pasted output, so the
 * simulated goroutines point to causes as a real dump does.
 */
final class SimulationEvidence {

  /** A schedule that ran shows what the code does; a little below what Go printed on the user's machine. */
  static final double SIM_STRENGTH = 0.95;
  /**
   * A finding of another kind of failure than the pasted output shows (a simulated deadlock beside a
   * real race report): the code can fail that way too, but it is not what the user saw, so it counts for less.
   */
  static final double OTHER_FAILURE = 0.5;
  /** At most this many runs per request, sharing its budget. */
  static final int MAX_RUNS = 3;
  /** A run is not started with less than this left of the budget. */
  static final Duration MIN_RUN = Duration.ofMillis(20);
  /** The file name pasted code is simulated under (and what the replay command asks to save it as). */
  static final String PASTED_FILE = "case.go";

  /** Symptom ids of the finding kinds (seed-data {@code symptoms-simulation.yaml}). */
  static final Map<String, String> KIND_SYMPTOM = Map.of(
      "DEADLOCK", "sim-deadlock",
      "LEAK", "sim-goroutine-leak",
      "DATA RACE", "sim-data-race",
      "PANIC", "sim-panic");

  /**
   * Symptom ids of the lock-order analysis's reasons (seed-data {@code symptoms-simulation.yaml}), by the
   * start of the reason the simulator prints in parentheses.
   */
  static final Map<String, String> LOCK_ORDER_SYMPTOM = Map.of(
      "(lock order)", "sim-lock-order-cycle",
      "(lock order through", "sim-lock-order-through-channel",
      "(Lock of a Mutex the goroutine already holds", "sim-lock-taken-again",
      "(RWMutex locked again", "sim-lock-taken-again",
      "(RLock held, then Lock", "sim-rlock-upgraded",
      "(recursive RLock", "sim-recursive-rlock-with-writer");

  static String lockOrderSymptom(String message) {
    for (Map.Entry<String, String> e : LOCK_ORDER_SYMPTOM.entrySet()) {
      if (message.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  /** One finding with where it is cited in the input and how it reads in an answer. */
  record Found(CodeSimulation.Finding finding, List<Integer> inputLines, String text) {}

  /** What the simulation gave: findings and notes (refused, not finished, no budget left), and how many runs. */
  record Ran(int runs, List<Found> found, List<String> notes) {
    static final Ran NONE = new Ran(0, List.of(), List.of());
  }

  private static final Pattern TEST_NAME = Pattern.compile("\\b(Test[A-Z0-9_]\\w*)\\b");

  private SimulationEvidence() {}

  /** Runs what runs in the code read, within the request's simulation budget. */
  static Ran run(DiagnosisRequest request, CodeEvidence.Read code, ParsedInput parsed) {
    Duration budget = request.simulationBudget();
    if (budget.isZero() || code.pasted().isEmpty() && code.files().isEmpty()) {
      return Ran.NONE;
    }
    long deadline = System.nanoTime() + budget.toNanos();
    List<Found> found = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int runs = 0;
    for (GoCode.Unit u : code.pasted()) {
      String what = CodeSimulation.runnable(u.file());
      if (what == null || runs >= MAX_RUNS) {
        continue;
      }
      int last = lastLine(u.source());
      String where = "the code at input lines " + u.firstLine() + "-" + last;
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      if (left.compareTo(MIN_RUN) < 0) {
        notes.add(where + " was not simulated: the simulation budget (" + budget.toMillis() + " ms) was used up");
        continue;
      }
      runs++;
      CodeSimulation.Outcome o = CodeSimulation.run(u.source(), PASTED_FILE, null, left, PASTED_FILE);
      if (o.note() != null) {
        notes.add(where + ": " + o.note());
      }
      for (CodeSimulation.Finding f : o.findings()) {
        // a potential deadlock's message names its own lines
        boolean potential = f.kind().equals(CodeSimulation.POTENTIAL_DEADLOCK);
        String text = "simulated " + f.kind() + (potential ? " " : ": ") + shorter(f.message())
            + (f.lines().isEmpty() || potential ? "" : " at line" + (f.lines().size() > 1 ? "s " : " ") + join(f.lines())) + " (" + where
            + " as " + PASTED_FILE + ")";
        found.add(new Found(f, f.lines(), text));
      }
    }
    String[] inputLines = request.text().split("\n", -1);
    for (Map.Entry<String, GoCode.Unit> e : code.files().entrySet()) {
      if (runs >= MAX_RUNS) {
        break;
      }
      GoCode.Unit u = e.getValue();
      String path = e.getKey();
      String target = named(u, inputLines);
      if (target == null) {
        continue;
      }
      String name = target.equals("main") ? "main" : target;
      String where = name + " in " + path;
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      if (left.compareTo(MIN_RUN) < 0) {
        notes.add(where + " was not simulated: the simulation budget (" + budget.toMillis() + " ms) was used up");
        continue;
      }
      runs++;
      String runRegexp = target.equals("main") ? null : "^" + target + "$";
      CodeSimulation.Outcome o = CodeSimulation.run(u.source(), path, runRegexp, left, path);
      if (o.note() != null) {
        notes.add(where + ": " + o.note());
      }
      int cited = firstLineNaming(inputLines, target.equals("main") ? "main.main(" : target);
      for (CodeSimulation.Finding f : o.findings()) {
        boolean potential = f.kind().equals(CodeSimulation.POTENTIAL_DEADLOCK);
        String text = "simulated " + f.kind() + " (" + where + ")" + (potential ? " " : ": ") + shorter(f.message())
            + (f.lines().isEmpty() || potential ? "" : " at " + path + ":" + join(f.lines()));
        found.add(new Found(f, cited > 0 ? List.of(cited) : List.of(), text));
      }
    }
    return new Ran(runs, List.copyOf(found), List.copyOf(notes));
  }

  /**
   * What of a source file the output names: a {@code TestXxx} it declares that the output
   * mentions, else {@code main} when it declares main and a frame is {@code main.main}; null if none.
   */
  private static String named(GoCode.Unit u, String[] inputLines) {
    List<String> tests = CodeSimulation.tests(u.file());
    Set<String> mentioned = new LinkedHashSet<>();
    boolean mainFrame = false;
    for (String l : inputLines) {
      Matcher m = TEST_NAME.matcher(l);
      while (m.find()) {
        mentioned.add(m.group(1));
      }
      mainFrame |= l.startsWith("main.main(");
    }
    for (String t : mentioned) {
      if (tests.contains(t)) {
        return t;
      }
    }
    return mainFrame && "main".equals(CodeSimulation.runnable(u.file())) ? "main" : null;
  }

  private static String shorter(String message) {
    return message.length() <= 200 ? message : message.substring(0, 199) + "…";
  }

  private static int firstLineNaming(String[] lines, String what) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(what)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static int lastLine(String source) {
    String[] ls = source.stripTrailing().split("\n", -1);
    return ls.length;
  }

  private static String join(List<Integer> lines) {
    return String.join(", ", lines.stream().map(String::valueOf).toList());
  }

  /**
   * The findings as evidence: of the Symptom of their kind, and of every Symptom the analyzers read
   * in their report (as strong as that reading, times {@link #SIM_STRENGTH}); unknown ids are ignored.
   */
  static void facts(DiagnosisModel model, Ran ran, ParsedInput pasted, Map<String, List<Evidence>> out) {
    Set<Failure> seen = ran.found().isEmpty() ? Set.of() : Failure.shown(pasted);
    for (Found f : ran.found()) {
      CodeSimulation.Finding finding = f.finding();
      String replay = finding.replay();
      double strength = seen.isEmpty() || seen.contains(Failure.of(finding)) ? SIM_STRENGTH : SIM_STRENGTH * OTHER_FAILURE;
      String kindSymptom = finding.kind().equals(CodeSimulation.POTENTIAL_DEADLOCK) ? lockOrderSymptom(finding.message())
          : KIND_SYMPTOM.get(finding.kind());
      if (kindSymptom != null && model.symptoms().containsKey(kindSymptom)) {
        out.computeIfAbsent(kindSymptom, k -> new ArrayList<>()).add(new Evidence("simulation", f.text(), f.inputLines(),
            1, "simulation: " + finding.kind(), DiagnosisEngine.round(strength), null, replay));
      }
      if (finding.report().isEmpty()) {
        continue;
      }
      for (Map.Entry<String, Evidence> e : readReport(model, finding.report()).entrySet()) {
        out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Evidence("simulation", f.text(),
            f.inputLines(), 1, "simulation: " + e.getValue().matched(), DiagnosisEngine.round(strength * e.getValue().strength()), null,
            replay));
      }
    }
  }

  /** The three ways a run goes wrong, as far as telling a finding from what was pasted goes. */
  enum Failure {
    BLOCKED, RACE, PANIC;

    static Failure of(CodeSimulation.Finding f) {
      return switch (f.kind()) {
        case "DATA RACE" -> RACE;
        case "PANIC" -> f.message().contains("concurrent map") ? RACE : PANIC;
        default -> BLOCKED; // DEADLOCK, LEAK, POTENTIAL DEADLOCK
      };
    }

    /** What the pasted runtime output shows went wrong; empty when it holds none (prose, code only). */
    static Set<Failure> shown(ParsedInput p) {
      Set<Failure> out = java.util.EnumSet.noneOf(Failure.class);
      if (!p.races().isEmpty()) {
        out.add(RACE);
      }
      String fatal = message(p, p.fatalLine());
      if (fatal != null) {
        out.add(fatal.contains("concurrent map") ? RACE : fatal.contains("goroutines are asleep") ? BLOCKED : PANIC);
      }
      String panic = message(p, p.panicLine());
      if (panic != null) {
        out.add(panic.contains("test timed out") ? BLOCKED : PANIC);
      }
      if (p.goleakLine() > 0 || !p.leaks().isEmpty() || out.isEmpty() && p.goroutines().total() > 0) {
        out.add(BLOCKED);
      }
      return out;
    }

    private static String message(ParsedInput p, int line) {
      if (line <= 0) {
        return null;
      }
      for (ParsedInput.MessageLine m : p.messages()) {
        if (m.line() == line) {
          return m.text();
        }
      }
      return "";
    }
  }

  /** The report read as pasted output would be: per Symptom, its strongest evidence. */
  private static Map<String, Evidence> readReport(DiagnosisModel model, String report) {
    ParsedInput parsed = GoOutputParser.parse(report);
    Map<String, List<Evidence>> read = new TreeMap<>();
    DiagnosisEngine.signatures(model, parsed, read);
    DiagnosisEngine.stacks(model, parsed, read);
    boolean waitFacts = AnalysisEvidence.facts(model, WaitAnalyzer.analyze(parsed, GoroutineGroups.groups(parsed.all())), read);
    boolean raceFacts = AnalysisEvidence.facts(model, RaceAnalyzer.analyze(parsed), read);
    AnalysisEvidence.explainAway(model, read, waitFacts, raceFacts);
    Map<String, Evidence> best = new TreeMap<>();
    read.forEach((id, list) -> list.stream().max(java.util.Comparator.comparingDouble(Evidence::strength)).ifPresent(e -> best.put(id, e)));
    return best;
  }

  /** A sentence for the answer's message when code was simulated or not; empty otherwise. */
  static String note(String lang, Ran ran) {
    if (ran.runs() == 0 && ran.notes().isEmpty()) {
      return "";
    }
    boolean zh = "zh".equals(lang);
    StringBuilder b = new StringBuilder();
    if (ran.runs() > 0) {
      b.append(zh ? " 模拟运行了 " + ran.runs() + " 段代码,发现 " + ran.found().size() + " 个问题。"
          : " Simulated " + ran.runs() + " runnable part" + (ran.runs() == 1 ? "" : "s") + " of the code: " + ran.found().size()
              + " finding" + (ran.found().size() == 1 ? "" : "s") + ".");
    }
    for (String n : ran.notes()) {
      b.append(zh ? " 模拟:" : " Simulation: ").append(n).append(zh ? "。" : ".");
    }
    return b.toString();
  }
}
