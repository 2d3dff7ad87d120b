package dev.gocause.sim.vm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lock-order graph of one schedule (Goodlock/lockdep style), extended with channel waits.
 *
 * <p>Nodes are locks and {@link ChanWait}s (a goroutine blocked sending on, or receiving from, one channel). Edges:
 * <ul>
 *   <li>held → acquired: a goroutine holds a lock when it tries to acquire another;</li>
 *   <li>held → ChanWait: a goroutine holds a lock while it sends or receives (a blocking select counts each case)
 *       on a channel that can block (unbuffered, or a buffered one on which that direction blocked in this
 *       schedule);</li>
 *   <li>ChanWait → lock: the partner operation that would release such a wait (a receive releases senders; a send or
 *       a close releases receivers) comes after the partner goroutine acquired the lock (its last acquisition of it,
 *       held or already released) and after the channel was made.</li>
 * </ul>
 * A cycle whose edges come from distinct goroutines that share no gate lock (a lock held at every blocking point of
 * the cycle) can deadlock under some other schedule, even when this one did not. A cycle is dropped when one of its
 * acquisitions happened before the goroutine holding that lock was even created (the classic false positive: main
 * locks during setup, then starts the worker). Nodes are object identities, so the graph lives per schedule; the
 * simulator unions the cycles (keyed by source lines, which are stable) over all schedules.
 */
public final class LockOrder {
  /** What an acquisition or channel step does. */
  public enum Op { LOCK, SEND, RECV, CLOSE }

  /**
   * One step: a lock acquisition (or attempt), or a channel operation. {@code lock} is the lock, or the
   * {@link ChanWait} node for channel steps; {@code read} marks RLock; {@code seq} orders steps within the schedule.
   */
  public record Acq(Object lock, boolean read, int line, int goroutine, Op op, boolean inSelect, long seq) {
    public boolean isChannel() {
      return op != Op.LOCK;
    }
  }

  /** A goroutine blocked on {@code chan}: sending when {@code send}, else receiving. One node per channel and direction. */
  public static final class ChanWait {
    public final Machine.Chan chan;
    public final boolean send;
    /**
     * wait → lock edges of partners, kept here (not in the graph) until {@link #cycles()}: they matter only if some
     * goroutine waits on this node while holding a lock, which most programs never do.
     */
    final ArrayList<Edge> partners = new ArrayList<>(2);

    ChanWait(Machine.Chan chan, boolean send) {
      this.chan = chan;
      this.send = send;
    }

    /** Whether a goroutine can block in this direction: unbuffered, or it did block in this schedule. */
    boolean canBlock() {
      return chan.cap == 0 || (send ? chan.sendBlocked : chan.recvBlocked);
    }
  }

  /** held → acquired by one goroutine; {@code gates} are all locks it held at the blocking point. */
  public record Edge(Acq held, Acq acquired, Set<Object> gates) {}

  /** A potential deadlock: edges of a cycle, in order; {@code reason} says what kind. */
  public record Cycle(List<Edge> edges, String reason) {}

  /** Per goroutine: locks held now, and the last acquisition of every lock it ever took. */
  static final class GState {
    final ArrayList<Acq> held = new ArrayList<>(4);
    final ArrayList<Last> last = new ArrayList<>(4);
  }

  /** Last acquisition of one lock by one goroutine, with the locks held while acquiring it. */
  static final class Last {
    Acq acq;
    Set<Object> gates;
    // partner edges already added from this acquisition site (line, mode) since step memoSeq: (node, line) pairs
    final Object[] memoNodes = new Object[8];
    final int[] memoLines = new int[8];
    int memoCount;
    long memoSeq;

    boolean memoized(Object node, int line) {
      for (int i = 0; i < memoCount; i++) if (memoNodes[i] == node && memoLines[i] == line) return true;
      int i = memoCount < memoNodes.length ? memoCount++ : line & 7;
      memoNodes[i] = node;
      memoLines[i] = line;
      return false;
    }
  }

