package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.Diagnosis.RankedCause;
import org.junit.jupiter.api.Test;

/**
 * Real Go 1.19 outputs (eval/inputs/real, produced by eval/programs) and people's words,
 * diagnosed against the embedded graph loaded with the real seed-data.
 */
class EachInputKindYieldsTheRightCauseTest {

  private static Diagnosis diagnose(String text) {
    return RealKnowledge.service().diagnose(new DiagnosisRequest(text, 5, null));
  }

  private static Diagnosis file(String name) {
    return diagnose(RealKnowledge.read("inputs/real/" + name));
  }

  private static String top(Diagnosis d) {
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    return d.causes().get(0).id();
  }

  @Test
  void a_panic_line_names_send_on_closed_channel() {
    Diagnosis d = file("send-closed.txt");
    assertThat(d.input().kind()).isEqualTo("panic");
    assertThat(top(d)).isEqualTo("send-on-closed-channel");
    assertThat(d.causes().get(0).confidence()).isEqualTo(Diagnosis.Confidence.high);
  }

  @Test
  void a_fatal_error_names_concurrent_map_access() {
    Diagnosis d = file("map-read-write.txt");
    assertThat(d.input().kind()).isEqualTo("fatal");
    assertThat(top(d)).isEqualTo("concurrent-map-access");
  }

  @Test
  void a_deadlock_dump_blocked_in_waitgroup_wait_names_missing_done() {
    Diagnosis d = file("wg-missing-done.txt");
    assertThat(top(d)).isEqualTo("waitgroup-missing-done");
    assertThat(d.observedSymptoms()).extracting(Diagnosis.ObservedSymptom::id)
        .contains("all-goroutines-asleep-deadlock", "goroutines-blocked-waitgroup")
        .doesNotContain("goroutines-blocked-mutex");
  }

  @Test
  void a_sigquit_dump_of_1500_goroutines_queued_on_a_mutex_names_the_missing_unlock() {
    Diagnosis d = file("bigdump-mutex.txt");
    assertThat(d.input().kind()).isEqualTo("dump");
    assertThat(d.input().goroutines().byState().get("semacquire")).isEqualTo(1500);
    assertThat(top(d)).isEqualTo("mutex-not-unlocked");
  }

  @Test
  void a_race_report_names_the_shared_variable() {
    Diagnosis d = file("race-counter.txt");
    assertThat(d.input().kind()).isEqualTo("race");
    assertThat(d.input().races()).hasSize(1);
    assertThat(top(d)).isEqualTo("data-race-shared-variable");
  }

  @Test
  void a_goleak_report_of_a_nil_channel_receive_names_the_nil_channel() {
    Diagnosis d = file("goleak-nil-chan.txt");
    assertThat(d.input().kind()).isEqualTo("goleak");
    assertThat(d.input().leakedGoroutines()).isEqualTo(1);
    assertThat(top(d)).isEqualTo("nil-channel-blocks-forever");
  }

  @Test
  void a_vet_warning_names_the_lost_cancel() {
    Diagnosis d = file("vet-lostcancel.txt");
    assertThat(d.input().kind()).isEqualTo("vet");
    assertThat(top(d)).isEqualTo("context-cancel-not-called");
  }

  @Test
  void a_chinese_sentence_about_wrong_counts_names_the_data_race() {
    Diagnosis d = diagnose("两个 goroutine 一起给计数器加一,最后的结果每次都不一样,偶尔少了几百");
    assertThat(d.input().kind()).isEqualTo("text");
    assertThat(d.lang()).isEqualTo("zh");
    assertThat(top(d)).isEqualTo("data-race-shared-variable");
    assertThat(d.message()).contains("最可能");
    RankedCause c = d.causes().get(0);
    assertThat(c.evidence()).anyMatch(e -> e.kind().equals("text") && e.symptom() != null
        && e.symptom().id().equals("numbers-occasionally-wrong"));
  }

  @Test
  void an_english_sentence_about_memory_after_deploy_points_at_leaks() {
    Diagnosis d = diagnose("memory keeps growing after deploy");
    assertThat(d.observedSymptoms()).extracting(Diagnosis.ObservedSymptom::id).contains("memory-keeps-growing");
    assertThat(d.causes()).isNotEmpty();
    assertThat(d.causes()).allMatch(c -> c.confidence() != Diagnosis.Confidence.high);
  }

  @Test
  void every_cause_carries_commands_fixes_and_dimensions_from_the_graph() {
    RankedCause c = file("send-closed.txt").causes().get(0);
    assertThat(c.dimensions()).isNotEmpty();
    assertThat(c.commands()).isNotEmpty();
    assertThat(c.fixes()).isNotEmpty().allMatch(f -> !f.after().isBlank());
    assertThat(c.nameZh()).isNotBlank();
    assertThat(c.nameEn()).isNotBlank();
  }
}
