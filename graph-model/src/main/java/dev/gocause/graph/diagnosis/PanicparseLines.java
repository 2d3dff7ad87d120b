package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.GoOutputParser.Header;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognisers of what panicparse prints for a dump (github.com/maruel/panicparse, {@code pp} or
 * {@code panicparse}; real output of panicparse 2.3.0 in graph-model's tests): goroutines with the
 * same state and stack collapsed into buckets,
 * <pre>
 * 2: semacquire [0~3 minutes] [Created by main.main @ main.go:26]
 *     sync mutex.go:90      (*Mutex).Lock(#4)
 *     main main.go:14       (*store).put(#4, {#2, 1}, 1, #3)
 * </pre>
 * a bucket line (count, Go's wait reason, then optional bracketed wait time, {@code locked} and
 * creator) and its frames (package name, file:line, the call without the package). Runtime frames
 * are left out by panicparse, so the bucket's state is the one it printed.
 */
final class PanicparseLines {
  /**
   * What a bucket line's state starts with: the goroutine statuses and wait reasons Go prints
   * ({@code src/runtime/runtime2.go}, {@code waitReasonStrings} of Go 1.19-1.26), so a numbered list
   * in prose ("1: the server hangs") is not taken for a bucket.
   */
  private static final List<String> STATES = List.of(
      "running", "runnable", "syscall", "waiting", "dead", "idle", "copystack", "preempted", "IO wait", "chan receive",
      "chan send", "select", "semacquire", "sleep", "sync.", "GC ", "finalizer wait", "force gc", "garbage collection",
      "timer goroutine", "trace reader", "wait for GC cycle", "debug call", "panicwait", "dumping heap", "stopping the world",
      "flushing proc caches", "synctest", "cleanup wait");

  private PanicparseLines() {}

  /** A bucket line: how many goroutines, their header, and where they were created (null when not printed). */
  record Bucket(int count, Header header, ParsedInput.Frame createdBy) {}

  /** A bucket line ({@code t} stripped, input line {@code line}), else null. */
  static Bucket bucket(String t, int line) {
    int colon = t.indexOf(": ");
    if (colon <= 0 || colon > 9) {
      return null;
    }
    for (int i = 0; i < colon; i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return null;
      }
    }
    String rest = t.substring(colon + 2);
    int bracket = rest.indexOf(" [");
    String state = (bracket < 0 ? rest : rest.substring(0, bracket)).strip();
    if (!isState(state)) {
      return null;
    }
    int minutes = -1;
    boolean locked = false;
    ParsedInput.Frame createdBy = null;
    List<String> flags = new ArrayList<>(1);
    for (int open = bracket; open >= 0; open = rest.indexOf(" [", open + 1)) {
      int close = rest.indexOf(']', open);
      if (close < 0) {
        break;
      }
      String inside = rest.substring(open + 2, close);
      if (inside.startsWith("Created by ")) {
        int at = inside.indexOf(" @ ");
        String fn = at < 0 ? inside.substring(11) : inside.substring(11, at);
        createdBy = new ParsedInput.Frame(fn, fn, at < 0 ? "" : inside.substring(at + 3), line);
      } else if (inside.equals("locked")) {
        locked = true;
        flags.add("locked to thread");
      } else if (inside.endsWith(" minutes") || inside.endsWith(" minute")) {
        String n = inside.substring(0, inside.indexOf(' '));
        int tilde = n.indexOf('~');
        try {
          minutes = Integer.parseInt(tilde < 0 ? n : n.substring(tilde + 1)); // "0~3": the longest wait
        } catch (NumberFormatException e) {
          // not a duration after all
        }
      }
    }
    int count;
    try {
      count = Integer.parseInt(t.substring(0, colon));
    } catch (NumberFormatException e) {
      return null;
    }
    return new Bucket(count, new Header("", state, minutes, locked, List.copyOf(flags)), createdBy);
  }

  private static boolean isState(String state) {
    for (String s : STATES) {
      if (state.startsWith(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A frame line ({@code     main main.go:14       (*store).put(#4, 1)}, indented, input line {@code line}) with
   * the package put back in front of the call ({@code main.(*store).put}), else null.
   */
  static ParsedInput.Frame frame(String raw, int line) {
    if (raw.isEmpty() || (raw.charAt(0) != ' ' && raw.charAt(0) != '\t')) {
      return null;
    }
    String t = raw.strip();
    int sp = t.indexOf(' ');
    if (sp <= 0) {
      return null;
    }
    String rest = t.substring(sp + 1).stripLeading();
    int sp2 = rest.indexOf(' ');
    if (sp2 <= 0 || !GoOutputParser.isLocationLine("\t" + rest.substring(0, sp2))) {
      return null;
    }
    String call = rest.substring(sp2).strip();
    int paren = call.endsWith(")") ? openingParen(call) : -1;
    if (paren <= 0) {
      return null;
    }
    return new ParsedInput.Frame(t.substring(0, sp) + "." + call.substring(0, paren), t, rest.substring(0, sp2), line);
  }

  /** Where the parenthesis closing {@code call} opens. */
  private static int openingParen(String call) {
    int depth = 0;
    for (int i = call.length() - 1; i >= 0; i--) {
      char c = call.charAt(i);
      if (c == ')') {
        depth++;
      } else if (c == '(' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
