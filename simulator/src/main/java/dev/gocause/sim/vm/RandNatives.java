package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.*;

import dev.gocause.sim.vm.Values.Closure;
import java.util.List;
import java.util.Random;

/**
 * Library model of math/rand. The package functions draw from the schedule's own generator, seeded from the schedule's
 * seed, so a replay draws the same numbers; rand.New(rand.NewSource(s)) gives a generator seeded with s. (The numbers
 * are not Go's: only their determinism is modelled.) Registered by import path from {@link Natives}.
 */
final class RandNatives {
  private RandNatives() {}

  /** A rand.Source or *rand.Rand: a generator of its own. */
  static final class RandVal {
    final Random r;
    RandVal(long seed) { r = new Random(seed); }
  }

  static void registerRand() {
    String p = "math/rand";
    Type.Named source = new Type.Named("rand.Source", new Type.Opaque("rand.Source", () -> null, false));
    Type.Named rand = new Type.Named("rand.Rand", new Type.Opaque("rand.Rand", () -> null, false));
    Type randPtr = new Type.Pointer(rand);
    type(p, "Source", source);
    type(p, "Rand", rand);
    fn(p, "NewSource", sig(List.of(Type.INT64), List.of(source)), pure((m, g, f, a) -> f.push(new RandVal((Long) a[0]))));
    fn(p, "New", sig(List.of(source), List.of(randPtr)), pure((m, g, f, a) -> f.push(a[0])));
    fn(p, "Seed", sig(List.of(Type.INT64), List.of()), (m, g, f, a) -> {});
    // each function once for the package (the schedule's generator) and once as a method of *rand.Rand
    both(p, rand, "Intn", List.of(Type.INT), Type.INT, (r, a) -> (long) r.nextInt((int) (long) (Long) a[0]));
    both(p, rand, "Int63n", List.of(Type.INT64), Type.INT64, (r, a) -> (r.nextLong() & Long.MAX_VALUE) % (Long) a[0]);
    both(p, rand, "Int31n", List.of(Type.INT32), Type.INT32, (r, a) -> (long) r.nextInt((int) (long) (Long) a[0]));
    both(p, rand, "Int", List.of(), Type.INT, (r, a) -> r.nextLong() & Long.MAX_VALUE);
    both(p, rand, "Int63", List.of(), Type.INT64, (r, a) -> r.nextLong() & Long.MAX_VALUE);
    both(p, rand, "Int31", List.of(), Type.INT32, (r, a) -> (long) (r.nextInt() & Integer.MAX_VALUE));
    both(p, rand, "Uint32", List.of(), Type.UINT32, (r, a) -> r.nextInt() & 0xFFFF_FFFFL);
    both(p, rand, "Float64", List.of(), Type.FLOAT64, (r, a) -> r.nextDouble());
    both(p, rand, "Float32", List.of(), Type.FLOAT32, (r, a) -> (double) r.nextFloat());
    both(p, rand, "Perm", List.of(Type.INT), new Type.Slice(Type.INT), (r, a) -> {
      int n = (int) (long) (Long) a[0];
      Object[] items = new Object[n];
      for (int i = 0; i < n; i++) items[i] = (long) i;
      for (int i = n - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        Object t = items[i];
        items[i] = items[j];
        items[j] = t;
      }
      return sliceOf(items);
    });
    Type.Func swap = sig(List.of(Type.INT, Type.INT), List.of());
    fn(p, "Shuffle", sig(List.of(Type.INT, swap), List.of()), (m, g, f, a) -> shuffle(m, g, f, m.rnd, (Long) a[0], (Closure) a[1]));
    method(rand, "Shuffle", true, sig(List.of(Type.INT, swap), List.of()),
        (m, g, f, a) -> shuffle(m, g, f, ((RandVal) a[0]).r, (Long) a[1], (Closure) a[2]));
  }

  /** Fisher-Yates with the caller's swap function, called synchronously. */
  static void shuffle(Machine m, G g, Frame f, Random r, long n, Closure swap) {
    for (long i = n - 1; i > 0; i--) {
      long j = r.nextInt((int) i + 1);
      m.callSync(g, swap, new Object[] {i, j});
    }
  }

  private interface Draw {
    Object draw(Random r, Object[] args);
  }

  private static void both(String p, Type.Named rand, String name, List<Type> params, Type result, Draw d) {
    fn(p, name, sig(params, List.of(result)), (m, g, f, a) -> f.push(d.draw(m.rnd, a)));
    method(rand, name, true, sig(params, List.of(result)), (m, g, f, a) -> {
      Object[] rest = java.util.Arrays.copyOfRange(a, 1, a.length);
      f.push(d.draw(((RandVal) a[0]).r, rest));
    });
  }
}
