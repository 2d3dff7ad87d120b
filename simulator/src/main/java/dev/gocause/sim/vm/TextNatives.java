package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.*;

import dev.gocause.sim.vm.Values.*;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Library models of strconv, the strings functions beyond the basic ones, unicode, unicode/utf8 and bytes, with Go
 * 1.19's results and error texts (a strconv error is a *strconv.NumError: Func, Num, Err). Strings are Java strings;
 * indexes returned to the program are byte offsets of the UTF-8 encoding, as in Go. Registered from {@link LibNatives}.
 */
final class TextNatives {
  private TextNatives() {}

  static final Type BYTES = new Type.Slice(Type.UINT8);
  static final Type RUNE = Type.INT32;
  static final Object ERR_SYNTAX = newError("invalid syntax");
  static final Object ERR_RANGE = newError("value out of range");
  static final Type.Named NUM_ERROR;

  static {
    Type.Struct st = new Type.Struct();
    st.fields.add(new Type.FieldT("Func", Type.STRING, false));
    st.fields.add(new Type.FieldT("Num", Type.STRING, false));
    st.fields.add(new Type.FieldT("Err", ERROR, false));
    NUM_ERROR = new Type.Named("strconv.NumError", st);
  }

  /** A strconv failure, thrown inside the parsers and turned into a *NumError result. */
  static final class NumFail extends RuntimeException {
    final Object err;
    final Object value;
    NumFail(Object err, Object value) {
      super(null, null, false, false);
      this.err = err;
      this.value = value;
    }
  }

  static Object numError(String fn, String num, Object err) {
    return new Iface(new Type.Pointer(NUM_ERROR), new StructVal(NUM_ERROR, new Object[] {fn, num, err}));
  }

