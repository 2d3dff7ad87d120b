package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.GoroutineGroup;
import dev.gocause.graph.diagnosis.ParsedInput.Frame;
import dev.gocause.graph.diagnosis.ParsedInput.Goroutine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Goroutines with the same state and the same stack (functions and file:line of every frame)
 * collapse into one group, as panicparse does: count, wait range, created-by site, first ids.
 * Groups of user goroutines come first, most numerous first; the runtime's and the test
 * framework's own goroutines last.
 */
final class GoroutineGroups {

  /** Groups in an answer: a 5,000-goroutine dump reads in one screen. */
  static final int MAX_GROUPS = 20;
  static final int MAX_IDS = 10;

  private GoroutineGroups() {}

  /** One group while counting: its first goroutine stands for all. */
  static final class Group {
    final Goroutine first;
    int count;
    int min = Integer.MAX_VALUE;
    int max = -1;
    final List<String> ids = new ArrayList<>(MAX_IDS);
    final List<Integer> lines = new ArrayList<>(5);

    Group(Goroutine first) {
      this.first = first;
    }
  }

  /** Same state and stack, compared without building a key string per goroutine. */
  private record Key(Goroutine g, int hash) {
    static Key of(Goroutine g) {
      int h = g.state().hashCode();
      for (Frame f : g.frames()) {
        h = 31 * (31 * h + f.function().hashCode()) + f.where().hashCode();
      }
      return new Key(g, h);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key k) || k.hash != hash || !k.g.state().equals(g.state()) || k.g.frames().size() != g.frames().size()) {
        return false;
      }
      for (int i = 0; i < g.frames().size(); i++) {
        Frame a = g.frames().get(i);
        Frame b = k.g.frames().get(i);
        if (!a.function().equals(b.function()) || !a.where().equals(b.where())) {
          return false;
        }
      }
      return true;
    }
  }

  /** Every group, user goroutines first, most numerous first. */
  static List<Group> groups(List<Goroutine> goroutines) {
    if (goroutines.isEmpty()) {
      return List.of();
    }
    Map<Key, Group> groups = new HashMap<>();
    List<Group> order = new ArrayList<>();
    for (Goroutine g : goroutines) {
      Group a = groups.get(Key.of(g));
      if (a == null) {
        a = new Group(g);
        groups.put(Key.of(g), a);
        order.add(a);
      }
      a.count += g.count();
      if (g.minutes() >= 0) {
        a.min = Math.min(a.min, g.minutes());
        a.max = Math.max(a.max, g.minutes());
      }
      if (!g.id().isEmpty() && a.ids.size() < MAX_IDS) {
        a.ids.add(g.id());
      }
      if (a.lines.size() < 5) {
        a.lines.add(g.line());
      }
    }
    order.sort((x, y) -> {
      if (x.first.infrastructure() != y.first.infrastructure()) {
        return x.first.infrastructure() ? 1 : -1;
      }
      return Integer.compare(y.count, x.count);
    });
    return order;
  }

  /** The groups as the answer shows them (at most {@link #MAX_GROUPS}). */
  static List<GoroutineGroup> of(List<Goroutine> goroutines) {
    return answer(groups(goroutines));
  }

  static List<GoroutineGroup> answer(List<Group> sorted) {
    List<GoroutineGroup> out = new ArrayList<>(Math.min(MAX_GROUPS, sorted.size()));
    for (Group a : sorted.subList(0, Math.min(MAX_GROUPS, sorted.size()))) {
      Frame top = a.first.userFrame();
      Frame created = a.first.createdBy();
      out.add(new GoroutineGroup(a.count, a.first.state(), a.max < 0 ? null : List.of(a.min, a.max),
          top == null ? "" : top.function(), top == null ? "" : top.location(),
          created == null ? null : created.location().isEmpty() ? created.function() : created.function() + " at " + created.location(),
          List.copyOf(a.ids)));
    }
    return List.copyOf(out);
  }
}
