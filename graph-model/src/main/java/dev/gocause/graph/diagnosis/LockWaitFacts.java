package dev.gocause.graph.diagnosis;

import static dev.gocause.graph.diagnosis.WaitAnalyzer.addresses;
import static dev.gocause.graph.diagnosis.WaitAnalyzer.count;
import static dev.gocause.graph.diagnosis.WaitAnalyzer.fact;
import static dev.gocause.graph.diagnosis.WaitAnalyzer.ids;
import static dev.gocause.graph.diagnosis.WaitAnalyzer.receiverType;
import static dev.gocause.graph.diagnosis.WaitAnalyzer.sameReceiver;

import dev.gocause.graph.diagnosis.ParsedInput.Frame;
import dev.gocause.graph.diagnosis.WaitAnalyzer.Wait;
import dev.gocause.graph.diagnosis.WaitAnalyzer.Waiter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link WaitAnalyzer}'s facts about goroutines waiting for locks: who holds what (a cycle, a
 * reader behind a pending writer, a lock taken again on the waiter's own stack, a holder that is
 * on no stack).
 */
final class LockWaitFacts {
  private LockWaitFacts() {}

  /**
   * Lock waiters waiting for each other. A waiter likely holds the locks whose addresses its own
   * frames were called with (other than the one it waits for): a waiter whose lock another
   * waiter holds depends on it; a cycle of such dependencies is an AB-BA deadlock. Without
   * addresses, when nothing else is alive and the waiters stand at two or more lock call sites,
   * every lock is held by one of them: a cycle too, less sure.
   */
  static void lockCycle(List<Waiter> ws, boolean allBlocked, List<Fact> out) {
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
  static void readerBehindWriter(List<Waiter> ws, boolean allBlocked, List<Fact> out) {
    List<Waiter> readers = ws.stream().filter(w -> w.on() == Wait.RLOCK).toList();
    List<Waiter> writers = ws.stream().filter(w -> w.on() == Wait.WLOCK).toList();
    boolean longWaits = readers.stream().anyMatch(w -> w.g().minutes() >= 1) && writers.stream().anyMatch(w -> w.g().minutes() >= 1);
    if (readers.isEmpty() || writers.isEmpty() || !(allBlocked || longWaits) || writers.stream().anyMatch(LockWaitFacts::reenters)) {
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
  static void readersWithNoWriterWaiting(List<Waiter> ws, boolean allBlocked, List<Fact> out) {
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
  static void reentry(List<Waiter> ws, List<Fact> out) {
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
  static void holderNotAlive(List<Waiter> ws, boolean allBlocked, List<Fact> out) {
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
}
