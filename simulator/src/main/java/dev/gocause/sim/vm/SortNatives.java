package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.*;

import dev.gocause.sim.vm.Values.*;
import java.util.Arrays;
import java.util.List;

/**
 * Library model of sort: Go 1.19's algorithms (pdqsort for Sort and Slice, insertion sort plus symMerge for Stable and
 * SliceStable) ported call for call, so the program's Less and Swap see the calls Go makes and equal elements end in
 * Go's order. A program's Len/Less/Swap methods (and less closures) run through the VM. Registered by import path
 * from {@link Natives}.
 */
final class SortNatives {
  private SortNatives() {}

  /** What pdqsort needs of the data: sort.Interface. */
  interface Data {
    boolean less(int i, int j);

    void swap(int i, int j);
  }

  static final Type.Named INTERFACE;

  static {
    Type.Interface it = new Type.Interface();
    it.methods.put("Len", sig(List.of(), List.of(Type.INT)));
    it.methods.put("Less", sig(List.of(Type.INT, Type.INT), List.of(Type.BOOL)));
    it.methods.put("Swap", sig(List.of(Type.INT, Type.INT), List.of()));
    INTERFACE = new Type.Named("sort.Interface", it);
  }

  /** A program's (or a library type's) sort.Interface value, its methods called through the VM. */
  static Data ofInterface(Machine m, G g, Object data) {
    Closure less = (Closure) Ops.ifaceMethodValue(data, "Less");
    Closure swap = (Closure) Ops.ifaceMethodValue(data, "Swap");
    return new Data() {
      @Override public boolean less(int i, int j) {
        return (Boolean) m.callSync(g, less, new Object[] {(long) i, (long) j})[0];
      }

      @Override public void swap(int i, int j) {
        m.callSync(g, swap, new Object[] {(long) i, (long) j});
      }
    };
  }

  static int len(Machine m, G g, Object data) {
    return (int) (long) (Long) m.callSync(g, (Closure) Ops.ifaceMethodValue(data, "Len"), new Object[0])[0];
  }

  /** sort.Slice's data: less is the program's closure, swap exchanges the elements (reflectlite.Swapper). */
  static Data ofSlice(Machine m, G g, SliceVal s, Closure less) {
    return new Data() {
      @Override public boolean less(int i, int j) {
        return (Boolean) m.callSync(g, less, new Object[] {(long) i, (long) j})[0];
      }

      @Override public void swap(int i, int j) {
        Object t = s.arr.a[s.off + i];
        s.arr.a[s.off + i] = s.arr.a[s.off + j];
        s.arr.a[s.off + j] = t;
      }
    };
  }

  static void sort(Data d, int n) {
    if (n <= 1) return;
    pdqsort(d, 0, n, 64 - Long.numberOfLeadingZeros(n));
  }

  static void insertionSort(Data d, int a, int b) {
    for (int i = a + 1; i < b; i++) {
      for (int j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1);
    }
  }

  static void siftDown(Data d, int lo, int hi, int first) {
    int root = lo;
    while (true) {
      int child = 2 * root + 1;
      if (child >= hi) break;
      if (child + 1 < hi && d.less(first + child, first + child + 1)) child++;
      if (!d.less(first + root, first + child)) return;
      d.swap(first + root, first + child);
      root = child;
    }
  }

  static void heapSort(Data d, int a, int b) {
    int first = a;
    int hi = b - a;
    for (int i = (hi - 1) / 2; i >= 0; i--) siftDown(d, i, hi, first);
    for (int i = hi - 1; i >= 0; i--) {
      d.swap(first, first + i);
      siftDown(d, 0, i, first);
    }
  }

  private static final int UNKNOWN = 0, INCREASING = 1, DECREASING = 2;

