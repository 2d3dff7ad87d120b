package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A test timed out in {@code wg.Wait} while every worker that would call {@code Done} waits for a
 * Mutex (real Go 1.19 output: a method that holds the lock calls another that takes it again). The
 * WaitGroup only passes the hang on: the workers cannot reach {@code Done} because of the lock. In
 * the whole dump the re-entry is visible; in a paste cut before the goroutine that holds the lock,
 * only "Wait, and workers in Lock" is left, and that still points at the lock, not at a missing
 * {@code Done}.
 */
class ATestWhoseWorkersWaitForALockIsALockBugNotAMissingDoneTest {
  private static final String WHOLE = RealKnowledge.read("inputs/real/timeout-withdraw-relock.txt");
  /** The top of the dump, cut inside the third worker (before the one that took the lock twice). */
  private static final String TOP = WHOLE.lines().limit(57).collect(Collectors.joining("\n"));

  private static List<String> facts(String text) {
    return WaitAnalyzer.analyze(GoOutputParser.parse(text)).stream().map(Fact::id).toList();
  }

  private static List<String> ranked(String text) {
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(text, 5, null));
    return d.causes().stream().map(Diagnosis.RankedCause::id).toList();
  }

  @Test
  void theWaitIsReadAsWorkersBlockedOnALock() {
    assertThat(WaitAnalyzer.cut(GoOutputParser.parse(TOP))).isTrue();
    assertThat(facts(TOP)).contains("waitgroup-wait-while-workers-blocked-on-lock");
    assertThat(facts(WHOLE)).contains("waitgroup-wait-while-workers-blocked-on-lock");
  }

  @Test
  void theCutDumpRanksTheLockCausesAboveAMissingDone() {
    List<String> ids = ranked(TOP);
    assertThat(ids.get(0)).isIn("mutex-not-unlocked", "double-locking");
    assertThat(ids.subList(0, 2)).containsExactlyInAnyOrder("mutex-not-unlocked", "double-locking");
  }

  @Test
  void theWholeDumpStillNamesTheReentry() {
    assertThat(ranked(WHOLE).get(0)).isEqualTo("double-locking");
  }

  @Test
  void workersBlockedOnAChannelAreNotCountedAsBlockedOnALock() {
    assertThat(facts(RealKnowledge.read("inputs/real/chan-wg-deadlock.txt")))
        .doesNotContain("waitgroup-wait-while-workers-blocked-on-lock");
  }
}
