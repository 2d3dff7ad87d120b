package dev.gocause.api;

import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * A per-thread buffer an answer is rendered into before it is sent with its length: a 30 KB JSON
 * answer then costs no fresh array, no growth by copying and no final copy. The buffer is direct
 * memory, so the socket write takes the bytes from where they were rendered (a heap array is first
 * copied by the JDK into a temporary direct buffer, one more pass over every answer's bytes). A
 * buffer that grew for a large answer (a whole goroutine dump's) is dropped after use.
 */
final class AnswerBuffer extends OutputStream {
  static final int INITIAL = 64 * 1024;
  static final int KEEP = 256 * 1024;
  private static final ThreadLocal<AnswerBuffer> LOCAL = ThreadLocal.withInitial(AnswerBuffer::new);

  private ByteBuffer bytes = ByteBuffer.allocateDirect(INITIAL);

  private AnswerBuffer() {}

  /** This thread's buffer, emptied; call {@link #release} when the answer is sent. */
  static AnswerBuffer take() {
    AnswerBuffer b = LOCAL.get();
    b.bytes.clear();
    return b;
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes.put((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    bytes.put(b, off, len);
  }

  private void ensure(int more) {
    if (bytes.remaining() < more) {
      ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(bytes.capacity() * 2, bytes.position() + more));
      bigger.put(bytes.flip());
      bytes = bigger;
    }
  }

  int size() {
    return bytes.position();
  }

  int capacity() {
    return bytes.capacity();
  }

  /** The bytes written, to send: a view of this buffer, valid until {@link #release}. */
  ByteBuffer contents() {
    return bytes.duplicate().flip();
  }

  /** The bytes written, as a new array (for the answer cache). */
  byte[] copy() {
    byte[] out = new byte[size()];
    contents().get(out);
    return out;
  }

  void release() {
    bytes.clear();
    if (bytes.capacity() > KEEP) {
      bytes = ByteBuffer.allocateDirect(INITIAL);
    }
  }
}
