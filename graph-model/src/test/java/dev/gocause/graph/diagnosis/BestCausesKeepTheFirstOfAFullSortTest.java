package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FullTextLookups.BestCauses} against sorting every hit by score, then id, and taking the first few. */
class BestCausesKeepTheFirstOfAFullSortTest {

  private record Hit(String id, double score) {}

  @Test
  void theBestFewInAnyOrderOfArrivalAreThoseOfTheSortTiesIncluded() {
    Random random = new Random(29);
    for (int round = 0; round < 500; round++) {
      int n = random.nextInt(40);
      List<Hit> hits = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // few distinct scores, so ties between ids are common
        hits.add(new Hit("cause-" + random.nextInt(1000) + "-" + i, random.nextInt(6) / 4.0f));
      }
      FullTextLookups.BestCauses best = new FullTextLookups.BestCauses(5);
      hits.forEach(h -> best.add(h.id(), h.score()));
      List<Hit> sorted = new ArrayList<>(hits);
      sorted.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::id));
      List<Hit> expected = sorted.subList(0, Math.min(5, sorted.size()));
      assertThat(best.size).isEqualTo(expected.size());
      for (int i = 0; i < best.size; i++) {
        assertThat(new Hit(best.ids[i], best.scores[i])).as("round %d, place %d", round, i).isEqualTo(expected.get(i));
      }
    }
  }

  @Test
  void fewerHitsThanPlacesAreAllKeptBestFirst() {
    FullTextLookups.BestCauses best = new FullTextLookups.BestCauses(5);
    best.add("b", 1.0);
    best.add("a", 1.0);
    best.add("c", 2.0);
    assertThat(Arrays.copyOf(best.ids, best.size)).containsExactly("c", "a", "b");
  }
}
