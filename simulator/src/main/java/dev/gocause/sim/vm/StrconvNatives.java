package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.*;

import dev.gocause.sim.vm.Values.*;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import static dev.gocause.sim.vm.TextNatives.*;

/**
 * Library model of strconv with Go 1.19's results and error texts: a failure is a *strconv.NumError (Func, Num, Err)
 * wrapping ErrSyntax or ErrRange. Registered from {@link TextNatives}.
 */
final class StrconvNatives {
  private StrconvNatives() {}

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

  static void register() {
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

}
