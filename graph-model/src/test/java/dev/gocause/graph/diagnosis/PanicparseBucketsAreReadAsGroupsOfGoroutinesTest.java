package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.ParsedInput.Goroutine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * People often paste a dump after running it through panicparse, which collapses goroutines with
 * the same state and stack into buckets and hides runtime frames ({@link PanicparseLines}). The
 * files are real output of panicparse 2.3.0 (Debian bookworm, {@code -no-color -parse=false}, and
 * {@code -aggressive} for one) for two real Go 1.19 dumps: the fatal "all goroutines are asleep"
 * dump of {@code go-output/delve/lock-held-across-send.go}, and seed-data's SIGQUIT dump whose
 * goroutines had waited a minute.
 */
class PanicparseBucketsAreReadAsGroupsOfGoroutinesTest {
  private static String captured(String name) throws IOException {
    try (InputStream in = PanicparseBucketsAreReadAsGroupsOfGoroutinesTest.class.getResourceAsStream("/go-output/panicparse/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void eachBucketIsItsGoroutinesWithTheStateCountCreatorAndFramesPrinted() throws IOException {
    ParsedInput p = GoOutputParser.parse(captured("lock-held-across-send.pp-aggressive.txt"));
    assertThat(p.all()).extracting(Goroutine::state).containsExactly("semacquire", "semacquire", "chan send");
    assertThat(p.all()).extracting(Goroutine::count).containsExactly(1, 2, 1);
    assertThat(p.goroutines().total()).isEqualTo(4);
    Goroutine waiters = p.all().get(1);
    assertThat(waiters.frames()).extracting(ParsedInput.Frame::function).containsExactly("sync.runtime_SemacquireMutex",
        "sync.(*Mutex).lockSlow", "sync.(*Mutex).Lock", "main.(*store).put", "main.main.func1");
    assertThat(waiters.createdBy().function()).isEqualTo("main.main");
    assertThat(waiters.createdBy().where()).isEqualTo("main.go:26");
    Goroutine sender = p.all().get(2);
    assertThat(sender.userFrame().function()).isEqualTo("main.(*store).put");
    assertThat(sender.userFrame().location()).isEqualTo("main.go:17");
    assertThat(p.messages()).extracting(ParsedInput.MessageLine::text).containsExactly("fatal error: all goroutines are asleep - deadlock!");
  }

  @Test
  void theDiagnosisOfTheBucketsIsTheDiagnosisOfTheDumpTheyCameFrom() throws IOException {
    Diagnosis dump = RealKnowledge.service().diagnose(new DiagnosisRequest(captured("lock-held-across-send.dump.txt"), 3, null));
    for (String pp : new String[] {"lock-held-across-send.pp.txt", "lock-held-across-send.pp-aggressive.txt"}) {
      Diagnosis buckets = RealKnowledge.service().diagnose(new DiagnosisRequest(captured(pp), 3, null));
      assertThat(buckets.causes()).as(pp + ": " + buckets.message()).isNotEmpty();
      assertThat(buckets.causes().get(0).id()).as(pp).isEqualTo(dump.causes().get(0).id());
    }
  }

  @Test
  void waitTimesAndRuntimeBucketsAreRead() throws IOException {
    ParsedInput p = GoOutputParser.parse(captured("waitreasons-minutes.pp.txt"));
    assertThat(p.all()).filteredOn(g -> g.state().equals("IO wait")).singleElement()
        .satisfies(g -> assertThat(g.minutes()).isEqualTo(1));
    assertThat(p.all()).extracting(Goroutine::state).contains("idle", "chan send", "select", "sleep");
  }

  @Test
  void aNumberedListInProseIsNotABucket() {
    ParsedInput p = GoOutputParser.parse("1: the server hangs after a deploy\n    main main.go:14 is where it stops\n2: a restart fixes it\n");
    assertThat(p.all()).isEmpty();
    assertThat(p.messages()).hasSize(3);
  }
}
