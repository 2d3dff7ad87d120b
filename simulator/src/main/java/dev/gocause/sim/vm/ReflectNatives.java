package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.fn;
import static dev.gocause.sim.vm.Natives.pure;
import static dev.gocause.sim.vm.Natives.sig;

import dev.gocause.sim.vm.Values.ArrayVal;
import dev.gocause.sim.vm.Values.Iface;
import dev.gocause.sim.vm.Values.MapVal;
import dev.gocause.sim.vm.Values.Ref;
import dev.gocause.sim.vm.Values.SliceVal;
import dev.gocause.sim.vm.Values.StructVal;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** reflect.DeepEqual, as Go defines it; the rest of reflect is not modelled. */
final class ReflectNatives {
  private ReflectNatives() {}

  static void register() {
    fn("reflect", "DeepEqual", sig(List.of(Natives.EMPTY_IFACE, Natives.EMPTY_IFACE), List.of(Type.BOOL)),
        pure((m, g, f, a) -> f.push(deepEqual(a[0], a[1], new IdentityHashMap<>()))));
  }

  /** x and y are interface values: equal dynamic types, then deeply equal values. */
  static boolean deepEqual(Object x, Object y, Map<Object, Set<Object>> seen) {
    if (x == null || y == null) return x == y;
    if (x instanceof Iface a && y instanceof Iface b) {
      if (!Type.identical(a.t, b.t) && !a.t.str().equals(b.t.str())) return false;
      return deepValue(a.v, b.v, seen);
    }
    return deepValue(x, y, seen);
  }

  private static boolean deepValue(Object x, Object y, Map<Object, Set<Object>> seen) {
    if (x == y) return !(x instanceof Double d && d.isNaN());
    if (x == null || y == null) return false; // a nil slice, map or pointer equals only nil
    // cyclic structures: a pair already being compared counts as equal, as in Go
    if (!(x instanceof Long || x instanceof String || x instanceof Boolean || x instanceof Double)) {
      Set<Object> with = seen.computeIfAbsent(x, k -> java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
      if (!with.add(y)) return true;
    }
    if (x instanceof Iface || y instanceof Iface) return deepEqual(x, y, seen);
    if (x instanceof StructVal a && y instanceof StructVal b) {
      if (a.f.length != b.f.length) return false;
      for (int i = 0; i < a.f.length; i++) if (!deepValue(a.f[i], b.f[i], seen)) return false;
      return true;
    }
    if (x instanceof ArrayVal a && y instanceof ArrayVal b) {
      if (a.a.length != b.a.length) return false;
      for (int i = 0; i < a.a.length; i++) if (!deepValue(a.a[i], b.a[i], seen)) return false;
      return true;
    }
    if (x instanceof SliceVal a && y instanceof SliceVal b) {
      if (a.len != b.len) return false;
      if (a.arr == b.arr && a.off == b.off) return true;
      for (int i = 0; i < a.len; i++) if (!deepValue(a.arr.a[a.off + i], b.arr.a[b.off + i], seen)) return false;
      return true;
    }
    if (x instanceof MapVal a && y instanceof MapVal b) {
      if (a.m.size() != b.m.size()) return false;
      for (Map.Entry<Object, Object> e : a.m.entrySet()) {
        if (!b.m.containsKey(e.getKey()) || !deepValue(e.getValue(), b.m.get(e.getKey()), seen)) return false;
      }
      return true;
    }
    if (x instanceof Ref a && y instanceof Ref b) return deepValue(a.load(), b.load(), seen);
    if (x instanceof Natives.ErrorVal a && y instanceof Natives.ErrorVal b) {
      // the library's error structs (errors.New's *errorString, fmt.Errorf's wrapper): their fields
      return a.msg.equals(b.msg) && deepEqual(a.wrapped, b.wrapped, seen);
    }
    if (x instanceof Values.Closure || y instanceof Values.Closure) return false; // funcs are equal only if both nil
    return Values.equal(x, y);
  }
}
