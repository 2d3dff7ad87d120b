package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Same input, same answer: scores, ties (broken by id) and evidence order do not depend on chance. */
class DiagnosisIsDeterministicTest {

  @Test
  void the_same_input_gives_byte_identical_json() {
    DiagnosisService s = RealKnowledge.service();
    for (String f : List.of("chan-wg-deadlock.txt", "race-loopvar.txt", "goleak-range.txt")) {
      String text = RealKnowledge.read("inputs/real/" + f);
      String a = DiagnosisRenderer.json(s.diagnose(DiagnosisRequest.of(text)));
      String b = DiagnosisRenderer.json(s.diagnose(DiagnosisRequest.of(text)));
      assertThat(a).isEqualTo(b);
    }
  }

  @Test
  void goroutine_order_in_a_dump_does_not_change_the_ranking() {
    String text = RealKnowledge.read("inputs/real/recursive-rlock.txt");
    String[] blocks = text.split("\n\n");
    List<String> goroutines = new ArrayList<>(List.of(blocks).subList(1, blocks.length));
    Collections.shuffle(goroutines, new Random(7));
    String shuffled = blocks[0] + "\n\n" + String.join("\n\n", goroutines);
    DiagnosisService s = RealKnowledge.service();
    List<String> a = s.diagnose(DiagnosisRequest.of(text)).causes().stream().map(c -> c.id() + "@" + c.score()).toList();
    List<String> b = s.diagnose(DiagnosisRequest.of(shuffled)).causes().stream().map(c -> c.id() + "@" + c.score()).toList();
    assertThat(b).isEqualTo(a);
  }

  @Test
  void equal_scores_are_ordered_by_id() {
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest("the program hangs", 50, null));
    for (int i = 1; i < d.causes().size(); i++) {
      var prev = d.causes().get(i - 1);
      var cur = d.causes().get(i);
      assertThat(prev.score()).isGreaterThanOrEqualTo(cur.score());
      if (prev.score() == cur.score()) {
        assertThat(prev.id()).isLessThan(cur.id());
      }
    }
  }
}