  static void pdqsort(Data d, int a, int b, int limit) {
    boolean wasBalanced = true, wasPartitioned = true;
    while (true) {
      int length = b - a;
      if (length <= 12) {
        insertionSort(d, a, b);
        return;
      }
      if (limit == 0) {
        heapSort(d, a, b);
        return;
      }
      if (!wasBalanced) {
        breakPatterns(d, a, b);
        limit--;
      }
      int[] ph = choosePivot(d, a, b);
      int pivot = ph[0], hint = ph[1];
      if (hint == DECREASING) {
        reverseRange(d, a, b);
        pivot = (b - 1) - (pivot - a);
        hint = INCREASING;
      }
      if (wasBalanced && wasPartitioned && hint == INCREASING) {
        if (partialInsertionSort(d, a, b)) return;
      }
      if (a > 0 && !d.less(a - 1, pivot)) {
        a = partitionEqual(d, a, b, pivot);
        continue;
      }
      int[] mp = partition(d, a, b, pivot);
      int mid = mp[0];
      wasPartitioned = mp[1] == 1;
      int leftLen = mid - a, rightLen = b - mid;
      int balanceThreshold = length / 8;
      if (leftLen < rightLen) {
        wasBalanced = leftLen >= balanceThreshold;
        pdqsort(d, a, mid, limit);
        a = mid + 1;
      } else {
        wasBalanced = rightLen >= balanceThreshold;
        pdqsort(d, mid + 1, b, limit);
        b = mid;
      }
    }
  }

  static int[] partition(Data d, int a, int b, int pivot) {
    d.swap(a, pivot);
    int i = a + 1, j = b - 1;
    while (i <= j && d.less(i, a)) i++;
    while (i <= j && !d.less(j, a)) j--;
    if (i > j) {
      d.swap(j, a);
      return new int[] {j, 1};
    }
    d.swap(i, j);
    i++;
    j--;
    while (true) {
      while (i <= j && d.less(i, a)) i++;
      while (i <= j && !d.less(j, a)) j--;
      if (i > j) break;
      d.swap(i, j);
      i++;
      j--;
    }
    d.swap(j, a);
    return new int[] {j, 0};
  }

  static int partitionEqual(Data d, int a, int b, int pivot) {
    d.swap(a, pivot);
    int i = a + 1, j = b - 1;
    while (true) {
      while (i <= j && !d.less(a, i)) i++;
      while (i <= j && d.less(a, j)) j--;
      if (i > j) break;
      d.swap(i, j);
      i++;
      j--;
    }
    return i;
  }

  static boolean partialInsertionSort(Data d, int a, int b) {
    int i = a + 1;
    for (int step = 0; step < 5; step++) {
      while (i < b && !d.less(i, i - 1)) i++;
      if (i == b) return true;
      if (b - a < 50) return false;
      d.swap(i, i - 1);
      if (i - a >= 2) {
        for (int j = i - 1; j >= 1; j--) {
          if (!d.less(j, j - 1)) break;
          d.swap(j, j - 1);
        }
      }
      if (b - i >= 2) {
        for (int j = i + 1; j < b; j++) {
          if (!d.less(j, j - 1)) break;
          d.swap(j, j - 1);
        }
      }
    }
    return false;
  }

  static void breakPatterns(Data d, int a, int b) {
    int length = b - a;
    if (length >= 8) {
      long random = length;
      long modulus = 1L << (64 - Long.numberOfLeadingZeros(length));
      for (int idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
        random ^= random << 13;
        random ^= random >>> 17;
        random ^= random << 5;
        int other = (int) (random & (modulus - 1));
        if (other >= length) other -= length;
        d.swap(idx, a + other);
      }
    }
  }

  static int[] choosePivot(Data d, int a, int b) {
    int l = b - a;
    int[] swaps = {0};
    int i = a + l / 4, j = a + l / 4 * 2, k = a + l / 4 * 3;
    if (l >= 8) {
      if (l >= 50) {
        i = median(d, i - 1, i, i + 1, swaps);
        j = median(d, j - 1, j, j + 1, swaps);
        k = median(d, k - 1, k, k + 1, swaps);
      }
      j = median(d, i, j, k, swaps);
    }
    return new int[] {j, swaps[0] == 0 ? INCREASING : swaps[0] == 12 ? DECREASING : UNKNOWN};
  }

