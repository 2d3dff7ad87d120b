package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.ParsedInput.Frame;
import dev.gocause.graph.diagnosis.ParsedInput.Goroutine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    lockCycle(ws, allBlocked, out);
    readerBehindWriter(ws, allBlocked, out);
    readersWithNoWriterWaiting(ws, allBlocked, out);
    reentry(ws, out);
    holderNotAlive(ws, allBlocked, out);
    channelAndLock(ws, allBlocked, out);
    orphanChannels(ws, out);
    senderOutlivedCreator(parsed, ws, out);
    closureOutlivedItsFunction(parsed, ws, out);
    sendIntoAStoppedType(parsed, ws, out);
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

  // ------------------------------------------------------------------ locks

  /**
   * Lock waiters waiting for each other. A waiter likely holds the locks whose addresses its own
   * frames were called with (other than the one it waits for): a waiter whose lock another
   * waiter holds depends on it; a cycle of such dependencies is an AB-BA deadlock. Without
   * addresses, when nothing else is alive and the waiters stand at two or more lock call sites,
   * every lock is held by one of them: a cycle too, less sure.
   */
  private static void lockCycle(List<Waiter> ws, boolean allBlocked, List<Fact> out) {
    List<Waiter> locks = ws.stream().filter(Waiter::isLock).toList();
    if (locks.size() < 2) {
      return;
    }
    Map<Waiter, Set<String>> holds = new HashMap<>();
    for (Waiter w : locks) {
      Set<String> h = new HashSet<>();
      for (Frame f : w.g().frames()) {
        if (!GoOutputParser.isStd(f.function())) {
          for (String a : f.reliableArgs()) {
            if (a.startsWith("0x") && a.length() > 6) {
              h.add(a);
            }
          }
        }
      }
      h.remove(w.address());
      holds.put(w, h);
    }
    Map<Waiter, String> passed = pastOtherLocks(locks);
    passed.forEach((w, a) -> holds.get(w).add(a));
    // edges: w waits for a lock v holds (holders indexed by address: linear in the waiters)
    Map<String, List<Waiter>> holders = new HashMap<>();
    for (Waiter v : locks) {
      for (String a : holds.get(v)) {
        holders.computeIfAbsent(a, k -> new ArrayList<>()).add(v);
      }
    }
    Map<Waiter, List<Waiter>> edges = new LinkedHashMap<>();
    for (Waiter w : locks) {
      for (Waiter v : holders.getOrDefault(w.address(), List.of())) {
        if (v != w && !w.address().isEmpty()) {
          edges.computeIfAbsent(w, k -> new ArrayList<>()).add(v);
        }
      }
    }
    List<Waiter> cycle = findCycle(edges);
    if (cycle != null) {
      out.add(fact("lock-wait-cycle", 1.0, cycle, "goroutines " + ids(cycle) + " each wait for a lock another of them was called with ("
          + addresses(cycle) + ")"));
      return;
    }
    // waiters past the Lock of two or more different locks (where others queue) hold them; with
    // nothing else alive, each waits for a lock another of them holds
    Set<String> held = new java.util.TreeSet<>(passed.values());
    boolean onlyLockWaiters = ws.stream().allMatch(w -> w.isLock() || w.on() == Wait.WAITGROUP);
    if (allBlocked && onlyLockWaiters && held.size() >= 2) {
      List<Waiter> holding = new ArrayList<>(passed.keySet());
      out.add(fact("lock-wait-cycle", 0.85, holding, "goroutines " + ids(holding) + " wait for a lock past the Lock of "
          + String.join(", ", held) + " in the same function where others queue for it: each holds one of these locks,"
          + " and nothing else is alive to release them"));
      return;
    }
    // without addresses only plain Mutex waiters: RWMutex readers and writers wait for each other by design
    locks = locks.stream().filter(w -> w.on() == Wait.MUTEX).toList();
    if (locks.size() < 2) {
      return;
    }
    boolean anyAddress = locks.stream().anyMatch(w -> !w.address().isEmpty());
    Set<String> sites = new HashSet<>();
    locks.forEach(w -> sites.add(w.site() == null ? "" : w.site().function() + "@" + w.site().location()));
    boolean othersOnlyWaitForThem = ws.stream().allMatch(w -> w.isLock() || w.on() == Wait.WAITGROUP);
    if (!anyAddress && allBlocked && othersOnlyWaitForThem && sites.size() >= 2) {
      out.add(fact("lock-wait-cycle", 0.7, locks, "goroutines " + ids(locks) + " wait for locks at " + sites.size()
          + " call sites and nothing else is alive to release them"));
      return;
    }
    // with addresses but none passed as arguments (locks found through a map or a field): waiters for
    // two or more different locks with nobody else alive hold those locks themselves, each one waiting
    // for another's; one lock that a goroutine kept when it returned is what they would share instead
    Set<String> waitedFor = new java.util.TreeSet<>();
    locks.forEach(w -> waitedFor.add(w.address()));
    if (allBlocked && othersOnlyWaitForThem && !waitedFor.contains("") && waitedFor.size() >= 2) {
      out.add(fact("lock-wait-cycle", 0.8, locks, "goroutines " + ids(locks) + " wait for " + waitedFor.size() + " different locks ("
          + String.join(", ", waitedFor) + ") and nothing else is alive to hold them: each holds one another waits for"));
    }
  }

  /**
   * Lock waiters standing on a later line of the function where other goroutines wait to take a
   * lock whose address is printed (same file, same receiver when both print one), for a lock that
   * is not that one: they went past that Lock, so they hold it while they wait for the next one.
   * The waiter → the address of the lock it holds.
   */
  private static Map<Waiter, String> pastOtherLocks(List<Waiter> locks) {
    // the queues at each Lock call, by function: thousands of waiters share a few call sites
    Map<String, Map<String, Waiter>> queues = new HashMap<>(); // function -> "line address" -> one waiter there
    for (Waiter v : locks) {
      Frame site = v.site();
      if (site != null && !v.address().isEmpty() && site.fileLine() > 0 && !GoOutputParser.isStd(site.function())) {
        queues.computeIfAbsent(site.function(), k -> new LinkedHashMap<>()).putIfAbsent(site.fileLine() + " " + v.address(), v);
      }
    }
    Map<Waiter, String> out = new LinkedHashMap<>();
    for (Waiter w : locks) {
      Frame site = w.site();
      Map<String, Waiter> q = site == null ? null : queues.get(site.function());
      if (q == null) {
        continue;
      }
      for (Waiter v : q.values()) {
        Frame at = v.site();
        if (at.file().equals(site.file()) && at.fileLine() < site.fileLine() && !v.address().equals(w.address())
            && sameReceiver(at, site)) {
          out.put(w, v.address());
          break;
        }
      }
    }
    return out;
  }

  private static List<Waiter> findCycle(Map<Waiter, List<Waiter>> edges) {
    for (Waiter start : edges.keySet()) {
      List<Waiter> path = new ArrayList<>();
      Set<Waiter> onPath = new HashSet<>();
      Waiter cur = start;
      while (cur != null && onPath.add(cur)) {
        path.add(cur);
        List<Waiter> next = edges.get(cur);
        cur = next == null ? null : next.get(0);
      }
      if (cur != null) {
        return path.subList(path.indexOf(cur), path.size());
      }
    }
    return null;
  }

  /**
   * A reader blocked in {@code RLock} while a writer waits in {@code Lock}: the writer waits for
   * the read lock to be released, new readers queue behind the writer. When no goroutine outside
   * them is alive, the read lock is held by a blocked reader itself: a recursive read lock.
   */
  private static void readerBehindWriter(List<Waiter> ws, boolean allBlocked, List<Fact> out) {
    List<Waiter> readers = ws.stream().filter(w -> w.on() == Wait.RLOCK).toList();
    List<Waiter> writers = ws.stream().filter(w -> w.on() == Wait.WLOCK).toList();
    boolean longWaits = readers.stream().anyMatch(w -> w.g().minutes() >= 1) && writers.stream().anyMatch(w -> w.g().minutes() >= 1);
    if (readers.isEmpty() || writers.isEmpty() || !(allBlocked || longWaits) || writers.stream().anyMatch(WaitAnalyzer::reenters)) {
      return;
    }
    List<Waiter> both = new ArrayList<>(readers);
    both.addAll(writers);
    out.add(fact("reader-blocked-behind-pending-writer", allBlocked ? 1.0 : 0.8, both, "reader" + (readers.size() == 1 ? " " : "s ") + ids(readers)
        + " in RWMutex.RLock while writer" + (writers.size() == 1 ? " " : "s ") + ids(writers)
        + " wait in RWMutex.Lock, " + (allBlocked ? "and no other goroutine is alive to release the read lock"
            : "both for minutes")));
  }

  /**
   * Readers blocked in {@code RLock} (for minutes, or with everything blocked) and no goroutine waiting in
   * {@code RWMutex.Lock}: a reader only waits while a writer holds the lock or waits for it. An upgrade
   * would show its writer waiting in {@code Lock}; with none shown, the writer got the lock and kept it,
   * or the pending writer is not in the dump and the stuck reader holds a read lock further up its stack.
   */
  private static void readersWithNoWriterWaiting(List<Waiter> ws, boolean allBlocked, List<Fact> out) {
    List<Waiter> readers = ws.stream().filter(w -> w.on() == Wait.RLOCK).toList();
    if (readers.isEmpty() || ws.stream().anyMatch(w -> w.on() == Wait.WLOCK)
        || !(allBlocked || readers.stream().anyMatch(w -> w.g().minutes() >= 1))) {
      return;
    }
    out.add(fact("readers-blocked-with-no-writer-waiting", 1.0, readers, "reader" + (readers.size() == 1 ? " " : "s ")
        + ids(readers) + " wait in RWMutex.RLock and no goroutine waits in RWMutex.Lock: a writer holds the lock,"
        + " or a pending writer not shown waits for a read lock one of the readers already holds"));
  }

  /**
   * A lock waiter whose own stack already passed through a method of the same receiver (same
   * receiver address, or the same type when addresses are elided) that is not the one taking
   * the lock: the lock is very likely held by this very goroutine.
   */
  private static void reentry(List<Waiter> ws, List<Fact> out) {
    List<Waiter> found = ws.stream().filter(w -> w.isLock() && reenters(w)).toList();
    List<Waiter> writers = found.stream().filter(w -> w.on() == Wait.WLOCK).toList();
    List<Waiter> others = found.stream().filter(w -> w.on() != Wait.WLOCK).toList();
    if (!others.isEmpty()) {
      out.add(fact("lock-reentered-on-own-stack", 0.9, others, "goroutine" + (others.size() == 1 ? " " : "s ") + ids(others)
          + " wait for a lock inside a method called from another method of the same receiver"));
    }
    if (!writers.isEmpty()) {
      out.add(fact("write-lock-under-own-read-lock", 0.9, writers, "goroutine" + (writers.size() == 1 ? " " : "s ") + ids(writers)
          + " wait in RWMutex.Lock inside a method called from another method of the same receiver (which holds the read lock)"));
    }
  }

  static boolean reenters(Waiter w) {
    List<String[]> seen = new ArrayList<>(); // {type, receiver or "", function}
    for (Frame f : w.g().frames()) {
      String fn = f.function();
      String type = GoOutputParser.isStd(fn) ? null : receiverType(fn);
      if (type == null) {
        continue;
      }
      String recv = f.firstArg();
      for (String[] s : seen) {
        if (s[0].equals(type) && !s[2].equals(fn) && (s[1].isEmpty() || recv.isEmpty() || s[1].equals(recv))) {
          return true;
        }
      }
      seen.add(new String[] {type, recv, fn});
    }
    return false;
  }

  /**
   * Goroutines wait for one lock (one address, or one call site when addresses are elided) and
   * every other goroutine is blocked on something that cannot be that lock's holder releasing it
   * (only lock or WaitGroup waiters remain): the holder is one of the waiters, or returned
   * without unlocking.
   */
  private static void holderNotAlive(List<Waiter> ws, boolean allBlocked, List<Fact> out) {
    List<Waiter> locks = ws.stream().filter(Waiter::isLock).toList();
    if (locks.isEmpty() || !allBlocked || !ws.stream().allMatch(w -> w.isLock() || w.on() == Wait.WAITGROUP)) {
      return;
    }
    Set<String> keys = new HashSet<>();
    for (Waiter w : locks) {
      keys.add(!w.address().isEmpty() ? w.address() : w.site() == null ? "?" : w.site().function() + "@" + w.site().location());
    }
    if (keys.size() == 1 && locks.stream().allMatch(w -> w.on() == Wait.WLOCK)) {
      out.add(fact("writer-waits-with-no-reader-alive", 1.0, locks, count(locks) + " wait in RWMutex.Lock and no other goroutine"
          + " is alive to hold the read lock: the waiter holds it itself, or a reader never called RUnlock"));
    } else if (keys.size() == 1) {
      out.add(fact("lock-holder-not-alive", 1.0, locks, count(locks) + " wait for one lock and no goroutine that could hold it"
          + " is alive: it is held by a waiter itself or was never unlocked"));
    }
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

  /**
   * Goroutines blocked on channels while others are blocked on locks, and nothing else is alive:
   * the channel partner waits for the lock, the lock holder waits on the channel. Surer when a
   * channel waiter and a lock waiter run code of the same receiver type.
   */
  private static void channelAndLock(List<Waiter> ws, boolean allBlocked, List<Fact> out) {
    List<Waiter> locks = ws.stream().filter(Waiter::isLock).toList();
    List<Waiter> chans = ws.stream().filter(Waiter::isChannel).toList();
    if (locks.isEmpty() || chans.isEmpty()) {
      return;
    }
    if (!allBlocked) {
      pastTheLock(locks, chans, out);
      return;
    }
    Set<String> lockTypes = types(locks);
    Set<String> chanTypes = types(chans);
    lockTypes.retainAll(chanTypes);
    List<Waiter> both = new ArrayList<>(chans);
    both.addAll(locks);
    out.add(fact("channel-wait-while-lock-wait", lockTypes.isEmpty() ? 0.85 : 1.0, both,
        "goroutine" + (chans.size() == 1 ? " " : "s ") + ids(chans) + " blocked on a channel while " + ids(locks)
            + " wait for a lock" + (lockTypes.isEmpty() ? "" : " of the same " + lockTypes.iterator().next())
            + "; nothing else is alive"));
  }

  /**
   * When other goroutines are alive (a server's network loops, timers), "nothing else can
   * release the lock" cannot be concluded, but a dump can still show who holds it: a goroutine
   * blocked on a channel inside the very function where the lock waiters stand at their Lock
   * call, on a later line of it (and on the same receiver when both print one), has already
   * passed that Lock: it holds the lock while it waits on the channel.
   */
  private static void pastTheLock(List<Waiter> locks, List<Waiter> chans, List<Fact> out) {
    List<Waiter> holders = new ArrayList<>();
    List<Waiter> waiters = new ArrayList<>();
    for (Waiter c : chans) {
      boolean holds = false;
      for (Waiter l : locks) {
        Frame site = l.site();
        if (site == null || GoOutputParser.isStd(site.function()) || site.fileLine() == 0) {
          continue;
        }
        for (Frame f : c.g().frames()) {
          if (f.function().equals(site.function()) && f.file().equals(site.file()) && f.fileLine() > site.fileLine()
              && sameReceiver(f, site)) {
            holds = true;
            if (!waiters.contains(l)) {
              waiters.add(l);
            }
            break;
          }
        }
      }
      if (holds) {
        holders.add(c);
      }
    }
    if (holders.isEmpty()) {
      sameReceiverType(locks, chans, out);
      return;
    }
    List<Waiter> both = new ArrayList<>(holders);
    both.addAll(waiters);
    Frame site = waiters.get(0).site();
    out.add(fact("channel-wait-while-lock-wait", 1.0, both, "goroutine" + (holders.size() == 1 ? " " : "s ") + ids(holders)
        + " blocked on a channel in " + site.function() + " after the Lock at " + site.location() + " where " + ids(waiters)
        + " wait: " + (holders.size() == 1 ? "it holds" : "they hold") + " the lock while waiting on the channel"));
  }

  /**
   * A goroutine blocked sending or receiving in a method of a type while another waits for a lock
   * in another method of that type (on the same value when both print their receiver): the type's
   * lock is most likely the one the channel waiter took before the channel, and the method that
   * would complete the channel operation is the one waiting for it. Less sure than the same
   * function's later line: a type's idle loop and a passing lock wait look the same.
   */
  private static void sameReceiverType(List<Waiter> locks, List<Waiter> chans, List<Fact> out) {
    List<Waiter> holders = new ArrayList<>();
    List<Waiter> waiters = new ArrayList<>();
    String type = null;
    for (Waiter c : chans) {
      Frame cs = c.site();
      String ct = c.on() == Wait.SELECT || cs == null || GoOutputParser.isStd(cs.function()) ? null : receiverType(cs.function());
      if (ct == null) {
        continue;
      }
      for (Waiter l : locks) {
        Frame ls = l.site();
        if (ls != null && !ls.function().equals(cs.function()) && !GoOutputParser.isStd(ls.function())
            && ct.equals(receiverType(ls.function())) && sameReceiver(cs, ls)) {
          if (!holders.contains(c)) {
            holders.add(c);
          }
          if (!waiters.contains(l)) {
            waiters.add(l);
          }
          type = ct;
        }
      }
    }
    if (holders.isEmpty()) {
      return;
    }
    List<Waiter> both = new ArrayList<>(holders);
    both.addAll(waiters);
    out.add(fact("channel-wait-while-lock-wait", 0.75, both, "goroutine" + (holders.size() == 1 ? " " : "s ") + ids(holders)
        + " blocked on a channel in " + holders.get(0).site().function() + " while " + ids(waiters) + " wait for a lock in "
        + waiters.get(0).site().function() + ", another method of " + type + ": the channel waiter likely holds its lock"));
  }

  private static boolean sameReceiver(Frame a, Frame b) {
    String x = a.firstArg();
    String y = b.firstArg();
    return x.isEmpty() || y.isEmpty() || x.equals(y);
  }

  private static Set<String> types(List<Waiter> ws) {
    // thousands of waiters share a few hundred functions: each function is read once
    Set<String> functions = new HashSet<>();
    for (Waiter w : ws) {
      for (Frame f : w.g().frames()) {
        functions.add(f.function());
      }
    }
    Set<String> out = new HashSet<>();
    for (String function : functions) {
      String t = GoOutputParser.isStd(function) ? null : receiverType(function);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  // --------------------------------------------------------------- channels

  /**
   * Senders blocked with no goroutine in the dump that could receive (none receiving on that
   * channel when addresses are printed, none in a receive, select or still running otherwise),
   * and the reverse.
   */
  private static void orphanChannels(List<Waiter> ws, List<Fact> out) {
    boolean alive = ws.stream().anyMatch(w -> w.on() == Wait.ALIVE || w.on() == Wait.SELECT);
    orphan(ws, Wait.SEND, Wait.RECEIVE, alive, "send-with-no-receiver", "blocked sending", out);
    orphan(ws, Wait.RECEIVE, Wait.SEND, alive, "receive-with-no-sender", "blocked receiving", out);
  }

  private static void orphan(List<Waiter> ws, Wait side, Wait partner, boolean alive, String id, String what, List<Fact> out) {
    List<Waiter> mine = ws.stream().filter(w -> w.on() == side).toList();
    if (mine.isEmpty()) {
      return;
    }
    List<Waiter> partners = ws.stream().filter(w -> w.on() == partner).toList();
    boolean partnersAddressed = partners.stream().allMatch(p -> !p.address().isEmpty());
    Set<String> partnerAddresses = new HashSet<>();
    partners.forEach(p -> partnerAddresses.add(p.address()));
    List<Waiter> orphans = new ArrayList<>();
    for (Waiter w : mine) {
      boolean could;
      if (!w.address().isEmpty() && partnersAddressed) {
        could = partnerAddresses.contains(w.address()) || alive;
      } else {
        could = !partners.isEmpty() || alive;
      }
      if (!could) {
        orphans.add(w);
      }
    }
    if (!orphans.isEmpty()) {
      Set<String> sites = new HashSet<>();
      orphans.forEach(w -> sites.add(w.site() == null ? "?" : w.site().location()));
      out.add(fact(id, 1.0, orphans, count(orphans) + " " + what + " at " + String.join(", ", sites)
          + " and no goroutine in the dump could be the other side"));
    }
  }

  /**
   * Senders whose creator has returned: in a dump that shows every goroutine, or a goleak report
   * (it lists every goroutine still running after the test), no stack runs the function whose go
   * statement started them, and they run a closure of it (sharing its channel) or nobody is left
   * receiving at all. The one to receive was most often that function, which left — on a
   * timeout, an error or a cancelled context — and nobody took its place.
   */
  private static void senderOutlivedCreator(ParsedInput parsed, List<Waiter> ws, List<Fact> out) {
    if (parsed.goleakLine() <= 0 && parsed.leaks().isEmpty() && !complete(parsed)) {
      return;
    }
    // a goroutine still receiving or selecting may be the one a sender waits for
    boolean receiverLeft = ws.stream().noneMatch(w -> w.on() == Wait.RECEIVE || w.on() == Wait.SELECT || w.on() == Wait.ALIVE);
    List<Waiter> candidates = new ArrayList<>();
    Set<String> creators = new java.util.TreeSet<>();
    for (Waiter w : ws) {
      // a closure of its creator shares the creator's channel; a named function may send on anybody's
      Frame c = w.on() == Wait.SEND ? w.g().createdBy() : null;
      Frame top = c == null ? null : w.g().userFrame();
      boolean closure = top != null && top.function().startsWith(c.function() + ".func");
      if (c != null && (closure || receiverLeft) && !GoOutputParser.isStd(c.function())) {
        candidates.add(w);
        creators.add(c.function());
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    // the creators still running somewhere (one pass over the frames; a big dump has thousands)
    Set<String> running = new HashSet<>();
    for (Goroutine g : parsed.all()) {
      for (Frame f : g.frames()) {
        if (creators.contains(f.function())) {
          running.add(f.function());
        }
      }
    }
    creators.removeAll(running);
    List<Waiter> senders = candidates.stream().filter(w -> !running.contains(w.g().createdBy().function())).toList();
    if (!senders.isEmpty()) {
      out.add(fact("sender-outlived-its-creator", 1.0, senders, count(senders) + " blocked sending, started by "
          + String.join(", ", creators) + ", which is on no stack any more: it returned, and whoever was to receive left with it"));
    }
  }

  /**
   * Senders blocked inside a method of a type (a channel the value owns: its run loop's input) in
   * a dump that shows every goroutine (not a goleak report: only what outlived the test is listed
   * there), where no other goroutine runs any method of that type: the loop that received for the
   * value has returned (stopped, or never started), and the method sends without watching for that.
   * A WaitGroup waiting for these senders does not own their channel.
   */
  private static void sendIntoAStoppedType(ParsedInput parsed, List<Waiter> ws, List<Fact> out) {
    // a goleak report lists only what outlived the test: every other goroutine is gone there, so no
    // method of the type running says nothing about its loop
    if (!complete(parsed)) {
      return;
    }
    Map<String, List<Waiter>> byType = new LinkedHashMap<>();
    Set<Goroutine> senders = new HashSet<>();
    for (Waiter w : ws) {
      Frame site = w.on() == Wait.SEND ? w.site() : null;
      String type = site == null || GoOutputParser.isStd(site.function()) ? null : receiverType(site.function());
      if (type != null) {
        byType.computeIfAbsent(type, k -> new ArrayList<>()).add(w);
        senders.add(w.g());
      }
    }
    if (byType.isEmpty()) {
      return;
    }
    Set<String> alive = new HashSet<>();
    for (Goroutine g : parsed.all()) {
      if (senders.contains(g)) {
        continue;
      }
      for (Frame f : g.frames()) {
        String t = GoOutputParser.isStd(f.function()) ? null : receiverType(f.function());
        if (t != null && byType.containsKey(t)) {
          alive.add(t);
        }
      }
    }
    List<Waiter> left = new ArrayList<>();
    Set<String> types = new java.util.TreeSet<>();
    byType.forEach((t, list) -> {
      if (!alive.contains(t)) {
        left.addAll(list);
        types.add(t);
      }
    });
    if (!left.isEmpty()) {
      out.add(fact("send-into-a-type-with-no-goroutine-left", 1.0, left, count(left) + " blocked sending in a method of "
          + String.join(", ", types) + ", and no other goroutine runs any method of it: the loop that received for it has returned"));
    }
  }

  private static final java.util.regex.Pattern CLOSURE = java.util.regex.Pattern.compile("(.+?)\\.func\\d+(?:\\.\\d+)*");

  /**
   * A {@code debug=1} goroutine profile lists every goroutine but hides the runtime's frames, so a
   * goroutine parked on a channel shows no wait state, only its own frames. When such goroutines
   * (two or more alike) run a closure of a function as their entry (its go statement, or one it
   * handed the closure to, started them) and that function is on no stack, it returned and left
   * them parked: the side they waited for (usually the function itself, gone on a timeout, an error
   * or a cancellation) is no longer there.
   */
  private static void closureOutlivedItsFunction(ParsedInput parsed, List<Waiter> ws, List<Fact> out) {
    if (parsed.messages().stream().noneMatch(m -> m.text().startsWith("goroutine profile: total "))) {
      return;
    }
    List<Waiter> candidates = new ArrayList<>();
    Map<Waiter, String> outer = new HashMap<>();
    for (Waiter w : ws) {
      Goroutine g = w.g();
      if (!g.state().equals("unknown") || g.count() < 2 || g.frames().isEmpty()) {
        continue;
      }
      String entry = g.frames().get(g.frames().size() - 1).function();
      java.util.regex.Matcher m = CLOSURE.matcher(entry);
      if (!GoOutputParser.isStd(entry) && m.matches()) {
        candidates.add(w);
        outer.put(w, m.group(1));
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    Set<String> running = new HashSet<>();
    Set<String> wanted = new HashSet<>(outer.values());
    for (Goroutine g : parsed.all()) {
      for (Frame f : g.frames()) {
        if (wanted.contains(f.function())) {
          running.add(f.function());
        }
      }
    }
    List<Waiter> left = candidates.stream().filter(w -> !running.contains(outer.get(w))).toList();
    if (!left.isEmpty()) {
      Set<String> gone = new java.util.TreeSet<>();
      left.forEach(w -> gone.add(outer.get(w)));
      out.add(fact("parked-closure-outlived-its-function", 1.0, left, count(left) + " parked in a closure of "
          + String.join(", ", gone) + ", which is on no stack of the profile: it returned and left them waiting"));
    }
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
    } else if (others.stream().allMatch(w -> w.isChannel() || w.on() == Wait.NIL_CHANNEL)) {
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

  private static Fact fact(String id, double strength, List<Waiter> ws, String text) {
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

  private static String ids(List<Waiter> ws) {
    List<String> ids = new ArrayList<>();
    for (Waiter w : ws.size() > 5 ? ws.subList(0, 5) : ws) {
      ids.add(w.id());
    }
    return String.join(", ", ids) + (ws.size() > 5 ? " and " + (ws.size() - 5) + " more" : "");
  }

  private static String addresses(List<Waiter> ws) {
    List<String> a = new ArrayList<>();
    ws.forEach(w -> a.add(w.address()));
    return String.join(", ", a);
  }

  private static String count(List<Waiter> ws) {
    int n = ws.stream().mapToInt(w -> w.g().count()).sum();
    return n == 1 ? "goroutine " + ws.get(0).id() : n + " goroutines (" + ids(ws) + ")";
  }
}
