package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.ParsedInput.Frame;
import dev.gocause.graph.diagnosis.ParsedInput.Goroutine;
import java.util.ArrayList;
import java.util.List;

/**
 * Wait-for reasoning over the goroutines of a dump, as an expert reads one: what each goroutine
 * waits on (a lock, a channel, a WaitGroup, a Cond), which goroutines could still make progress,
 * and what that implies. Knows Go's semantics (who can release what), not causes: every
 * conclusion is a {@link Fact} whose meaning is seed-data.
 */
final class WaitAnalyzer {

  /** What a goroutine is blocked on. */
  enum Wait {
    MUTEX, RLOCK, WLOCK, SEND, RECEIVE, SELECT, WAITGROUP, COND, NIL_CHANNEL, OTHER_BLOCKED, ALIVE
  }

  /** A user goroutine, what it waits on and the lock or channel address when Go printed it. */
  record Waiter(Goroutine g, Wait on, String address, Frame site) {
    // One Waiter per goroutine: identity is enough, and a record's value hash would walk the
    // whole stack of every goroutine each time a map is touched (thousands in a big dump).
    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }

    boolean isLock() {
      return on == Wait.MUTEX || on == Wait.RLOCK || on == Wait.WLOCK;
    }

    boolean isChannel() {
      return on == Wait.SEND || on == Wait.RECEIVE || on == Wait.SELECT;
    }

