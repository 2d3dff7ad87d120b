package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.*;

import dev.gocause.sim.vm.Values.*;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Library models of unicode, unicode/utf8 and bytes, and the text helpers the string packages share, with Go 1.19's
 * results (strconv is {@link StrconvNatives}, the strings functions beyond the basic ones {@link StringsNatives}).
 * Strings are Java strings; indexes returned to the program are byte offsets of the UTF-8 encoding, as in Go.
 * Registered from {@link LibNatives}.
 */
final class TextNatives {
  private TextNatives() {}

  static final Type BYTES = new Type.Slice(Type.UINT8);
  static final Type RUNE = Type.INT32;

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
  static final class BufferVal implements ValueObj, Natives.Shadowed {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    int read; // bytes already read from the front
    private Machine.Shadow sh;
    @Override public Machine.Shadow shadow() { return sh == null ? (sh = new Machine.Shadow()) : sh; }
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
    method(buffer, "WriteString", true, sig(List.of(Type.STRING), List.of(Type.INT, ERROR)), touching(true, "bytes.Buffer", (m, g, f, a) -> {
      byte[] b = utf8((String) a[1]);
      ((BufferVal) a[0]).write(b);
      f.push((long) b.length);
      f.push(null);
    }));
    method(buffer, "Write", true, sig(List.of(BYTES), List.of(Type.INT, ERROR)), touching(true, "bytes.Buffer", (m, g, f, a) -> {
      byte[] b = bytesOf(a[1]);
      ((BufferVal) a[0]).write(b);
      f.push((long) b.length);
      f.push(null);
    }));
    method(buffer, "WriteByte", true, sig(List.of(Type.UINT8), List.of(ERROR)), touching(true, "bytes.Buffer", (m, g, f, a) -> {
      ((BufferVal) a[0]).write(new byte[] {(byte) (long) (Long) a[1]});
      f.push(null);
    }));
    method(buffer, "WriteRune", true, sig(List.of(RUNE), List.of(Type.INT, ERROR)), touching(true, "bytes.Buffer", (m, g, f, a) -> {
      byte[] b = utf8(rune((Long) a[1]));
      ((BufferVal) a[0]).write(b);
      f.push((long) b.length);
      f.push(null);
    }));
    method(buffer, "String", true, sig(List.of(), List.of(Type.STRING)), touching(false, "bytes.Buffer", (m, g, f, a) -> f.push(a[0] == null ? "<nil>" : stringOfBytes(((BufferVal) a[0]).unread()))));
    method(buffer, "Bytes", true, sig(List.of(), List.of(BYTES)), touching(false, "bytes.Buffer", (m, g, f, a) -> f.push(sliceOfBytes(((BufferVal) a[0]).unread()))));
    method(buffer, "Len", true, sig(List.of(), List.of(Type.INT)), touching(false, "bytes.Buffer", (m, g, f, a) -> f.push((long) ((BufferVal) a[0]).unread().length)));
    method(buffer, "Reset", true, sig(List.of(), List.of()), touching(true, "bytes.Buffer", (m, g, f, a) -> {
      ((BufferVal) a[0]).buf.reset();
      ((BufferVal) a[0]).read = 0;
    }));
    method(buffer, "Truncate", true, sig(List.of(Type.INT), List.of()), touching(true, "bytes.Buffer", (m, g, f, a) -> {
      BufferVal b = (BufferVal) a[0];
      byte[] u = b.unread();
      int n = toInt(a[1]);
      if (n < 0 || n > u.length) throw new Machine.GoPanic(plainError("bytes.Buffer: truncation out of range"));
      b.buf.reset();
      b.read = 0;
      b.buf.writeBytes(java.util.Arrays.copyOf(u, n));
    }));
    method(buffer, "ReadString", true, sig(List.of(Type.UINT8), List.of(Type.STRING, ERROR)), touching(true, "bytes.Buffer", (m, g, f, a) -> {
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
      String t = StringsNatives.trimCutset(s, "\t\n\u000b\f\r \u0085\u00a0", true, true);
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

  static void register() {
    StrconvNatives.register();
    StringsNatives.register();
    registerUnicode();
    registerBytes();
  }
}
