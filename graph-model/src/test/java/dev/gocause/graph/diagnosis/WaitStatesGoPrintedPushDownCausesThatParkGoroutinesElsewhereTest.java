package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the goroutines Go printed are parked is evidence against causes that would have parked
 * them elsewhere ({@link WaitStates}): a leak report whose dump shows only RWMutex readers is not
 * ranked as a channel leak, while a person's words about a wait state decide nothing of the kind.
 */
class WaitStatesGoPrintedPushDownCausesThatParkGoroutinesElsewhereTest {
  /** Two readers parked in RLock for hours, in the Go 1.20+ wait-reason form; no goroutine on a channel. */
  private static final String READERS = """
      our service leaks goroutines, the count grows all day
      goroutine 88123 [sync.RWMutex.RLock, 412 minutes]:
      sync.runtime_SemacquireRWMutexR(0xc0001a2f38?, 0x0?, 0x0?)
      \t/usr/local/go/src/runtime/sema.go:82 +0x25
      sync.(*RWMutex).RLock(...)
      \t/usr/local/go/src/sync/rwmutex.go:71
      example.com/store.(*Index).Lookup(0xc0001a2f30, {0xc00b12e000, 0x10})
      \t/src/store/index.go:57 +0x4b
      created by example.com/store.(*Server).handle in goroutine 41
      \t/src/store/server.go:120 +0x9c

      goroutine 90211 [sync.RWMutex.RLock, 398 minutes]:
      sync.runtime_SemacquireRWMutexR(0xc0001a2f38?, 0x0?, 0x0?)
      \t/usr/local/go/src/runtime/sema.go:82 +0x25
      sync.(*RWMutex).RLock(...)
      \t/usr/local/go/src/sync/rwmutex.go:71
      example.com/store.(*Index).Lookup(0xc0001a2f30, {0xc00c3a1000, 0x10})
      \t/src/store/index.go:57 +0x4b
      created by example.com/store.(*Server).handle in goroutine 41
      \t/src/store/server.go:120 +0x9c
      """;

  @Test
  void aLeakWhoseDumpShowsOnlyReadersRanksAnRwmutexCauseFirstAndSaysWhyTheChannelOnesFell() {
    DiagnosisService service = RealKnowledge.service();
    Diagnosis d = service.diagnose(new DiagnosisRequest(READERS, 20, null));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    List<String> rwmutexCauses = service.model().indicates("goroutines-blocked-rwmutex").stream()
        .map(ModelData.Indicates::causeId).toList();
    assertThat(d.causes().get(0).id()).as(d.message()).isIn(rwmutexCauses);
    assertThat(d.causes().get(0).evidence()).noneMatch(e -> e.kind().equals("wait-state-contradiction"));
    Diagnosis.RankedCause channelLeak = d.causes().stream()
        .filter(c -> c.id().equals("unbuffered-send-no-receiver")).findFirst().orElseThrow();
    assertThat(channelLeak.evidence()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("wait-state-contradiction");
      assertThat(e.contribution()).isNegative();
      assertThat(e.weight()).isEqualTo(WaitStates.CONTRADICTED_FACTOR);
      // the first wait state named: the readers' RLock as Go printed it, or the analysis of those same readers
      assertThat(e.symptom().id()).isIn("goroutines-blocked-rwmutex", "readers-blocked-with-no-writer-waiting");
      assertThat(e.lines()).isNotEmpty();
    });
  }

  @Test
  void aCauseThatParksNoGoroutineIsLeftAlone() {
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(
        READERS + "\nWARNING: DATA RACE\nthe counter is sometimes wrong too\n", 20, null));
    d.causes().stream().filter(c -> c.id().equals("data-race-shared-variable")).forEach(c ->
        assertThat(c.evidence()).noneMatch(e -> e.kind().equals("wait-state-contradiction")));
  }

  @Test
  void aParkedStateTheDumpShowsKeepsItsCausesUntouched() {
    String senders = READERS.replace("sync.RWMutex.RLock", "chan send").replace("sync.runtime_SemacquireRWMutexR", "runtime.chansend1")
        .replace("sync.(*RWMutex).RLock(...)", "runtime.chansend1(...)");
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(senders, 20, null));
    Diagnosis.RankedCause send = d.causes().stream()
        .filter(c -> c.id().equals("unbuffered-send-no-receiver")).findFirst().orElseThrow();
    assertThat(send.evidence()).noneMatch(e -> e.kind().equals("wait-state-contradiction"));
  }

  @Test
  void wordsAboutAWaitStateContradictNothing() {
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(
        "our service leaks goroutines; they look stuck on RLock, the count grows all day", 20, null));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes()).allSatisfy(c ->
        assertThat(c.evidence()).noneMatch(e -> e.kind().equals("wait-state-contradiction")));
  }
}
