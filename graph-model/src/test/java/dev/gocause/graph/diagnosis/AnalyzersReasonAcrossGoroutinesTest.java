package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wait-for reasoning over whole dumps (real Go 1.19 output from eval/programs unless said):
 * each analyzer's fact appears where Go's semantics imply it, and not where they do not.
 */
class AnalyzersReasonAcrossGoroutinesTest {

  private static List<String> facts(String text) {
    return WaitAnalyzer.analyze(GoOutputParser.parse(text)).stream().map(Fact::id).toList();
  }

  private static List<String> real(String name) {
    return facts(RealKnowledge.read("inputs/real/" + name + ".txt"));
  }

  private static Fact fact(String name, String id) {
    return WaitAnalyzer.analyze(GoOutputParser.parse(RealKnowledge.read("inputs/real/" + name + ".txt"))).stream()
        .filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void lockWaitersCalledWithSwappedLocksFormACycle() {
    Fact f = fact("ab-ba", "lock-wait-cycle");
    assertThat(f.goroutines()).containsExactlyInAnyOrder("17", "18");
    assertThat(f.strength()).isEqualTo(1.0);
  }

  @Test
  void lockWaitersForDifferentLocksFoundThroughAMapWithNobodyElseAliveFormACycle() {
    // the accounts' mutexes are looked up by name: no frame was called with a lock's address
    Fact f = fact("ab-ba-by-name", "lock-wait-cycle");
    assertThat(f.goroutines()).hasSize(2);
    assertThat(f.strength()).isEqualTo(0.8);
    assertThat(f.text()).contains("2 different locks");
    // one of the two still running: it may hold both, so nothing is known
    String running = RealKnowledge.read("inputs/real/ab-ba-by-name.txt").replaceFirst("goroutine 6 \\[semacquire\\]", "goroutine 6 [running]");
    assertThat(facts(running)).doesNotContain("lock-wait-cycle");
  }

  @Test
  void aSenderLeftAfterTheTestWhoseCreatorReturnedOutlivedItsReceiver() {
    // goleak lists every goroutine left after the test: queryWithTimeout, which started the sender, is on no stack
    assertThat(real("goleak-send-gave-up")).contains("sender-outlived-its-creator");
    // main still receiving could be the other side of renderTile's send: nothing is concluded
    assertThat(facts(RealKnowledge.read("inputs/handmade/go121-locked-thread-chan.txt"))).doesNotContain("sender-outlived-its-creator");
    // an excerpt (no goroutine 1, no fatal error, no goleak) does not show who is gone
    String excerpt = RealKnowledge.read("inputs/real/goleak-send-gave-up.txt").lines().filter(l -> !l.contains("found unexpected"))
        .map(String::strip).filter(l -> l.startsWith("goroutine") || l.startsWith("_/") || l.startsWith("/") || l.startsWith("created by"))
        .collect(java.util.stream.Collectors.joining("\n"));
    assertThat(facts(excerpt)).doesNotContain("sender-outlived-its-creator");
  }

  @Test
  void twoWaitingOnOneLockHeldByAThirdIsNotACycle() {
    assertThat(real("lock-held-by-third")).doesNotContain("lock-wait-cycle", "lock-holder-not-alive");
    // the same, as a deadlock with the holder blocked on a channel: still no cycle, a channel-and-lock wait
    String deadlock = "fatal error: all goroutines are asleep - deadlock!\n\n"
        + RealKnowledge.read("inputs/real/lock-held-by-third.txt").replace("goroutine 1 [running]:", "goroutine 1 [chan send]:");
    assertThat(facts(deadlock)).doesNotContain("lock-wait-cycle").contains("channel-wait-while-lock-wait");
  }

  @Test
  void aChannelWaiterPastTheLockCallWhereOthersWaitHoldsTheLockEvenWithAServerStillAlive() {
    // SIGQUIT of an HTTP server: its accept and connection loops are alive, so "nothing else is
    // alive" fails; one handler is blocked sending in Touch after the Lock where two others wait
    Fact f = fact("sigquit-server-chan-lock", "channel-wait-while-lock-wait");
    assertThat(f.strength()).isEqualTo(1.0);
    assertThat(f.text()).contains("main.(*SessionCache).Touch");
    // a channel waiter in another method of the lock waiters' type (holdWhile receives, deposit waits
    // for the account's lock) most likely holds it, as this program's does, but less surely
    assertThat(fact("lock-held-by-third", "channel-wait-while-lock-wait").strength()).isLessThan(1.0);
  }

  @Test
  void theTopOfADumpCutInsideAGoroutineIsNotTheWholeProgram() {
    // a test's time-out prints the test runner (goroutine 1) first: the top 42 lines hold it and one
    // Transfer waiting for a lock, whose holder is among the goroutines not pasted
    String whole = RealKnowledge.read("inputs/real/timeout-transfer-ab-ba.txt");
    String top = whole.lines().limit(42).collect(java.util.stream.Collectors.joining("\n"));
    assertThat(WaitAnalyzer.cut(GoOutputParser.parse(top))).isTrue();
    assertThat(facts(top)).doesNotContain("lock-holder-not-alive");
    assertThat(WaitAnalyzer.cut(GoOutputParser.parse(whole))).isFalse();
    assertThat(facts(whole)).contains("lock-wait-cycle");
    // the main goroutine has no "created by": a dump ending with it is whole
    assertThat(WaitAnalyzer.cut(GoOutputParser.parse(RealKnowledge.read("inputs/real/double-lock.txt")))).isFalse();
  }

  @Test
  void aReaderBehindAPendingWriterWithNobodyElseAliveHoldsTheReadLockItself() {
    assertThat(fact("recursive-rlock", "reader-blocked-behind-pending-writer").goroutines()).containsExactlyInAnyOrder("17", "18");
    assertThat(real("recursive-rlock")).doesNotContain("lock-wait-cycle");
  }

  @Test
  void aLockTakenAgainUnderAnotherMethodOfTheSameReceiverIsReentry() {
    assertThat(real("double-lock")).contains("lock-reentered-on-own-stack", "lock-holder-not-alive");
    assertThat(real("ab-ba")).doesNotContain("lock-reentered-on-own-stack");
  }

  @Test
  void aWriterUnderItsOwnReadLockIsAnUpgradeNotARecursiveReadLock() {
    List<String> f = facts(RealKnowledge.read("inputs/handmade/go124-rwmutex.txt"));
    assertThat(f).contains("write-lock-under-own-read-lock").doesNotContain("reader-blocked-behind-pending-writer");
    assertThat(real("rw-upgrade")).contains("writer-waits-with-no-reader-alive");
  }

  @Test
  void aDoInProgressIsNotALockWithoutHolder() {
    assertThat(real("once-reentrant")).doesNotContain("lock-holder-not-alive", "lock-wait-cycle");
  }

  @Test
  void channelWaitersWhileOthersWaitForALockAreACombinedDeadlock() {
    assertThat(fact("chan-lock-deadlock", "channel-wait-while-lock-wait").goroutines()).containsExactlyInAnyOrder("6", "1");
    assertThat(real("ab-ba")).doesNotContain("channel-wait-while-lock-wait");
  }

  @Test
  void sendersAndReceiversWithNoPossiblePartnerAreNamed() {
    assertThat(real("receive-no-sender")).contains("receive-with-no-sender").doesNotContain("send-with-no-receiver");
    assertThat(real("unbuffered-send")).contains("send-with-no-receiver");
    // a receiver that is still running could be the partner: no conclusion
    String alive = """
        goroutine 1 [running]:
        main.main()
        \t/src/main.go:20 +0x1

        goroutine 7 [chan send]:
        main.produce()
        \t/src/main.go:9 +0x2
        """;
    assertThat(facts(alive)).doesNotContain("send-with-no-receiver");
  }

  @Test
  void waitGroupAndCondWaitersWithNobodyLeftToReleaseThem() {
    assertThat(real("wg-missing-done")).contains("waitgroup-wait-with-no-worker-left");
    assertThat(real("chan-wg-deadlock")).contains("waitgroup-wait-while-workers-blocked-on-channel")
        .doesNotContain("waitgroup-wait-with-no-worker-left");
    assertThat(real("cond-lost-wakeup")).contains("cond-wait-with-nobody-to-signal");
    assertThat(real("ab-ba")).as("workers blocked on locks are left to the lock analyzers")
        .doesNotContain("waitgroup-wait-with-no-worker-left", "waitgroup-wait-while-workers-blocked-on-channel");
  }

  @Test
  void manyIdenticalGoroutinesFromOneSiteAccumulate() {
    Fact f = fact("bigdump-send-gave-up", "goroutines-pile-up-at-one-site");
    assertThat(f.goroutines()).hasSize(10);
    assertThat(real("pprof-debug1")).as("debug=1 records count too, without durations").contains("goroutines-pile-up-at-one-site");
    assertThat(real("ab-ba")).doesNotContain("goroutines-pile-up-at-one-site");
  }

  @Test
  void anExcerptWithoutTheMainGoroutineIsNotTakenAsTheWholeProgram() {
    String excerpt = """
        goroutine 17 [semacquire]:
        sync.(*Mutex).lockSlow(0xc000016090)
        \t/usr/lib/go-1.19/src/sync/mutex.go:171 +0x165
        main.(*account).deposit(0xc000016090, 0x1)
        \t/src/main.go:18 +0x57
        """;
    assertThat(facts(excerpt)).doesNotContain("lock-holder-not-alive");
  }
}