  private final ArrayList<GState> states = new ArrayList<>();
  private final Map<Object, Map<Object, List<Edge>>> graph = new LinkedHashMap<>();
  private final Map<Key, Edge> seen = new HashMap<>();
  /** Order in which nodes entered the graph: each cycle is walked from its first node, the same in every run. */
  private final Map<Object, Integer> nodeOrder = new LinkedHashMap<>();
  private final List<Edge> selfEdges = new ArrayList<>();
  /** Nodes with an incoming edge: only they can be on a cycle. */
  private final Set<Object> targets = Collections.newSetFromMap(new LinkedHashMap<>());
  /** First line where each lock was acquired: used to name it. */
  public final Map<Object, Integer> firstLine = new LinkedHashMap<>();
  /** RWMutexes some goroutine write-locked (a writer can queue behind readers). */
  private final Map<Object, Integer> writeLockedBy = new LinkedHashMap<>();
  private static final int MAX_PER_PAIR = 16;
  private static final Set<Object> NO_GATES = Set.of();
  private long seq;
  /** Who started each goroutine (by id; 0 = nobody) and when: to drop acquisitions made before a goroutine existed. */
  private int[] parentOf = new int[16];
  private long[] spawnSeqOf = new long[16];
  /** Step of each goroutine's latest go statement (by id): a repeated edge only needs its newer steps after one. */
  private long[] lastSpawnBy = new long[16];

  private static GState state(G g, ArrayList<GState> all) {
    GState s = g.lo;
    if (s == null) {
      s = g.lo = new GState();
      all.add(s);
    }
    return s;
  }

  void spawned(G parent, G child) {
    int id = child.id;
    if (id >= parentOf.length) {
      int n = Math.max(id + 1, parentOf.length * 2);
      parentOf = java.util.Arrays.copyOf(parentOf, n);
      spawnSeqOf = java.util.Arrays.copyOf(spawnSeqOf, n);
      lastSpawnBy = java.util.Arrays.copyOf(lastSpawnBy, n);
    }
    parentOf[id] = parent == null ? 0 : parent.id;
    spawnSeqOf[id] = ++seq;
    if (parent != null) lastSpawnBy[parent.id] = seq;
  }

  /** make(chan): nobody can block on a channel before it exists. */
  void created(Machine.Chan c) {
    c.createdSeq = ++seq;
  }

  /** Called on every attempt (also the blocking ones, before the goroutine blocks). */
  void attempt(G g, Object lock, boolean read, int line) {
    if (!read && !(lock instanceof SyncNatives.MutexVal)) writeLockedBy.putIfAbsent(lock, g.id);
    firstLine.putIfAbsent(lock, line);
    GState s = g.lo;
    if (s == null || s.held.isEmpty()) return;
    Acq acq = new Acq(lock, read, line, g.id, Op.LOCK, false, ++seq);
    for (int i = 0, n = s.held.size(); i < n; i++) {
      Acq h = s.held.get(i);
      if (h.lock() == lock) {
        Key key = new Key(h.lock(), lock, h.line(), line, h.read(), read, g.id);
        if (!seen.containsKey(key)) {
          Edge e = new Edge(h, acq, gatesOf(s.held));
          seen.put(key, e);
          selfEdges.add(e);
        }
        continue;
      }
      addEdge(h, acq, s.held, g.id);
    }
  }

  void acquired(G g, Object lock, boolean read, int line) {
    firstLine.putIfAbsent(lock, line);
    GState s = state(g, states);
    Acq acq = new Acq(lock, read, line, g.id, Op.LOCK, false, ++seq);
    Set<Object> gates = gatesOf(s.held); // locks held while waiting for this one
    s.held.add(acq);
    Last l = null;
    for (Last x : s.last) {
      if (x.acq.lock() == lock) {
        l = x;
        break;
      }
    }
    if (l == null) s.last.add(l = new Last());
    // the same site again adds the same partner edges: keep the memo (until a go statement, see chanOp)
    if (l.acq == null || l.acq.line() != line || l.acq.read() != read) {
      l.memoCount = 0;
      l.memoSeq = acq.seq();
    }
    l.acq = acq;
    l.gates = gates;
  }

