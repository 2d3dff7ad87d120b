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
    int goleakLine,
    List<Goroutine> all) {

  /**
   * One stack frame as Go prints it: {@code main.transfer(0xc000092000, 0xc000092010, 0x1)} then
   * {@code \t/path/main.go:19 +0xd1}. Kept as the two printed texts ({@code call}, {@code where};
   * {@code where} empty when no location line followed) and taken apart only when asked, so a
   * dump of thousands of goroutines costs no more than reading it; {@code line} is the input
   * line of the call.
   */
  public record Frame(String function, String call, String where, int line) {
    /** The text inside the parentheses: {@code "..."} when elided, empty when none. */
    public String args() {
      int open = function.length();
      return call.length() > open + 1 && call.charAt(open) == '(' ? call.substring(open + 1, call.length() - 1) : "";
    }

    /** The source file path ({@code ""} when unknown). */
    public String file() {
      int colon = colonOfLine();
      return colon < 0 ? "" : where.substring(0, colon);
    }

    /** The source line (0 when unknown). */
    public int fileLine() {
      int colon = colonOfLine();
      if (colon < 0) {
        return 0;
      }
      int n = 0;
      for (int i = colon + 1; i < where.length() && Character.isDigit(where.charAt(i)); i++) {
        n = n * 10 + (where.charAt(i) - '0');
      }
      return n;
    }

    private int colonOfLine() {
      if (where.isEmpty()) {
        return -1;
      }
      int sp = where.indexOf(' ');
      return where.lastIndexOf(':', sp < 0 ? where.length() - 1 : sp);
    }

    /** {@code main.go:19}: the file's base name and line, as groups show it. */
    public String location() {
      int colon = colonOfLine();
      if (colon < 0) {
        return "";
      }
      int slash = where.lastIndexOf('/', colon);
      return where.substring(slash + 1, colon) + ":" + fileLine();
    }

    /** The first argument when Go printed it reliably (not elided, not marked {@code ?}). */
    public String firstArg() {
      String args = args();
      int comma = args.indexOf(',');
      String a = (comma < 0 ? args : args.substring(0, comma)).strip();
      return a.isEmpty() || a.endsWith("?") || a.equals("...") || a.startsWith("{") ? "" : a;
    }

    /** Every argument printed reliably. */
    public List<String> reliableArgs() {
      String args = args();
      if (args.isEmpty() || args.equals("...")) {
        return List.of();
      }
      List<String> out = new java.util.ArrayList<>();
      for (String a : args.split(",")) {
        String t = a.strip();
        if (!t.isEmpty() && !t.endsWith("?") && !t.equals("...") && !t.startsWith("{") && !t.equals("0x0")) {
          out.add(t);
        }
      }
      return out;
    }
  }

  /**
   * One goroutine of a dump (SIGQUIT, {@code debug=2}, fatal error) or one record of a pprof
   * {@code debug=1} profile ({@code count} goroutines with the same stack, {@code id} empty).
   * {@code state} is the wait reason without annotations; {@code minutes} -1 when no duration
   * was printed; {@code flags} the other annotations ({@code locked to thread}, {@code durable},
   * {@code leaked}, {@code synctest bubble 3}, ...); {@code infrastructure} when only the runtime
   * or the test framework runs in it.
   */
  public record Goroutine(
      String id,
      String state,
      int minutes,
      List<String> flags,
      int line,
      List<Frame> frames,
      Frame createdBy,
      String createdIn,
      int count,
      boolean infrastructure) {

    /** The first frame outside the standard library, else the top frame, else null. */
    public Frame userFrame() {
      for (Frame f : frames) {
        if (!GoOutputParser.isStd(f.function())) {
          return f;
        }
      }
      return frames.isEmpty() ? null : frames.get(0);
    }

    public boolean has(String function) {
      for (Frame f : frames) {
        if (f.function().equals(function)) {
          return true;
        }
      }
      return false;
    }
  }

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

  /**
   * One {@code WARNING: DATA RACE} block: the accesses as summarised for the answer, the same
   * accesses typed with their whole stacks, and the creation stack of each racing goroutine.
   */
  public record RaceReport(int line, List<RaceAccess> accesses, List<Access> details, Map<String, List<Frame>> createdAt) {
    public RaceReport(int line, List<RaceAccess> accesses) {
      this(line, accesses, List.of(), Map.of());
    }
  }

  /**
   * One access of a race report ({@code src/runtime/race/output_test.go} shows the forms):
   * {@code Write at 0x00c00001a0b0 by goroutine 7:}, {@code Previous read at ... by main goroutine:},
   * {@code Atomic write ...}; {@code size} is -1 unless printed ({@code of size 8}).
   */
  public record Access(boolean write, boolean previous, boolean atomic, String address, int size, String goroutine, int line,
      List<Frame> frames) {}

  /** One access of a race report, e.g. {@code Previous write ... by goroutine 6}, with its top frames. */
  public record RaceAccess(
      String access, String goroutine, int line, String topFrame, String userFrame, String location) {}

  /** One goroutine of a goleak report. */
  public record LeakEntry(int line, String state, String topFunction) {}
}
