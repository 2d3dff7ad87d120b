package dev.gocause.kernel.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.junit.jupiter.api.Test;

/**
 * The kernel signs messages with its own HMAC-SHA256 ({@link HmacSha256}); a frontend drops every
 * message whose signature differs from what {@code javax.crypto.Mac} (and Python's hmac) computes,
 * so the two must agree at every length around SHA-256's 64-byte blocks and its padding.
 */
class KernelSignsMessagesLikeJavaxCryptoTest {
  private static String reference(String key, byte[]... parts) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    for (byte[] p : parts) {
      mac.update(p);
    }
    return HexFormat.of().formatHex(mac.doFinal());
  }

  @Test
  void everyMessageLengthAroundTheBlockSizeIsSignedAsMacSignsIt() throws Exception {
    Random random = new Random(42);
    String key = "a0436f6c-1916-498b-8eb9-e81ab9368e84"; // the form Jupyter writes (a UUID)
    HmacSha256 mine = new HmacSha256(key);
    for (int length = 0; length <= 300; length++) {
      byte[] message = new byte[length];
      random.nextBytes(message);
      assertThat(mine.hex(message)).as("length %d", length).isEqualTo(reference(key, message));
    }
  }

  @Test
  void aMessageInSeveralPartsIsSignedAsTheirConcatenation() throws Exception {
    String key = "secret";
    byte[][] parts = {
        "{\"msg_id\":\"1\",\"msg_type\":\"execute_request\"}".getBytes(StandardCharsets.UTF_8),
        "{}".getBytes(StandardCharsets.UTF_8), new byte[0],
        "{\"code\":\"%cause send-on-closed-channel\",\"silent\":false}".getBytes(StandardCharsets.UTF_8)};
    assertThat(new HmacSha256(key).hex(parts)).isEqualTo(reference(key, parts));
  }

  @Test
  void keysLongerThanABlockAreHashedFirstAsRfc2104Says() throws Exception {
    byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
    for (String key : new String[] {"k".repeat(64), "k".repeat(65), "k".repeat(64) + "-and-more-than-one-block-of-key"}) {
      assertThat(new HmacSha256(key).hex(message)).as("key of %d bytes", key.length()).isEqualTo(reference(key, message));
    }
  }

  @Test
  void theConnectionFilesSchemeGetsThePlainSignerAndOthersStayWithJjava() throws Exception {
    HMACGenerator signer = new SigningProperties(
        new KernelConnectionProperties("127.0.0.1", 1, 2, 3, 4, 5, "tcp", "hmac-sha256", "key-1")).createHMACGenerator();
    assertThat(signer).isInstanceOf(PlainHmacGenerator.class);
    byte[] part = "part".getBytes(StandardCharsets.UTF_8);
    assertThat(signer.calculateSignature(part, part)).isEqualTo(reference("key-1", part, part));
    assertThat(new SigningProperties(new KernelConnectionProperties("127.0.0.1", 1, 2, 3, 4, 5, "tcp", "hmac-sha512", "key-1"))
        .createHMACGenerator()).isNotInstanceOf(PlainHmacGenerator.class);
    assertThat(new SigningProperties(new KernelConnectionProperties("127.0.0.1", 1, 2, 3, 4, 5, "tcp", "hmac-sha256", ""))
        .createHMACGenerator()).isSameAs(HMACGenerator.NO_AUTH_INSTANCE);
  }
}