    String id() {
      return g.id().isEmpty() ? "@" + g.line() : g.id();
    }
  }

  /** Goroutines from one creation site needed before they count as piling up. */
  static final int PILE_UP = 10;

  private WaitAnalyzer() {}

  static List<Fact> analyze(ParsedInput parsed) {
    return analyze(parsed, GoroutineGroups.groups(parsed.all()));
  }

  /** With the goroutines already grouped (the engine groups them once for the answer too). */
  static List<Fact> analyze(ParsedInput parsed, List<GoroutineGroups.Group> groups) {
    return analyze(parsed, groups, null);
  }

  /** With the source files behind the dump, when given ({@code null} when not): what the waiting lines do. */
  static List<Fact> analyze(ParsedInput parsed, List<GoroutineGroups.Group> groups, SourceFiles sources) {
    List<Waiter> ws = new ArrayList<>();
    for (Goroutine g : parsed.all()) {
      if (!g.infrastructure()) {
        ws.add(classify(g));
      }
    }
    List<Fact> out = new ArrayList<>();
    if (ws.isEmpty()) {
      return out;
    }
    boolean allBlocked = complete(parsed) && ws.stream().noneMatch(w -> w.on() == Wait.ALIVE);
    LockWaitFacts.lockCycle(ws, allBlocked, out);
    LockWaitFacts.readerBehindWriter(ws, allBlocked, out);
    LockWaitFacts.readersWithNoWriterWaiting(ws, allBlocked, out);
    LockWaitFacts.reentry(ws, out);
    LockWaitFacts.holderNotAlive(ws, allBlocked, out);
    ChannelWaitFacts.channelAndLock(ws, allBlocked, out);
    ReceiveLoops.waitingForAClose(parsed, ws, ChannelWaitFacts.orphanChannels(ws, out), sources, out);
    ChannelWaitFacts.senderOutlivedCreator(parsed, ws, out);
    ChannelWaitFacts.closureOutlivedItsFunction(parsed, ws, out);
    ChannelWaitFacts.sendIntoAStoppedType(parsed, ws, out);
    waitGroup(ws, out);
    cond(ws, out);
    pileUp(groups, out);
    return out;
  }

  /**
   * Whether the dump shows every goroutine, so "nothing else is alive" can be concluded: the
   * runtime's deadlock fatal error ({@code src/runtime/proc.go checkdead}), synctest's deadlock
   * report for a bubble (Go 1.25 {@code src/internal/synctest}: "deadlock: main bubble goroutine
   * has exited but blocked goroutines remain", "all goroutines in bubble are blocked"), or a dump
   * that includes the main goroutine (an excerpt usually does not).
   */
  static boolean complete(ParsedInput parsed) {
    if (cut(parsed)) {
      return false; // the runtime's "all goroutines are asleep" is true of the ones not pasted too, but they are not seen
    }
    for (ParsedInput.MessageLine m : parsed.messages()) {
      String t = m.text();
      if (t.startsWith("fatal error: all goroutines are asleep") || t.contains("all goroutines in bubble are blocked")
          || t.contains("main bubble goroutine has exited but blocked goroutines remain")) {
        return true;
      }
    }
    for (Goroutine g : parsed.all()) {
      if (g.id().equals("1")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the paste stops inside a goroutine: Go ends every goroutine but the main one with its
   * {@code created by} line, so a last goroutine (numbered, not the main one) without it was cut
   * where the person stopped copying, and the goroutines after it are missing. A test's time-out
   * prints goroutine 1 (the test runner) first: the top of such a dump holds it, and only the
   * top was pasted.
   */
  static boolean cut(ParsedInput parsed) {
    List<Goroutine> all = parsed.all();
    if (all.isEmpty()) {
      return false;
    }
    Goroutine last = all.get(all.size() - 1);
    return !last.id().isEmpty() && !last.id().equals("1") && last.count() <= 1 && last.createdBy() == null && !last.frames().isEmpty();
  }

  static Waiter classify(Goroutine g) {
    String s = g.state();
    Frame lock = null;
    Wait kind = null;
    for (Frame f : g.frames()) {
      switch (f.function()) {
        case "sync.(*Mutex).Lock", "sync.(*Mutex).lockSlow", "internal/sync.(*Mutex).Lock", "internal/sync.(*Mutex).lockSlow" -> {
          kind = kind == null ? Wait.MUTEX : kind;
          lock = lock == null || lock.firstArg().isEmpty() ? f : lock;
        }
        case "sync.(*RWMutex).RLock" -> {
          kind = Wait.RLOCK;
          lock = lock == null || lock.firstArg().isEmpty() ? f : lock;
        }
        case "sync.(*RWMutex).Lock" -> {
          kind = Wait.WLOCK;
          lock = f.firstArg().isEmpty() && lock != null ? lock : f;
        }
        case "sync.(*Once).doSlow", "sync.(*Once).Do" -> {
          // the Once's own mutex: a Do waiting for a Do in progress (sync.Once semantics), not a user lock
          kind = Wait.OTHER_BLOCKED;
          lock = null;
        }
        case "sync.(*WaitGroup).Wait" -> kind = kind == null ? Wait.WAITGROUP : kind;
        case "sync.(*Cond).Wait" -> kind = kind == null ? Wait.COND : kind;
        default -> { }
      }
      if (kind != null && !GoOutputParser.isStd(f.function())) {
        break;
      }
    }
    Frame site = siteOf(g);
    boolean blocked = !(s.equals("running") || s.equals("runnable") || s.equals("syscall") || s.equals("IO wait")
        || s.equals("sleep") || s.startsWith("GC") || s.equals("preempted") || s.isEmpty());
    if (kind != null && blocked) {
      // the RWMutex's own Lock calls lockSlow of its inner Mutex: the outer receiver names the lock
      String address = lock == null ? "" : lock.firstArg();
      if (kind == Wait.OTHER_BLOCKED) {
        return new Waiter(g, kind, "", site);
      }
      if (kind == Wait.MUTEX && s.startsWith("sync.RWMutex")) {
        kind = s.equals("sync.RWMutex.RLock") ? Wait.RLOCK : Wait.WLOCK;
      }
      return new Waiter(g, kind, address, site);
    }
    if (s.startsWith("sync.Mutex.Lock")) {
      return new Waiter(g, Wait.MUTEX, "", site);
    }
    if (s.startsWith("sync.RWMutex.RLock")) {
      return new Waiter(g, Wait.RLOCK, "", site);
    }
    if (s.startsWith("sync.RWMutex.Lock")) {
      return new Waiter(g, Wait.WLOCK, "", site);
    }
    if (s.startsWith("sync.WaitGroup.Wait")) {
      return new Waiter(g, Wait.WAITGROUP, "", site);
    }
    if (s.startsWith("sync.Cond.Wait")) {
      return new Waiter(g, Wait.COND, "", site);
    }
    if (s.contains("nil chan")) {
      return new Waiter(g, Wait.NIL_CHANNEL, "", site);
    }
    if (s.equals("chan send")) {
      return new Waiter(g, Wait.SEND, channelAddress(g), site);
    }
    if (s.equals("chan receive") || s.equals("chan receive (synctest)")) {
      return new Waiter(g, Wait.RECEIVE, channelAddress(g), site);
    }
    if (s.equals("select")) {
      return new Waiter(g, Wait.SELECT, "", site);
    }
    return new Waiter(g, blocked ? Wait.OTHER_BLOCKED : Wait.ALIVE, "", site);
  }

  private static String channelAddress(Goroutine g) {
    for (Frame f : g.frames()) {
      if (f.function().startsWith("runtime.chansend") || f.function().startsWith("runtime.chanrecv")) {
        return f.firstArg();
      }
    }
    return "";
  }

  private static Frame siteOf(Goroutine g) {
    for (Frame f : g.frames()) {
      if (!GoOutputParser.isStd(f.function())) {
        return f;
      }
    }
    return g.frames().isEmpty() ? null : g.frames().get(0);
  }

  static boolean sameReceiver(Frame a, Frame b) {
    String x = a.firstArg();
    String y = b.firstArg();
    return x.isEmpty() || y.isEmpty() || x.equals(y);
  }

  /** {@code pkg.(*T).M} or {@code pkg.T.M} → {@code pkg.T}; null for plain functions and closures of them. */
  static String receiverType(String fn) {
    int slash = fn.lastIndexOf('/');
    int dot = fn.indexOf('.', slash + 1);
    if (dot < 0) {
      return null;
    }
    String rest = fn.substring(dot + 1);
    if (rest.startsWith("(*")) {
      int close = rest.indexOf(')');
      return close < 0 ? null : fn.substring(0, dot + 1) + rest.substring(2, close);
    }
    int next = rest.indexOf('.');
    if (next <= 0 || rest.startsWith("func") || rest.substring(next + 1).startsWith("func")) {
      return null;
    }
    return fn.substring(0, dot + 1) + rest.substring(0, next);
  }

  // ----------------------------------------------------- WaitGroup and Cond

  private static void waitGroup(List<Waiter> ws, List<Fact> out) {
    List<Waiter> waiting = ws.stream().filter(w -> w.on() == Wait.WAITGROUP).toList();
    if (waiting.isEmpty()) {
      return;
    }
    List<Waiter> others = ws.stream().filter(w -> w.on() != Wait.WAITGROUP).toList();
    if (others.isEmpty()) {
      out.add(fact("waitgroup-wait-with-no-worker-left", 1.0, waiting, count(waiting)
          + " in WaitGroup.Wait and no other goroutine is left that could call Done"));
      return;
    }
    List<Waiter> all = new ArrayList<>(waiting);
    all.addAll(others);
    String blocked = count(waiting) + " in WaitGroup.Wait while " + ids(others);
    if (others.stream().allMatch(w -> w.on() == Wait.RECEIVE)) {
      // workers that only wait for more input end when their channel is closed: nobody closed it
      out.add(fact("waitgroup-wait-while-workers-blocked-receiving", 1.0, all,
          blocked + " wait to receive, so none of them reaches Done: their channel is never closed"));
    } else if (others.stream().allMatch(w -> w.on() == Wait.SELECT)) {
      // a select returns when one of its cases can proceed: a worker parked in one behind the Wait
      // was given nothing its cases listen for, so none of them is a way out (no quit or ctx.Done
      // case, or one nobody closes before waiting)
      out.add(fact("waitgroup-wait-while-workers-blocked-in-select", 1.0, all,
          blocked + " wait in a select none of whose cases can proceed, so none of them reaches Done"));
    } else if (others.stream().anyMatch(w -> w.on() == Wait.NIL_CHANNEL)
        && others.stream().allMatch(w -> w.isChannel() || w.on() == Wait.NIL_CHANNEL)) {
      // no goroutine can ever wake an operation on a nil channel: it is where the hang starts, not
      // a channel some other worker was meant to drain (the Wait only passes the hang on)
      List<Waiter> nil = others.stream().filter(w -> w.on() == Wait.NIL_CHANNEL).toList();
      out.add(fact("waitgroup-wait-while-a-worker-is-blocked-on-a-nil-channel", 1.0, all,
          count(waiting) + " in WaitGroup.Wait while " + ids(nil) + " wait on a nil channel, which nothing can wake"));
    } else if (others.stream().allMatch(Waiter::isChannel)) {
      out.add(fact("waitgroup-wait-while-workers-blocked-on-channel", 1.0, all,
          blocked + " are blocked on channels, so none of them reaches Done"));
    } else if (others.stream().allMatch(Waiter::isLock)) {
      // the goroutines that would call Done wait for a lock nobody releases: the WaitGroup only
      // passes the hang on, the lock is where it starts (also in a dump cut before the lock's holder)
      out.add(fact("waitgroup-wait-while-workers-blocked-on-lock", 1.0, all,
          blocked + " wait for a lock, so none of them reaches Done"));
    }
  }

  private static void cond(List<Waiter> ws, List<Fact> out) {
    List<Waiter> waiting = ws.stream().filter(w -> w.on() == Wait.COND).toList();
    if (waiting.isEmpty() || ws.stream().anyMatch(w -> w.on() == Wait.ALIVE)) {
      return;
    }
    out.add(fact("cond-wait-with-nobody-to-signal", 1.0, waiting, count(waiting)
        + " in Cond.Wait and no goroutine is alive that could Signal or Broadcast"));
  }

  // ------------------------------------------------------------ accumulation

  /**
   * Many goroutines with the same state and stack from one creation site: goroutines
   * accumulating. With waits of a minute or more printed, surer.
   */
  private static void pileUp(List<GoroutineGroups.Group> groups, List<Fact> out) {
    for (GoroutineGroups.Group g : groups) {
      Goroutine first = g.first;
      String st = first.state();
      if (g.count < PILE_UP || first.infrastructure() || st.equals("running") || st.equals("runnable")) {
        continue;
      }
      Frame c = first.createdBy();
      Frame top = first.userFrame();
      if (c == null && top == null) {
        continue;
      }
      String where = c != null ? "created by " + c.function() + (c.location().isEmpty() ? "" : " at " + c.location())
          : "at " + top.function() + " " + top.location();
      out.add(new Fact("goroutines-pile-up-at-one-site", g.count + " goroutines in [" + st + "] with one stack, " + where
          + (g.max >= 1 ? ", waiting up to " + g.max + " minutes" : ""), g.max >= 1 ? 1.0 : 0.8, g.ids, g.lines));
    }
  }

  // -------------------------------------------------------------- helpers

  static Fact fact(String id, double strength, List<Waiter> ws, String text) {
    // a fact cites its first goroutines and its earliest lines (Fact keeps no more)
    List<String> ids = new ArrayList<>(Math.min(ws.size(), Fact.MAX_GOROUTINES));
    for (Waiter w : ws.size() > Fact.MAX_GOROUTINES ? ws.subList(0, Fact.MAX_GOROUTINES) : ws) {
      ids.add(w.id());
    }
    int[] all = new int[ws.size()];
    int k = 0;
    for (Waiter w : ws) {
      all[k++] = w.g().line();
    }
    java.util.Arrays.sort(all);
    List<Integer> lines = new ArrayList<>(Math.min(all.length, Fact.MAX_LINES));
    for (int i = 0; i < all.length && i < Fact.MAX_LINES; i++) {
      lines.add(all[i]);
    }
    return new Fact(id, text, strength, ids, lines);
  }

  static String ids(List<Waiter> ws) {
    List<String> ids = new ArrayList<>();
    for (Waiter w : ws.size() > 5 ? ws.subList(0, 5) : ws) {
      ids.add(w.id());
    }
    return String.join(", ", ids) + (ws.size() > 5 ? " and " + (ws.size() - 5) + " more" : "");
  }

  static String addresses(List<Waiter> ws) {
    List<String> a = new ArrayList<>();
    ws.forEach(w -> a.add(w.address()));
    return String.join(", ", a);
  }

  static String count(List<Waiter> ws) {
    int n = ws.stream().mapToInt(w -> w.g().count()).sum();
    return n == 1 ? "goroutine " + ws.get(0).id() : n + " goroutines (" + ids(ws) + ")";
  }
}
