package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "invalid memory address or nil pointer dereference" says nothing about locks by itself: a nil
 * {@code *sync.Mutex} is one of many nil pointers. seed-data's link from the nil-pointer panic to
 * {@code nil-mutex-pointer} carries {@code panickingFrame}, so it holds only when the goroutine that
 * died shows a {@code sync.(*Mutex).}/{@code sync.(*RWMutex).} frame. Both inputs are real Go 1.19
 * output of the programs next to them ({@code go-output/nil-deref/*.go}, written for this test).
 */
class ANilPointerPanicNamesANilLockOnlyWhenTheDyingStackLocksTest {

  private static String resource(String name) {
    return RealKnowledge.goOutput("nil-deref/" + name);
  }

  private static List<String> ids(Diagnosis d) {
    return RealKnowledge.causeIds(d);
  }

  @Test
  void aLockThroughANilMutexFieldIsNamedFirst() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(resource("nil-mutex-field.txt")));
    assertThat(ids(d)).as(d.message()).isNotEmpty();
    assertThat(ids(d).get(0)).as(d.message()).isEqualTo("nil-mutex-pointer");
  }

  @Test
  void aNilStructPointerInMainIsNoNilLock() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(resource("nil-struct-pointer.txt")));
    assertThat(ids(d)).as(d.message()).doesNotContain("nil-mutex-pointer");
  }

  @Test
  void theDyingGoroutineIsTheRunningOneAfterThePanicLine() {
    List<String> stack = DiagnosisEngine.panickingStack(GoOutputParser.parse(resource("nil-mutex-field.txt")));
    assertThat(stack).startsWith("sync.(*Mutex).Lock", "main.(*counter).inc");
    // a panic message alone shows no stack: the link is not judged, it holds
    assertThat(DiagnosisEngine.panickingStack(GoOutputParser.parse(
        "panic: runtime error: invalid memory address or nil pointer dereference"))).isNull();
    assertThat(DiagnosisEngine.showsAny(List.of("main.main"), List.of("sync.(*Mutex)."))).isFalse();
    assertThat(DiagnosisEngine.showsAny(List.of("main.main"), List.of())).isTrue();
  }
}
