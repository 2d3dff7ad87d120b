package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reports of github.com/sasha-s/go-deadlock (real output of eval/programs/godeadlock-*, run with
 * Debian's golang-github-sasha-s-go-deadlock-dev 0.3.1 and Go 1.19; the forms are printed by its
 * deadlock.go: lockOrder.preLock and lock).
 */
class GoDeadlockReportsPointToTheLockMistakeTest {

  private static List<String> facts(String text) {
    return GoDeadlockReports.analyze(GoOutputParser.parse(text)).stream().map(Fact::id).toList();
  }

  private static String real(String name) {
    return RealKnowledge.read("inputs/real/" + name + ".txt");
  }

  private static Diagnosis diagnose(String text) {
    return RealKnowledge.service().diagnose(DiagnosisRequest.of(text));
  }

  @Test
  void anInconsistentLockOrderIsTheAbBaInversion() {
    assertThat(facts(real("godeadlock-order"))).containsExactly("lock-order-inversion-reported");
    Diagnosis d = diagnose(real("godeadlock-order"));
    assertThat(d.causes()).isNotEmpty();
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("ab-ba-lock-order");
    assertThat(d.input().kind()).isEqualTo("go-deadlock");
    // the evidence cites the report's header and the marked lock calls
    assertThat(d.causes().get(0).evidence().get(0).text()).contains("main.go:18 main.transfer");
    assertThat(d.causes().get(0).evidence().get(0).lines()).startsWith(1);
  }

  @Test
  void aReadLockTakenTwiceIsTheRecursiveRLockAndAWriteLockTwiceIsDoubleLocking() {
    String rlock = real("godeadlock-recursive");
    assertThat(facts(rlock)).containsExactly("recursive-read-locking-reported");
    assertThat(diagnose(rlock).causes().get(0).id()).isEqualTo("recursive-rlock-with-pending-writer");
    // the same report for a Mutex (written from deadlock.go's printStack format: the lock calls are Lock)
    String lock = rlock.replace(".RLock()", ".Lock()").replace("RWMutex", "Mutex");
    assertThat(facts(lock)).containsExactly("recursive-locking-reported");
    assertThat(diagnose(lock).causes().get(0).id()).isEqualTo("double-locking");
  }

  @Test
  void aLockWaitedForTooLongPointsToTheHolderWhichWaitsOnAChannel() {
    String text = real("godeadlock-timeout");
    assertThat(facts(text)).containsExactly("lock-wait-timeout-reported", "channel-wait-while-lock-wait");
    Diagnosis d = diagnose(text);
    assertThat(d.causes()).extracting(Diagnosis.RankedCause::id).isNotEmpty()
        .first().isEqualTo("channel-and-lock-deadlock");
  }

  @Test
  void theHeaderAloneOrWordsAboutItAreNoReport() {
    assertThat(facts("we saw POTENTIAL DEADLOCK: in the logs yesterday, is that bad?")).isEmpty();
    assertThat(facts(real("ab-ba"))).isEmpty();
    assertThat(facts("inconsistent locking between two services")).isEmpty();
  }
}
