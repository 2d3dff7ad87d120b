package dev.gocause.api;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A per-thread byte buffer an answer is rendered into before it is sent with its length: a
 * 30 KB JSON answer then costs no fresh array, no growth by copying and no final copy. A buffer
 * that grew for a large answer (a whole goroutine dump's) is dropped after use.
 */
final class AnswerBuffer extends OutputStream {
  private static final int INITIAL = 64 * 1024;
  private static final int KEEP = 256 * 1024;
  private static final ThreadLocal<AnswerBuffer> LOCAL = ThreadLocal.withInitial(AnswerBuffer::new);

  private byte[] bytes = new byte[INITIAL];
  private int size;

  private AnswerBuffer() {}

  /** This thread's buffer, emptied; call {@link #release} when the answer is sent. */
  static AnswerBuffer take() {
    AnswerBuffer b = LOCAL.get();
    b.size = 0;
    return b;
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  byte[] array() {
    return bytes;
  }

  int size() {
    return size;
  }

  /** The bytes written, as a new array (for the answer cache). */
  byte[] copy() {
    return Arrays.copyOf(bytes, size);
  }

  void release() {
    size = 0;
    if (bytes.length > KEEP) {
      bytes = new byte[INITIAL];
    }
  }
}
