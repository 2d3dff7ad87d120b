package dev.gocause.graph.diagnosis;

import static dev.gocause.graph.diagnosis.GoOutputParser.*;

import dev.gocause.graph.diagnosis.ParsedInput.FrameGroup;
import dev.gocause.graph.diagnosis.ParsedInput.LeakEntry;
import dev.gocause.graph.diagnosis.ParsedInput.MessageLine;
import dev.gocause.graph.diagnosis.ParsedInput.Occurrence;
import dev.gocause.graph.diagnosis.ParsedInput.RaceAccess;
import dev.gocause.graph.diagnosis.ParsedInput.RaceReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link GoOutputParser}'s pass over the lines: the state of the goroutine, race report or goleak
 * entry being read, and the counts and groups the {@link ParsedInput} is built from. Line-level
 * recognisers (headers, frames, locations) are {@link GoOutputParser}'s and {@link GoLines}'.
 */
final class GoOutputReader {
  private static final int SAMPLE_LINES = 5;
  private static final int MAX_MESSAGES = 5000;
  private static final int MAX_FRAMES_PER_GOROUTINE = 100;

  private GoOutputReader() {}

  /** Reads the text (log stamps already cut) in one pass. */
  static ParsedInput read(String text) {
    return new Run().parse(text);
  }

  private static final class Counter {
    int count;
    final List<Integer> lines = new ArrayList<>(SAMPLE_LINES);

    void add(int line) {
      add(line, 1);
    }

    void add(int line, int n) {
      count += n;
      if (lines.size() < SAMPLE_LINES) {
        lines.add(line);
      }
    }

    Occurrence freeze() {
      return new Occurrence(count, List.copyOf(lines));
    }
  }

  private static final class Group {
    final String frame;
    final String state;
    final int firstLine;
    int count;

    Group(String frame, String state, int firstLine) {
      this.frame = frame;
      this.state = state;
      this.firstLine = firstLine;
    }
  }

  /** The goroutine being read. */
  private static final class Current {
    Header header;
    int line;
    int count = 1;
    final List<String> frames = new ArrayList<>();
    final List<Integer> frameLines = new ArrayList<>();
    final List<ParsedInput.Frame> typed = new ArrayList<>();
    String createdBy;
    int createdByLine;
    String createdIn = "";
    ParsedInput.Frame createdByFrame;
    /** What a following location line belongs to: -2 nothing, -1 the created-by line, 0 the pending frame. */
    int pending = -2;
    String pendingFunction;
    String pendingCall;
    int pendingLine;
    /** A panicparse bucket: its frame lines are panicparse's, its state the one printed ({@link PanicparseLines}). */
    boolean bucketed;
    /** A Delve listing line's frame, the goroutine's only frame when no stack follows it. */
    ParsedInput.Frame listedFrame;

    /** A frame complete with its location. */
    void add(ParsedInput.Frame f) {
      frames.add(f.function());
      frameLines.add(f.line());
      typed.add(f);
    }

    /** The pending frame without a location (none followed). */
    void flush() {
      if (pendingFunction != null) {
        typed.add(new ParsedInput.Frame(pendingFunction, pendingCall, "", pendingLine));
        pendingFunction = null;
      }
    }
  }

  /** At most this many goroutines are kept one by one (all are counted and grouped). */
  static final int MAX_GOROUTINES = 20000;

  private static final class Run {
    int lineNo;
    final List<MessageLine> messages = new ArrayList<>();
    int total;
    final Map<String, Integer> byState = new LinkedHashMap<>();
    final Map<String, Counter> headerCounts = new LinkedHashMap<>();
    final Map<String, String> headerFirst = new HashMap<>();
    final Map<String, Counter> states = new HashMap<>();
    final Map<String, Counter> frames = new HashMap<>();
    final Map<String, Counter> stackCounts = new LinkedHashMap<>();
    final Map<String, ParsedInput.StackGroup> stackFirst = new HashMap<>();
    final Map<String, Group> groups = new HashMap<>();
    final Map<String, Group> creators = new HashMap<>();
    int longWaiting;
    int maxMinutes;
    int locked;
    final List<RaceReport> races = new ArrayList<>();
    List<RaceAccess> raceAccesses;
    int raceLine;
    final List<LeakEntry> leaks = new ArrayList<>();
    /**
     * One instance per distinct function name, location and state: a big dump repeats a few
     * hundred of them thousands of times, and the grouping and the analyzers hash and compare
     * them per goroutine; one instance hashes once and compares by identity.
     */
    final Map<String, String> canonical = new HashMap<>();