  static int median(Data d, int a, int b, int c, int[] swaps) {
    if (d.less(b, a)) {
      swaps[0]++;
      int t = a;
      a = b;
      b = t;
    }
    if (d.less(c, b)) {
      swaps[0]++;
      int t = b;
      b = c;
      c = t;
    }
    if (d.less(b, a)) {
      swaps[0]++;
      int t = a;
      a = b;
      b = t;
    }
    return b;
  }

  static void reverseRange(Data d, int a, int b) {
    for (int i = a, j = b - 1; i < j; i++, j--) d.swap(i, j);
  }

  static void swapRange(Data d, int a, int b, int n) {
    for (int i = 0; i < n; i++) d.swap(a + i, b + i);
  }

  static void stable(Data d, int n) {
    int blockSize = 20;
    int a = 0, b = blockSize;
    while (b <= n) {
      insertionSort(d, a, b);
      a = b;
      b += blockSize;
    }
    insertionSort(d, a, n);
    while (blockSize < n) {
      a = 0;
      b = 2 * blockSize;
      while (b <= n) {
        symMerge(d, a, a + blockSize, b);
        a = b;
        b += 2 * blockSize;
      }
      int m = a + blockSize;
      if (m < n) symMerge(d, a, m, n);
      blockSize *= 2;
    }
  }

  static void symMerge(Data d, int a, int m, int b) {
    if (m - a == 1) {
      int i = m, j = b;
      while (i < j) {
        int h = (i + j) >>> 1;
        if (d.less(h, a)) i = h + 1;
        else j = h;
      }
      for (int k = a; k < i - 1; k++) d.swap(k, k + 1);
      return;
    }
    if (b - m == 1) {
      int i = a, j = m;
      while (i < j) {
        int h = (i + j) >>> 1;
        if (!d.less(m, h)) i = h + 1;
        else j = h;
      }
      for (int k = m; k > i; k--) d.swap(k, k - 1);
      return;
    }
    int mid = (a + b) >>> 1;
    int n = mid + m;
    int start, r;
    if (m > mid) {
      start = n - b;
      r = mid;
    } else {
      start = a;
      r = m;
    }
    int p = n - 1;
    while (start < r) {
      int c = (start + r) >>> 1;
      if (!d.less(p - c, c)) start = c + 1;
      else r = c;
    }
    int end = n - start;
    if (start < m && m < end) rotate(d, start, m, end);
    if (a < start && start < mid) symMerge(d, a, start, mid);
    if (mid < end && end < b) symMerge(d, mid, end, b);
  }

  static void rotate(Data d, int a, int m, int b) {
    int i = m - a, j = b - m;
    while (i != j) {
      if (i > j) {
        swapRange(d, m - i, m, j);
        i -= j;
      } else {
        swapRange(d, m - i, m + j - i, i);
        j -= i;
      }
    }
    swapRange(d, m - i, m, i);
  }

  static boolean isSorted(Data d, int n) {
    for (int i = n - 1; i > 0; i--) if (d.less(i, i - 1)) return false;
    return true;
  }

