package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.ParsedInput.Goroutine;
import org.junit.jupiter.api.Test;

/**
 * People paste "the key stacks" and leave out the {@code goroutine N [state]:} lines: each run of
 * frames (a call line with its tab-indented location line) up to a blank line is still a
 * goroutine, its state read from its frames as for a pprof {@code debug=1} record.
 */
class StacksPastedWithoutTheirHeaderAreReadAsGoroutinesTest {
  private static final String TWO_STACKS = """
      the service hangs after a deploy, these are the stacks that matter:

      runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)
      \t/usr/local/go/src/runtime/proc.go:398 +0xce
      runtime.chansend(0xc000022120, 0xc00006ef38, 0x1, 0x4a1b2c)
      \t/usr/local/go/src/runtime/chan.go:259 +0x3a5
      runtime.chansend1(0xc000022120?, 0x0?)
      \t/usr/local/go/src/runtime/chan.go:145 +0x17
      example.com/app.(*Worker).publish(0xc0000a4000)
      \t/src/app/worker.go:88 +0x45
      created by example.com/app.Start in goroutine 1
      \t/src/app/start.go:30 +0x9e

      example.com/app.(*Store).Get(0xc0000b2000, {0xc00001a0a0, 0x5})
      \t/src/app/store.go:41 +0x2e
      """;

  @Test
  void eachRunOfFramesIsAGoroutineWithTheStateItsFramesShow() {
    ParsedInput p = GoOutputParser.parse(TWO_STACKS);
    assertThat(p.all()).hasSize(2);
    Goroutine sender = p.all().get(0);
    assertThat(sender.state()).isEqualTo("chan send");
    assertThat(sender.line()).isEqualTo(3);
    assertThat(sender.frames()).hasSize(4);
    assertThat(sender.frames().get(0).function()).isEqualTo("runtime.gopark");
    assertThat(sender.userFrame().function()).isEqualTo("example.com/app.(*Worker).publish");
    assertThat(sender.userFrame().location()).isEqualTo("worker.go:88");
    assertThat(sender.createdBy().function()).isEqualTo("example.com/app.Start");
    Goroutine other = p.all().get(1);
    assertThat(other.state()).as("no blocking frame was pasted").isEqualTo("unknown");
    assertThat(p.messages()).extracting(ParsedInput.MessageLine::text)
        .containsExactly("the service hangs after a deploy, these are the stacks that matter:");
  }

  @Test
  void theDiagnosisReadsTheStateOfAHeaderlessStack() {
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(TWO_STACKS, 5, null));
    assertThat(d.input().kind()).isNotEqualTo("text");
    assertThat(d.observedSymptoms()).extracting(Diagnosis.ObservedSymptom::id).contains("goroutines-blocked-chan-send");
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes().get(0).id()).as(d.message())
        .isIn(RealKnowledge.service().model().indicates("goroutines-blocked-chan-send").stream()
            .map(ModelData.Indicates::causeId).toList());
  }

  @Test
  void aFrameLikeLineInProseWithoutALocationStaysProse() {
    ParsedInput p = GoOutputParser.parse("I think main.worker() never returns\nbecause nobody closes the channel\n");
    assertThat(p.all()).isEmpty();
    assertThat(p.messages()).hasSize(2);
  }
}