    String canonical(String s) {
      String c = canonical.putIfAbsent(s, s);
      return c == null ? s : c;
    }
    int panicLine;
    int fatalLine;
    int goleakLine;
    /** The runtime said every goroutine is asleep: main's empty select is then part of the deadlock. */
    boolean allAsleep;

    Current current;
    final List<ParsedInput.Goroutine> all = new ArrayList<>();
    /** Inside a pprof debug=1 profile (0 no, 1 goroutine, 2 goroutineleak). */
    int profile;
    // race access being read: access header, goroutine, line, frames
    String accessKind;
    String accessGoroutine;
    int accessLine;
    final List<String> accessFrames = new ArrayList<>();
    final List<Integer> accessFrameLines = new ArrayList<>();
    String accessLocation;
    boolean inCreatedAt;
    final List<ParsedInput.Frame> accessTyped = new ArrayList<>();
    String accessHeader;
    List<ParsedInput.Access> raceDetails;
    Map<String, List<ParsedInput.Frame>> raceCreated;

    ParsedInput parse(String text) {
      int pos = 0;
      int n = text.length();
      while (pos <= n) {
        int nl = text.indexOf('\n', pos);
        int end = nl < 0 ? n : nl;
        if (nl < 0 && pos == n) {
          break;
        }
        String raw = text.substring(pos, end);
        if (raw.endsWith("\r")) {
          raw = raw.substring(0, raw.length() - 1);
        }
        if (raw.length() > MAX_LINE) {
          raw = raw.substring(0, MAX_LINE);
        }
        lineNo++;
        line(raw);
        if (nl < 0) {
          break;
        }
        pos = nl + 1;
      }
      endGoroutine();
      endAccess();
      endRace();
      return freeze();
    }

    void line(String raw) {
      String stripped = raw.strip();
      String t = stripped;
      if (!t.isEmpty() && t.charAt(0) == '[' && t.contains("](http")) {
        t = GoLines.unlink(t);
      }
      if (t.isEmpty()) {
        endGoroutine();
        endAccess();
        return;
      }
      String delveAt = DelveLines.location(t);
      if (delveAt != null || (indented(raw) && isStrippedLocation(stripped)) || (awaitingLocation() && isStrippedLocation(t.strip()))) {
        t = delveAt != null ? delveAt : t;
        if (accessKind != null && accessLocation == null && accessFrames.size() == 1) {
          accessLocation = t;
        }
        if (current == null && accessKind == null && profile == 0) {
          headerless();
        }
        locate(t);
        return;
      }
      if (profile(t)) {
        return;
      }
      PanicparseLines.Bucket bucket = PanicparseLines.bucket(t, lineNo);
      if (bucket != null) {
        startGoroutine(bucket.header());
        current.count = bucket.count();
        current.bucketed = true;
        if (bucket.createdBy() != null) {
          current.createdBy = bucket.createdBy().function();
          current.createdByFrame = bucket.createdBy();
        }
        return;
      }
      Header h = header(t);
      int embedded = h == null ? t.lastIndexOf(": goroutine ") : -1;
      if (embedded > 0 && (h = header(t.substring(embedded + 2))) != null) {
        // a header at the end of a test's log line ("leaktest.go:150: leaktest: leaked goroutine: goroutine 19 [...]:"):
        // what precedes it stays a message, the header starts the goroutine
        message(t.substring(0, embedded + 1));
        t = t.substring(embedded + 2);
      }
      ParsedInput.Frame listed = null;
      if (h == null && (h = DelveLines.header(t)) != null) {
        listed = DelveLines.userFrame(t, lineNo);
      }
      if (h != null) {
        startGoroutine(h);
        current.listedFrame = listed;
        int idAt = t.indexOf(h.id());
        String norm = t.substring(0, idAt) + "1" + t.substring(idAt + h.id().length());
        Counter hc = headerCounts.get(norm);
        if (hc == null && headerCounts.size() < MAX_MESSAGES) {
          hc = new Counter();
          headerCounts.put(norm, hc);
          headerFirst.put(norm, t);
        }
        if (hc != null) {
          hc.add(lineNo);
        }
        return;
      }
      if (current != null) {
        if (t.startsWith("created by ")) {
          String c = t.substring("created by ".length());
          int in = c.indexOf(" in goroutine ");
          current.createdBy = in < 0 ? c : c.substring(0, in);
          current.createdIn = in < 0 ? "" : c.substring(in + " in goroutine ".length()).strip();
          current.createdByLine = lineNo;
          current.flush();
          current.pending = -1;
          return;
        }
        ParsedInput.Frame bucketFrame = current.bucketed ? PanicparseLines.frame(raw, lineNo) : null;
        if (bucketFrame != null) {
          if (current.frames.size() < MAX_FRAMES_PER_GOROUTINE) {
            current.add(bucketFrame);
          }
          return;
        }
        String f = anyFrameFunction(t);
        if (f != null) {
          if (current.frames.size() < MAX_FRAMES_PER_GOROUTINE) {
            f = canonical(f);
            current.frames.add(f);
            current.frameLines.add(lineNo);
            current.flush();
            current.pendingFunction = f;
            current.pendingCall = t;
            current.pendingLine = lineNo;
            current.pending = 0;
          } else {
            current.pending = -2;
          }
          return;
        }
        if (t.startsWith("...") || t.equals("]")) {
          return;
        }
        endGoroutine();
      }
      if (accessKind != null) {
        String f = frameFunction(t);
        if (f != null) {
          accessFrames.add(f);
          accessFrameLines.add(lineNo);
          accessTyped.add(new ParsedInput.Frame(f, t, "", lineNo));
          if (!inCreatedAt) {
            addFrame(f, lineNo, new HashSet<>());
          }
          return;
        }
        endAccess();
      }
      if (race(t)) {
        return;
      }
      message(t);
    }

