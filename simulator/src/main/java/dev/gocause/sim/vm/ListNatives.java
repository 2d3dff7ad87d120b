package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.*;

import dev.gocause.sim.vm.Values.StructVal;
import java.util.List;

/**
 * Library model of container/list: Go's own algorithm (a ring through a sentinel root element) over the simulator's
 * struct values, so {@code e.Value} is a plain field and a list is a value like any struct. Its methods are not
 * scheduling points and make no race-detector accesses: an unsynchronised list shared by goroutines is not reported.
 * Registered by import path from {@link Natives}.
 */
final class ListNatives {
  private ListNatives() {}

  static final Type.Named ELEMENT = new Type.Named("list.Element", null);
  static final Type.Named LIST = new Type.Named("list.List", null);
  // field indexes, in Go's order
  private static final int NEXT = 0, PREV = 1, LIST_OF = 2, VALUE = 3;
  private static final int ROOT = 0, LEN = 1;

  static {
    Type.Struct es = new Type.Struct();
    es.fields.add(new Type.FieldT("next", new Type.Pointer(ELEMENT), false));
    es.fields.add(new Type.FieldT("prev", new Type.Pointer(ELEMENT), false));
    es.fields.add(new Type.FieldT("list", new Type.Pointer(LIST), false));
    es.fields.add(new Type.FieldT("Value", EMPTY_IFACE, false));
    ELEMENT.under = es;
    Type.Struct ls = new Type.Struct();
    ls.fields.add(new Type.FieldT("root", ELEMENT, false));
    ls.fields.add(new Type.FieldT("len", Type.INT, false));
    LIST.under = ls;
  }

