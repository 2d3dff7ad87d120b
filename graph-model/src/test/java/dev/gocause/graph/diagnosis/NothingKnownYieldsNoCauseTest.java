package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing that points to a known cause gives an empty answer that says so, never a guess. */
class NothingKnownYieldsNoCauseTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "the quick brown fox jumps over the lazy dog",
      "is it the one that we have been using for this and that?",
      "你好,今天天气不错",
      "the", "   ", "12345 67890", "!!!??? ...",
      "exit status 0",
      "panic: something unrelated went wrong in my parser"})
  void nonsense_and_stop_words_yield_no_causes(String text) {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(text));
    assertThat(d.causes()).as(d.message()).isEmpty();
    assertThat(d.found()).isFalse();
    assertThat(d.message()).containsAnyOf("nothing in it points to a known root cause", "does not point to any known root cause",
        "没有发现指向已知根因的证据");
  }

  @Test
  void an_empty_text_is_reported_as_empty_input() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(""));
    assertThat(d.causes()).isEmpty();
    assertThat(d.input().kind()).isEqualTo("empty");
  }

  @Test
  void a_bad_limit_or_language_is_a_clear_error() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DiagnosisRequest("x", 99, null))
        .isInstanceOf(InvalidDiagnosisRequestException.class).hasMessageContaining("limit is 99");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DiagnosisRequest("x", 3, "fr"))
        .isInstanceOf(InvalidDiagnosisRequestException.class).hasMessageContaining("use zh or en");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DiagnosisRequest(null, 3, null))
        .isInstanceOf(InvalidDiagnosisRequestException.class).hasMessageContaining("text is missing");
  }
}