  /** Go lets any goroutine unlock: drop the hold from the releasing goroutine, else from whoever holds it. */
  void released(G g, Object lock, boolean read) {
    if (g.lo != null && removeLast(g.lo.held, lock, read)) return;
    for (GState s : states) if (removeLast(s.held, lock, read)) return;
  }

  /**
   * A channel operation by {@code g} on {@code c} (not nil). {@code mayBlock}: the operation can wait (false for
   * close, a select with default, a select with a timer case). Adds held → wait edges when g holds locks, and
   * wait → lock edges (the operation releases goroutines waiting the other way) for every lock g acquired before.
   */
  void chanOp(G g, Machine.Chan c, Op op, int line, boolean inSelect, boolean mayBlock) {
    GState s = g.lo;
    if (s == null) return; // never took a lock: no edge either way
    long at = ++seq;
    if (mayBlock && !s.held.isEmpty()) {
      ChanWait node = waitNode(c, op == Op.SEND);
      Acq acq = new Acq(node, false, line, g.id, op, inSelect, at);
      for (int i = 0, n = s.held.size(); i < n; i++) addEdge(s.held.get(i), acq, s.held, g.id);
    }
    if (!s.last.isEmpty()) {
      ChanWait node = waitNode(c, op == Op.RECV); // a receive releases senders; a send or close releases receivers
      Acq step = null;
      long spawnedAt = g.id < lastSpawnBy.length ? lastSpawnBy[g.id] : 0;
      for (int i = 0, n = s.last.size(); i < n; i++) {
        Last l = s.last.get(i);
        if (spawnedAt > l.memoSeq) {
          // started a goroutine since: a newer acquisition may now pass the creation-order check
          l.memoCount = 0;
          l.memoSeq = at;
        }
        // an acquisition made before the channel existed cannot have waited while someone blocked on it
        // (e.g. a subscriber whose channel is made inside the lock that registers it)
        if (l.acq.seq() < c.createdSeq) continue;
        if (l.memoized(node, line)) continue;
        if (step == null) step = new Acq(node, false, line, g.id, op, inSelect, at);
        addPartner(node, step, l);
      }
    }
  }

  /** Like {@link #addEdge} for a wait → lock edge, deduplicated by a scan of the node's short list. */
  private void addPartner(ChanWait node, Acq step, Last l) {
    Acq a = l.acq;
    ArrayList<Edge> ps = node.partners;
    for (int i = 0, n = ps.size(); i < n; i++) {
      Edge p = ps.get(i);
      Acq pa = p.acquired();
      if (pa.lock() == a.lock() && pa.line() == a.line() && pa.read() == a.read() && pa.goroutine() == a.goroutine()
          && p.held().line() == step.line()) {
        int g = a.goroutine();
        if (g < lastSpawnBy.length && lastSpawnBy[g] > pa.seq()) ps.set(i, new Edge(step, a, l.gates)); // see addEdge
        return;
      }
    }
    if (ps.size() < 4 * MAX_PER_PAIR) ps.add(new Edge(step, a, l.gates));
  }

  private static ChanWait waitNode(Machine.Chan c, boolean send) {
    if (send) return c.sendWait == null ? (c.sendWait = new ChanWait(c, true)) : c.sendWait;
    return c.recvWait == null ? (c.recvWait = new ChanWait(c, false)) : c.recvWait;
  }

  private static Set<Object> gatesOf(ArrayList<Acq> held) {
    if (held.isEmpty()) return NO_GATES;
    Set<Object> gates = Collections.newSetFromMap(new LinkedHashMap<>());
    for (Acq h : held) gates.add(h.lock());
    return gates;
  }

