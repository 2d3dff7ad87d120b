package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.*;

import dev.gocause.sim.vm.Values.*;
import java.util.ArrayList;
import java.util.List;

import static dev.gocause.sim.vm.TextNatives.*;

/**
 * Library model of the strings functions beyond the basic ones in {@link LibNatives} (Cut, SplitN, LastIndex,
 * EqualFold, Title, the Func variants, Replacer, Builder's methods, ...), with Go 1.19's results; indexes are byte
 * offsets of the UTF-8 encoding. Registered from {@link TextNatives}.
 */
final class StringsNatives {
  private StringsNatives() {}

  // ---------------- strings ----------------

  static boolean callPred(Machine m, G g, Object fn, int cp) {
    return (Boolean) m.callSync(g, (Closure) fn, new Object[] {(long) cp})[0];
  }

  /** Go's strings.Title separator rule. */
  private static boolean isSeparator(int r) {
    if (r <= 0x7F) {
      if ('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_') return false;
      return true;
    }
    if (Character.isLetterOrDigit(r)) return false;
    return Character.isWhitespace(r) || Character.isSpaceChar(r);
  }

  static SliceVal strings(List<String> parts) {
    return sliceOf(parts.toArray());
  }

  /** strings.SplitN / SplitAfterN. */
  static SliceVal genSplit(String s, String sep, int sepSave, int n) {
    if (n == 0) return null;
    List<String> parts = new ArrayList<>();
    if (sep.isEmpty()) {
      int[] cps = s.codePoints().toArray();
      int l = cps.length;
      if (n < 0 || n > l) n = l;
      int ci = 0;
      for (int i = 0; i < n - 1; i++) {
        parts.add(new String(Character.toChars(cps[i])));
        ci += Character.charCount(cps[i]);
      }
      if (n > 0) parts.add(s.substring(ci));
      return strings(parts);
    }
    if (n < 0) n = Integer.MAX_VALUE;
    int i = 0;
    while (parts.size() < n - 1) {
      int j = s.indexOf(sep, i);
      if (j < 0) break;
      parts.add(s.substring(i, j + sepSave));
      i = j + sep.length();
    }
    parts.add(s.substring(i));
    return strings(parts);
  }

  static String trimFunc(Machine m, G g, String s, Object fn, boolean left, boolean right, boolean want) {
    int start = 0, end = s.length();
    if (left) {
      while (start < end) {
        int cp = s.codePointAt(start);
        if (callPred(m, g, fn, cp) != want) break;
        start += Character.charCount(cp);
      }
    }
    if (right) {
      while (end > start) {
        int cp = s.codePointBefore(end);
        if (callPred(m, g, fn, cp) != want) break;
        end -= Character.charCount(cp);
      }
    }
    return s.substring(start, end);
  }

  static String trimCutset(String s, String cutset, boolean left, boolean right) {
    int start = 0, end = s.length();
    if (left) {
      while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) start += Character.charCount(s.codePointAt(start));
    }
    if (right) {
      while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  static int count(String s, String sub) {
    if (sub.isEmpty()) return s.codePointCount(0, s.length()) + 1;
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) n++;
    return n;
  }

  static String replace(String s, String old, String nw, int n) {
    if (old.equals(nw) || n == 0) return s;
    StringBuilder sb = new StringBuilder();
    int done = 0;
    int i = 0;
    if (old.isEmpty()) {
      // before each rune and at the end
      int k = 0;
      while (k <= s.length() && (n < 0 || done < n)) {
        sb.append(nw);
        done++;
        if (k == s.length()) {
          k++;
          break;
        }
        int cp = s.codePointAt(k);
        sb.appendCodePoint(cp);
        k += Character.charCount(cp);
      }
      if (k <= s.length()) sb.append(s, k, s.length());
      return sb.toString();
    }
    while (n < 0 || done < n) {
      int j = s.indexOf(old, i);
      if (j < 0) break;
      sb.append(s, i, j).append(nw);
      i = j + old.length();
      done++;
    }
    return sb.append(s, i, s.length()).toString();
  }

