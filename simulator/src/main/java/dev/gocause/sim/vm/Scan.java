package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.*;

import dev.gocause.sim.vm.Values.*;
import java.math.BigInteger;
import java.util.List;

/**
 * fmt.Sscan, Sscanln and Sscanf over the common verbs (%d %v %s %f %g %e %x %o %b %t %c) into pointers to integers,
 * floats, strings and bools, with Go's error texts ("expected integer", "unexpected newline", "input does not match
 * format", io.EOF when the input ends before the operands). Registered from {@link LibNatives}.
 */
final class Scan {
  private final String s;
  private int pos;
  private final boolean nlIsSpace;

  private Scan(String s, boolean nlIsSpace) {
    this.s = s;
    this.nlIsSpace = nlIsSpace;
  }

  static final class Fail extends RuntimeException {
    final Object err;
    Fail(Object err) {
      super(null, null, false, false);
      this.err = err;
    }
  }

  private static Fail fail(String msg) {
    return new Fail(newError(msg));
  }

  private boolean eof() {
    return pos >= s.length();
  }

  private int peek() {
    return eof() ? -1 : s.codePointAt(pos);
  }

  private static boolean space(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\u000b' || c == '\f' || c == 0x85 || c == 0xA0 || (c > 0xFF && Character.isWhitespace(c));
  }

  /** Skips spaces; a newline is a space for Sscan, an error for Sscanln (and Sscanf outside a format space). */
  private void skipSpace() {
    while (!eof()) {
      int c = peek();
      if (c == '\n') {
        if (nlIsSpace) {
          pos++;
          continue;
        }
        throw fail("unexpected newline");
      }
      if (!space(c)) return;
      pos += Character.charCount(c);
    }
  }

  private boolean accept(String chars) {
    if (!eof() && chars.indexOf(s.charAt(pos)) >= 0) {
      pos++;
      return true;
    }
    return false;
  }

  private String digitsFor(int base) {
    return switch (base) {
      case 2 -> "01_";
      case 8 -> "01234567_";
      case 16 -> "0123456789aAbBcCdDeEfF_";
      default -> "0123456789_";
    };
  }

  private String scanNumber(String digits) {
    int start = pos;
    while (accept(digits)) {
      // consume
    }
    if (pos == start) throw fail("expected integer");
    return s.substring(start, pos);
  }

  private static int baseOf(char verb) {
    return switch (verb) {
      case 'b' -> 2;
      case 'o' -> 8;
      case 'x', 'X' -> 16;
      default -> 10;
    };
  }

