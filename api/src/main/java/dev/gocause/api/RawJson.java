package dev.gocause.api;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON of a computed part of an answer (evidence items, observed symptoms), built as UTF-8
 * bytes in a per-thread buffer and handed to the generator as one raw run: an answer has dozens
 * of evidence items of about ten fields each, and a generator's bookkeeping per field (separator,
 * context, a copy per name) cost more than the bytes. Strings are escaped as Jackson's
 * {@code UTF8JsonGenerator} escapes them by default (a quote, a backslash and the control characters
 * escaped, {@code b t n f r} in short, the others as backslash-u and four upper-case hex digits; UTF-8
 * for the rest, a surrogate pair as one four-byte character), and numbers are printed as it prints
 * them, so the bytes equal the plain mapper's ({@code AnswerJsonTest} compares them).
 *
 * <p>Take the thread's instance with {@link #take}, append, and write it with
 * {@code gen.writeRaw(json)} or {@code gen.writeRawValue(json)} before taking it again.
 */
final class RawJson implements SerializableString {
  private static final ThreadLocal<RawJson> OF_THREAD = ThreadLocal.withInitial(RawJson::new);
  static final int INITIAL = 4096;
  /** A buffer that grew beyond this (the evidence of a whole dump's goroutines) is not kept for the next answer. */
  static final int KEEP = 256 * 1024;
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = ascii("null");
  /** The JSON escape of each ASCII character that needs one, else 0 ('u': the six-byte form). */
  private static final byte[] ESCAPES = new byte[0x80];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = 'u';
    }
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\n'] = 'n';
    ESCAPES['\f'] = 'f';
    ESCAPES['\r'] = 'r';
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
  }

  private byte[] bytes = new byte[INITIAL];
  private int length;
  /** The last string written by {@link #quoted} and its JSON (quotes included): most evidence of an answer quotes one line. */
  private String lastQuoted;
  private byte[] lastQuotedJson;

  private RawJson() {}

  /** This thread's instance, emptied. */
  static RawJson take() {
    RawJson json = OF_THREAD.get();
    json.length = 0;
    if (json.bytes.length > KEEP) {
      json.bytes = new byte[INITIAL];
    }
    return json;
  }

  /** ASCII text as bytes, for the constant parts ({@code ,"kind":}). */
  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  RawJson raw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, length, b.length);
    length += b.length;
    return this;
  }

  /** Already written JSON, such as a knowledge value's. */
  RawJson raw(SerializableString json) {
    return raw(json.asUnquotedUTF8());
  }

  /** One ASCII character ({@code ,} {@code [} ...). */
  RawJson raw(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  RawJson nullValue() {
    return raw(NULL);
  }

  RawJson number(int n) {
    if (n >= 0 && n < 10) {
      return raw((char) ('0' + n));
    }
    return raw(ascii(Integer.toString(n)));
  }

  /** As {@code AnswerJson.thousandths} writes it: a whole number of thousandths by its digits, else as Jackson does. */
  RawJson number(double d) {
    char[] digits = AnswerJson.plain(d);
    if (digits != null) {
      ensure(digits.length);
      for (char c : digits) {
        bytes[length++] = (byte) c;
      }
      return this;
    }
    String jackson = NumberOutput.toString(d, true); // as the generator's fast double writer
    return Double.isFinite(d) ? raw(ascii(jackson)) : string(jackson); // non-numbers quoted, as by default
  }

  /** {@code s} as a JSON string, quotes included; null as {@code null}. */
  RawJson string(String s) {
    if (s == null) {
      return nullValue();
    }
    ensure(2 + 6 * s.length()); // the longest escape is six bytes for one char
    byte[] b = bytes;
    int at = length;
    b[at++] = '"';
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        byte escape = ESCAPES[c];
        if (escape == 0) {
          b[at++] = (byte) c;
        } else {
          b[at++] = '\\';
          b[at++] = escape;
          if (escape == 'u') {
            at = hex4(b, at, c);
          }
        }
      } else if (c < 0x800) {
        b[at++] = (byte) (0xC0 | (c >> 6));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[at++] = (byte) (0xF0 | (cp >> 18));
        b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        b[at++] = '\\'; // half a pair (Jackson refuses it; a decoded request body never holds one)
        b[at++] = 'u';
        at = hex4(b, at, c);
      } else {
        b[at++] = (byte) (0xE0 | (c >> 12));
        b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    b[at++] = '"';
    length = at;
    return this;
  }

  /** As {@link #string}, remembering the last one: the input line that most evidence items of an answer quote. */
  RawJson quoted(String s) {
    if (s != lastQuoted && (s == null || !s.equals(lastQuoted))) {
      int start = length;
      string(s);
      lastQuotedJson = Arrays.copyOfRange(bytes, start, length);
      lastQuoted = s;
      return this;
    }
    return raw(lastQuotedJson);
  }

  private static int hex4(byte[] b, int at, char c) {
    b[at++] = HEX[(c >> 12) & 0xF];
    b[at++] = HEX[(c >> 8) & 0xF];
    b[at++] = HEX[(c >> 4) & 0xF];
    b[at++] = HEX[c & 0xF];
    return at;
  }

  private void ensure(int more) {
    if (bytes.length - length < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  /** The buffer's capacity (for tests). */
  int capacity() {
    return bytes.length;
  }

  // --- as a SerializableString: the bytes are already JSON, so the generator copies them as they are

  @Override
  public int appendUnquotedUTF8(byte[] buffer, int offset) {
    if (buffer.length - offset < length) {
      return -1; // the generator then writes asUnquotedUTF8()
    }
    System.arraycopy(bytes, 0, buffer, offset, length);
    return length;
  }

  @Override
  public byte[] asUnquotedUTF8() {
    return Arrays.copyOf(bytes, length);
  }

  @Override
  public int writeUnquotedUTF8(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
    return length;
  }

  @Override
  public int putUnquotedUTF8(ByteBuffer buffer) {
    if (buffer.remaining() < length) {
      return -1;
    }
    buffer.put(bytes, 0, length);
    return length;
  }

  @Override
  public String getValue() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  @Override
  public int charLength() {
    return getValue().length();
  }

  @Override
  public int appendUnquoted(char[] buffer, int offset) {
    String value = getValue();
    if (buffer.length - offset < value.length()) {
      return -1;
    }
    value.getChars(0, value.length(), buffer, offset);
    return value.length();
  }

  // a raw run is never written as a JSON string's content: the quoted forms are the value's, escaped

  @Override
  public char[] asQuotedChars() {
    return new String(quotedBytes(), StandardCharsets.UTF_8).toCharArray();
  }

  @Override
  public byte[] asQuotedUTF8() {
    return quotedBytes();
  }

  @Override
  public int appendQuotedUTF8(byte[] buffer, int offset) {
    byte[] q = quotedBytes();
    if (buffer.length - offset < q.length) {
      return -1;
    }
    System.arraycopy(q, 0, buffer, offset, q.length);
    return q.length;
  }

  @Override
  public int appendQuoted(char[] buffer, int offset) {
    char[] q = asQuotedChars();
    if (buffer.length - offset < q.length) {
      return -1;
    }
    System.arraycopy(q, 0, buffer, offset, q.length);
    return q.length;
  }

  @Override
  public int writeQuotedUTF8(OutputStream out) throws IOException {
    byte[] q = quotedBytes();
    out.write(q);
    return q.length;
  }

  @Override
  public int putQuotedUTF8(ByteBuffer buffer) {
    byte[] q = quotedBytes();
    if (buffer.remaining() < q.length) {
      return -1;
    }
    buffer.put(q);
    return q.length;
  }

  /** The value's content escaped as a JSON string's (no surrounding quotes), as Jackson's quoted forms are. */
  private byte[] quotedBytes() {
    RawJson scratch = new RawJson();
    scratch.string(getValue());
    return Arrays.copyOfRange(scratch.bytes, 1, scratch.length - 1);
  }

  @Override
  public String toString() {
    return getValue();
  }
}