  static String title(String s) {
    StringBuilder sb = new StringBuilder();
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      sb.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(cp) : cp);
      prev = cp;
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  static String map(Machine m, G g, Object fn, String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      long r = (Long) m.callSync(g, (Closure) fn, new Object[] {(long) cp})[0];
      if (r >= 0) sb.append(rune(r));
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /** Go's generic Replacer: at each position the first pair in argument order that matches. */
  static final class ReplacerVal {
    final String[] oldnew;
    ReplacerVal(String[] oldnew) {
      this.oldnew = oldnew;
    }

    String replace(String s) {
      StringBuilder sb = new StringBuilder();
      boolean emptyOld = false;
      for (int k = 0; k < oldnew.length; k += 2) if (oldnew[k].isEmpty()) emptyOld = true;
      int i = 0;
      while (i <= s.length()) {
        boolean matched = false;
        for (int k = 0; k < oldnew.length; k += 2) {
          String o = oldnew[k];
          if (s.startsWith(o, i) && (!o.isEmpty() || emptyOld)) {
            sb.append(oldnew[k + 1]);
            if (!o.isEmpty()) {
              i += o.length();
              matched = true;
            }
            break;
          }
        }
        if (matched) continue;
        if (i == s.length()) break;
        int cp = s.codePointAt(i);
        sb.appendCodePoint(cp);
        i += Character.charCount(cp);
      }
      return sb.toString();
    }
  }

  static void register() {
    String p = "strings";
    Type strs = new Type.Slice(Type.STRING);
    Type.Func pred = sig(List.of(RUNE), List.of(Type.BOOL));
    List<Type> ss = List.of(Type.STRING, Type.STRING);
    fn(p, "Cut", sig(ss, List.of(Type.STRING, Type.STRING, Type.BOOL)), pure((m, g, f, a) -> {
      String s = (String) a[0], sep = (String) a[1];
      int i = s.indexOf(sep);
      f.push(i >= 0 ? s.substring(0, i) : s);
      f.push(i >= 0 ? s.substring(i + sep.length()) : "");
      f.push(i >= 0);
    }));
    fn(p, "Index", sig(ss, List.of(Type.INT)), pure((m, g, f, a) -> f.push(bytePos((String) a[0], ((String) a[0]).indexOf((String) a[1])))));
    fn(p, "LastIndex", sig(ss, List.of(Type.INT)), pure((m, g, f, a) -> f.push(bytePos((String) a[0], ((String) a[0]).lastIndexOf((String) a[1])))));
    fn(p, "IndexByte", sig(List.of(Type.STRING, Type.UINT8), List.of(Type.INT)), pure((m, g, f, a) -> {
      byte[] b = utf8((String) a[0]);
      long r = -1;
      for (int i = 0; i < b.length; i++) if ((b[i] & 0xff) == (Long) a[1]) {
        r = i;
        break;
      }
      f.push(r);
    }));
    fn(p, "IndexRune", sig(List.of(Type.STRING, RUNE), List.of(Type.INT)), pure((m, g, f, a) -> f.push(bytePos((String) a[0], ((String) a[0]).indexOf(rune((Long) a[1]))))));
    fn(p, "IndexAny", sig(ss, List.of(Type.INT)), pure((m, g, f, a) -> {
      String s = (String) a[0], chars = (String) a[1];
      int r = -1;
      for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) if (chars.indexOf(s.codePointAt(i)) >= 0) {
        r = i;
        break;
      }
      f.push(bytePos(s, r));
    }));
    fn(p, "IndexFunc", sig(List.of(Type.STRING, pred), List.of(Type.INT)), (m, g, f, a) -> {
      String s = (String) a[0];
      int r = -1;
      for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) if (callPred(m, g, a[1], s.codePointAt(i))) {
        r = i;
        break;
      }
      f.push(bytePos(s, r));
    });
    fn(p, "ContainsRune", sig(List.of(Type.STRING, RUNE), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((String) a[0]).contains(rune((Long) a[1])))));
    fn(p, "ContainsAny", sig(ss, List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((String) a[1]).codePoints().anyMatch(c -> ((String) a[0]).indexOf(c) >= 0))));
    fn(p, "Count", sig(ss, List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) count((String) a[0], (String) a[1]))));
    fn(p, "Compare", sig(ss, List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) Integer.signum(SortNatives.compareStrings((String) a[0], (String) a[1])))));
    fn(p, "EqualFold", sig(ss, List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((String) a[0]).equalsIgnoreCase((String) a[1]))));
    fn(p, "SplitN", sig(List.of(Type.STRING, Type.STRING, Type.INT), List.of(strs)), pure((m, g, f, a) -> f.push(genSplit((String) a[0], (String) a[1], 0, toInt(a[2])))));
    fn(p, "SplitAfter", sig(ss, List.of(strs)), pure((m, g, f, a) -> f.push(genSplit((String) a[0], (String) a[1], ((String) a[1]).length(), -1))));
    fn(p, "SplitAfterN", sig(List.of(Type.STRING, Type.STRING, Type.INT), List.of(strs)),
        pure((m, g, f, a) -> f.push(genSplit((String) a[0], (String) a[1], ((String) a[1]).length(), toInt(a[2])))));
    fn(p, "Title", sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(title((String) a[0]))));
    fn(p, "ToTitle", sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((String) a[0]).toUpperCase(java.util.Locale.ROOT))));
    fn(p, "Trim", sig(ss, List.of(Type.STRING)), pure((m, g, f, a) -> f.push(trimCutset((String) a[0], (String) a[1], true, true))));
    fn(p, "TrimLeft", sig(ss, List.of(Type.STRING)), pure((m, g, f, a) -> f.push(trimCutset((String) a[0], (String) a[1], true, false))));
    fn(p, "TrimRight", sig(ss, List.of(Type.STRING)), pure((m, g, f, a) -> f.push(trimCutset((String) a[0], (String) a[1], false, true))));
    fn(p, "TrimFunc", sig(List.of(Type.STRING, pred), List.of(Type.STRING)), (m, g, f, a) -> f.push(trimFunc(m, g, (String) a[0], a[1], true, true, true)));
    fn(p, "TrimLeftFunc", sig(List.of(Type.STRING, pred), List.of(Type.STRING)), (m, g, f, a) -> f.push(trimFunc(m, g, (String) a[0], a[1], true, false, true)));
    fn(p, "TrimRightFunc", sig(List.of(Type.STRING, pred), List.of(Type.STRING)), (m, g, f, a) -> f.push(trimFunc(m, g, (String) a[0], a[1], false, true, true)));
    fn(p, "FieldsFunc", sig(List.of(Type.STRING, pred), List.of(strs)), (m, g, f, a) -> {
      String s = (String) a[0];
      List<String> parts = new ArrayList<>();
      int start = -1;
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        boolean sep = callPred(m, g, a[1], cp);
        if (sep && start >= 0) {
          parts.add(s.substring(start, i));
          start = -1;
        } else if (!sep && start < 0) start = i;
        i += Character.charCount(cp);
      }
      if (start >= 0) parts.add(s.substring(start));
      f.push(strings(parts));
    });
    fn(p, "Map", sig(List.of(sig(List.of(RUNE), List.of(RUNE)), Type.STRING), List.of(Type.STRING)), (m, g, f, a) -> f.push(map(m, g, a[0], (String) a[1])));
    fn(p, "Replace", sig(List.of(Type.STRING, Type.STRING, Type.STRING, Type.INT), List.of(Type.STRING)),
        pure((m, g, f, a) -> f.push(replace((String) a[0], (String) a[1], (String) a[2], toInt(a[3])))));
    fn(p, "ReplaceAll", sig(List.of(Type.STRING, Type.STRING, Type.STRING), List.of(Type.STRING)),
        pure((m, g, f, a) -> f.push(replace((String) a[0], (String) a[1], (String) a[2], -1))));
    Type.Named replacer = new Type.Named("strings.Replacer", new Type.Opaque("strings.Replacer", () -> new ReplacerVal(new String[0]), false));
    type(p, "Replacer", replacer);
    fn(p, "NewReplacer", vsig(List.of(strs), List.of(new Type.Pointer(replacer))), pure((m, g, f, a) -> {
      Object[] items = sliceItems(a[0]);
      if (items.length % 2 == 1) throw new Machine.GoPanic(plainError("strings.NewReplacer: odd argument count"));
      String[] on = new String[items.length];
      for (int i = 0; i < on.length; i++) on[i] = (String) items[i];
      f.push(new ReplacerVal(on));
    }));
    method(replacer, "Replace", true, sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((ReplacerVal) a[0]).replace((String) a[1]))));
    // strings.Builder: more of its methods (byte length as Go counts it)
    Type.Named builder = (Type.Named) member("strings", "Builder").type();
    method(builder, "Len", true, sig(List.of(), List.of(Type.INT)), touching(false, "strings.Builder", (m, g, f, a) -> f.push((long) byteLen(((LibNatives.BuilderVal) a[0]).sb.toString()))));
    method(builder, "Write", true, sig(List.of(BYTES), List.of(Type.INT, ERROR)), touching(true, "strings.Builder", (m, g, f, a) -> {
      ((LibNatives.BuilderVal) a[0]).sb.append(Ops.bytesToString(a[1]));
      f.push((long) (a[1] == null ? 0 : ((SliceVal) a[1]).len));
      f.push(null);
    }));
    method(builder, "WriteByte", true, sig(List.of(Type.UINT8), List.of(ERROR)), touching(true, "strings.Builder", (m, g, f, a) -> {
      ((LibNatives.BuilderVal) a[0]).sb.append((char) (long) (Long) a[1]);
      f.push(null);
    }));
    method(builder, "WriteRune", true, sig(List.of(RUNE), List.of(Type.INT, ERROR)), touching(true, "strings.Builder", (m, g, f, a) -> {
      String r = rune((Long) a[1]);
      ((LibNatives.BuilderVal) a[0]).sb.append(r);
      f.push((long) byteLen(r));
      f.push(null);
    }));
    method(builder, "Reset", true, sig(List.of(), List.of()), touching(true, "strings.Builder", (m, g, f, a) -> ((LibNatives.BuilderVal) a[0]).sb.setLength(0)));
    method(builder, "Grow", true, sig(List.of(Type.INT), List.of()), touching(true, "strings.Builder", (m, g, f, a) -> {
      if ((Long) a[1] < 0) throw new Machine.GoPanic(plainError("strings.Builder.Grow: negative count"));
    }));
    method(builder, "Cap", true, sig(List.of(), List.of(Type.INT)), touching(false, "strings.Builder", (m, g, f, a) -> f.push((long) byteLen(((LibNatives.BuilderVal) a[0]).sb.toString()))));
  }

}
