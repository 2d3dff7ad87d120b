package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A report saying a goroutine holds a lock while it sends or waits on a channel, and that the other
 * side needs the same lock, names the channel-and-lock deadlock in Chinese as it did in English (the
 * words are seed-data: aliases of the code check for a lock held across a channel operation).
 */
class ALockHeldAcrossAChannelIsNamedInChineseTest {

  @Test
  void chineseWordsNameIt() {
    assertThat(first("持有锁的时候往 channel 发数据,收的那边处理前也要拿同一把锁,结果两边一起卡住")).isEqualTo("channel-and-lock-deadlock");
  }

  private static String first(String text) {
    return RealKnowledge.service().diagnose(DiagnosisRequest.of(text)).causes().get(0).id();
  }
}
