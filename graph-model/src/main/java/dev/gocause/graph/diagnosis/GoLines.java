package dev.gocause.graph.diagnosis;

import java.util.List;

/**
 * Recognisers of single lines (or a stack's functions) of Go's output formats, for
 * {@link GoOutputParser}: links around function names, race access headers, the state a
 * pprof {@code debug=1} record implies, and whether a line is a person's words.
 */
final class GoLines {

  private GoLines() {}

  /**
   * {@code [pkg.(*T).M](http://pkg.(*T).M)(0xc0...)} → {@code pkg.(*T).M(0xc0...)}: issue trackers
   * turn function names in pasted stacks into links.
   */
  static String unlink(String t) {
    int close = t.indexOf("](http");
    int end = t.indexOf(')', close);
    // the URL may itself hold parentheses ("(*T)"): its end is the ")" before the frame's "("
    int args = t.indexOf(")(", close);
    if (args > 0) {
      end = args;
    }
    return end < 0 ? t : t.substring(1, close) + t.substring(end + 1);
  }

  /** {@code Previous atomic write at 0x00c0000a0018 of size 8} and {@code goroutine 7} → a typed access. */
  static ParsedInput.Access access(String header, String goroutine, int line, List<ParsedInput.Frame> frames) {
    String h = header.toLowerCase(java.util.Locale.ROOT);
    String address = "";
    int size = -1;
    int at = header.indexOf(" at ");
    if (at >= 0) {
      String rest = header.substring(at + 4).strip();
      int sp = rest.indexOf(' ');
      address = sp < 0 ? rest : rest.substring(0, sp);
      int of = rest.indexOf("of size ");
      if (of >= 0) {
        try {
          size = Integer.parseInt(rest.substring(of + 8).strip().split("\\s")[0]);
        } catch (NumberFormatException ignored) {
          // size unreadable: leave it unknown
        }
      }
    }
    return new ParsedInput.Access(h.contains("write"), h.startsWith("previous"), h.contains("atomic"), address, size,
        goroutineNumber(goroutine), line, frames);
  }

  /** {@code goroutine 7} or {@code Goroutine 7 (running)} → {@code 7}; {@code main goroutine} → {@code 1}. */
  static String goroutineNumber(String g) {
    if (g.startsWith("main goroutine")) {
      return "1";
    }
    String[] parts = g.strip().split(" ");
    return parts.length >= 2 ? parts[1] : g;
  }

  /**
   * The wait reason a pprof {@code debug=1} record's frames imply (that format prints no header):
   * the runtime function the goroutine parked in, as {@code src/runtime/runtime2.go}'s
   * {@code waitReasonStrings} names the state.
   */
  static String profiledState(List<String> frames) {
    for (String f : frames) {
      switch (f) {
        case "runtime.chanrecv1", "runtime.chanrecv2", "runtime.chanrecv":
          return "chan receive";
        case "runtime.chansend1", "runtime.chansend":
          return "chan send";
        case "runtime.selectgo":
          return "select";
        case "runtime.block":
          return "select (no cases)";
        case "sync.runtime_SemacquireMutex", "sync.runtime_SemacquireRWMutexR", "sync.runtime_SemacquireRWMutex",
            "sync.runtime_Semacquire", "sync.runtime_SemacquireWaitGroup", "internal/sync.runtime_SemacquireMutex":
          return "semacquire";
        case "sync.runtime_notifyListWait":
          return "sync.Cond.Wait";
        case "time.Sleep":
          return "sleep";
        case "internal/poll.runtime_pollWait", "runtime.netpollblock":
          return "IO wait";
        default:
          break;
      }
    }
    // debug=1 hides the runtime's frames unless they are the caller's: the state is not known
    return "unknown";
  }

  /** Prefixes of lines Go's tools print; anything else is a person's words. */
  private static final String[] TOOL_PREFIXES = {
      "panic: ", "fatal error: ", "[signal ", "SIGQUIT", "SIGABRT", "PC=",
      // the runtime's header for a signal it could not turn into a panic (src/runtime/signal_unix.go):
      // a crash in C code or in the runtime, not a Go nil dereference (that one is "panic: runtime error")
      "SIGSEGV: ", "SIGBUS: ", "SIGILL: ", "SIGFPE: ", "SIGTRAP: ", "signal arrived during cgo execution", "exit status ", "FAIL", "ok ",
      "--- FAIL", "--- PASS", "--- SKIP", "=== RUN", "=== PAUSE", "=== CONT", "PASS", "# ", "WARNING: DATA RACE",
      "Found ", "runtime: ", "[recovered]", "goroutine ", "created by ", "testing: ", "signal: ", "m=", "rip ",
      "[Goroutine ", "ERROR: ", "race: ", "==",
      // github.com/sasha-s/go-deadlock's report lines (deadlock.go)
      "POTENTIAL DEADLOCK:", "Previous place where the lock was grabbed", "Have been trying to lock it again", "happened before",
      "happened after", "in another goroutine: happened before", "Other goroutines holding locks:", "current goroutine ",
      "Here is what goroutine "};

  static boolean isProse(String t) {
    for (String p : TOOL_PREFIXES) {
      if (t.startsWith(p)) {
        return false;
      }
    }
    // vet / test output: "./main.go:14:15: message" or "leak_test.go:31: message"
    int go = t.indexOf(".go:");
    if (go > 0 && t.substring(0, go).indexOf(' ') < 0) {
      return false;
    }
    // register dump of a crash: "rax    0x0"
    int sp = t.indexOf(' ');
    if (sp > 0 && sp <= 6 && t.substring(sp).strip().startsWith("0x")) {
      return false;
    }
    return true;
  }
}
