package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link DiagnosisModel#anchoredAtStart}: when {@code lookingAt()} may stand in for {@code find()}. */
class AnchoredSignaturesAreTriedOnlyAtTheLineStartTest {

  @Test
  void aPatternStartingWithACaretIsAnchoredAlternativesInsideGroupsIncluded() {
    assertThat(DiagnosisModel.anchoredAtStart("^panic: test timed out after \\S+$")).isTrue();
    assertThat(DiagnosisModel.anchoredAtStart("^(Read|Write) at 0x[0-9a-f]+ by (goroutine \\d+|main goroutine):$")).isTrue();
    assertThat(DiagnosisModel.anchoredAtStart("^goroutine \\d+ \\[[^\\]]*\\(durable\\)[^\\]]*\\]:$")).isTrue();
    assertThat(DiagnosisModel.anchoredAtStart("^a[|]b\\|c")).as("a bar in a class or escaped is a literal").isTrue();
  }

  @Test
  void aPatternWithoutACaretOrWithAnAlternativeOutsideGroupsOrWithInlineFlagsIsNot() {
    assertThat(DiagnosisModel.anchoredAtStart("(passes lock by value|copies lock value): ")).isFalse();
    assertThat(DiagnosisModel.anchoredAtStart("\\[?Goroutine \\d+ in state")).isFalse();
    assertThat(DiagnosisModel.anchoredAtStart("^fatal error|panic: ")).as("the second alternative floats").isFalse();
    assertThat(DiagnosisModel.anchoredAtStart("^(?m)x")).isFalse();
    assertThat(DiagnosisModel.anchoredAtStart("x^")).isFalse();
  }

  @Test
  void forAnchoredPatternsLookingAtAgreesWithFindWhereverTheTextSits() {
    List<String> patterns = List.of(
        "^panic: test timed out after \\S+$",
        "^(Read|Write) at 0x[0-9a-f]+ by (goroutine \\d+|main goroutine):$",
        "^Found \\d+ data race\\(s\\)$",
        "^goroutine \\d+ \\[[^\\]]+, \\d+ minutes\\]:$",
        "^a[|]b");
    List<String> texts = List.of(
        "panic: test timed out after 10m0s",
        "Read at 0x00c000012345 by goroutine 7:",
        "Write at 0x00c0000a by main goroutine:",
        "Found 2 data race(s)",
        "goroutine 12 [chan send, 5 minutes]:",
        "a|b");
    for (String regex : patterns) {
      assertThat(DiagnosisModel.anchoredAtStart(regex)).as(regex).isTrue();
      Pattern p = Pattern.compile(regex);
      for (String text : texts) {
        for (String line : List.of(text, "  " + text, "log: " + text, text + " tail", "x\n" + text)) {
          assertThat(p.matcher(line).lookingAt()).as("%s on %s", regex, line).isEqualTo(p.matcher(line).find());
        }
      }
    }
  }
}
