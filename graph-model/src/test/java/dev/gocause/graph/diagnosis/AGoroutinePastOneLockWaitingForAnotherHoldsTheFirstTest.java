package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real Go 1.19 output of a test time-out ({@code go-output/lock-order-rw}): one method write-locks
 * {@code fmut} then read-locks {@code pmut}, another write-locks {@code pmut} then read-locks
 * {@code fmut}. The read-lock calls are inlined, so the locks the two stuck readers wait for print
 * no address; but each reader stands on a later line of the function where other goroutines queue
 * at the first {@code Lock} (whose address is printed): it went past that Lock and holds it. Two
 * goroutines, each holding a different lock and waiting with nothing else alive, wait for each
 * other: an AB-BA order, not a recursive read lock.
 */
class AGoroutinePastOneLockWaitingForAnotherHoldsTheFirstTest {
  private static final String TIMEOUT = RealKnowledge.goOutput("lock-order-rw/timeout.txt");

  @Test
  void theTwoReadersPastTheOtherLocksFormACycle() {
    List<Fact> facts = WaitAnalyzer.analyze(GoOutputParser.parse(TIMEOUT));
    assertThat(facts).filteredOn(f -> f.id().equals("lock-wait-cycle")).singleElement()
        .satisfies(f -> assertThat(f.goroutines()).hasSize(2));
  }

  @Test
  void theLockOrderComesFirst() {
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(TIMEOUT, 5, null));
    assertThat(RealKnowledge.causeIds(d).get(0)).isEqualTo("ab-ba-lock-order");
  }

  @Test
  void oneFunctionTakingOneLockTwiceIsNoCycle() {
    // the waiter past the Lock waits for the very lock queued for there: a re-entry, not two locks
    String relock = RealKnowledge.read("inputs/real/timeout-withdraw-relock.txt");
    assertThat(WaitAnalyzer.analyze(GoOutputParser.parse(relock))).extracting(Fact::id).doesNotContain("lock-wait-cycle");
  }
}
