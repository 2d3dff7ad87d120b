package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.GoroutineGroup;
import dev.gocause.graph.diagnosis.ParsedInput.Frame;
import dev.gocause.graph.diagnosis.ParsedInput.Goroutine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  private static final class Acc {
    final Goroutine first;
    int count;
    int min = Integer.MAX_VALUE;
    int max = -1;
    final List<String> ids = new ArrayList<>(MAX_IDS);

    Acc(Goroutine first) {
      this.first = first;
    }
  }

  static List<GoroutineGroup> of(List<Goroutine> goroutines) {
    if (goroutines.isEmpty()) {
      return List.of();
    }
    Map<String, Acc> groups = new LinkedHashMap<>();
    StringBuilder key = new StringBuilder();
    for (Goroutine g : goroutines) {
      key.setLength(0);
      key.append(g.state()).append('\u0000');
      for (Frame f : g.frames()) {
        key.append(f.function()).append('@').append(f.where()).append('\n');
      }
      Acc a = groups.computeIfAbsent(key.toString(), k -> new Acc(g));
      a.count += g.count();
      if (g.minutes() >= 0) {
        a.min = Math.min(a.min, g.minutes());
        a.max = Math.max(a.max, g.minutes());
      }
      if (!g.id().isEmpty() && a.ids.size() < MAX_IDS) {
        a.ids.add(g.id());
      }
    }
    List<Acc> sorted = new ArrayList<>(groups.values());
    sorted.sort((x, y) -> {
      if (x.first.infrastructure() != y.first.infrastructure()) {
        return x.first.infrastructure() ? 1 : -1;
      }
      return Integer.compare(y.count, x.count);
    });
    List<GoroutineGroup> out = new ArrayList<>(Math.min(MAX_GROUPS, sorted.size()));
    for (Acc a : sorted.subList(0, Math.min(MAX_GROUPS, sorted.size()))) {
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
