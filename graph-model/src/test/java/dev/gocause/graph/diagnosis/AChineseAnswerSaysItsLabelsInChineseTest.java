package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A Chinese answer in text or Markdown says its confidence, the kinds of its evidence and the kind
 * of input in Chinese (the evidence kind keeps its JSON name beside the label); JSON keeps the
 * English values the API documents, and an English answer is unchanged.
 */
class AChineseAnswerSaysItsLabelsInChineseTest {

  static final String SENTENCE = "服务运行几天后 goroutine 数量越来越多,pprof 里都卡在 chan send 上";

  @Test
  void textAndMarkdownSayConfidenceAndEvidenceKindsInChinese() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(SENTENCE));
    assertThat(d.causes()).isNotEmpty();
    String confidence = d.causes().get(0).confidence().nameZh();
    assertThat(confidence).isIn("高", "中", "低");

    String text = DiagnosisRenderer.text(d, "zh");
    assertThat(text).startsWith("输入类型 文字描述;").contains(",置信度 " + confidence + ")")
        .contains("得分 " + DiagnosisEngine.fmt(d.causes().get(0).score()) + ",置信度 " + confidence + "\n")
        .contains("- 文字 text: \"")
        .doesNotContain(", low\n", ", medium\n", ", high\n");
    assertThat(DiagnosisRenderer.markdown(d, "zh")).contains("**置信度** " + confidence).contains("| 文字 text: `");
  }

  @Test
  void jsonAndEnglishKeepTheEnglishNames() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(SENTENCE));
    String confidence = d.causes().get(0).confidence().name();
    assertThat(DiagnosisRenderer.json(d)).contains("\"confidence\" : \"" + confidence + "\"").contains("\"kind\" : \"text\"");
    assertThat(DiagnosisRenderer.text(d, "en")).contains(", " + confidence + "\n").contains("- text: \"");
  }

  @Test
  void everyEvidenceKindTheEngineWritesHasAChineseLabel() {
    for (String kind : new String[] {"text", "signature", "frame", "wait-reason", "analysis", "code", "simulation", "search",
        "primitive", "cause-text", "not-a-bug", "wait-state-contradiction"}) {
      assertThat(DiagnosisRenderer.evidenceKindZh(kind)).as(kind).endsWith(" " + kind).isNotEqualTo(kind);
    }
    assertThat(DiagnosisRenderer.evidenceKindZh("something-new")).isEqualTo("something-new");
  }
}
