package dev.gocause.sim.vm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lock-order graph of one schedule (Goodlock/lockdep style): an edge held→acquired for every lock a goroutine
 * holds when it tries to acquire another one. A cycle whose edges come from distinct goroutines that share no
 * gate lock (a lock held at every acquisition of the cycle) can deadlock under some other schedule, even when
 * this one did not. Locks are object identities, so the graph lives per schedule; the simulator unions the
 * cycles (keyed by source lines, which are stable) over all schedules.
 */
public final class LockOrder {
  /** One acquisition: which lock, read (RLock) or write, the source line and the goroutine. */
  public record Acq(Object lock, boolean read, int line, int goroutine) {}

  /** held → acquired by one goroutine; {@code gates} are all locks it held at that moment. */
  public record Edge(Acq held, Acq acquired, Set<Object> gates) {}

  /** A potential deadlock: edges of a cycle, in order; {@code reason} says what kind. */
  public record Cycle(List<Edge> edges, String reason) {}

  private final IdentityHashMap<G, ArrayList<Acq>> held = new IdentityHashMap<>();
  private final Map<Object, Map<Object, List<Edge>>> graph = new IdentityHashMap<>();
  private final Set<List<Object>> seen = new HashSet<>();
  private final List<Edge> selfEdges = new ArrayList<>();
  /** First line where each lock was acquired: used to name it. */
  public final Map<Object, Integer> firstLine = new IdentityHashMap<>();
  /** RWMutexes some goroutine write-locked (a writer can queue behind readers). */
  private final Map<Object, Integer> writeLockedBy = new IdentityHashMap<>();
  private static final int MAX_PER_PAIR = 16;