  static int byteLen(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) n++;
      else if (c < 0x800) n += 2;
      else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }

  /** Byte offset in Go's string of the Java char index i (-1 stays -1). */
  static long bytePos(String s, int i) {
    return i < 0 ? -1 : byteLen(s.substring(0, i));
  }

  static int toInt(Object o) {
    return (int) (long) (Long) o;
  }

  static Object[] codePoints(String s) {
    return s.codePoints().mapToObj(c -> (Object) (long) c).toArray();
  }

  static String rune(long r) {
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
    return new String(Character.toChars((int) r));
  }

  // ---------------- strconv ----------------

  private static int lower(int c) {
    return c | ('x' - 'X');
  }

  static boolean underscoreOK(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) s = s.substring(1);
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0' && (lower(s.charAt(1)) == 'b' || lower(s.charAt(1)) == 'o' || lower(s.charAt(1)) == 'x')) {
      i = 2;
      saw = '0';
      hex = lower(s.charAt(1)) == 'x';
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if ('0' <= c && c <= '9' || hex && 'a' <= lower(c) && lower(c) <= 'f') {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') return false;
        saw = '_';
        continue;
      }
      if (saw == '_') return false;
      saw = '!';
    }
    return saw != '_';
  }

  /** strconv.ParseUint: the value as an unsigned 64-bit pattern, or a NumFail naming fn. */
  static long parseUint(String fn, String s, int base, int bitSize) {
    if (s.isEmpty()) throw new NumFail(numError(fn, s, ERR_SYNTAX), 0L);
    boolean base0 = base == 0;
    String s0 = s;
    if (2 <= base && base <= 36) {
      // ok
    } else if (base == 0) {
      base = 10;
      if (s.charAt(0) == '0') {
        if (s.length() >= 3 && lower(s.charAt(1)) == 'b') {
          base = 2;
          s = s.substring(2);
        } else if (s.length() >= 3 && lower(s.charAt(1)) == 'o') {
          base = 8;
          s = s.substring(2);
        } else if (s.length() >= 3 && lower(s.charAt(1)) == 'x') {
          base = 16;
          s = s.substring(2);
        } else {
          base = 8;
          s = s.substring(1);
        }
      }
    } else {
      throw new NumFail(numError(fn, s0, newError("invalid base " + base)), 0L);
    }
    if (bitSize == 0) bitSize = 64;
    else if (bitSize < 0 || bitSize > 64) throw new NumFail(numError(fn, s0, newError("invalid bit size " + bitSize)), 0L);
    BigInteger maxVal = BigInteger.ONE.shiftLeft(bitSize).subtract(BigInteger.ONE);
    boolean underscores = false;
    BigInteger n = BigInteger.ZERO;
    BigInteger b = BigInteger.valueOf(base);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d;
      if (c == '_' && base0) {
        underscores = true;
        continue;
      } else if ('0' <= c && c <= '9') d = c - '0';
      else if ('a' <= lower(c) && lower(c) <= 'z') d = lower(c) - 'a' + 10;
      else throw new NumFail(numError(fn, s0, ERR_SYNTAX), 0L);
      if (d >= base) throw new NumFail(numError(fn, s0, ERR_SYNTAX), 0L);
      n = n.multiply(b).add(BigInteger.valueOf(d));
      if (n.compareTo(maxVal) > 0) throw new NumFail(numError(fn, s0, ERR_RANGE), maxVal.longValue());
    }
    if (underscores && !underscoreOK(s0)) throw new NumFail(numError(fn, s0, ERR_SYNTAX), 0L);
    return n.longValue();
  }

  static long parseInt(String fn, String s, int base, int bitSize) {
    if (s.isEmpty()) throw new NumFail(numError(fn, s, ERR_SYNTAX), 0L);
    String s0 = s;
    boolean neg = false;
    if (s.charAt(0) == '+') s = s.substring(1);
    else if (s.charAt(0) == '-') {
      neg = true;
      s = s.substring(1);
    }
    long un;
    boolean range = false;
    try {
      un = parseUint(fn, s, base, bitSize);
    } catch (NumFail e) {
      StructVal ne = (StructVal) ((Iface) e.err).v;
      if (ne.f[2] != ERR_RANGE) {
        ne.f[1] = s0;
        throw e;
      }
      un = (Long) e.value;
      range = true;
    }
    if (bitSize == 0) bitSize = 64;
    BigInteger cutoff = BigInteger.ONE.shiftLeft(bitSize - 1);
    BigInteger u = new BigInteger(Long.toUnsignedString(un));
    if (!neg && u.compareTo(cutoff) >= 0) throw new NumFail(numError(fn, s0, ERR_RANGE), cutoff.subtract(BigInteger.ONE).longValue());
    if (neg && u.compareTo(cutoff) > 0) throw new NumFail(numError(fn, s0, ERR_RANGE), cutoff.negate().longValue());
    if (range) throw new NumFail(numError(fn, s0, ERR_RANGE), un);
    return neg ? -un : un;
  }

  static double parseFloat(String s, int bitSize) {
    String fn = "ParseFloat";
    String t = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    boolean neg = s.startsWith("-");
    String low = t.toLowerCase();
    if (low.equals("inf") || low.equals("infinity")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    if (low.equals("nan") && t.length() == s.length()) return Double.NaN;
    boolean hex = low.startsWith("0x");
    String body = t;
    if (t.indexOf('_') >= 0) {
      // underscores only between digits (Go's readFloat checks underscoreOK)
      if (!underscoreOK(s)) throw new NumFail(numError(fn, s, ERR_SYNTAX), 0.0);
      body = t.replace("_", "");
    }
    boolean ok = hex
        ? body.matches("(?i)0x([0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)p[+-]?[0-9]+")
        : body.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    if (!ok) throw new NumFail(numError(fn, s, ERR_SYNTAX), 0.0);
    double d;
    if (hex) {
      d = Double.parseDouble(body);
      if (bitSize == 32) d = (float) d;
    } else if (bitSize == 32) {
      d = Float.parseFloat(body);
    } else {
      d = Double.parseDouble(body);
    }
    if (neg) d = -d;
    if (Double.isInfinite(d)) throw new NumFail(numError(fn, s, ERR_RANGE), d);
    return d;
  }

  static void pushNum(Frame f, java.util.function.Supplier<Object> parse) {
    try {
      f.push(parse.get());
      f.push(null);
    } catch (NumFail e) {
      f.push(e.value);
      f.push(e.err);
    }
  }

  /** strconv.FormatFloat: digits of the exact or shortest decimal value, laid out as Go's ftoa does. */
  static String formatFloat(double v, char fmt, int prec, int bitSize) {
    if (bitSize == 32) v = (float) v;
    if (Double.isNaN(v)) return "NaN";
    if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
    boolean neg = v < 0 || (v == 0 && 1 / v < 0);
    double a = Math.abs(v);
    String digs;
    int dp;
    boolean shortest = prec < 0;
    if (fmt == 'b') return Long.toString(Double.doubleToRawLongBits(v));
    if (shortest) {
      String[] dd = digits(a == 0 ? BigDecimal.ZERO : shortest(a, bitSize));
      digs = dd[0];
      dp = Integer.parseInt(dd[1]);
      char lf = Character.toLowerCase(fmt);
      if (lf == 'e') prec = Math.max(digs.length() - 1, 0);
      else if (lf == 'f') prec = Math.max(digs.length() - dp, 0);
      else prec = digs.length();
    } else {
      BigDecimal exact = new BigDecimal(a);
      BigDecimal r;
      char lf = Character.toLowerCase(fmt);
      if (lf == 'f') r = exact.setScale(prec, RoundingMode.HALF_EVEN);
      else {
        int n = lf == 'e' ? prec + 1 : Math.max(prec, 1);
        if (lf == 'g' && prec == 0) prec = 1;
        r = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
      }
      String[] dd = digits(a == 0 ? BigDecimal.ZERO : r.stripTrailingZeros());
      digs = dd[0];
      dp = Integer.parseInt(dd[1]);
    }
    StringBuilder sb = new StringBuilder();
    if (neg) sb.append('-');
    switch (fmt) {
      case 'e', 'E' -> fmtE(sb, digs, dp, prec, fmt);
      case 'f' -> fmtF(sb, digs, dp, prec);
      case 'g', 'G' -> {
        int eprec = prec;
        if (eprec > digs.length() && digs.length() >= dp) eprec = digs.length();
        if (shortest) eprec = 6;
        int exp = dp - 1;
        if (exp < -4 || exp >= eprec) {
          if (prec > digs.length()) prec = digs.length();
          fmtE(sb, digs, dp, prec - 1, fmt == 'g' ? 'e' : 'E');
        } else {
          if (prec > dp) prec = digs.length();
          fmtF(sb, digs, dp, Math.max(prec - dp, 0));
        }
      }
      default -> {
        return "%" + fmt;
      }
    }
    return sb.toString();
  }

  /**
   * The shortest decimal that reads back as the same float64 (float32 for bitSize 32), the nearest one among those of
   * that length, as Go's ftoa finds (Java 17's Double.toString is not always the shortest).
   */
  static BigDecimal shortest(double a, int bitSize) {
    BigDecimal exact = new BigDecimal(a);
    if (a == Math.rint(a) && a < (bitSize == 32 ? 1 << 24 : 1e15)) return exact.stripTrailingZeros();
    for (int n = 1; n < 17; n++) {
      BigDecimal r = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
      if (bitSize == 32 ? Float.parseFloat(r.toString()) == (float) a : Double.parseDouble(r.toString()) == a) return r.stripTrailingZeros();
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  /** {digits without trailing zeros, decimal point position}: value = 0.digits × 10^dp. */
  private static String[] digits(BigDecimal bd) {
    if (bd.signum() == 0) return new String[] {"", "0"};
    String u = bd.unscaledValue().toString();
    int dp = u.length() - bd.scale();
    return new String[] {u, Integer.toString(dp)};
  }

  private static void fmtE(StringBuilder sb, String d, int dp, int prec, char fmt) {
    sb.append(d.isEmpty() ? '0' : d.charAt(0));
    if (prec > 0) {
      sb.append('.');
      int i = 1;
      int m = Math.min(d.length(), prec + 1);
      if (i < m) {
        sb.append(d, i, m);
        i = m;
      }
      for (; i <= prec; i++) sb.append('0');
    }
    sb.append(fmt);
    int exp = d.isEmpty() ? 0 : dp - 1;
    sb.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) sb.append('0');
    sb.append(exp);
  }

  private static void fmtF(StringBuilder sb, String d, int dp, int prec) {
    if (dp > 0) {
      int m = Math.min(d.length(), dp);
      sb.append(d, 0, m);
      for (; m < dp; m++) sb.append('0');
    } else sb.append('0');
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        int j = dp + i - 1;
        sb.append(j >= 0 && j < d.length() ? d.charAt(j) : '0');
      }
    }
  }

  static String formatInt(long v, int base, boolean unsigned) {
    if (base < 2 || base > 36) throw new Machine.GoPanic(plainError("strconv: illegal AppendInt/FormatInt base"));
    return unsigned ? new BigInteger(Long.toUnsignedString(v)).toString(base) : Long.toString(v, base);
  }

  static SliceVal appendBytes(Object dst, byte[] b) {
    SliceVal s = (SliceVal) dst;
    int len = s == null ? 0 : s.len;
    if (s != null && s.cap - s.len >= b.length) {
      for (int i = 0; i < b.length; i++) s.arr.a[s.off + len + i] = (long) (b[i] & 0xff);
      return new SliceVal(s.arr, s.off, len + b.length, s.cap);
    }
    int cap = Math.max(len + b.length, len < 256 ? 2 * len : len + len / 4);
    cap = Math.max(cap, 8);
    Object[] arr = new Object[cap];
    java.util.Arrays.fill(arr, 0L);
    for (int i = 0; i < len; i++) arr[i] = s.arr.a[s.off + i];
    for (int i = 0; i < b.length; i++) arr[len + i] = (long) (b[i] & 0xff);
    return new SliceVal(new ArrayVal(arr), 0, len + b.length, cap);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static void registerStrconv() {
    String p = "strconv";
    type(p, "NumError", NUM_ERROR);
    method(NUM_ERROR, "Error", true, sig(List.of(), List.of(Type.STRING)), pure((m, g, f, a) -> {
      StructVal e = (StructVal) a[0];
      Object err = e.f[2];
      String es = err == null ? "<nil>" : ((Iface) err).v instanceof ErrorVal ev ? ev.msg : Fmt.callString(m, g, (Iface) err, "Error");
      f.push("strconv." + e.f[0] + ": parsing " + Fmt.quote((String) e.f[1]) + ": " + es);
    }));
    method(NUM_ERROR, "Unwrap", true, sig(List.of(), List.of(ERROR)), pure((m, g, f, a) -> f.push(((StructVal) a[0]).f[2])));
    var(p, "ErrSyntax", ERROR, ERR_SYNTAX);
    var(p, "ErrRange", ERROR, ERR_RANGE);
    cnst(p, "IntSize", Type.UNTYPED_INT, 64L);
    fn(p, "Itoa", sig(List.of(Type.INT), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(Long.toString((Long) a[0]))));
    fn(p, "Atoi", sig(List.of(Type.STRING), List.of(Type.INT, ERROR)), pure((m, g, f, a) -> pushNum(f, () -> parseInt("Atoi", (String) a[0], 10, 0))));
    fn(p, "ParseInt", sig(List.of(Type.STRING, Type.INT, Type.INT), List.of(Type.INT64, ERROR)),
        pure((m, g, f, a) -> pushNum(f, () -> parseInt("ParseInt", (String) a[0], toInt(a[1]), toInt(a[2])))));
    fn(p, "ParseUint", sig(List.of(Type.STRING, Type.INT, Type.INT), List.of(Type.UINT64, ERROR)),
        pure((m, g, f, a) -> pushNum(f, () -> parseUint("ParseUint", (String) a[0], toInt(a[1]), toInt(a[2])))));
    fn(p, "ParseFloat", sig(List.of(Type.STRING, Type.INT), List.of(Type.FLOAT64, ERROR)),
        pure((m, g, f, a) -> pushNum(f, () -> parseFloat((String) a[0], toInt(a[1])))));
    fn(p, "ParseBool", sig(List.of(Type.STRING), List.of(Type.BOOL, ERROR)), pure((m, g, f, a) -> {
      switch ((String) a[0]) {
        case "1", "t", "T", "true", "TRUE", "True" -> {
          f.push(true);
          f.push(null);
        }
        case "0", "f", "F", "false", "FALSE", "False" -> {
          f.push(false);
          f.push(null);
        }
        default -> {
          f.push(false);
          f.push(numError("ParseBool", (String) a[0], ERR_SYNTAX));
        }
      }
    }));
    fn(p, "FormatBool", sig(List.of(Type.BOOL), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(a[0].toString())));
    fn(p, "FormatInt", sig(List.of(Type.INT64, Type.INT), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(formatInt((Long) a[0], toInt(a[1]), false))));
    fn(p, "FormatUint", sig(List.of(Type.UINT64, Type.INT), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(formatInt((Long) a[0], toInt(a[1]), true))));
    fn(p, "FormatFloat", sig(List.of(Type.FLOAT64, Type.UINT8, Type.INT, Type.INT), List.of(Type.STRING)),
        pure((m, g, f, a) -> f.push(formatFloat((Double) a[0], (char) (long) (Long) a[1], toInt(a[2]), toInt(a[3])))));
    fn(p, "AppendInt", sig(List.of(BYTES, Type.INT64, Type.INT), List.of(BYTES)),
        pure((m, g, f, a) -> f.push(appendBytes(a[0], utf8(formatInt((Long) a[1], toInt(a[2]), false))))));
    fn(p, "AppendQuote", sig(List.of(BYTES, Type.STRING), List.of(BYTES)), pure((m, g, f, a) -> f.push(appendBytes(a[0], utf8(Fmt.quote((String) a[1]))))));
    fn(p, "Quote", sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(Fmt.quote((String) a[0]))));
    fn(p, "QuoteRune", sig(List.of(RUNE), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(Fmt.quoteRune((Long) a[0]))));
    fn(p, "Unquote", sig(List.of(Type.STRING), List.of(Type.STRING, ERROR)), pure((m, g, f, a) -> {
      String s = (String) a[0];
      String r = unquote(s);
      f.push(r == null ? "" : r);
      f.push(r == null ? ERR_SYNTAX : null);
    }));
  }

  /** strconv.Unquote for "..." (common escapes), `...` and '.'; null when s is not a valid literal. */
  static String unquote(String s) {
    if (s.length() < 2) return null;
    char q = s.charAt(0);
    if (q != s.charAt(s.length() - 1)) return null;
    String in = s.substring(1, s.length() - 1);
    if (q == '`') return in.indexOf('`') >= 0 ? null : in.replace("\r", "");
    if (q != '"' && q != '\'') return null;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < in.length(); i++) {
      char c = in.charAt(i);
      if (c == q || c == '\n') return null;
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (++i >= in.length()) return null;
      char e = in.charAt(i);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'a' -> sb.append('\u0007');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'v' -> sb.append('\u000b');
        case '\\' -> sb.append('\\');
        case '\'', '"' -> {
          if (e != q) return null;
          sb.append(e);
        }
        case 'x', 'u', 'U' -> {
          int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + n >= in.length()) return null;
          try {
            int v = Integer.parseInt(in.substring(i + 1, i + 1 + n), 16);
            sb.appendCodePoint(v);
          } catch (RuntimeException ex) {
            return null;
          }
          i += n;
        }
        default -> {
          return null;
        }
      }
    }
    if (q == '\'' && sb.codePointCount(0, sb.length()) != 1) return null;
    return sb.toString();
  }

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

  static void registerStrings() {
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
    method(builder, "Len", true, sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) byteLen(((LibNatives.BuilderVal) a[0]).sb.toString()))));
    method(builder, "Write", true, sig(List.of(BYTES), List.of(Type.INT, ERROR)), pure((m, g, f, a) -> {
      ((LibNatives.BuilderVal) a[0]).sb.append(Ops.bytesToString(a[1]));
      f.push((long) (a[1] == null ? 0 : ((SliceVal) a[1]).len));
      f.push(null);
    }));
    method(builder, "WriteByte", true, sig(List.of(Type.UINT8), List.of(ERROR)), pure((m, g, f, a) -> {
      ((LibNatives.BuilderVal) a[0]).sb.append((char) (long) (Long) a[1]);
      f.push(null);
    }));
    method(builder, "WriteRune", true, sig(List.of(RUNE), List.of(Type.INT, ERROR)), pure((m, g, f, a) -> {
      String r = rune((Long) a[1]);
      ((LibNatives.BuilderVal) a[0]).sb.append(r);
      f.push((long) byteLen(r));
      f.push(null);
    }));
    method(builder, "Reset", true, sig(List.of(), List.of()), pure((m, g, f, a) -> ((LibNatives.BuilderVal) a[0]).sb.setLength(0)));
    method(builder, "Grow", true, sig(List.of(Type.INT), List.of()), pure((m, g, f, a) -> {
      if ((Long) a[1] < 0) throw new Machine.GoPanic(plainError("strings.Builder.Grow: negative count"));
    }));
    method(builder, "Cap", true, sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) byteLen(((LibNatives.BuilderVal) a[0]).sb.toString()))));
  }

  // ---------------- unicode, unicode/utf8 ----------------

  static boolean isSpace(long r) {
    if (r <= 0xFF) return r == '\t' || r == '\n' || r == 0x0B || r == '\f' || r == '\r' || r == ' ' || r == 0x85 || r == 0xA0;
    int c = (int) r;
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  static boolean isPunct(int c) {
    int t = Character.getType(c);
    return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION || t == Character.START_PUNCTUATION
        || t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION;
  }

  static boolean valid(long r) {
    return r >= 0 && r <= 0x10FFFF && !(r >= 0xD800 && r <= 0xDFFF);
  }

  interface RunePred {
    boolean test(int c);
  }

  static void registerUnicode() {
    String p = "unicode";
    Type.Func pred = sig(List.of(RUNE), List.of(Type.BOOL));
    Object[][] preds = {
      {"IsSpace", (RunePred) c -> isSpace(c)},
      {"IsDigit", (RunePred) c -> Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER},
      {"IsNumber", (RunePred) c -> { int t = Character.getType(c); return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER; }},
      {"IsLetter", (RunePred) Character::isLetter},
      {"IsUpper", (RunePred) c -> Character.getType(c) == Character.UPPERCASE_LETTER},
      {"IsLower", (RunePred) c -> Character.getType(c) == Character.LOWERCASE_LETTER},
      {"IsTitle", (RunePred) c -> Character.getType(c) == Character.TITLECASE_LETTER},
      {"IsPunct", (RunePred) TextNatives::isPunct},
      {"IsControl", (RunePred) c -> c < 0x20 || (c >= 0x7F && c < 0xA0)},
      {"IsPrint", (RunePred) c -> c == ' ' || (!isSpace(c) && Character.isDefined(c) && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
          && Character.getType(c) != Character.SURROGATE && Character.getType(c) != Character.PRIVATE_USE)},
    };
    for (Object[] pr : preds) {
      RunePred rp = (RunePred) pr[1];
      fn(p, (String) pr[0], pred, pure((m, g, f, a) -> {
        long r = (Long) a[0];
        f.push(valid(r) && rp.test((int) r));
      }));
    }
    fn(p, "ToUpper", sig(List.of(RUNE), List.of(RUNE)), pure((m, g, f, a) -> f.push(valid((Long) a[0]) ? (long) Character.toUpperCase((int) (long) (Long) a[0]) : a[0])));
    fn(p, "ToLower", sig(List.of(RUNE), List.of(RUNE)), pure((m, g, f, a) -> f.push(valid((Long) a[0]) ? (long) Character.toLowerCase((int) (long) (Long) a[0]) : a[0])));
    fn(p, "ToTitle", sig(List.of(RUNE), List.of(RUNE)), pure((m, g, f, a) -> f.push(valid((Long) a[0]) ? (long) Character.toTitleCase((int) (long) (Long) a[0]) : a[0])));
    cnst(p, "MaxRune", Type.UNTYPED_RUNE, 0x10FFFFL);
    cnst(p, "ReplacementChar", Type.UNTYPED_RUNE, 0xFFFDL);
    cnst(p, "MaxASCII", Type.UNTYPED_RUNE, 0x7FL);

    p = "unicode/utf8";
    cnst(p, "RuneError", Type.UNTYPED_RUNE, 0xFFFDL);
    cnst(p, "RuneSelf", Type.UNTYPED_INT, 0x80L);
    cnst(p, "MaxRune", Type.UNTYPED_RUNE, 0x10FFFFL);
    cnst(p, "UTFMax", Type.UNTYPED_INT, 4L);
    fn(p, "RuneCountInString", sig(List.of(Type.STRING), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) ((String) a[0]).codePointCount(0, ((String) a[0]).length()))));
    fn(p, "RuneCount", sig(List.of(BYTES), List.of(Type.INT)), pure((m, g, f, a) -> {
      String s = Ops.bytesToString(a[0]);
      f.push((long) s.codePointCount(0, s.length()));
    }));
    fn(p, "RuneLen", sig(List.of(RUNE), List.of(Type.INT)), pure((m, g, f, a) -> {
      long r = (Long) a[0];
      f.push(r < 0 ? -1L : r < 0x80 ? 1L : r < 0x800 ? 2L : (r >= 0xD800 && r <= 0xDFFF) ? -1L : r < 0x10000 ? 3L : r <= 0x10FFFF ? 4L : -1L);
    }));
    fn(p, "ValidRune", sig(List.of(RUNE), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(valid((Long) a[0]))));
    // a string the simulator holds is always valid UTF-8 (invalid bytes became U+FFFD when it was made)
    fn(p, "ValidString", sig(List.of(Type.STRING), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(true)));
    fn(p, "Valid", sig(List.of(BYTES), List.of(Type.BOOL)), pure((m, g, f, a) -> {
      SliceVal s = (SliceVal) a[0];
      byte[] b = new byte[s == null ? 0 : s.len];
      for (int i = 0; i < b.length; i++) b[i] = (byte) (long) (Long) s.arr.a[s.off + i];
      f.push(java.util.Arrays.equals(b, utf8(new String(b, StandardCharsets.UTF_8))));
    }));
    fn(p, "DecodeRuneInString", sig(List.of(Type.STRING), List.of(RUNE, Type.INT)), pure((m, g, f, a) -> {
      String s = (String) a[0];
      if (s.isEmpty()) {
        f.push(0xFFFDL);
        f.push(0L);
        return;
      }
      int cp = s.codePointAt(0);
      f.push((long) cp);
      f.push((long) byteLen(new String(Character.toChars(cp))));
    }));
    fn(p, "DecodeLastRuneInString", sig(List.of(Type.STRING), List.of(RUNE, Type.INT)), pure((m, g, f, a) -> {
      String s = (String) a[0];
      if (s.isEmpty()) {
        f.push(0xFFFDL);
        f.push(0L);
        return;
      }
      int cp = s.codePointBefore(s.length());
      f.push((long) cp);
      f.push((long) byteLen(new String(Character.toChars(cp))));
    }));
    fn(p, "EncodeRune", sig(List.of(BYTES, RUNE), List.of(Type.INT)), pure((m, g, f, a) -> {
      byte[] b = utf8(rune((Long) a[1]));
      SliceVal s = (SliceVal) a[0];
      for (int i = 0; i < b.length; i++) {
        if (s == null || i >= s.len) throw new Machine.GoPanic(runtimeError("index out of range [" + i + "] with length " + (s == null ? 0 : s.len)));
        s.arr.a[s.off + i] = (long) (b[i] & 0xff);
      }
      f.push((long) b.length);
    }));
    fn(p, "AppendRune", sig(List.of(BYTES, RUNE), List.of(BYTES)), pure((m, g, f, a) -> f.push(appendBytes(a[0], utf8(rune((Long) a[1]))))));
  }

  // ---------------- bytes ----------------

  /** bytes.Buffer's contents. */
  static final class BufferVal implements ValueObj {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    int read; // bytes already read from the front
    @Override public Object copyValue() {
      BufferVal b = new BufferVal();
      b.buf.writeBytes(buf.toByteArray());
      b.read = read;
      return b;
    }

    byte[] unread() {
      byte[] all = buf.toByteArray();
      return java.util.Arrays.copyOfRange(all, read, all.length);
    }

    void write(byte[] b) {
      if (read > 0 && read == buf.size()) {
        buf.reset();
        read = 0;
      }
      buf.writeBytes(b);
    }
  }

  static byte[] bytesOf(Object slice) {
    SliceVal s = (SliceVal) slice;
    byte[] b = new byte[s == null ? 0 : s.len];
    for (int i = 0; i < b.length; i++) b[i] = (byte) (long) (Long) s.arr.a[s.off + i];
    return b;
  }

  static SliceVal sliceOfBytes(byte[] b) {
    Object[] o = new Object[b.length];
    for (int i = 0; i < b.length; i++) o[i] = (long) (b[i] & 0xff);
    return sliceOf(o);
  }

  static String stringOfBytes(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static void registerBytes() {
    String p = "bytes";
    Type.Named buffer = new Type.Named("bytes.Buffer", new Type.Opaque("bytes.Buffer", BufferVal::new, true));
    type(p, "Buffer", buffer);
    Type bufPtr = new Type.Pointer(buffer);
    fn(p, "NewBufferString", sig(List.of(Type.STRING), List.of(bufPtr)), pure((m, g, f, a) -> {
      BufferVal b = new BufferVal();
      b.write(utf8((String) a[0]));
      f.push(b);
    }));
    fn(p, "NewBuffer", sig(List.of(BYTES), List.of(bufPtr)), pure((m, g, f, a) -> {
      BufferVal b = new BufferVal();
      b.write(bytesOf(a[0]));
      f.push(b);
    }));
    method(buffer, "WriteString", true, sig(List.of(Type.STRING), List.of(Type.INT, ERROR)), pure((m, g, f, a) -> {
      byte[] b = utf8((String) a[1]);
      ((BufferVal) a[0]).write(b);
      f.push((long) b.length);
      f.push(null);
    }));
    method(buffer, "Write", true, sig(List.of(BYTES), List.of(Type.INT, ERROR)), pure((m, g, f, a) -> {
      byte[] b = bytesOf(a[1]);
      ((BufferVal) a[0]).write(b);
      f.push((long) b.length);
      f.push(null);
    }));
    method(buffer, "WriteByte", true, sig(List.of(Type.UINT8), List.of(ERROR)), pure((m, g, f, a) -> {
      ((BufferVal) a[0]).write(new byte[] {(byte) (long) (Long) a[1]});
      f.push(null);
    }));
    method(buffer, "WriteRune", true, sig(List.of(RUNE), List.of(Type.INT, ERROR)), pure((m, g, f, a) -> {
      byte[] b = utf8(rune((Long) a[1]));
      ((BufferVal) a[0]).write(b);
      f.push((long) b.length);
      f.push(null);
    }));
    method(buffer, "String", true, sig(List.of(), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(a[0] == null ? "<nil>" : stringOfBytes(((BufferVal) a[0]).unread()))));
    method(buffer, "Bytes", true, sig(List.of(), List.of(BYTES)), pure((m, g, f, a) -> f.push(sliceOfBytes(((BufferVal) a[0]).unread()))));
    method(buffer, "Len", true, sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) ((BufferVal) a[0]).unread().length)));
    method(buffer, "Reset", true, sig(List.of(), List.of()), pure((m, g, f, a) -> {
      ((BufferVal) a[0]).buf.reset();
      ((BufferVal) a[0]).read = 0;
    }));
    method(buffer, "Truncate", true, sig(List.of(Type.INT), List.of()), pure((m, g, f, a) -> {
      BufferVal b = (BufferVal) a[0];
      byte[] u = b.unread();
      int n = toInt(a[1]);
      if (n < 0 || n > u.length) throw new Machine.GoPanic(plainError("bytes.Buffer: truncation out of range"));
      b.buf.reset();
      b.read = 0;
      b.buf.writeBytes(java.util.Arrays.copyOf(u, n));
    }));
    method(buffer, "ReadString", true, sig(List.of(Type.UINT8), List.of(Type.STRING, ERROR)), pure((m, g, f, a) -> {
      BufferVal b = (BufferVal) a[0];
      byte[] u = b.unread();
      int i = 0;
      while (i < u.length && (u[i] & 0xff) != (Long) a[1]) i++;
      int n = i < u.length ? i + 1 : u.length;
      b.read += n;
      f.push(stringOfBytes(java.util.Arrays.copyOf(u, n)));
      f.push(i < u.length ? null : IoNatives.EOF);
    }));
    List<Type> bb = List.of(BYTES, BYTES);
    fn(p, "Equal", sig(bb, List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(java.util.Arrays.equals(bytesOf(a[0]), bytesOf(a[1])))));
    fn(p, "Compare", sig(bb, List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) Integer.signum(java.util.Arrays.compareUnsigned(bytesOf(a[0]), bytesOf(a[1]))))));
    fn(p, "Contains", sig(bb, List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(indexOf(bytesOf(a[0]), bytesOf(a[1])) >= 0)));
    fn(p, "Index", sig(bb, List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) indexOf(bytesOf(a[0]), bytesOf(a[1])))));
    fn(p, "HasPrefix", sig(bb, List.of(Type.BOOL)), pure((m, g, f, a) -> {
      byte[] s = bytesOf(a[0]), pre = bytesOf(a[1]);
      f.push(s.length >= pre.length && java.util.Arrays.equals(s, 0, pre.length, pre, 0, pre.length));
    }));
    fn(p, "HasSuffix", sig(bb, List.of(Type.BOOL)), pure((m, g, f, a) -> {
      byte[] s = bytesOf(a[0]), suf = bytesOf(a[1]);
      f.push(s.length >= suf.length && java.util.Arrays.equals(s, s.length - suf.length, s.length, suf, 0, suf.length));
    }));
    fn(p, "TrimSpace", sig(List.of(BYTES), List.of(BYTES)), pure((m, g, f, a) -> {
      String s = stringOfBytes(bytesOf(a[0]));
      String t = trimCutset(s, "\t\n\u000b\f\r \u0085\u00a0", true, true);
      f.push(t.isEmpty() ? null : sliceOfBytes(utf8(t)));
    }));
  }

  static int indexOf(byte[] s, byte[] sub) {
    outer:
    for (int i = 0; i + sub.length <= s.length; i++) {
      for (int j = 0; j < sub.length; j++) if (s[i + j] != sub[j]) continue outer;
      return i;
    }
    return -1;
  }

  static void register() {
    registerStrconv();
    registerStrings();
    registerUnicode();
    registerBytes();
  }
}
