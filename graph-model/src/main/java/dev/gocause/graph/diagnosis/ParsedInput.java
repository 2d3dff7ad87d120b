package dev.gocause.graph.diagnosis;

import java.util.List;
import java.util.Map;

/**
 * What {@link GoOutputParser} found in a pasted text: message lines (everything that is not a
 * stack frame), goroutines aggregated by state and frame, race reports and goleak entries.
 * Holds no more of the input than the message lines and a few samples.
 */
public record ParsedInput(
    int lineCount,
    List<MessageLine> messages,
    List<HeaderGroup> headers,
    Goroutines goroutines,
    List<RaceReport> races,
    List<LeakEntry> leaks,
    int panicLine,
    int fatalLine,
    int goleakLine) {

  /** A line of the input that is not part of a stack; {@code prose} when it is not Go tool output. */
  public record MessageLine(int line, String text, boolean prose) {}

  /**
   * Goroutine header lines with the goroutine number replaced by {@code 1}, so thousands of
   * headers collapse into the few distinct forms signatures are matched against.
   */
  public record HeaderGroup(String normalized, String first, Occurrence occurrence) {}

  /** A counter with the first input lines where it was seen. */
  public record Occurrence(int count, List<Integer> lines) {}

  /**
   * Goroutines of all dumps in the input. {@code byState} counts every goroutine;
   * {@code states} and {@code frames} only those doing user work (not the test framework or
   * the runtime's own), which is what evidence is drawn from.
   */
  public record Goroutines(
      int total,
      Map<String, Integer> byState,
      Map<String, Occurrence> states,
      Map<String, Occurrence> frames,
      List<StackGroup> stacks,
      List<FrameGroup> topFrames,
      List<FrameGroup> createdBy,
      int longWaiting,
      int maxWaitMinutes,
      int lockedToThread) {}

  /**
   * Goroutines (or race-report accesses, state {@code ""}) with the same state and the same
   * functions on their stacks: {@code frames} distinct, top first, with the line of each.
   */
  public record StackGroup(String state, List<String> frames, List<Integer> frameLines, Occurrence occurrence) {}

  /** How many goroutines share a first user frame (and state). */
  public record FrameGroup(String frame, String state, int count, int firstLine) {}

  /** One {@code WARNING: DATA RACE} block. */
  public record RaceReport(int line, List<RaceAccess> accesses) {}

  /** One access of a race report, e.g. {@code Previous write ... by goroutine 6}, with its top frames. */
  public record RaceAccess(
      String access, String goroutine, int line, String topFrame, String userFrame, String location) {}

  /** One goroutine of a goleak report. */
  public record LeakEntry(int line, String state, String topFunction) {}
}
