package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.ParsedInput.MessageLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reports of github.com/sasha-s/go-deadlock, a drop-in for sync.Mutex/RWMutex that
 * checks lock order and lock waits at run time. Its output (deadlock.go, v0.3.1 as packaged by
 * Debian; the same strings in later releases) is one header line {@code POTENTIAL DEADLOCK:}
 * followed by stacks printed by {@code printStack} as {@code file:line pkg.func { source } <<<<<}
 * (the lock call marked), in three forms:
 * <ul>
 *   <li>{@code POTENTIAL DEADLOCK: Inconsistent locking. saw this ordering in one goroutine:} then
 *       {@code happened before} / {@code happened after} stacks of two lock calls, then
 *       {@code in another goroutine: happened before} / {@code happened after} in the opposite
 *       order: two locks taken in opposite orders (an AB-BA inversion);</li>
 *   <li>{@code POTENTIAL DEADLOCK: Recursive locking:} with {@code current goroutine N lock 0x…}
 *       and {@code Previous place where the lock was grabbed (same goroutine)}: a goroutine locks a
 *       lock it already holds;</li>
 *   <li>{@code POTENTIAL DEADLOCK:} alone, then {@code Previous place where the lock was grabbed},
 *       {@code Have been trying to lock it again for more than D}: a lock waited for longer than
 *       the library's timeout, with the holder's stack (and often {@code Here is what goroutine N
 *       doing now} and a goroutine dump, which the wait analysis reads as any dump).</li>
 * </ul>
 * Each report becomes a {@link Fact} citing the marked lock calls; which cause it points to is seed-data.
 */
final class GoDeadlockReports {

  static final String HEADER = "POTENTIAL DEADLOCK:";
  static final String ORDER = "Inconsistent locking";
  static final String RECURSIVE = "Recursive locking";
  static final String PREVIOUS = "Previous place where the lock was grabbed";
  static final String TRYING = "Have been trying to lock it again";
  /** printStack's marker of the frame performing the lock. */
  static final String MARK = "<<<<<";

  private GoDeadlockReports() {}

  static List<Fact> analyze(ParsedInput parsed) {
    List<MessageLine> lines = parsed.messages();
    List<Fact> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).text();
      int h = t.indexOf(HEADER);
      if (h < 0) {
        continue;
      }
      int end = nextHeader(lines, i + 1);
      List<MessageLine> marked = new ArrayList<>();
      boolean trying = false;
      boolean previous = false;
      String holder = null;
      for (int j = i + 1; j < end; j++) {
        String x = lines.get(j).text();
        if (x.endsWith(MARK)) {
          marked.add(lines.get(j));
        }
        trying |= x.startsWith(TRYING);
        if (x.startsWith(PREVIOUS)) {
          previous = true;
          holder = j + 1 < end ? goroutineOf(lines.get(j + 1).text()) : null;
        }
      }
      String rest = t.substring(h + HEADER.length());
      List<Integer> cited = new ArrayList<>();
      cited.add(lines.get(i).line());
      marked.forEach(m -> cited.add(m.line()));
      if (rest.contains(ORDER)) {
        out.add(new Fact("lock-order-inversion-reported", "go-deadlock saw two locks taken in opposite orders by two goroutines"
            + calls(marked), 1.0, List.of(), cited));
      } else if (rest.contains(RECURSIVE)) {
        boolean read = !marked.isEmpty() && marked.stream().allMatch(m -> isReadLock(m.text()));
        boolean known = !marked.isEmpty() && marked.stream().allMatch(m -> isReadLock(m.text()) || isWriteLock(m.text()));
        String id = read ? "recursive-read-locking-reported" : "recursive-locking-reported";
        out.add(new Fact(id, "go-deadlock saw a goroutine lock a lock it already holds" + (read ? " (RLock twice)" : "")
            + calls(marked), read || known ? 1.0 : 0.8, List.of(), cited));
      } else if (trying && previous) {
        out.add(new Fact("lock-wait-timeout-reported", "go-deadlock saw a goroutine wait for a lock longer than its timeout"
            + calls(marked), 1.0, List.of(), cited));
        holderWaitsOnAChannel(parsed, holder, lines.get(i).line(), out);
      }
      i = end - 1;
    }
    return out;
  }

  /**
   * The report names the lock's holder ({@code goroutine 6 lock 0x…}) and usually prints what it
   * is doing now, as a goroutine dump: a holder blocked on a channel keeps the lock while it waits.
   */
  private static void holderWaitsOnAChannel(ParsedInput parsed, String holder, int headerLine, List<Fact> out) {
    if (holder == null) {
      return;
    }
    for (ParsedInput.Goroutine g : parsed.all()) {
      if (holder.equals(g.id()) && (g.state().startsWith("chan ") || g.state().equals("select"))) {
        out.add(new Fact("channel-wait-while-lock-wait", "the lock's holder, goroutine " + holder + ", is blocked in [" + g.state()
            + "] while another goroutine waits for the lock", 1.0, List.of(holder), List.of(headerLine, g.line())));
        return;
      }
    }
  }

  /** {@code goroutine 6 lock 0xc000016360} → {@code 6}. */
  private static String goroutineOf(String t) {
    if (!t.startsWith("goroutine ")) {
      return null;
    }
    int sp = t.indexOf(' ', "goroutine ".length());
    String id = sp < 0 ? "" : t.substring("goroutine ".length(), sp);
    return !id.isEmpty() && id.chars().allMatch(Character::isDigit) ? id : null;
  }

  private static int nextHeader(List<MessageLine> lines, int from) {
    for (int j = from; j < lines.size(); j++) {
      if (lines.get(j).text().contains(HEADER)) {
        return j;
      }
    }
    return lines.size();
  }

  /** The lock call as printStack shows its source line: {@code { r.mu.RLock() } <<<<<}. */
  private static boolean isReadLock(String marked) {
    return marked.contains(".RLock()");
  }

  private static boolean isWriteLock(String marked) {
    return marked.contains(".Lock()");
  }

  /** The marked lock calls, as {@code file:line func}, for the fact's text. */
  private static String calls(List<MessageLine> marked) {
    if (marked.isEmpty()) {
      return "";
    }
    List<String> where = new ArrayList<>();
    for (MessageLine m : marked) {
      String t = m.text();
      int brace = t.indexOf(" {");
      String w = (brace < 0 ? t.substring(0, t.length() - MARK.length()) : t.substring(0, brace)).strip();
      if (!where.contains(w) && where.size() < 4) {
        where.add(w);
      }
    }
    return ": " + String.join("; ", where);
  }
}
