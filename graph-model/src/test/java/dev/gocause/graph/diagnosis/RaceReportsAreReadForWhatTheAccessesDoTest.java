package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Race reports read for what the two stacks do and where the goroutines came from (real Go 1.19
 * output from eval/programs; forms Go 1.19 does not produce here are written from
 * src/runtime/race/output_test.go's report shapes).
 */
class RaceReportsAreReadForWhatTheAccessesDoTest {

  private static List<String> facts(String text) {
    return RaceAnalyzer.analyze(GoOutputParser.parse(text)).stream().map(Fact::id).toList();
  }

  private static List<String> real(String name) {
    return facts(RealKnowledge.read("inputs/real/" + name + ".txt"));
  }

  private static String race(String first, String second) {
    return "==================\nWARNING: DATA RACE\n" + first + "\n\n" + second + "\n==================\nFound 1 data race(s)\n";
  }

  @Test
  void mapInternalsOnBothStacksAreAMapRace() {
    assertThat(real("race-map")).contains("race-on-map-internals");
    assertThat(real("race-counter")).doesNotContain("race-on-map-internals");
  }

  @Test
  void aGoroutineStartedInADeferredCallIsReadFromItsCreationStackNotFromAnAccess() {
    assertThat(real("race-defer-goroutine")).contains("race-goroutine-started-in-deferred-call")
        .doesNotContain("race-access-in-deferred-call");
    String accessInDefer = race("""
        Write at 0x00c00001a0b0 by goroutine 7:
          main.(*conn).close()
              /src/conn.go:30 +0x44
          runtime.deferreturn()
              /usr/local/go/src/runtime/panic.go:476 +0x32
          main.serve()
              /src/conn.go:12 +0x29""", """
        Previous read at 0x00c00001a0b0 by goroutine 6:
          main.(*conn).read()
              /src/conn.go:40 +0x20""");
    assertThat(facts(accessInDefer)).contains("race-access-in-deferred-call").doesNotContain("race-goroutine-started-in-deferred-call");
  }

  @Test
  void aSendRacingWithACloseIsTheOwnershipBug() {
    String text = race("""
        Write at 0x00c000090010 by goroutine 8:
          runtime.closechan()
              /usr/local/go/src/runtime/chan.go:357 +0x0
          main.stop()
              /src/main.go:20 +0x2e""", """
        Previous read at 0x00c000090010 by goroutine 7:
          runtime.chansend()
              /usr/local/go/src/runtime/chan.go:160 +0x0
          main.produce()
              /src/main.go:12 +0x4a""");
    assertThat(facts(text)).contains("race-between-send-and-close");
    assertThat(real("race-counter")).doesNotContain("race-between-send-and-close");
  }

  @Test
  void waitGroupAddAgainstWaitAtomicMixedWithPlainAndSliceGrowth() {
    String wg = race("""
        Write at 0x00c0000b4018 by goroutine 9:
          sync.(*WaitGroup).Add()
              /usr/local/go/src/sync/waitgroup.go:66 +0x1a
          main.main.func1()
              /src/main.go:14 +0x3c""", """
        Previous read at 0x00c0000b4018 by main goroutine:
          sync.(*WaitGroup).Wait()
              /usr/local/go/src/sync/waitgroup.go:128 +0x10
          main.main()
              /src/main.go:19 +0x1f0""");
    assertThat(facts(wg)).contains("race-waitgroup-add-against-wait");
    String atomic = race("""
        Atomic write at 0x00c0000a0018 by goroutine 8:
          sync/atomic.AddInt64()
              /usr/local/go/src/runtime/race_amd64.s:289 +0xb
          main.inc()
              /src/main.go:9 +0x3c""", """
        Previous read at 0x00c0000a0018 by goroutine 7:
          main.read()
              /src/main.go:13 +0x3a""");
    assertThat(facts(atomic)).contains("race-atomic-mixed-with-plain");
    assertThat(real("race-counter")).doesNotContain("race-atomic-mixed-with-plain");
    String grow = race("""
        Read at 0x00c0000c0000 by goroutine 8:
          runtime.growslice()
              /usr/local/go/src/runtime/slice.go:178 +0x0
          main.collect()
              /src/main.go:11 +0x3c""", """
        Previous write at 0x00c0000c0000 by goroutine 7:
          main.collect()
              /src/main.go:11 +0x8a""");
    assertThat(facts(grow)).contains("race-on-slice-growth");
  }

  @Test
  void aValueReceiverMethodWorksOnACopy() {
    assertThat(real("race-mutex-copy")).contains("race-in-value-receiver-method");
    assertThat(real("race-defer-goroutine")).doesNotContain("race-in-value-receiver-method");
  }

  @Test
  void whereTheRacingGoroutinesWereStarted() {
    assertThat(real("race-loopvar")).contains("race-closure-against-its-creator");
    assertThat(real("race-mutex-copy")).contains("race-goroutines-from-one-go-statement");
    assertThat(real("race-map")).doesNotContain("race-closure-against-its-creator");
  }

  @Test
  void aNamedFunctionGivenTheRangeVariablesAddressRacesWithTheLoopHeader() {
    // go describe(&j, &wg): the read is in describe, the write on the range line above the go statement
    assertThat(real("race-loopvar-pointer")).contains("race-creator-rewrites-what-it-shared").doesNotContain("race-closure-against-its-creator");
    // closures have their own fact; a race between two goroutines of one go statement is not this one
    assertThat(real("race-loopvar")).doesNotContain("race-creator-rewrites-what-it-shared");
    assertThat(real("race-counter")).doesNotContain("race-creator-rewrites-what-it-shared");
    assertThat(real("race-mutex-copy")).doesNotContain("race-creator-rewrites-what-it-shared");
  }

  @Test
  void theRaceDetectorsGoroutineLimitIsNamed() {
    // ThreadSanitizer's message when a -race program exceeds its limit of live goroutines (Go 1.19: 8128)
    assertThat(facts("race: limit on 8128 simultaneously alive goroutines is exceeded, dying\nexit status 66\n"))
        .containsExactly("race-detector-goroutine-limit");
    assertThat(facts("we hit some limit on goroutines")).isEmpty();
  }

  @Test
  void go119ShowsWaitGroupAddAgainstWaitOnlyAsTheRaceAnnotationsTheyMake() {
    // real Go 1.19: runtime.raceread (first Add) against runtime.racewrite (first Wait), no sync frame
    String text = RealKnowledge.read("inputs/real/race-wg-add-inside.txt");
    assertThat(text).doesNotContain("WaitGroup");
    assertThat(facts(text)).contains("race-waitgroup-add-against-wait");
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(text));
    assertThat(d.causes().get(0).id()).isEqualTo("waitgroup-add-inside-goroutine");
    // two plain accesses are not the annotations
    assertThat(real("race-counter")).doesNotContain("race-waitgroup-add-against-wait");
  }

  @Test
  void realGo119AtomicAgainstPlainAndAppendGrowth() {
    assertThat(real("race-atomic-mixed")).contains("race-atomic-mixed-with-plain");
    assertThat(real("race-append-grow")).contains("race-on-slice-growth").doesNotContain("race-atomic-mixed-with-plain");
    assertThat(real("race-struct-copy")).doesNotContain("race-on-slice-growth", "race-atomic-mixed-with-plain");
  }

  @Test
  void aStructCopiedWhileAFieldIsWrittenIsSeenInTheSourceOfTheRead() {
    String text = RealKnowledge.read("inputs/real/race-struct-copy.txt");
    java.nio.file.Path programs = RealKnowledge.repo().resolve("eval/programs");
    // the report alone cannot show it (no access sizes are printed)
    assertThat(facts(text)).doesNotContain("race-struct-copied-while-field-written");
    List<Fact> withSource = RaceAnalyzer.analyze(GoOutputParser.parse(text), SourceFiles.directory(programs));
    assertThat(withSource).extracting(Fact::id).contains("race-struct-copied-while-field-written");
    Fact f = withSource.stream().filter(x -> x.id().equals("race-struct-copied-while-field-written")).findFirst().orElseThrow();
    assertThat(f.text()).contains("*cfg").contains("cfg.retries");
    assertThat(f.strength()).isEqualTo(1.0);
    assertThat(f.goroutines()).containsExactly("1:read", "7:write");
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(text, 3, null, SourceFiles.directory(programs)));
    assertThat(d.causes().get(0).id()).isEqualTo("data-race-shared-variable");
    // a plain counter race read with its source is no struct copy
    String counter = RealKnowledge.read("inputs/real/race-counter.txt");
    assertThat(RaceAnalyzer.analyze(GoOutputParser.parse(counter), SourceFiles.directory(programs))).extracting(Fact::id)
        .doesNotContain("race-struct-copied-while-field-written");
  }
}