    /**
     * A location line under a frame line with no goroutine around it: stacks pasted without their
     * {@code goroutine N [state]:} header ("the key stacks"), one goroutine per run of frames up to a
     * blank line. Its state is read from its frames as for a {@code debug=1} profile record
     * ({@link GoLines#profiledState}), "unknown" when no blocking frame was pasted.
     */
    void headerless() {
      String f = frameAbove();
      if (f == null) {
        return;
      }
      MessageLine last = messages.remove(messages.size() - 1);
      current = new Current();
      current.header = new Header("", "", -1, false);
      current.line = last.line();
      current.frames.add(f);
      current.frameLines.add(last.line());
      current.pendingFunction = f;
      current.pendingCall = last.text();
      current.pendingLine = last.line();
      current.pending = 0;
    }

    /**
     * Whether the line above was a frame (or created-by) line still without its location: then a
     * location with its indentation lost (some issue trackers and chat tools strip leading
     * whitespace) is read as one too.
     */
    boolean awaitingLocation() {
      if (current != null) {
        return current.pending == 0 || current.pending == -1;
      }
      if (accessKind != null) {
        return !accessTyped.isEmpty() && accessTyped.get(accessTyped.size() - 1).where().isEmpty();
      }
      return profile == 0 && frameAbove() != null;
    }

    /** The function of a frame line kept as a message on the line just above, else null. */
    String frameAbove() {
      if (messages.isEmpty()) {
        return null;
      }
      MessageLine last = messages.get(messages.size() - 1);
      return last.line() == lineNo - 1 ? anyFrameFunction(last.text()) : null;
    }

    /** Ends what was being read and starts a goroutine under {@code h} on this line. */
    void startGoroutine(Header h) {
      endGoroutine();
      endAccess();
      current = new Current();
      current.header = h;
      current.line = lineNo;
    }

    /** A location line completes the frame (or created-by line) above it. */
    void locate(String t) {
      // SIGQUIT dumps add " fp=0x.. sp=0x.. pc=0x..", different for every goroutine
      int fp = t.indexOf(" fp=");
      if (fp > 0) {
        t = t.substring(0, fp);
      }
      t = canonical(t);
      if (current != null && current.pending == 0 && current.pendingFunction != null) {
        current.typed.add(new ParsedInput.Frame(current.pendingFunction, current.pendingCall, t, current.pendingLine));
        current.pendingFunction = null;
        current.pending = -2;
      } else if (current != null && current.pending == -1) {
        current.createdByFrame = new ParsedInput.Frame(current.createdBy, current.createdBy, t, current.createdByLine);
        current.pending = -2;
      } else if (accessKind != null && !accessTyped.isEmpty()) {
        int last = accessTyped.size() - 1;
        ParsedInput.Frame f = accessTyped.get(last);
        if (f.where().isEmpty()) {
          accessTyped.set(last, new ParsedInput.Frame(f.function(), f.call(), t, f.line()));
        }
      }
    }

