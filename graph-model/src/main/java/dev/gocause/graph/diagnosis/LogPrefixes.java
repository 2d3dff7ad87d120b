package dev.gocause.graph.diagnosis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go output that went through a log collector before it was pasted: every line starts with the
 * collector's stamp, so no line starts where Go started it ({@code goroutine 1 [chan send]:},
 * a tab-indented location) and a dump reads as prose. When most lines of a paste carry the same
 * kind of stamp, it is cut from each line that has it, and the lines keep their numbers. Kinds,
 * each as its tool prints it:
 * <ul>
 *   <li>syslog / {@code journalctl} (short): {@code Dec  6 08:15:02 web-1 app[4121]: };</li>
 *   <li>{@code journalctl -o short-iso}: {@code 2026-12-06T08:15:02+0000 web-1 app[4121]: };</li>
 *   <li>the CRI log files behind {@code kubectl logs} on a node (containerd, CRI-O):
 *       {@code 2026-12-06T08:15:02.123456789Z stderr F }, and {@code docker logs -t}:
 *       {@code 2026-12-06T08:15:02.123456789Z };</li>
 *   <li>{@code kubectl logs --prefix}: {@code [pod/web-1/app] };</li>
 *   <li>Go's {@code log} package (a program logging what it recovered): {@code 2026/12/06 08:15:02 };</li>
 *   <li>{@code docker compose logs} (and {@code docker-compose logs}): the service's container name padded to the
 *       longest one, then a bar: {@code orders-worker-1  | }.</li>
 * </ul>
 * A paste quoted in Markdown (a GitHub issue, a chat reply: {@code > goroutine 1 [chan send]:}) has the quote
 * marker cut from each quoted line first, at any depth ({@code > > }), so a quoted log is then read as a log.
 * An application logger's level after an ISO or Go-log time ({@code 2026-12-06T08:15:02.532Z ERROR })
 * is cut with the time: it changes from line to line ({@code INFO} before the crash).
 */
final class LogPrefixes {
  private static final String TIME = "\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?";
  private static final String ZONE = "(?:Z|[+-]\\d\\d:?\\d\\d)?";
  private static final String HOST_AND_TAG = " \\S+ [^\\s:\\[]+(?:\\[\\d+\\])?: ";
  /**
   * A logger's level after the time ({@code ERROR }, {@code [error] }, zap's console form
   * {@code \tERROR\t}): upper case or bracketed only, as Go's own lines start in lower case
   * ({@code fatal error:}, {@code panic:}) or with a colon after the word ({@code WARNING: DATA RACE}).
   */
  private static final String LEVEL = "(?:(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRIT|CRITICAL|PANIC)"
      + "|\\[(?i:trace|debug|info|notice|warn|warning|error|err|fatal|crit|critical|panic)\\])[ \t]";
  private static final List<Pattern> KINDS = List.of(
      Pattern.compile("[A-Z][a-z]{2} [ \\d]\\d " + TIME + HOST_AND_TAG),
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT" + TIME + ZONE + HOST_AND_TAG),
      Pattern.compile("\\d{4}-\\d\\d-\\d\\d[T ]" + TIME + ZONE + "(?: (?:stdout|stderr) [FP])?[ \t](?:" + LEVEL + ")?"),
      Pattern.compile("\\[pod/[^\\]\\s]+\\] "),
      Pattern.compile("\\d{4}/\\d\\d/\\d\\d " + TIME + " (?:" + LEVEL + ")?"),
      Pattern.compile("[a-z0-9][a-z0-9_.-]*[ ]+\\| ?"));
  /** A Markdown quote marker, nested or not, with the one space after it that Markdown takes with it. */
  private static final Pattern QUOTE = Pattern.compile("[ ]{0,3}>(?:[ ]?>)*[ ]?");
  /** The stamp is chosen from this many non-blank lines at the start: a large dump costs no more to check. */
  private static final int SAMPLE = 20;

  private LogPrefixes() {}

  /**
   * {@code text} with the stamp cut from each line that carries it, when at least two and at least
   * half of the first {@link #SAMPLE} non-blank lines carry one kind of stamp and Go's output is
   * among them; else {@code text} itself.
   */
  static String strip(String text) {
    return stripStamps(unquote(text));
  }

  /**
   * {@code text} with the Markdown quote marker cut from each quoted line, when at least two lines are
   * quoted and Go's output is among them; else {@code text} itself. No line of Go's starts with {@code >}.
   */
  private static String unquote(String text) {
    if (text.indexOf('>') < 0 || !holdsGoOutput(text)) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    int quoted = 0;
    for (String line : lines) {
      if (QUOTE.matcher(line).lookingAt()) {
        quoted++;
      }
    }
    if (quoted < 2) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      Matcher m = QUOTE.matcher(lines[i]);
      out.append(m.lookingAt() ? lines[i].substring(m.end()) : lines[i]);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String stripStamps(String text) {
    int[] counts = new int[KINDS.size()];
    int sampled = 0;
    for (int pos = 0; pos < text.length() && sampled < SAMPLE; ) {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? text.length() : nl;
      int first = pos;
      while (first < end && Character.isWhitespace(text.charAt(first))) {
        first++;
      }
      if (first < end) {
        sampled++;
        if (mayStartAStamp(text.charAt(pos))) {
          CharSequence line = text.subSequence(pos, end);
          for (int k = 0; k < KINDS.size(); k++) {
            if (KINDS.get(k).matcher(line).lookingAt()) {
              counts[k]++;
            }
          }
        }
      }
      pos = end + 1;
    }
    int best = -1;
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] > 0 && (best < 0 || counts[k] > counts[best])) {
        best = k;
      }
    }
    if (best < 0 || counts[best] < 2 || 2 * counts[best] < sampled) { // one dated sentence is not a log
      return text;
    }
    if (!holdsGoOutput(text)) {
      return text; // an application's own log: its stamps and levels are what ForeignInput recognises
    }
    Pattern stamp = KINDS.get(best);
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      Matcher m = stamp.matcher(lines[i]);
      out.append(m.lookingAt() ? lines[i].substring(m.end()) : lines[i]);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Whether any of Go's runtime output is in {@code text}: a location, a goroutine header, a panic, a fatal error or a race. */
  private static boolean holdsGoOutput(String text) {
    return text.contains(".go:") || text.contains("goroutine ") || text.contains("panic: ") || text.contains("fatal error: ")
        || text.contains("DATA RACE");
  }

  /** Whether a line starting with {@code c} can carry a stamp: a digit, an ASCII letter, or '['. */
  private static boolean mayStartAStamp(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '[';
  }
}
