package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.Diagnosis.CauseEvidence;
import org.junit.jupiter.api.Test;

/** Evidence points at the 1-based lines of the pasted text it came from. */
class EvidenceLineNumbersTest {

  @Test
  void a_signature_hit_names_the_line_of_the_panic_message() {
    String text = "some log line\nanother line\npanic: close of closed channel\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:12 +0x1d\n";
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(text));
    CauseEvidence e = d.causes().get(0).evidence().stream().filter(x -> x.kind().equals("signature")).findFirst().orElseThrow();
    assertThat(e.lines()).containsExactly(3);
    assertThat(e.text()).isEqualTo("panic: close of closed channel");
  }

  @Test
  void wait_reason_and_frame_evidence_name_header_and_frame_lines() {
    String text = RealKnowledge.read("inputs/real/chan-wg-deadlock.txt");
    String[] lines = text.split("\n", -1);
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(text));
    for (Diagnosis.ObservedSymptom s : d.observedSymptoms()) {
      for (Diagnosis.Evidence e : s.evidence()) {
        for (int line : e.lines()) {
          String at = lines[line - 1];
          switch (e.kind()) {
            case "wait-reason" -> assertThat(at).startsWith("goroutine ").contains("[");
            case "frame" -> assertThat(at).startsWith(e.text().substring(0, e.text().indexOf(' ')) + "(");
            case "signature" -> assertThat(at).isEqualTo(e.text());
            default -> { }
          }
        }
      }
    }
    assertThat(d.observedSymptoms()).extracting(Diagnosis.ObservedSymptom::id).contains("goroutines-blocked-chan-send");
  }

  @Test
  void text_evidence_names_the_line_that_holds_the_words() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of("hello team,\nsince yesterday the service hangs\nthanks"));
    Diagnosis.Evidence e = d.observedSymptoms().stream().filter(s -> s.id().equals("program-hangs-no-output"))
        .findFirst().orElseThrow().evidence().get(0);
    assertThat(e.kind()).isEqualTo("text");
    assertThat(e.lines()).containsExactly(2);
  }
}