    /**
     * pprof {@code debug=1} goroutine profiles ({@code src/runtime/pprof/pprof.go},
     * {@code printCountProfile}): {@code goroutine profile: total N}, then records
     * {@code N @ 0x43a4f6 0x406a1b ...} each followed by {@code #\t0x406a1a\tmain.worker+0x3a\t/x/main.go:12}
     * frames; Go 1.26's {@code goroutineleak} profile has the same form. True when consumed.
     */
    boolean profile(String t) {
      if (t.startsWith("goroutine profile: total ") || t.startsWith("goroutineleak profile: total ")) {
        endGoroutine();
        profile = t.startsWith("goroutineleak") ? 2 : 1;
        messages.add(new MessageLine(lineNo, t, false));
        return true;
      }
      if (profile == 0) {
        return false;
      }
      int at = t.indexOf(" @ 0x");
      if (at > 0 && isDigits(t, 0, at)) {
        endGoroutine();
        current = new Current();
        current.header = new Header("", "", -1, false, profile == 2 ? List.of("leaked") : List.of());
        current.line = lineNo;
        try {
          current.count = Integer.parseInt(t.substring(0, at));
        } catch (NumberFormatException e) {
          current.count = 1;
        }
        return true;
      }
      if (t.startsWith("#") && current != null && current.header.id().isEmpty()) {
        String[] parts = t.substring(1).strip().split("\\s+");
        if (parts.length >= 3 && parts[0].startsWith("0x")) {
          String fn = parts[1];
          int plus = fn.lastIndexOf("+0x");
          fn = plus > 0 ? fn.substring(0, plus) : fn;
          if (current.frames.size() < MAX_FRAMES_PER_GOROUTINE) {
            current.frames.add(fn);
            current.frameLines.add(lineNo);
            current.typed.add(new ParsedInput.Frame(fn, fn, parts[2], lineNo));
          }
        } else if (t.startsWith("# labels:")) {
          List<String> flags = new ArrayList<>(current.header.flags());
          flags.add(t.substring(2).strip());
          current.header = new Header("", "", -1, false, List.copyOf(flags));
        }
        return true;
      }
      return false;
    }

    static boolean isDigits(String t, int from, int to) {
      for (int i = from; i < to; i++) {
        if (!Character.isDigit(t.charAt(i))) {
          return false;
        }
      }
      return to > from;
    }

    /** Race report structure lines; true when consumed. */
    boolean race(String t) {
      if (t.equals("WARNING: DATA RACE")) {
        endRace();
        raceAccesses = new ArrayList<>();
        raceDetails = new ArrayList<>();
        raceCreated = new LinkedHashMap<>();
        raceLine = lineNo;
        messages.add(new MessageLine(lineNo, t, false));
        return true;
      }
      if (raceAccesses == null) {
        return false;
      }
      if (t.startsWith("==================")) {
        endRace();
        return true;
      }
      if (t.endsWith(":") && (t.contains(" by goroutine ") || t.contains(" by main goroutine"))) {
        int by = t.indexOf(" by ");
        String kind = t.substring(0, by);
        int at = kind.indexOf(" at ");
        accessKind = at < 0 ? kind : kind.substring(0, at);
        accessGoroutine = t.substring(by + 4, t.length() - 1);
        accessHeader = kind;
        accessLine = lineNo;
        accessFrames.clear();
        accessFrameLines.clear();
        accessTyped.clear();
        accessLocation = null;
        inCreatedAt = false;
        return true;
      }
      if (t.startsWith("Goroutine ") && t.endsWith("created at:")) {
        accessKind = "created";
        accessGoroutine = t.substring(0, t.indexOf(" created at:"));
        accessLine = lineNo;
        accessFrames.clear();
        accessFrameLines.clear();
        accessTyped.clear();
        inCreatedAt = true;
        return true;
      }
      return false;
    }

