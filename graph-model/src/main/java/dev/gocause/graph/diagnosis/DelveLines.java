package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.GoOutputParser.Header;

/**
 * Recognisers of the goroutine listings and stacks the Delve debugger prints, which people paste
 * when a program under {@code dlv} hangs (Delve's {@code pkg/terminal/command.go}; real output of
 * Delve 1.20.2 in graph-model's tests):
 * <ul>
 *   <li>{@code goroutines}: {@code Goroutine 17 - User: ./main.go:17 main.(*store).put (0x462e85) [chan send]},
 *       the current one prefixed {@code * }; the location kind may be {@code User}, {@code Go},
 *       {@code Runtime} or {@code Start}; no bracket for a running goroutine;</li>
 *   <li>{@code bt}, {@code stack} and {@code goroutines -t}: frames {@code 3  0x0000000000462e85 in main.(*store).put}
 *       each followed by {@code     at ./main.go:17}.</li>
 * </ul>
 * The parser reads them as Go's own headers, frames and location lines.
 */
final class DelveLines {
  private DelveLines() {}

  /** A listing line read as a goroutine header; null when {@code t} (stripped) is not one. */
  static Header header(String t) {
    String s = t.startsWith("* ") ? t.substring(2) : t;
    if (!s.startsWith("Goroutine ")) {
      return null;
    }
    int i = "Goroutine ".length();
    int start = i;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == start || !s.startsWith(" - ", i) || userFrameStart(s) < 0) {
      return null;
    }
    String state = "running";
    if (s.endsWith("]")) {
      int open = s.lastIndexOf('[');
      if (open > 0) {
        state = s.substring(open + 1, s.length() - 1).strip();
      }
    }
    return new Header(s.substring(start, i), state, -1, false);
  }

  /** The frame a listing line ({@code t}, input line {@code line}) names, or null. */
  static ParsedInput.Frame userFrame(String t, int line) {
    String s = t.startsWith("* ") ? t.substring(2) : t;
    int at = userFrameStart(s);
    if (at < 0) {
      return null;
    }
    String[] words = s.substring(at).split(" ");
    if (words.length < 2 || !GoOutputParser.isLocationLine("\t" + words[0])) {
      return null;
    }
    return new ParsedInput.Frame(words[1], words[1], words[0], line);
  }

  /** Where the location after "- User: " (or Go, Runtime, Start) begins in a listing line, else -1. */
  private static int userFrameStart(String s) {
    for (String kind : new String[] {" - User: ", " - Go: ", " - Runtime: ", " - Start: "}) {
      int k = s.indexOf(kind);
      if (k > 0) {
        return k + kind.length();
      }
    }
    return -1;
  }

  /** {@code 3  0x0000000000462e85 in main.(*store).put} (stripped): the function; else null. */
  static String frameFunction(String t) {
    int i = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      i++;
    }
    if (i == 0 || i == t.length() || t.charAt(i) != ' ') {
      return null;
    }
    while (i < t.length() && t.charAt(i) == ' ') {
      i++;
    }
    if (!t.startsWith("0x", i)) {
      return null;
    }
    int in = t.indexOf(" in ", i);
    if (in < 0) {
      return null;
    }
    for (int k = i + 2; k < in; k++) {
      if (Character.digit(t.charAt(k), 16) < 0) {
        return null;
      }
    }
    String fn = t.substring(in + " in ".length()).strip();
    return fn.isEmpty() || fn.indexOf(' ') >= 0 || fn.indexOf('.') < 0 ? null : fn;
  }

  /** {@code at ./main.go:17} (stripped): the location {@code ./main.go:17}; else null. */
  static String location(String t) {
    if (!t.startsWith("at ")) {
      return null;
    }
    String where = t.substring(3).strip();
    return GoOutputParser.isLocationLine("\t" + where) ? where : null;
  }
}
