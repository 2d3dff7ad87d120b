package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reader waits in {@code RWMutex.RLock} only while a writer holds the lock or queues for it. An
 * upgrade (RLock, then Lock) leaves its goroutine in {@code Lock}; when the dump shows readers stuck
 * for minutes and nobody in {@code Lock}, the stuck reader most likely holds a read lock further up its
 * own stack while a writer (not pasted) queues, or a writer took the lock and kept it. Inputs are real
 * Go 1.19 output of programs written for this test ({@code go-output/rlock-no-writer/*.go}): the key
 * stack of a SIGQUIT dump of a service reading its registry recursively (the reader alone, as such
 * stacks are pasted), and the deadlock of a store returning with its write lock held.
 */
class AReaderStuckInRLockWithNoWriterWaitingIsNoUpgradeTest {

  private static String resource(String name) {
    return RealKnowledge.goOutput("rlock-no-writer/" + name);
  }

  private static List<String> ids(Diagnosis d) {
    return RealKnowledge.causeIds(d);
  }

  @Test
  void aReaderStuckForMinutesAloneIsARecursiveReadLockNotAnUpgrade() {
    String excerpt = resource("recursive-reader-excerpt.txt");
    assertThat(WaitAnalyzer.analyze(GoOutputParser.parse(excerpt)).stream().map(f -> f.id()).toList())
        .contains("readers-blocked-with-no-writer-waiting");
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(excerpt));
    assertThat(ids(d)).as(d.message()).isNotEmpty();
    assertThat(ids(d).get(0)).as(d.message()).isEqualTo("recursive-rlock-with-pending-writer");
    assertThat(ids(d).indexOf("rwmutex-read-to-write-upgrade")).as(d.message()).isNotEqualTo(0);
  }

  @Test
  void aWriteLockKeptOnAnErrorPathStillComesFirst() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(resource("write-lock-kept.txt")));
    assertThat(ids(d)).as(d.message()).isNotEmpty();
    assertThat(ids(d).get(0)).as(d.message()).isEqualTo("mutex-not-unlocked");
  }

  @Test
  void aWriterWaitingInLockIsLeftToTheOtherFacts() {
    // the deadlock of the same registry: the writer is shown in Lock, so this fact says nothing
    String full = resource("recursive-reader-deadlock.txt");
    assertThat(WaitAnalyzer.analyze(GoOutputParser.parse(full)).stream().map(f -> f.id()).toList())
        .doesNotContain("readers-blocked-with-no-writer-waiting");
  }
}