  /** Called on every attempt (also the blocking ones, before the goroutine blocks). */
  void attempt(G g, Object lock, boolean read, int line) {
    if (!read && !(lock instanceof Natives.MutexVal)) writeLockedBy.putIfAbsent(lock, g.id);
    firstLine.putIfAbsent(lock, line);
    ArrayList<Acq> hs = held.get(g);
    if (hs == null || hs.isEmpty()) return;
    Acq acq = new Acq(lock, read, line, g.id);
    Set<Object> gates = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Acq h : hs) gates.add(h.lock());
    for (Acq h : hs) {
      List<Object> key = List.of(new Id(h.lock()), new Id(lock), h.line(), line, h.read(), read, g.id);
      if (!seen.add(key)) continue;
      Edge e = new Edge(h, acq, gates);
      if (h.lock() == lock) {
        selfEdges.add(e);
        continue;
      }
      List<Edge> l = graph.computeIfAbsent(h.lock(), k -> new IdentityHashMap<>()).computeIfAbsent(lock, k -> new ArrayList<>());
      if (l.size() < MAX_PER_PAIR) l.add(e);
    }
  }

  void acquired(G g, Object lock, boolean read, int line) {
    firstLine.putIfAbsent(lock, line);
    held.computeIfAbsent(g, k -> new ArrayList<>()).add(new Acq(lock, read, line, g.id));
  }

  /** Go lets any goroutine unlock: drop the hold from the releasing goroutine, else from whoever holds it. */
  void released(G g, Object lock, boolean read) {
    if (removeLast(held.get(g), lock, read)) return;
    for (ArrayList<Acq> hs : held.values()) if (removeLast(hs, lock, read)) return;
  }

  private static boolean removeLast(ArrayList<Acq> hs, Object lock, boolean read) {
    if (hs == null) return false;
    for (int i = hs.size() - 1; i >= 0; i--) {
      if (hs.get(i).lock() == lock && hs.get(i).read() == read) {
        hs.remove(i);
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return graph.isEmpty() && selfEdges.isEmpty();
  }

  /** Potential deadlocks of this schedule: self-edges that block, and cycles of 2–4 locks. */
  public List<Cycle> cycles() {
    List<Cycle> out = new ArrayList<>();
    for (Edge e : selfEdges) {
      boolean hr = e.held().read(), ar = e.acquired().read();
      if (e.held().lock() instanceof Natives.MutexVal) out.add(new Cycle(List.of(e), "Lock of a Mutex the goroutine already holds"));
      else if (!hr) out.add(new Cycle(List.of(e), "RWMutex locked again while write-locked by the same goroutine"));
      else if (!ar) out.add(new Cycle(List.of(e), "RLock held, then Lock of the same RWMutex (read-to-write upgrade)"));
      else {
        Integer w = writeLockedBy.get(e.held().lock());
        if (w != null && w != e.held().goroutine()) {
          out.add(new Cycle(List.of(e), "recursive RLock while goroutine " + w + " write-locks the same RWMutex (a pending writer blocks the second RLock)"));
        }
      }
    }
    if (graph.isEmpty()) return out;
    Set<List<Object>> reported = new HashSet<>();
    int[] budget = {100_000};
    for (Object start : graph.keySet()) {
      ArrayList<Object> path = new ArrayList<>();
      path.add(start);
      walk(start, start, path, new ArrayList<>(), out, reported, budget);
    }
    return out;
  }

  private void walk(Object start, Object at, ArrayList<Object> path, ArrayList<Edge> edges, List<Cycle> out,
      Set<List<Object>> reported, int[] budget) {
    Map<Object, List<Edge>> next = graph.get(at);
    if (next == null || budget[0]-- <= 0) return;
    for (Map.Entry<Object, List<Edge>> en : next.entrySet()) {
      Object to = en.getKey();
      boolean closes = to == start;
      // each cycle once: start at its lowest-identity lock
      if (!closes && (path.contains(to) || path.size() >= 4 || System.identityHashCode(to) < System.identityHashCode(start))) continue;
      for (Edge e : en.getValue()) {
        if (!compatible(edges, e)) continue;
        edges.add(e);
        if (closes) {
          if (edges.size() >= 2 && blocksAtEveryLock(edges)) {
            List<Object> key = new ArrayList<>();
            for (Edge x : edges) key.add(List.of(x.held().line(), x.acquired().line()));
            if (reported.add(key)) {
              out.add(new Cycle(canonical(edges), "lock order"));
            }
          }
        } else {
          path.add(to);
          walk(start, to, path, edges, out, reported, budget);
          path.remove(path.size() - 1);
        }
        edges.remove(edges.size() - 1);
      }
    }
  }

  /** Rotated to start at the edge with the smallest lines, so one cycle has one key in every schedule. */
  private static List<Edge> canonical(List<Edge> edges) {
    int best = 0;
    for (int i = 1; i < edges.size(); i++) {
      Edge a = edges.get(i), b = edges.get(best);
      if (a.acquired().line() < b.acquired().line() || (a.acquired().line() == b.acquired().line() && a.held().line() < b.held().line())) best = i;
    }
    List<Edge> out = new ArrayList<>(edges.subList(best, edges.size()));
    out.addAll(edges.subList(0, best));
    return List.copyOf(out);
  }

  /** Distinct goroutines, and no lock held at two of the cycle's acquisitions (a gate lock serialises them). */
  private static boolean compatible(List<Edge> edges, Edge e) {
    for (Edge x : edges) {
      if (x.acquired().goroutine() == e.acquired().goroutine()) return false;
      for (Object gl : e.gates()) if (x.gates().contains(gl)) return false;
    }
    return true;
  }

  /** At each lock of the cycle, the waiting acquisition must conflict with the hold: two reads conflict only behind a writer. */
  private boolean blocksAtEveryLock(List<Edge> edges) {
    for (int i = 0; i < edges.size(); i++) {
      Edge in = edges.get(i);
      Edge outE = edges.get((i + 1) % edges.size());
      if (in.acquired().read() && outE.held().read() && !writeLockedBy.containsKey(in.acquired().lock())) return false;
    }
    return true;
  }

  private record Id(Object o) {
    @Override public boolean equals(Object other) {
      return other instanceof Id i && i.o == o;
    }
    @Override public int hashCode() {
      return System.identityHashCode(o);
    }
  }
}