  /**
   * Adds from → to once per (nodes, lines, modes, goroutine). A repeat replaces the stored edge only when the
   * goroutine started another goroutine since the stored step (only then can the newer step pass
   * {@link #orderedByCreation} where the older one did not). {@code gates}: a {@code Set} of locks, or the goroutine's
   * held list (turned into a set only for a new edge).
   */
  private void addEdge(Acq from, Acq to, Object gates, int goroutine) {
    Key key = new Key(from.lock(), to.lock(), from.line(), to.line(), from.read(), to.read(), goroutine);
    Edge prev = seen.get(key);
    if (prev != null && (to.isChannel() || goroutine >= lastSpawnBy.length || lastSpawnBy[goroutine] < prev.acquired().seq())) return;
    @SuppressWarnings("unchecked")
    Edge e = new Edge(from, to, gates instanceof ArrayList<?> hs ? gatesOf((ArrayList<Acq>) hs) : (Set<Object>) gates);
    seen.put(key, e);
    List<Edge> l = graph.computeIfAbsent(from.lock(), this::newNode).computeIfAbsent(to.lock(), k -> new ArrayList<>());
    if (prev != null) {
      int i = l.indexOf(prev);
      if (i >= 0) l.set(i, e);
      return;
    }
    if (l.size() < MAX_PER_PAIR) l.add(e);
    targets.add(to.lock());
  }

