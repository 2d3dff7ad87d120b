package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.ParsedInput.Goroutine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What people paste from the Delve debugger when a program hangs under {@code dlv}: its goroutine
 * listing, the listing with stacks, and one goroutine's {@code bt}. The files are real output of
 * Delve 1.20.2 (Debian bookworm) and Go 1.19 for {@code go-output/delve/lock-held-across-send.go}
 * (a method sends on an unbuffered channel nobody reads while it holds its mutex; two more callers
 * wait for the mutex), built with {@code -gcflags='all=-N -l'} and run with
 * {@code dlv exec ./prog --init CMDS}, CMDS being {@code continue} (Delve stops at the runtime's
 * fatal "all goroutines are asleep" throw) and then {@code goroutines}, {@code goroutines -t} or
 * {@code goroutine N bt} for the sender (Delve numbers the goroutines differently from run to run).
 */
class DelveListingsAndStacksAreReadAsGoroutinesTest {
  private static String captured(String name) throws IOException {
    try (InputStream in = DelveListingsAndStacksAreReadAsGoroutinesTest.class.getResourceAsStream("/go-output/delve/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Goroutine withState(ParsedInput p, String state) {
    return p.all().stream().filter(g -> g.state().equals(state)).findFirst().orElseThrow();
  }

  @Test
  void theListingWithStacksGivesEachGoroutineItsStateAndFrames() throws IOException {
    ParsedInput p = GoOutputParser.parse(captured("goroutines-t.txt"));
    assertThat(p.all()).hasSize(7);
    Goroutine sender = withState(p, "chan send");
    assertThat(sender.id()).isEqualTo("7");
    assertThat(sender.frames()).extracting(ParsedInput.Frame::function)
        .containsExactly("runtime.gopark", "runtime.chansend", "runtime.chansend1", "main.(*store).put", "main.main.func1",
            "main.main.func2", "runtime.goexit");
    assertThat(sender.userFrame().function()).isEqualTo("main.(*store).put");
    assertThat(sender.userFrame().location()).isEqualTo("main.go:17");
    assertThat(p.all()).filteredOn(g -> g.frames().stream().anyMatch(f -> f.function().equals("sync.(*Mutex).Lock")))
        .hasSize(2).allSatisfy(g -> assertThat(g.state()).isEqualTo("semacquire"));
    assertThat(p.messages()).extracting(ParsedInput.MessageLine::text).containsExactly("[7 goroutines]");
  }

  @Test
  void theListingAloneGivesEachGoroutineItsStateAndTheFrameDelveShows() throws IOException {
    ParsedInput p = GoOutputParser.parse(captured("goroutines.txt"));
    assertThat(p.all()).hasSize(7);
    Goroutine sender = withState(p, "chan send");
    assertThat(sender.frames()).hasSize(1);
    assertThat(sender.frames().get(0).function()).isEqualTo("main.(*store).put");
    assertThat(sender.frames().get(0).where()).isEqualTo("./main.go:17");
    assertThat(p.all()).filteredOn(g -> g.state().equals("semacquire")).hasSize(3);
  }

  @Test
  void oneGoroutinesBacktraceIsAGoroutineInTheStateItsFramesShow() throws IOException {
    ParsedInput p = GoOutputParser.parse("the worker is stuck here:\n" + captured("goroutine-bt.txt"));
    assertThat(p.all()).hasSize(1);
    assertThat(p.all().get(0).state()).isEqualTo("chan send");
    assertThat(p.all().get(0).userFrame().function()).isEqualTo("main.(*store).put");
    assertThat(p.messages()).extracting(ParsedInput.MessageLine::text).containsExactly("the worker is stuck here:");
  }

  @Test
  void theDiagnosisOfTheListingSeesTheSendBlockedUnderTheLockItsCallersWaitFor() throws IOException {
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(captured("goroutines-t.txt"), 5, null));
    assertThat(d.input().kind()).isNotEqualTo("text");
    assertThat(d.observedSymptoms()).extracting(Diagnosis.ObservedSymptom::id).contains("goroutines-blocked-chan-send");
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("channel-and-lock-deadlock");
  }

  @Test
  void proseThatOnlyLooksLikeDelveStaysProse() {
    ParsedInput p = GoOutputParser.parse("Goroutine 5 - it never returns\nat ./main.go:17 the send blocks\n3 0x10 in total\n");
    assertThat(p.all()).isEmpty();
    assertThat(p.messages()).hasSize(3);
  }
}
