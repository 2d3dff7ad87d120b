package dev.gocause.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Through the real Jupyter client: {@code %%diagnose} on a short description whose two leading
 * causes are close shows the ask-back (the observation that separates them and the commands that
 * answer it) in the text and the HTML a notebook displays; a clear panic shows none.
 */
class ACloseCallAsksBackInTheKernelTest {

  /** Two neighbouring RWMutex causes explain "it hangs, read-write lock" equally well. */
  private static final String CLOSE_CALL = "程序卡住了,读写锁";
  private static final String CLEAR = "panic: close of closed channel";
  private static final String LEAD_ZH = "要区分前两个根因,请确认:";
  private static final String LEAD_EN = "To tell the leading causes apart: ";

  @Test
  void aCloseCallShowsTheQuestionAndACommandWhileAClearPanicShowsNone() throws Exception {
    Jupyter.Run run = Jupyter.get().python(Map.of(), 600, "kernel_protocol.py", "diagnose-text",
        "close=" + CLOSE_CALL, "clear=" + CLEAR);
    JsonNode r = ProtocolDefectsAreFixedTest.result(run, "diagnose-text");

    JsonNode close = r.get("close");
    assertThat(close.get("status").asText()).as(run.out()).isEqualTo("ok");
    assertThat(close.get("errors")).as(run.out()).isEmpty();
    String text = close.get("text").asText();
    assertThat(text).as(text).containsAnyOf(LEAD_ZH, LEAD_EN);
    String question = text.substring(Math.max(text.indexOf(LEAD_ZH), text.indexOf(LEAD_EN)));
    assertThat(question.lines().skip(1).filter(l -> l.strip().startsWith("$ ")).count())
        .as("a command that answers the question, in:\n" + question).isPositive();
    String html = close.get("html").asText();
    assertThat(html).as(html).contains("class=\"gocause-ask-back\"").containsAnyOf(LEAD_ZH, LEAD_EN).contains("<code>");

    JsonNode clear = r.get("clear");
    assertThat(clear.get("status").asText()).as(run.out()).isEqualTo("ok");
    assertThat(clear.get("text").asText()).contains("close-of-closed-channel").doesNotContain(LEAD_ZH, LEAD_EN);
    assertThat(clear.get("html").asText()).doesNotContain("gocause-ask-back");
  }
}