  private static boolean removeLast(ArrayList<Acq> hs, Object lock, boolean read) {
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

  /** Potential deadlocks of this schedule: self-edges that block, and cycles of 2–4 nodes. */
  public List<Cycle> cycles() {
    List<Cycle> out = new ArrayList<>();
    for (Edge e : selfEdges) {
      boolean hr = e.held().read(), ar = e.acquired().read();
      if (e.held().lock() instanceof SyncNatives.MutexVal) out.add(new Cycle(List.of(e), "Lock of a Mutex the goroutine already holds"));
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
    // partner edges join the graph only at waits some goroutine can block on while holding a lock
    List<ChanWait> waits = new ArrayList<>();
    for (Object n : targets) if (n instanceof ChanWait w && !w.partners.isEmpty()) waits.add(w);
    for (ChanWait w : waits) {
      for (Edge e : w.partners) {
        List<Edge> l = graph.computeIfAbsent(w, this::newNode).computeIfAbsent(e.acquired().lock(), k -> new ArrayList<>());
        if (l.size() < MAX_PER_PAIR) l.add(e);
        targets.add(e.acquired().lock());
      }
      w.partners.clear();
    }
    Set<List<Object>> reported = new HashSet<>();
    int[] budget = {100_000};
    for (Object start : graph.keySet()) {
      if (!targets.contains(start)) continue; // nothing leads back to it
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
      // each cycle once: start at its first node
      if (!closes && (path.contains(to) || path.size() >= 4 || !graph.containsKey(to)
          || nodeOrder.get(to) < nodeOrder.get(start))) continue;
      for (Edge e : en.getValue()) {
        if (!compatible(edges, e)) continue;
        edges.add(e);
        if (closes) {
          if (edges.size() >= 2 && blocksAtEveryNode(edges) && !orderedByCreation(edges)) {
            List<Edge> canon = canonical(edges);
            List<Object> key = new ArrayList<>();
            boolean channel = false;
            for (Edge x : canon) {
              key.add(List.of(x.held().line(), x.acquired().line(), x.held().op(), x.acquired().op()));
              channel |= x.acquired().isChannel();
            }
            if (reported.add(key)) out.add(new Cycle(canon, channel ? channelReason(canon) : "lock order"));
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

  private Map<Object, List<Edge>> newNode(Object node) {
    nodeOrder.putIfAbsent(node, nodeOrder.size());
    return new LinkedHashMap<>();
  }

  private static String channelReason(List<Edge> edges) {
    Set<Object> chans = Collections.newSetFromMap(new LinkedHashMap<>());
    for (Edge e : edges) if (e.acquired().lock() instanceof ChanWait w) chans.add(w.chan);
    return chans.size() > 1 ? "lock order through channels" : "lock order through a channel";
  }

  /**
   * Rotated to a fixed start, so one cycle has one key in every schedule: the edge with the smallest lines among
   * the lock → channel-wait edges if there are any (the description then starts with the goroutine that blocks on
   * the channel while holding a lock), else among all edges.
   */
  private static List<Edge> canonical(List<Edge> edges) {
    boolean anyChannel = false;
    for (Edge e : edges) anyChannel |= e.acquired().isChannel();
    int best = -1;
    for (int i = 0; i < edges.size(); i++) {
      Edge a = edges.get(i);
      if (anyChannel && !a.acquired().isChannel()) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      Edge b = edges.get(best);
      if (a.acquired().line() < b.acquired().line() || (a.acquired().line() == b.acquired().line() && a.held().line() < b.held().line())) best = i;
    }
    List<Edge> out = new ArrayList<>(edges.subList(best, edges.size()));
    out.addAll(edges.subList(0, best));
    return List.copyOf(out);
  }

  /** Distinct goroutines, and no lock held at two of the cycle's blocking points (a gate lock serialises them). */
  private static boolean compatible(List<Edge> edges, Edge e) {
    for (Edge x : edges) {
      if (x.acquired().goroutine() == e.acquired().goroutine()) return false;
      for (Object gl : e.gates()) if (x.gates().contains(gl)) return false;
    }
    return true;
  }

  /**
   * At each lock the waiting acquisition must conflict with the hold (two reads conflict only behind a writer); at
   * each channel wait the channel must be able to block that way.
   */
  private boolean blocksAtEveryNode(List<Edge> edges) {
    for (int i = 0; i < edges.size(); i++) {
      Edge in = edges.get(i);
      Edge outE = edges.get((i + 1) % edges.size());
      if (in.acquired().lock() instanceof ChanWait w) {
        if (!w.canBlock()) return false;
      } else if (in.acquired().read() && outE.held().read() && !writeLockedBy.containsKey(in.acquired().lock())) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when some lock's waiting acquisition happened before the goroutine that holds the lock in the cycle was
   * created by it (directly or through the goroutines it started): that order cannot flip.
   */
  private boolean orderedByCreation(List<Edge> edges) {
    for (int i = 0; i < edges.size(); i++) {
      Acq waiting = edges.get(i).acquired();
      if (waiting.isChannel()) continue;
      int holder = edges.get((i + 1) % edges.size()).held().goroutine();
      if (createdAfter(holder, waiting.goroutine(), waiting.seq())) return true;
    }
    return false;
  }

  /** Whether goroutine {@code g} was started (directly or via descendants) by {@code by} after step {@code seq} of {@code by}. */
  private boolean createdAfter(int g, int by, long at) {
    int x = g;
    for (int guard = 0; guard < 10_000 && x > 0 && x < parentOf.length; guard++) {
      int p = parentOf[x];
      if (p == 0) return false;
      if (p == by) return at < spawnSeqOf[x];
      x = p;
    }
    return false;
  }

  /** Edge identity: nodes by identity, lines, modes, goroutine. */
  private static final class Key {
    final Object a;
    final Object b;
    final int la;
    final int lb;
    final int flags;
    final int g;

    Key(Object a, Object b, int la, int lb, boolean ra, boolean rb, int g) {
      this.a = a;
      this.b = b;
      this.la = la;
      this.lb = lb;
      this.flags = (ra ? 1 : 0) | (rb ? 2 : 0);
      this.g = g;
    }

    @Override public boolean equals(Object o) {
      return o instanceof Key k && k.a == a && k.b == b && k.la == la && k.lb == lb && k.flags == flags && k.g == g;
    }

    @Override public int hashCode() {
      return ((System.identityHashCode(a) * 31 + System.identityHashCode(b)) * 31 + la * 7919 + lb) * 31 + flags * 17 + g;
    }
  }
}