  static void registerList() {
    String p = "container/list";
    type(p, "Element", ELEMENT);
    type(p, "List", LIST);
    Type eptr = new Type.Pointer(ELEMENT);
    Type lptr = new Type.Pointer(LIST);
    fn(p, "New", sig(List.of(), List.of(lptr)), pure((m, g, f, a) -> f.push(init((StructVal) Values.zero(LIST)))));
    method(ELEMENT, "Next", true, sig(List.of(), List.of(eptr)), pure((m, g, f, a) -> {
      StructVal e = (StructVal) a[0];
      StructVal l = (StructVal) e.f[LIST_OF];
      f.push(l != null && e.f[NEXT] != root(l) ? e.f[NEXT] : null);
    }));
    method(ELEMENT, "Prev", true, sig(List.of(), List.of(eptr)), pure((m, g, f, a) -> {
      StructVal e = (StructVal) a[0];
      StructVal l = (StructVal) e.f[LIST_OF];
      f.push(l != null && e.f[PREV] != root(l) ? e.f[PREV] : null);
    }));
    method(LIST, "Init", true, sig(List.of(), List.of(lptr)), pure((m, g, f, a) -> f.push(init((StructVal) a[0]))));
    method(LIST, "Len", true, sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push(((StructVal) a[0]).f[LEN])));
    method(LIST, "Front", true, sig(List.of(), List.of(eptr)), pure((m, g, f, a) -> {
      StructVal l = (StructVal) a[0];
      f.push(len(l) == 0 ? null : root(l).f[NEXT]);
    }));
    method(LIST, "Back", true, sig(List.of(), List.of(eptr)), pure((m, g, f, a) -> {
      StructVal l = (StructVal) a[0];
      f.push(len(l) == 0 ? null : root(l).f[PREV]);
    }));
    method(LIST, "Remove", true, sig(List.of(eptr), List.of(EMPTY_IFACE)), pure((m, g, f, a) -> {
      StructVal l = (StructVal) a[0];
      StructVal e = (StructVal) a[1];
      if (e.f[LIST_OF] == l) remove(l, e);
      f.push(e.f[VALUE]);
    }));
    method(LIST, "PushFront", true, sig(List.of(EMPTY_IFACE), List.of(eptr)), pure((m, g, f, a) -> {
      StructVal l = lazyInit((StructVal) a[0]);
      f.push(insertValue(l, a[1], root(l)));
    }));
    method(LIST, "PushBack", true, sig(List.of(EMPTY_IFACE), List.of(eptr)), pure((m, g, f, a) -> {
      StructVal l = lazyInit((StructVal) a[0]);
      f.push(insertValue(l, a[1], (StructVal) root(l).f[PREV]));
    }));
    method(LIST, "InsertBefore", true, sig(List.of(EMPTY_IFACE, eptr), List.of(eptr)), pure((m, g, f, a) -> {
      StructVal l = (StructVal) a[0];
      StructVal mark = (StructVal) a[2];
      f.push(mark.f[LIST_OF] != l ? null : insertValue(l, a[1], (StructVal) mark.f[PREV]));
    }));
    method(LIST, "InsertAfter", true, sig(List.of(EMPTY_IFACE, eptr), List.of(eptr)), pure((m, g, f, a) -> {
      StructVal l = (StructVal) a[0];
      StructVal mark = (StructVal) a[2];
      f.push(mark.f[LIST_OF] != l ? null : insertValue(l, a[1], mark));
    }));
    method(LIST, "MoveToFront", true, sig(List.of(eptr), List.of()), pure((m, g, f, a) -> {
      StructVal l = (StructVal) a[0];
      StructVal e = (StructVal) a[1];
      if (e.f[LIST_OF] != l || root(l).f[NEXT] == e) return;
      move(e, root(l));
    }));
    method(LIST, "MoveToBack", true, sig(List.of(eptr), List.of()), pure((m, g, f, a) -> {
      StructVal l = (StructVal) a[0];
      StructVal e = (StructVal) a[1];
      if (e.f[LIST_OF] != l || root(l).f[PREV] == e) return;
      move(e, (StructVal) root(l).f[PREV]);
    }));
    method(LIST, "MoveBefore", true, sig(List.of(eptr, eptr), List.of()), pure((m, g, f, a) -> {
      StructVal l = (StructVal) a[0];
      StructVal e = (StructVal) a[1];
      StructVal mark = (StructVal) a[2];
      if (e.f[LIST_OF] != l || e == mark || mark.f[LIST_OF] != l) return;
      move(e, (StructVal) mark.f[PREV]);
    }));
    method(LIST, "MoveAfter", true, sig(List.of(eptr, eptr), List.of()), pure((m, g, f, a) -> {
      StructVal l = (StructVal) a[0];
      StructVal e = (StructVal) a[1];
      StructVal mark = (StructVal) a[2];
      if (e.f[LIST_OF] != l || e == mark || mark.f[LIST_OF] != l) return;
      move(e, mark);
    }));
  }

  private static StructVal root(StructVal l) {
    return (StructVal) l.f[ROOT];
  }

  private static long len(StructVal l) {
    return (Long) l.f[LEN];
  }

  private static StructVal init(StructVal l) {
    StructVal root = root(l);
    root.f[NEXT] = root;
    root.f[PREV] = root;
    l.f[LEN] = 0L;
    return l;
  }

  private static StructVal lazyInit(StructVal l) {
    if (root(l).f[NEXT] == null) init(l);
    return l;
  }

  private static StructVal insertValue(StructVal l, Object v, StructVal at) {
    StructVal e = (StructVal) Values.zero(ELEMENT);
    e.f[VALUE] = v;
    StructVal next = (StructVal) at.f[NEXT];
    e.f[PREV] = at;
    e.f[NEXT] = next;
    at.f[NEXT] = e;
    next.f[PREV] = e;
    e.f[LIST_OF] = l;
    l.f[LEN] = len(l) + 1;
    return e;
  }

  private static void remove(StructVal l, StructVal e) {
    ((StructVal) e.f[PREV]).f[NEXT] = e.f[NEXT];
    ((StructVal) e.f[NEXT]).f[PREV] = e.f[PREV];
    e.f[NEXT] = null;
    e.f[PREV] = null;
    e.f[LIST_OF] = null;
    l.f[LEN] = len(l) - 1;
  }

  private static void move(StructVal e, StructVal at) {
    if (e == at) return;
    ((StructVal) e.f[PREV]).f[NEXT] = e.f[NEXT];
    ((StructVal) e.f[NEXT]).f[PREV] = e.f[PREV];
    StructVal next = (StructVal) at.f[NEXT];
    e.f[PREV] = at;
    e.f[NEXT] = next;
    at.f[NEXT] = e;
    next.f[PREV] = e;
  }
}
