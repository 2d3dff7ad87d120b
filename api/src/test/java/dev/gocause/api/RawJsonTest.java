package dev.gocause.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The per-thread raw JSON buffer: strings as Jackson writes them, its forms as a SerializableString, and its size kept bounded. */
class RawJsonTest {

  @Test
  void a_string_is_written_as_the_plain_mapper_writes_it() throws Exception {
    String s = "引号 \" 反斜杠 \\ tab\t newline\n bell\u0007 emoji \ud83d\ude00";
    assertThat(new String(RawJson.take().string(s).asUnquotedUTF8(), StandardCharsets.UTF_8)).isEqualTo(Json.PLAIN.writeValueAsString(s));
  }

  @Test
  void its_unquoted_form_is_the_json_and_its_quoted_form_that_json_escaped_as_a_string() {
    RawJson json = RawJson.take().raw('{').raw(RawJson.ascii("\"a\":")).string("x\"y").raw('}');
    assertThat(json.getValue()).isEqualTo("{\"a\":\"x\\\"y\"}");
    assertThat(json.charLength()).isEqualTo(json.getValue().length());
    byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(json.getValue());
    assertThat(json.asQuotedUTF8()).isEqualTo(quoted);
    assertThat(new String(json.asQuotedChars())).isEqualTo(new String(quoted, StandardCharsets.UTF_8));
    byte[] small = new byte[4];
    assertThat(json.appendUnquotedUTF8(small, 0)).as("does not fit: the generator asks for the array instead").isEqualTo(-1);
  }

  @Test
  void a_buffer_grown_for_a_huge_answer_is_dropped_when_taken_again() {
    RawJson json = RawJson.take();
    String line = "x".repeat(1000);
    for (int i = 0; i < 400; i++) {
      json.string(line);
    }
    assertThat(json.capacity()).isGreaterThan(RawJson.KEEP);
    assertThat(RawJson.take().capacity()).isEqualTo(RawJson.INITIAL);
  }
}