  /** A library slice type (IntSlice, StringSlice, Float64Slice) with Len, Less, Swap and Sort. */
  private static Type.Named sliceType(String name, Type elem, java.util.Comparator<Object> cmp) {
    Type.Named t = new Type.Named("sort." + name, new Type.Slice(elem));
    type("sort", name, t);
    method(t, "Len", false, sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) (a[0] == null ? 0 : ((SliceVal) a[0]).len))));
    method(t, "Less", false, sig(List.of(Type.INT, Type.INT), List.of(Type.BOOL)), pure((m, g, f, a) -> {
      SliceVal s = (SliceVal) a[0];
      f.push(cmp.compare(elem(s, a[1]), elem(s, a[2])) < 0);
    }));
    method(t, "Swap", false, sig(List.of(Type.INT, Type.INT), List.of()), pure((m, g, f, a) -> {
      SliceVal s = (SliceVal) a[0];
      int i = index(s, a[1]), j = index(s, a[2]);
      Object x = s.arr.a[s.off + i];
      s.arr.a[s.off + i] = s.arr.a[s.off + j];
      s.arr.a[s.off + j] = x;
    }));
    method(t, "Sort", false, sig(List.of(), List.of()), (m, g, f, a) -> {
      Iface data = new Iface(t, a[0]);
      sort(ofInterface(m, g, data), a[0] == null ? 0 : ((SliceVal) a[0]).len);
    });
    method(t, "Search", false, sig(List.of(elem), List.of(Type.INT)), pure((m, g, f, a) -> f.push(search(a[0], a[1], cmp))));
    return t;
  }

  private static int index(SliceVal s, Object i) {
    long k = (Long) i;
    if (s == null || k < 0 || k >= s.len) {
      throw new Machine.GoPanic(runtimeError("index out of range [" + k + "] with length " + (s == null ? 0 : s.len)));
    }
    return (int) k;
  }

  private static Object elem(SliceVal s, Object i) {
    return s.arr.a[s.off + index(s, i)];
  }

  /** Smallest index i in [0, len(s)) with s[i] >= x (Go's SearchInts and friends). */
  private static long search(Object slice, Object x, java.util.Comparator<Object> cmp) {
    SliceVal s = (SliceVal) slice;
    int n = s == null ? 0 : s.len;
    int i = 0, j = n;
    while (i < j) {
      int h = (i + j) >>> 1;
      if (cmp.compare(s.arr.a[s.off + h], x) < 0) i = h + 1;
      else j = h;
    }
    return i;
  }

  /** Go compares strings byte by byte, i.e. by code point (UTF-16 order differs above U+FFFF). */
  static int compareStrings(String a, String b) {
    int i = 0, j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i), y = b.codePointAt(j);
      if (x != y) return Integer.compare(x, y);
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  static int compareFloats(Object x, Object y) {
    double a = (Double) x, b = (Double) y;
    // Float64Slice.Less: NaNs sort first
    if (a < b || (Double.isNaN(a) && !Double.isNaN(b))) return -1;
    return a == b || (Double.isNaN(a) && Double.isNaN(b)) ? 0 : 1;
  }

  static void register() {
    String p = "sort";
    type(p, "Interface", INTERFACE);
    java.util.Comparator<Object> ints = (x, y) -> Long.compare((Long) x, (Long) y);
    java.util.Comparator<Object> strs = (x, y) -> compareStrings((String) x, (String) y);
    java.util.Comparator<Object> floats = SortNatives::compareFloats;
    sliceType("IntSlice", Type.INT, ints);
    sliceType("StringSlice", Type.STRING, strs);
    sliceType("Float64Slice", Type.FLOAT64, floats);
    Type.Func lessFn = sig(List.of(Type.INT, Type.INT), List.of(Type.BOOL));
    fn(p, "Sort", sig(List.of(INTERFACE), List.of()), (m, g, f, a) -> sort(ofInterface(m, g, a[0]), len(m, g, a[0])));
    fn(p, "Stable", sig(List.of(INTERFACE), List.of()), (m, g, f, a) -> stable(ofInterface(m, g, a[0]), len(m, g, a[0])));
    fn(p, "IsSorted", sig(List.of(INTERFACE), List.of(Type.BOOL)), (m, g, f, a) -> f.push(isSorted(ofInterface(m, g, a[0]), len(m, g, a[0]))));
    fn(p, "Ints", sig(List.of(new Type.Slice(Type.INT)), List.of()), (m, g, f, a) -> sortValues(a[0], ints));
    fn(p, "Strings", sig(List.of(new Type.Slice(Type.STRING)), List.of()), (m, g, f, a) -> sortValues(a[0], strs));
    fn(p, "Float64s", sig(List.of(new Type.Slice(Type.FLOAT64)), List.of()), (m, g, f, a) -> sortValues(a[0], floats));
    fn(p, "IntsAreSorted", sig(List.of(new Type.Slice(Type.INT)), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(valuesSorted(a[0], ints))));
    fn(p, "StringsAreSorted", sig(List.of(new Type.Slice(Type.STRING)), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(valuesSorted(a[0], strs))));
    fn(p, "Float64sAreSorted", sig(List.of(new Type.Slice(Type.FLOAT64)), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(valuesSorted(a[0], floats))));
    fn(p, "SearchInts", sig(List.of(new Type.Slice(Type.INT), Type.INT), List.of(Type.INT)), pure((m, g, f, a) -> f.push(search(a[0], a[1], ints))));
    fn(p, "SearchStrings", sig(List.of(new Type.Slice(Type.STRING), Type.STRING), List.of(Type.INT)), pure((m, g, f, a) -> f.push(search(a[0], a[1], strs))));
    fn(p, "SearchFloat64s", sig(List.of(new Type.Slice(Type.FLOAT64), Type.FLOAT64), List.of(Type.INT)), pure((m, g, f, a) -> f.push(search(a[0], a[1], floats))));
    fn(p, "Search", sig(List.of(Type.INT, sig(List.of(Type.INT), List.of(Type.BOOL))), List.of(Type.INT)), (m, g, f, a) -> {
      long i = 0, j = (Long) a[0];
      while (i < j) {
        long h = (i + j) >>> 1;
        if (!(Boolean) m.callSync(g, (Closure) a[1], new Object[] {h})[0]) i = h + 1;
        else j = h;
      }
      f.push(i);
    });
    fn(p, "Slice", sig(List.of(EMPTY_IFACE, lessFn), List.of()), (m, g, f, a) -> {
      SliceVal s = sliceArg(a[0], "Slice");
      if (s != null) sort(ofSlice(m, g, s, (Closure) a[1]), s.len);
    });
    fn(p, "SliceStable", sig(List.of(EMPTY_IFACE, lessFn), List.of()), (m, g, f, a) -> {
      SliceVal s = sliceArg(a[0], "SliceStable");
      if (s != null) stable(ofSlice(m, g, s, (Closure) a[1]), s.len);
    });
    fn(p, "SliceIsSorted", sig(List.of(EMPTY_IFACE, lessFn), List.of(Type.BOOL)), (m, g, f, a) -> {
      SliceVal s = sliceArg(a[0], "SliceIsSorted");
      f.push(s == null || isSorted(ofSlice(m, g, s, (Closure) a[1]), s.len));
    });
    // sort.Reverse: a struct embedding the Interface, Less swapped
    Type.Struct rs = new Type.Struct();
    rs.fields.add(new Type.FieldT("Interface", INTERFACE, true));
    Type.Named reverse = new Type.Named("sort.reverse", rs);
    method(reverse, "Less", false, sig(List.of(Type.INT, Type.INT), List.of(Type.BOOL)), (m, g, f, a) -> {
      Object inner = ((StructVal) a[0]).f[0];
      f.push(m.callSync(g, (Closure) Ops.ifaceMethodValue(inner, "Less"), new Object[] {a[2], a[1]})[0]);
    });
    fn(p, "Reverse", sig(List.of(INTERFACE), List.of(INTERFACE)), pure((m, g, f, a) -> {
      f.push(new Iface(new Type.Pointer(reverse), new StructVal(reverse, new Object[] {a[0]})));
    }));
  }

  private static SliceVal sliceArg(Object x, String fn) {
    Iface i = (Iface) x;
    if (i == null || !(i.t.underlying() instanceof Type.Slice)) {
      throw new Machine.GoPanic(plainError("reflect: call of Swapper on " + (i == null ? "zero Value" : i.t.underlying().getClass().getSimpleName().toLowerCase() + " Value")));
    }
    return (SliceVal) i.v;
  }

  private static void sortValues(Object slice, java.util.Comparator<Object> cmp) {
    SliceVal s = (SliceVal) slice;
    if (s == null) return;
    // equal ints, strings and floats are indistinguishable: any correct sort ends as Go's does
    Arrays.sort(s.arr.a, s.off, s.off + s.len, cmp);
  }

  private static boolean valuesSorted(Object slice, java.util.Comparator<Object> cmp) {
    SliceVal s = (SliceVal) slice;
    if (s == null) return true;
    for (int i = s.len - 1; i > 0; i--) if (cmp.compare(s.arr.a[s.off + i], s.arr.a[s.off + i - 1]) < 0) return false;
    return true;
  }
}