    void endAccess() {
      if (accessKind != null && !inCreatedAt && raceAccesses != null) {
        String top = accessFrames.isEmpty() ? "" : accessFrames.get(0);
        String user = accessFrames.stream().filter(f -> !isStd(f)).findFirst().orElse(top);
        raceAccesses.add(new RaceAccess(accessKind, accessGoroutine, accessLine, top, user,
            accessLocation == null ? "" : accessLocation));
        raceDetails.add(GoLines.access(accessHeader, accessGoroutine, accessLine, List.copyOf(accessTyped)));
        addStack("", accessFrames, accessFrameLines, accessLine);
      } else if (inCreatedAt && raceAccesses != null && !accessFrames.isEmpty()) {
        raceCreated.putIfAbsent(GoLines.goroutineNumber(accessGoroutine), List.copyOf(accessTyped));
        // Where the racing goroutine was started is evidence too (a go statement inside
        // Once.Do or a deferred call); it is a stack group, not a racing access.
        addStack("", accessFrames, accessFrameLines, accessLine);
      }
      accessKind = null;
      inCreatedAt = false;
    }

    void endRace() {
      endAccess();
      if (raceAccesses != null) {
        races.add(new RaceReport(raceLine, List.copyOf(raceAccesses), List.copyOf(raceDetails), Map.copyOf(raceCreated)));
        raceAccesses = null;
      }
    }

    void message(String t) {
      if (t.startsWith("panic: ") && panicLine == 0) {
        panicLine = lineNo;
      } else if (t.startsWith("fatal error: ") && fatalLine == 0) {
        fatalLine = lineNo;
      }
      allAsleep |= t.startsWith("fatal error: all goroutines are asleep");
      if (t.contains("found unexpected goroutines") && goleakLine == 0) {
        goleakLine = lineNo;
      }
      if (t.startsWith("[Goroutine ") && t.contains(" in state ")) {
        int s = t.indexOf(" in state ") + " in state ".length();
        int with = t.indexOf(", with ", s);
        String state = with < 0 ? t.substring(s) : t.substring(s, with);
        String top = "";
        if (with >= 0) {
          int on = t.indexOf(" on top of the stack", with);
          top = on < 0 ? t.substring(with + 7) : t.substring(with + 7, on);
        }
        leaks.add(new LeakEntry(lineNo, state, top));
        messages.add(new MessageLine(lineNo, t, false));
        return;
      }
      if (messages.size() < MAX_MESSAGES) {
        messages.add(new MessageLine(lineNo, t, GoLines.isProse(t)));
      }
    }

    void endGoroutine() {
      Current c = current;
      current = null;
      if (c == null) {
        return;
      }
      c.flush();
      if (c.frames.isEmpty() && c.listedFrame != null) {
        c.add(c.listedFrame);
      }
      Header h = c.header;
      int n = c.count;
      String state = canonical(h.state());
      if (h.id().isEmpty() && h.state().isEmpty()) { // a debug=1 record or a headerless stack: no state printed
        state = GoLines.profiledState(c.frames);
      }
      total += n;
      byState.merge(state, n, Integer::sum);
      if (h.minutes() >= 1) {
        longWaiting += n;
      }
      maxMinutes = Math.max(maxMinutes, h.minutes());
      if (h.locked()) {
        locked += n;
      }
      boolean infra = infrastructure(c, allAsleep);
      if (all.size() < MAX_GOROUTINES) {
        all.add(new ParsedInput.Goroutine(h.id(), state, h.minutes(), h.flags(), c.line, Collections.unmodifiableList(c.typed),
            c.createdByFrame != null ? c.createdByFrame
                : c.createdBy == null ? null : new ParsedInput.Frame(c.createdBy, c.createdBy, "", c.createdByLine),
            c.createdIn, n, infra));
      }
      if (infra) {
        return;
      }
      states.computeIfAbsent(state, k -> new Counter()).add(c.line, n);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < c.frames.size(); i++) {
        addFrame(c.frames.get(i), c.frameLines.get(i), seen);
      }
      addStack(state, c.frames, c.frameLines, c.line, n);
      String user = null;
      int userLine = c.line;
      for (int i = 0; i < c.frames.size(); i++) {
        if (!isStd(c.frames.get(i))) {
          user = c.frames.get(i);
          userLine = c.frameLines.get(i);
          break;
        }
      }
      if (user != null) {
        int line = userLine;
        String st = state;
        groups.computeIfAbsent(user + "\u0000" + st, k -> new Group(k.substring(0, k.indexOf('\u0000')), st, line)).count += n;
      }
      if (c.createdBy != null) {
        int line = c.createdByLine;
        creators.computeIfAbsent(c.createdBy, k -> new Group(k, "", line)).count += n;
      }
    }

