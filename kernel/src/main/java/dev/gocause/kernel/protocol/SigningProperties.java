package dev.gocause.kernel.protocol;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;

/**
 * A connection file's properties whose messages {@link PlainHmacGenerator} signs when the scheme is
 * {@code hmac-sha256} (what Jupyter writes); another scheme, or no key, is left to jjava.
 */
public final class SigningProperties extends KernelConnectionProperties {
  public SigningProperties(KernelConnectionProperties p) {
    super(p.getIp(), p.getControlPort(), p.getShellPort(), p.getStdinPort(), p.getHbPort(), p.getIopubPort(),
        p.getTransport(), p.getSignatureScheme(), p.getKey());
  }

  @Override
  public HMACGenerator createHMACGenerator() throws InvalidKeyException, NoSuchAlgorithmException {
    String key = getKey();
    if (key != null && !key.isEmpty() && "hmac-sha256".equalsIgnoreCase(getSignatureScheme())) {
      HMACGenerator plain = PlainHmacGenerator.of(key);
      if (plain != null) {
        return plain;
      }
    }
    return super.createHMACGenerator();
  }
}
