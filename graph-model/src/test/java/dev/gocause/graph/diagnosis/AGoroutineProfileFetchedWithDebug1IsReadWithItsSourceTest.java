package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pprof {@code debug=1} goroutine profile of a live Go 1.19 service (go-output/pprof-debug1-service, printed by
 * the repo's testdata/pprof-receiver-gave-up/main.go:
 * twenty lookups gave up on a timeout and left their workers sending): debug=1 hides the runtime's
 * frames, so no wait state is printed; the source line behind the piled-up frame names the cause,
 * without it the answer says how to get the wait states, and a record with no frame shown reads as
 * such instead of a blank.
 */
class AGoroutineProfileFetchedWithDebug1IsReadWithItsSourceTest {
  private static final String PROFILE = RealKnowledge.goOutput("pprof-debug1-service/goroutine-debug1.txt");

  @Test
  void theSourceLineBehindThePiledUpFrameNamesTheAbandonedSend(@TempDir Path dir) throws Exception {
    Files.copy(RealKnowledge.repo().resolve("testdata/pprof-receiver-gave-up/main.go"), dir.resolve("main.go"));
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(PROFILE, 3, null, SourceFiles.directory(dir)));
    assertThat(RealKnowledge.causeIds(d)).first().isEqualTo("send-blocked-after-receiver-gave-up");
    assertThat(d.message()).doesNotContain("debug=2");
    assertThat(d.groups()).anySatisfy(g -> {
      assertThat(g.count()).isEqualTo(20);
      assertThat(g.top()).isEqualTo("main.lookup.func1");
    });
  }

  @Test
  void withoutTheSourceTheAnswerSaysHowToGetTheWaitStates() {
    Diagnosis en = RealKnowledge.service().diagnose(new DiagnosisRequest(PROFILE, 3, "en"));
    assertThat(en.message()).contains("no wait state").contains("?debug=2").contains("--source");
    Diagnosis zh = RealKnowledge.service().diagnose(new DiagnosisRequest(PROFILE, 3, "zh"));
    assertThat(zh.message()).contains("等待状态").contains("?debug=2");
    String dump = RealKnowledge.goOutput("rlock-no-writer/recursive-reader-deadlock.txt");
    assertThat(RealKnowledge.service().diagnose(new DiagnosisRequest(dump, 3, "en")).message()).doesNotContain("debug=2");
  }

  @Test
  void aRecordWithNoFrameShownSaysSoInTheGroupTable() {
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(PROFILE, 3, null));
    assertThat(d.groups()).anySatisfy(g -> assertThat(g.top()).isEmpty());
    assertThat(DiagnosisRenderer.text(d, "en")).contains("[unknown] (no frames printed)").doesNotContain("[unknown] \n");
    assertThat(DiagnosisRenderer.text(d, "zh")).contains("(没有打印栈帧)");
  }
}