    void addStack(String state, List<String> fs, List<Integer> lines, int line) {
      addStack(state, fs, lines, line, 1);
    }

    void addStack(String state, List<String> fs, List<Integer> lines, int line, int n) {
      List<String> distinct = new ArrayList<>(fs.size());
      List<Integer> distinctLines = new ArrayList<>(fs.size());
      StringBuilder key = new StringBuilder(state).append('\u0000');
      for (int i = 0; i < fs.size(); i++) {
        if (!distinct.contains(fs.get(i))) {
          distinct.add(fs.get(i));
          distinctLines.add(lines.get(i));
          key.append(fs.get(i)).append('\n');
        }
      }
      String k = key.toString();
      Counter c = stackCounts.get(k);
      if (c == null) {
        if (stackCounts.size() >= MAX_MESSAGES) {
          return;
        }
        c = new Counter();
        stackCounts.put(k, c);
        stackFirst.put(k, new ParsedInput.StackGroup(state, List.copyOf(distinct), List.copyOf(distinctLines), null));
      }
      c.add(line, n);
    }

    void addFrame(String f, int line, Set<String> seen) {
      if (seen.add(f)) {
        frames.computeIfAbsent(f, k -> new Counter()).add(line);
      }
    }

    /**
     * A goroutine of the runtime or the test framework (e.g. {@code testing.(*T).Run} waiting
     * for its test): counted, but not evidence about the program.
     */
    static boolean infrastructure(Current c, boolean allAsleep) {
      if (c.header.id().equals("0")) {
        return true;
      }
      // main parked in an empty select ("select {}") keeps a server's process alive by design: it
      // waits on nothing, so it is neither a stuck goroutine nor a partner any channel could have;
      // unless the runtime found every goroutine asleep, when that select is the deadlock itself
      boolean emptySelect = !allAsleep && c.header.state().strip().equals("select (no cases)");
      for (String f : c.frames) {
        if (f.startsWith("sync.runtime_")) {
          return false; // a sync call's wait: the program called it, even when the paste cut its frames off
        }
        if (!isRuntime(f)) {
          return packageOf(f).equals("testing") || emptySelect && f.equals("main.main");
        }
      }
      return !c.frames.isEmpty();
    }

    ParsedInput freeze() {
      Map<String, Occurrence> st = new LinkedHashMap<>();
      if (!states.isEmpty()) { // most pasted text has no goroutines at all
        states.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> st.put(e.getKey(), e.getValue().freeze()));
      }
      Map<String, Occurrence> fr = new LinkedHashMap<>();
      if (!frames.isEmpty()) {
        frames.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> fr.put(e.getKey(), e.getValue().freeze()));
      }
      List<ParsedInput.StackGroup> stacks = new ArrayList<>();
      stackCounts.forEach((k, v) -> {
        ParsedInput.StackGroup g = stackFirst.get(k);
        stacks.add(new ParsedInput.StackGroup(g.state(), g.frames(), g.frameLines(), v.freeze()));
      });
      Map<String, Integer> bs = new LinkedHashMap<>();
      if (!byState.isEmpty()) {
        byState.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .forEach(e -> bs.put(e.getKey(), e.getValue()));
      }
      List<ParsedInput.HeaderGroup> hg = new ArrayList<>();
      headerCounts.forEach((k, v) -> hg.add(new ParsedInput.HeaderGroup(k, headerFirst.get(k), v.freeze())));
      return new ParsedInput(
          lineNo,
          List.copyOf(messages),
          List.copyOf(hg),
          new ParsedInput.Goroutines(total, bs, st, fr, List.copyOf(stacks), top(groups), top(creators), longWaiting, maxMinutes, locked),
          List.copyOf(races),
          List.copyOf(leaks),
          panicLine,
          fatalLine,
          goleakLine,
          List.copyOf(all));
    }

    static List<FrameGroup> top(Map<String, Group> groups) {
      if (groups.isEmpty()) {
        return List.of();
      }
      return groups.values().stream()
          .sorted(Comparator.comparingInt((Group g) -> -g.count).thenComparing(g -> g.frame).thenComparing(g -> g.state))
          .limit(10)
          .map(g -> new FrameGroup(g.frame, g.state, g.count, g.firstLine))
          .toList();
    }
  }

  static boolean isProse(String t) {
    return GoLines.isProse(t);
  }
}
