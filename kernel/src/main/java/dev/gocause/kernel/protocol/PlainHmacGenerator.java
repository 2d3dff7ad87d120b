package dev.gocause.kernel.protocol;

import org.dflib.jjava.jupyter.messages.HMACGenerator;

/**
 * jjava's message signer with {@link HmacSha256} in place of {@code javax.crypto.Mac}. jjava's
 * only public constructor builds the {@code Mac} this class exists to avoid, so an instance is
 * allocated without running a constructor ({@link #of}, through {@code sun.misc.Unsafe}); nothing
 * of the parent is used, since {@link #calculateSignature} is all jjava calls on a signer.
 */
final class PlainHmacGenerator extends HMACGenerator {
  private HmacSha256 hmac;

  private PlainHmacGenerator() throws java.security.GeneralSecurityException {
    super("never", "run"); // see of(): never called
  }

  /** A signer for {@code key}, or null when this JVM does not allow the allocation (jjava's own is used then). */
  static HMACGenerator of(String key) {
    try {
      Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
      java.lang.reflect.Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
      theUnsafe.setAccessible(true);
      PlainHmacGenerator g = (PlainHmacGenerator) unsafeClass.getMethod("allocateInstance", Class.class)
          .invoke(theUnsafe.get(null), PlainHmacGenerator.class);
      g.hmac = new HmacSha256(key);
      return g;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public synchronized String calculateSignature(byte[]... message) {
    return hmac.hex(message);
  }
}
