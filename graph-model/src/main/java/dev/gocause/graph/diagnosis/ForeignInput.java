package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.ParsedInput.MessageLine;

/**
 * Recognises input that is not Go concurrency output at all — another language's stack trace,
 * a compiler's errors, a crash of native code, YAML, binary noise — so the answer can say what
 * it saw instead of guessing a Go cause. Only consulted when the parser found nothing of Go's
 * runtime (no goroutine, race or leak report, no {@code panic:}/{@code fatal error:}).
 */
final class ForeignInput {

  private ForeignInput() {}

  /** What the input is, in a few English words, or null when it may well be about Go. */
  static String describe(ParsedInput p) {
    if (p.goroutines().total() > 0 || !p.races().isEmpty() || !p.leaks().isEmpty() || p.panicLine() > 0
        || p.fatalLine() > 0 || p.goleakLine() > 0 || p.messages().isEmpty()) {
      return null;
    }
    int java = 0;
    int python = 0;
    int rust = 0;
    int nativeCrash = 0;
    int js = 0;
    int ruby = 0;
    int dotnet = 0;
    int log = 0;
    int build = 0;
    int yaml = 0;
    int binary = 0;
    int prose = 0;
    int go = 0;
    int n = 0;
    java.util.List<MessageLine> messages = p.messages();
    for (int i = 0; i < messages.size(); i++) { // by index: see DiagnosisEngine.signatures
      MessageLine m = messages.get(i);
      String t = m.text();
      n++;
      if (t.startsWith("at ") && (t.contains(".java:") || t.contains(".kt:") || t.contains("(Native Method)")
          || t.contains("(Unknown Source)")) || t.startsWith("Exception in thread ") || t.startsWith("Caused by: ")) {
        java++;
      } else if (t.startsWith("Traceback (most recent call last)") || t.startsWith("File \"") && t.contains("\", line ")) {
        python++;
      } else if (t.startsWith("thread '") && t.contains("' panicked at") || t.startsWith("note: run with `RUST_BACKTRACE")) {
        rust++;
      } else if (t.contains("Segmentation fault") || t.startsWith("AddressSanitizer") || t.startsWith("==") && t.contains("ERROR: AddressSanitizer")
          || t.startsWith("#") && t.contains(" 0x") && t.contains(" in ")) {
        nativeCrash++;
      } else if (t.startsWith("at ") && (t.contains(".js:") || t.contains(".ts:"))) {
        js++;
      } else if (t.contains(".rb:") && t.contains(":in `")) {
        ruby++;
      } else if (t.startsWith("at ") && t.contains(":line ") || t.startsWith("Unhandled exception. System.")
          || t.startsWith("at System.")) {
        dotnet++;
      } else if (isBuildError(t)) {
        build++;
      } else if (binaryShare(t) > 0.3) {
        binary++;
      } else if (isYaml(t)) {
        yaml++;
      } else if (mentionsGo(t)) {
        go++;
      } else if (isLeveledLogLine(t)) {
        log++;
      } else if (m.prose()) {
        prose++;
      }
    }
    if (go > 0) {
      return null;
    }
    if (java >= 2) {
      return "a Java/JVM stack trace";
    }
    if (python >= 2) {
      return "a Python traceback";
    }
    if (rust >= 1) {
      return "a Rust panic";
    }
    if (js >= 2) {
      return "a JavaScript stack trace";
    }
    if (ruby >= 2) {
      return "a Ruby backtrace";
    }
    if (dotnet >= 2) {
      return "a .NET (C#) stack trace";
    }
    if (nativeCrash >= 1 && prose < 3) {
      return "a native (C/C++) crash";
    }
    if (build >= 1 && build + 1 >= n - prose && prose < 3) {
      return "compiler errors (the program does not build)";
    }
    if (binary * 2 >= n) {
      return "binary or garbled bytes";
    }
    if (yaml >= 3 && yaml * 10 >= n * 8) {
      return "YAML or configuration, not output of a Go program";
    }
    if (log >= 2 && log * 10 >= n * 7) {
      return "application log lines (time stamps and levels) with no Go runtime output";
    }
    return null;
  }

  /** {@code ./x.go:12:3: undefined: foo}: what the compiler (not vet) prints. */
  static boolean isBuildError(String t) {
    if (!DiagnosisEngine.isVetLine(t)) {
      return false;
    }
    int msg = t.indexOf(": ", t.indexOf(".go:"));
    String m = msg < 0 ? "" : t.substring(msg + 2);
    return m.startsWith("undefined: ") || m.startsWith("syntax error") || m.startsWith("cannot use ")
        || m.contains("declared and not used") || m.contains("declared but not used") || m.contains("imported and not used")
        || m.startsWith("missing return") || m.startsWith("too many arguments") || m.startsWith("not enough arguments")
        || m.startsWith("expected ") || m.startsWith("invalid operation");
  }

  private static boolean mentionsGo(String t) {
    return t.contains("goroutine") || t.contains("chan ") || t.contains("sync.") || t.contains(".go:") || t.contains("go test")
        || t.contains("go run") || t.contains("协程") || t.contains("WaitGroup") || t.contains("Mutex") || t.contains("deadlock")
        || t.contains("死锁") || t.contains("channel") || t.contains("context.");
  }

  private static final java.util.regex.Pattern LOG_LINE = java.util.regex.Pattern.compile(
      "^\\[?\\d{4}[-/]\\d{2}[-/]\\d{2}[T ]\\d{2}:\\d{2}\\S*\\]?\\s+(\\[?(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\\]?\\s|.*\\blevel=)");

  /**
   * {@code 2024-03-01T10:15:02Z INFO ...}: a time stamp then a level, as logging libraries print.
   * Go's own log package prints no level, so its lines (which may carry a Go error) stay Go's.
   */
  private static boolean isLeveledLogLine(String t) {
    return LOG_LINE.matcher(t).find();
  }

  private static boolean isYaml(String t) {
    if (t.startsWith("- ") || t.equals("---")) {
      return true;
    }
    int colon = t.indexOf(':');
    if (colon <= 0 || (colon + 1 < t.length() && t.charAt(colon + 1) != ' ')) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = t.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  private static double binaryShare(String t) {
    int odd = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\t')) {
        odd++;
      }
    }
    return t.isEmpty() ? 0 : (double) odd / t.length();
  }
}
