package dev.gocause.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AnswerBufferTest {

  @Test
  void whatIsWrittenIsWhatIsSentAndCopied() throws Exception {
    AnswerBuffer out = AnswerBuffer.take();
    try {
      out.write('{');
      out.write("\"text\":\"卡住\"}".getBytes(StandardCharsets.UTF_8));
      byte[] expected = "{\"text\":\"卡住\"}".getBytes(StandardCharsets.UTF_8);
      ByteBuffer sent = out.contents();
      assertThat(sent.isDirect()).isTrue();
      assertThat(sent.remaining()).isEqualTo(expected.length).isEqualTo(out.size());
      byte[] read = new byte[sent.remaining()];
      sent.get(read);
      assertThat(read).isEqualTo(expected);
      assertThat(out.copy()).isEqualTo(expected);
    } finally {
      out.release();
    }
  }

  @Test
  void aLargeAnswerGrowsTheBufferWhichIsDroppedAfterUse() {
    byte[] big = new byte[AnswerBuffer.KEEP + 1000];
    Arrays.fill(big, (byte) 'x');
    big[big.length - 1] = 'y';
    AnswerBuffer out = AnswerBuffer.take();
    out.write(new byte[] {'a'}, 0, 1);
    out.write(big, 0, big.length);
    assertThat(out.size()).isEqualTo(big.length + 1);
    byte[] copy = out.copy();
    assertThat(copy[0]).isEqualTo((byte) 'a');
    assertThat(copy[copy.length - 1]).isEqualTo((byte) 'y');
    out.release();
    assertThat(out.capacity()).isEqualTo(AnswerBuffer.INITIAL);
  }

  @Test
  void takingTheBufferAgainStartsEmpty() {
    AnswerBuffer out = AnswerBuffer.take();
    out.write(new byte[] {1, 2, 3}, 0, 3);
    out.release();
    AnswerBuffer again = AnswerBuffer.take();
    assertThat(again).isSameAs(out);
    assertThat(again.size()).isZero();
    assertThat(again.contents().remaining()).isZero();
    again.release();
  }
}
