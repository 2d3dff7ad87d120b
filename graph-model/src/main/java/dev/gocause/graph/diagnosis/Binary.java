package dev.gocause.graph.diagnosis;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small binary form for the compiled seed cache ({@link CompiledSeedCache}): strings,
 * numbers, booleans and lists of them, each value tagged with its Java type so that what is read
 * back equals what was written (an Integer stays an Integer). A reader never trusts a length: a
 * truncated or damaged file ends in {@link Malformed}, never in a huge allocation.
 */
final class Binary {
  private Binary() {}

  /** The bytes are not what a writer of this format wrote. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  private static final byte STRING = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte DOUBLE = 4;
  private static final byte FLOAT = 5;
  private static final byte BOOLEAN = 6;
  private static final byte LIST = 7;

  static final class Writer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    private final DataOutputStream out = new DataOutputStream(bytes);

    Writer i32(int v) {
      try {
        out.writeInt(v);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Writer f32(float v) {
      return i32(Float.floatToRawIntBits(v));
    }

    Writer str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      i32(b.length);
      bytes.write(b, 0, b.length);
      return this;
    }

    Writer strings(List<String> list) {
      i32(list.size());
      list.forEach(this::str);
      return this;
    }

    /** A property map: keys sorted so equal maps give equal bytes. */
    Writer properties(Map<String, Object> props) {
      i32(props.size());
      props.keySet().stream().sorted().forEach(k -> {
        str(k);
        value(props.get(k), k);
      });
      return this;
    }

    private void value(Object v, String key) {
      try {
        if (v instanceof String s) {
          out.writeByte(STRING);
          str(s);
        } else if (v instanceof Integer n) {
          out.writeByte(INT);
          out.writeInt(n);
        } else if (v instanceof Long n) {
          out.writeByte(LONG);
          out.writeLong(n);
        } else if (v instanceof Double n) {
          out.writeByte(DOUBLE);
          out.writeDouble(n);
        } else if (v instanceof Float n) {
          out.writeByte(FLOAT);
          out.writeFloat(n);
        } else if (v instanceof Boolean b) {
          out.writeByte(BOOLEAN);
          out.writeBoolean(b);
        } else if (v instanceof List<?> l) {
          out.writeByte(LIST);
          i32(l.size());
          l.forEach(x -> value(x, key));
        } else {
          throw new IllegalArgumentException("property " + key + " holds "
              + (v == null ? "null" : "a " + v.getClass().getName()) + ", which the compiled seed cache does not store");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    byte[] toBytes() {
      return bytes.toByteArray();
    }
  }

  static final class Reader {
    private final ByteBuffer in;

    Reader(byte[] bytes) {
      this.in = ByteBuffer.wrap(bytes);
    }

    int i32() throws Malformed {
      try {
        return in.getInt();
      } catch (BufferUnderflowException e) {
        throw new Malformed("ends early at byte " + in.position());
      }
    }

    float f32() throws Malformed {
      return Float.intBitsToFloat(i32());
    }

    /** A count of items each at least {@code minBytes} long: no larger than what is left. */
    int count(int minBytes) throws Malformed {
      int n = i32();
      if (n < 0 || (long) n * minBytes > in.remaining()) {
        throw new Malformed("a count of " + n + " at byte " + in.position() + " exceeds the data left");
      }
      return n;
    }

    String str() throws Malformed {
      int n = count(1);
      String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
      in.position(in.position() + n);
      return s;
    }

    List<String> strings() throws Malformed {
      int n = count(4);
      List<String> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(str());
      }
      return out;
    }

    Map<String, Object> properties() throws Malformed {
      int n = count(5);
      Map<String, Object> out = new java.util.HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String k = str();
        out.put(k, value());
      }
      return out;
    }

    private Object value() throws Malformed {
      try {
        byte tag = in.get();
        return switch (tag) {
          case STRING -> str();
          case INT -> in.getInt();
          case LONG -> in.getLong();
          case DOUBLE -> in.getDouble();
          case FLOAT -> in.getFloat();
          case BOOLEAN -> in.get() != 0;
          case LIST -> {
            int n = count(1);
            List<Object> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              l.add(value());
            }
            yield List.copyOf(l);
          }
          default -> throw new Malformed("unknown value tag " + tag + " at byte " + (in.position() - 1));
        };
      } catch (BufferUnderflowException e) {
        throw new Malformed("ends early at byte " + in.position());
      }
    }

    boolean atEnd() {
      return !in.hasRemaining();
    }
  }
}