  /** An integer token as Go's scanInt/scanUint read it; bits and signedness check the range. */
  private long scanInt(char verb, int bits, boolean unsigned) {
    if (verb == 'c') {
      int c = peek();
      if (c < 0) throw new Fail(IoNatives.EOF_UNEXPECTED);
      pos += Character.charCount(c);
      return c;
    }
    skipSpace();
    if (eof()) throw new Fail(IoNatives.EOF_UNEXPECTED);
    int base = baseOf(verb);
    boolean neg = false;
    if (!unsigned) {
      if (accept("+")) {
        // plus
      } else if (accept("-")) neg = true;
    } else accept("+");
    String prefix = "";
    if (verb == 'v' && !eof() && s.charAt(pos) == '0') {
      // base prefix: 0b, 0o, 0x, or a leading 0 (octal)
      pos++;
      if (accept("bB")) base = 2;
      else if (accept("oO")) base = 8;
      else if (accept("xX")) base = 16;
      else {
        base = 8;
        prefix = "0";
      }
      if (prefix.isEmpty() && !(eof() || digitsFor(base).indexOf(s.charAt(pos)) >= 0)) throw fail("expected integer");
    }
    String tok = prefix + (prefix.isEmpty() ? scanNumber(digitsFor(base)) : scanOptional(digitsFor(base)));
    String clean = tok.replace("_", "");
    BigInteger v = new BigInteger(clean.isEmpty() ? "0" : clean, base);
    if (neg) v = v.negate();
    BigInteger max = unsigned ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE) : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
    BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
    if (v.compareTo(max) > 0 || v.compareTo(min) < 0) throw fail((unsigned ? "unsigned integer" : "integer") + " overflow on token " + (neg ? "-" : "") + tok);
    return v.longValue();
  }

  private String scanOptional(String digits) {
    int start = pos;
    while (accept(digits)) {
      // consume
    }
    return s.substring(start, pos);
  }

  private double scanFloat(int bits) {
    skipSpace();
    if (eof()) throw new Fail(IoNatives.EOF_UNEXPECTED);
    int start = pos;
    accept("+-");
    String low = s.substring(pos).toLowerCase();
    if (low.startsWith("nan") || low.startsWith("inf")) pos += 3;
    else {
      String digits = "0123456789_";
      String exp = "eEpP";
      if (accept("0") && accept("xX")) {
        digits = "0123456789aAbBcCdDeEfF_";
        exp = "pP";
      }
      while (accept(digits)) {
        // digits
      }
      if (accept(".")) while (accept(digits)) {
        // fraction
      }
      if (accept(exp)) {
        accept("+-");
        while (accept("0123456789_")) {
          // exponent
        }
      }
    }
    String tok = s.substring(start, pos);
    try {
      return StrconvNatives.parseFloat(tok, bits);
    } catch (StrconvNatives.NumFail e) {
      throw new Fail(e.err);
    }
  }

  private String scanToken() {
    skipSpace();
    if (eof()) throw new Fail(IoNatives.EOF_UNEXPECTED);
    int start = pos;
    while (!eof() && !space(peek()) && peek() != '\n') pos += Character.charCount(peek());
    return s.substring(start, pos);
  }

  private boolean scanBool(char verb) {
    skipSpace();
    if (eof()) throw new Fail(IoNatives.EOF_UNEXPECTED);
    int c = peek();
    pos += Character.charCount(c);
    switch (c) {
      case '0':
        return false;
      case '1':
        return true;
      case 't', 'T':
        if (accept("rR") && (!accept("uU") || !accept("eE"))) throw fail("syntax error scanning boolean");
        return true;
      case 'f', 'F':
        if (accept("aA") && (!accept("lL") || !accept("sS") || !accept("eE"))) throw fail("syntax error scanning boolean");
        return false;
      default:
        return false;
    }
  }

  /** Scans one operand (a pointer in an interface) with the verb. */
  private void scanOne(Object arg, char verb) {
    if (!(arg instanceof Iface i) || !(i.t instanceof Type.Pointer p) || !(i.v instanceof Ref ref)) {
      throw fail("can't scan type: " + (arg == null ? "<nil>" : ((Iface) arg).t.str()));
    }
    Type t = p.elem.underlying();
    Object v;
    if (t instanceof Type.Basic b) {
      String k = b.kind.name();
      if (b.isString()) v = verb == 'c' ? TextNatives.rune(scanInt('c', 32, false)) : scanToken();
      else if (k.equals("BOOL")) v = scanBool(verb);
      else if (k.startsWith("FLOAT")) v = scanFloat(k.equals("FLOAT32") ? 32 : 64);
      else {
        boolean unsigned = Ops.unsigned(b.kind);
        int bits = k.endsWith("8") ? 8 : k.endsWith("16") ? 16 : k.endsWith("32") ? 32 : 64;
        v = scanInt(verb, bits, unsigned);
      }
    } else {
      throw fail("can't scan type: " + i.t.str());
    }
    ref.store(v);
  }

  /** Sscan / Sscanln. */
  static Object[] scan(String input, Object[] args, boolean ln) {
    Scan sc = new Scan(input, !ln);
    int n = 0;
    try {
      for (Object a : args) {
        sc.scanOne(a, 'v');
        n++;
      }
      if (ln) {
        // the rest of the line must be empty
        while (!sc.eof() && space(sc.peek())) sc.pos++;
        if (!sc.eof() && sc.peek() != '\n') throw fail("expected newline");
      }
      return new Object[] {(long) n, null};
    } catch (Fail e) {
      return new Object[] {(long) n, e.err == IoNatives.EOF_UNEXPECTED ? IoNatives.EOF : e.err};
    }
  }

  /** Sscanf. */
  static Object[] scanf(String input, String format, Object[] args) {
    Scan sc = new Scan(input, false);
    int n = 0;
    int ai = 0;
    try {
      for (int i = 0; i < format.length(); ) {
        char c = format.charAt(i);
        if (c != '%') {
          if (space(c) || c == '\n') {
            // spaces in the format match zero or more spaces in the input
            while (i < format.length() && (space(format.charAt(i)) || format.charAt(i) == '\n')) i++;
            while (!sc.eof() && (space(sc.peek()) || sc.peek() == '\n')) sc.pos++;
            continue;
          }
          if (sc.eof() || sc.s.charAt(sc.pos) != c) {
            if (sc.eof()) throw new Fail(IoNatives.EOF_UNEXPECTED);
            throw fail("input does not match format");
          }
          sc.pos++;
          i++;
          continue;
        }
        i++;
        while (i < format.length() && "+-# 0123456789.".indexOf(format.charAt(i)) >= 0) i++;
        if (i >= format.length()) throw fail("too few operands for format '%'");
        char verb = format.charAt(i++);
        if (verb == '%') {
          sc.skipSpace();
          if (sc.eof() || sc.s.charAt(sc.pos) != '%') throw fail("missing literal %");
          sc.pos++;
          continue;
        }
        if (ai >= args.length) throw fail("too few operands for format '%" + verb + "'");
        sc.scanOne(args[ai++], verb);
        n++;
      }
      if (ai < args.length) throw fail("too many operands");
      return new Object[] {(long) n, null};
    } catch (Fail e) {
      return new Object[] {(long) n, e.err == IoNatives.EOF_UNEXPECTED ? IoNatives.EOF : e.err};
    }
  }

  static void register() {
    Type anyS = new Type.Slice(EMPTY_IFACE);
    String p = "fmt";
    List<Type> res = List.of(Type.INT, ERROR);
    fn(p, "Sscan", vsig(List.of(Type.STRING, anyS), res), (m, g, f, a) -> push(f, scan((String) a[0], sliceItems(a[1]), false)));
    fn(p, "Sscanln", vsig(List.of(Type.STRING, anyS), res), (m, g, f, a) -> push(f, scan((String) a[0], sliceItems(a[1]), true)));
    fn(p, "Sscanf", vsig(List.of(Type.STRING, Type.STRING, anyS), res), (m, g, f, a) -> push(f, scanf((String) a[0], (String) a[1], sliceItems(a[2]))));
  }

  private static void push(Frame f, Object[] r) {
    f.push(r[0]);
    f.push(r[1]);
  }
}
