package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The failure mode a report names (a hang, growth, wrong values ...) is a facet: a cause found from
 * words alone that no named mode INDICATES is pushed down, with the contradiction in its evidence;
 * a cause with Go output behind it is left alone.
 */
class AFailureModeTheReportNamesPushesDownCausesThatCannotProduceItTest {

  @Test
  void aHangAfterAChannelIsClosedDoesNotRankAClosePanicFirst() {
    DiagnosisService service = RealKnowledge.service();
    Diagnosis d = service.diagnose(new DiagnosisRequest("the program hangs forever after the channel is closed", 10, null));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    List<String> hangCauses = service.model().indicates("program-hangs-no-output").stream().map(ModelData.Indicates::causeId).toList();
    assertThat(d.causes().get(0).id()).as(d.message()).isIn(hangCauses);
    assertThat(d.causes().get(0).evidence()).noneMatch(e -> e.kind().equals("facet-contradiction"));
    Diagnosis.RankedCause panic = d.causes().stream().filter(c -> c.id().equals("close-of-closed-channel")).findFirst().orElse(null);
    if (panic != null) {
      assertThat(panic.evidence()).as(panic.id()).anySatisfy(e -> {
        assertThat(e.kind()).isEqualTo("facet-contradiction");
        assertThat(e.contribution()).isNegative();
        assertThat(e.matched()).contains("hang");
      });
    }
  }

  @Test
  void whatGoPrintedIsNotContradictedByWords() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of("panic: close of closed channel\n\nthe program hangs after this"));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes().get(0).id()).isEqualTo("close-of-closed-channel");
    assertThat(d.causes().get(0).evidence()).noneMatch(e -> e.kind().equals("facet-contradiction"));
  }
}
