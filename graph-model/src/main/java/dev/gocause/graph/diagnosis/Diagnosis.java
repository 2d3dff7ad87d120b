package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.ModelData.CaseInfo;
import dev.gocause.graph.diagnosis.ModelData.CommandInfo;
import dev.gocause.graph.diagnosis.ModelData.CorrectionInfo;
import dev.gocause.graph.diagnosis.ModelData.FixInfo;
import dev.gocause.graph.diagnosis.ModelData.Named;
import dev.gocause.graph.diagnosis.ParsedInput.FrameGroup;
import java.util.List;
import java.util.Map;

/**
 * The answer to "here is what I see": root causes best first (empty when nothing points to a
 * known cause), the symptoms observed, what the input was, and the knowledge version used.
 */
public record Diagnosis(
    List<RankedCause> causes,
    List<ObservedSymptom> observedSymptoms,
    InputSummary input,
    String knowledgeVersion,
    String knowledgeHash,
    String lang,
    String message,
    List<GoroutineGroup> groups,
    AskBack askBack) {

  public Diagnosis(List<RankedCause> causes, List<ObservedSymptom> observedSymptoms, InputSummary input,
      String knowledgeVersion, String knowledgeHash, String lang, String message) {
    this(causes, observedSymptoms, input, knowledgeVersion, knowledgeHash, lang, message, List.of(), null);
  }

  public Diagnosis(List<RankedCause> causes, List<ObservedSymptom> observedSymptoms, InputSummary input,
      String knowledgeVersion, String knowledgeHash, String lang, String message, List<GoroutineGroup> groups) {
    this(causes, observedSymptoms, input, knowledgeVersion, knowledgeHash, lang, message, groups, null);
  }

  /**
   * The question to ask back when the leading causes are close: the observations (from the graph:
   * symptoms pointing to one of them far more than to the other, with how Go shows each) and the
   * commands that show them. Null when the best cause stands clear or there is only one.
   */
  public record AskBack(List<String> between, String questionZh, String questionEn, List<Observation> observations,
      List<CommandInfo> commands) {
    public AskBack {
      between = List.copyOf(between);
      observations = List.copyOf(observations);
      commands = List.copyOf(commands);
    }
  }

  /** An observation that separates the causes: the symptom, what to look for in Go's output (null if none), the cause it favours. */
  public record Observation(Named symptom, String lookFor, String favours, double weight) {}

  /**
   * Goroutines with the same state and stack, as panicparse groups them: how many, the wait range
   * in minutes ({@code [min, max]}, null when Go printed no duration), the first user frame and
   * its {@code file:line}, where they were created and the first ids (at most 10).
   */
  public record GoroutineGroup(int count, String state, List<Integer> waitMinutes, String top, String location,
      String createdBy, List<String> goroutines) {}

  public boolean found() {
    return !causes.isEmpty();
  }

  /**
   * One piece of evidence: its kind ({@code signature}, {@code wait-reason}, {@code frame},
   * {@code text}, {@code cause-text}, {@code primitive}), the matched input text, input line
   * numbers (1-based, first few), how often it occurred, what it matched ({@code matched}: a
   * signature id, an alias or a frame) and how sure the match is ({@code strength}, 0..1);
   * {@code goroutines}: the goroutine ids (or race accesses, {@code "7:write"}) an analysis fact
   * was derived from (kind {@code analysis}), else null (left out of JSON); {@code replay}: for kind
   * {@code simulation}, the command that replays the simulated schedule, else null.
   */
  public record Evidence(
      String kind, String text, List<Integer> lines, int occurrences, String matched, double strength, List<String> goroutines,
      String replay) {
    public Evidence(String kind, String text, List<Integer> lines, int occurrences, String matched, double strength) {
      this(kind, text, lines, occurrences, matched, strength, null, null);
    }

    public Evidence(
        String kind, String text, List<Integer> lines, int occurrences, String matched, double strength, List<String> goroutines) {
      this(kind, text, lines, occurrences, matched, strength, goroutines, null);
    }

    /** The same evidence with another strength. */
    public Evidence withStrength(double s) {
      return new Evidence(kind, text, lines, occurrences, matched, s, goroutines, replay);
    }
  }

  /** An evidence item as it counts for one cause: the symptom it points to (null for direct hits), the INDICATES weight and strength × weight. */
  public record CauseEvidence(
      String kind,
      String text,
      List<Integer> lines,
      int occurrences,
      String matched,
      Named symptom,
      double strength,
      double weight,
      double contribution,
      List<String> goroutines,
      String replay) {
    public CauseEvidence(String kind, String text, List<Integer> lines, int occurrences, String matched, Named symptom,
        double strength, double weight, double contribution) {
      this(kind, text, lines, occurrences, matched, symptom, strength, weight, contribution, null, null);
    }
  }

  public record ObservedSymptom(String id, String nameZh, String nameEn, String kind, double strength, List<Evidence> evidence) {}

  /** high / medium / low; see {@code DiagnosisEngine#confidence}. */
  public enum Confidence {
    high("高"), medium("中"), low("低");

    private final String nameZh;

    Confidence(String nameZh) {
      this.nameZh = nameZh;
    }

    /** The label in Chinese answers (JSON keeps the English name). */
    public String nameZh() {
      return nameZh;
    }
  }

  /**
   * A root cause with its score in [0,1] (noisy-OR of the evidence contributions, scaled by how
   * many of the symptoms Go itself showed it explains: {@code coverage}), a confidence label, the
   * evidence that put it there and what to do next.
   */
  public record RankedCause(
      String id,
      String nameZh,
      String nameEn,
      double score,
      double coverage,
      Confidence confidence,
      String severity,
      String mechanismZh,
      String mechanismEn,
      List<Named> dimensions,
      List<CauseEvidence> evidence,
      List<CommandInfo> commands,
      List<FixInfo> fixes,
      List<CaseInfo> cases,
      List<CorrectionInfo> corrections) {}

  public record GoroutineSummary(
      int total,
      Map<String, Integer> byState,
      List<FrameGroup> topFrames,
      List<FrameGroup> createdBy,
      int longWaiting,
      int maxWaitMinutes,
      int lockedToThread) {}

  public record RaceSummary(int line, List<ParsedInput.RaceAccess> accesses) {}

  /** What the input was: {@code panic|fatal|dump|race|goleak|vet|text|mixed|empty}. */
  public record InputSummary(
      String kind, int lines, GoroutineSummary goroutines, List<RaceSummary> races, int leakedGoroutines) {}
}
