package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The call a report is about (send, close, RLock, wg.Wait ...) is read as a facet, Symptoms of kind
 * {@code operation-call} in seed-data, whether named by identifier or in words, in either language;
 * the causes going through that call cite it in their evidence.
 */
class TheCallsAReportNamesAreFacetsTest {

  private static java.util.List<String> calls(Diagnosis d) {
    return d.observedSymptoms().stream().filter(s -> s.kind().equals("operation-call")).map(Diagnosis.ObservedSymptom::id).toList();
  }

  @Test
  void identifiersAndWordsNameTheCallInBothLanguages() {
    DiagnosisService service = RealKnowledge.service();
    assertThat(calls(service.diagnose(DiagnosisRequest.of("wg.Wait never returns")))).contains("call-wait");
    assertThat(calls(service.diagnose(DiagnosisRequest.of("s.mu.RLock() 之后又 s.mu.Lock(),程序卡住"))))
        .contains("call-rwmutex-read-lock", "call-mutex-lock");
    assertThat(calls(service.diagnose(DiagnosisRequest.of("close(ch) is called twice")))).contains("call-channel-close");
    assertThat(calls(service.diagnose(DiagnosisRequest.of("往通道发送的协程一直阻塞")))).contains("call-channel-send");
    assertThat(calls(service.diagnose(DiagnosisRequest.of("the program hangs")))).isEmpty();
  }

  @Test
  void aCauseGoingThroughTheNamedCallCitesIt() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of("wg.Wait never returns"));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes().get(0).id()).startsWith("waitgroup-");
    assertThat(d.causes().get(0).evidence()).anyMatch(e -> e.symptom() != null && e.symptom().id().equals("call-wait"));
  }
}
