package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@link WordScanner} reads a text once for a whole word list; it must find every occurrence
 * {@link ReportWords#find} finds word by word (overlapping ones too, English words only whole),
 * and nothing else: on made-up edge cases, the repo's bench sentences and the field corpus.
 */
class ReportWordsAreFoundInOnePassWhereEachIsFoundAloneTest {

  @Test
  void everyOccurrenceOfEveryListIsFoundAndNothingElse() throws Exception {
    List<String> texts = new ArrayList<>(List.of(
        "", "no", "not a bug, nothing is wrong", "snot knot no-op no.", "isn't it? is this a leak",
        "是不是是不是没有没有并没有", "有没有泄漏吗", "why not", "nor", "none of them, neither", "is thisis this", "aaa"));
    texts.addAll(Files.readAllLines(RealKnowledge.repo().resolve("bench/sentences-zh.txt"), StandardCharsets.UTF_8));
    Path field = RealKnowledge.repo().resolve("../shared/field/cases.jsonl");
    if (Files.isRegularFile(field)) {
      FieldCorpus.load(field).forEach(c -> texts.addAll(c.text().lines().toList()));
    }
    ReportWords words = ReportWords.packaged();
    ReportWords.Scanners scanners = words.scanners();
    int found = 0;
    for (WordScanner scanner : List.of(scanners.negation(), scanners.question(), scanners.notABug(), scanners.doubt())) {
      for (String text : texts) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> expected = new ArrayList<>();
        int firstInListOrder = -1;
        for (int w = 0; w < scanner.words().size(); w++) {
          String word = scanner.words().get(w);
          for (int at = ReportWords.find(lower, word, 0); at >= 0; at = ReportWords.find(lower, word, at + 1)) {
            expected.add(word + "@" + at);
            firstInListOrder = firstInListOrder < 0 ? w : firstInListOrder;
          }
        }
        List<String> actual = new ArrayList<>();
        int[] pairs = scanner.scan(lower);
        for (int m = 0; m < pairs.length; m += 2) {
          actual.add(scanner.word(pairs[m]) + "@" + pairs[m + 1]);
        }
        assertThat(actual).as("%s in \"%s\"", scanner.words(), text).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(scanner.first(lower)).as("first word of %s in \"%s\"", scanner.words(), text).isEqualTo(firstInListOrder);
        found += expected.size();
      }
    }
    assertThat(found).as("occurrences compared (the comparison is not of empty results)").isGreaterThan(20);
  }

  @Test
  void aLatinWordNextToAChineseCharacterStandsAlone() {
    // Chinese writes no spaces: a Chinese character beside a Latin word is a boundary, a Latin letter is not
    assertThat(ReportWords.find("我们最后确认不是 bug:", "不是 bug", 0)).isEqualTo(6);
    assertThat(ReportWords.find("这个是bug吗", "bug", 0)).isEqualTo(3);
    assertThat(ReportWords.find("a debug build", "bug", 0)).isEqualTo(-1);
    assertThat(ReportWords.find("bugs", "bug", 0)).isEqualTo(-1);
  }

  @Test
  void aChineseReportConcludingNotABugIsDiscounted() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of("这些阻塞在 chan receive 的 worker 是常驻的,确认不是bug"));
    assertThat(d.causes()).isNotEmpty();
    assertThat(d.causes().get(0).evidence()).extracting(Diagnosis.CauseEvidence::kind).contains("not-a-bug");
  }

  @Test
  void aCharacterSharingAFirstCharactersFilterBitStartsNoWord() {
    // U+0461 and 'a' (U+0061) share the low ten bits the quick filter looks at
    WordScanner scanner = new WordScanner(List.of("ab", "没有"));
    assertThat(scanner.scan("\u0461b")).isEmpty();
    assertThat(scanner.scan("x ab")).containsExactly(0, 2);
    assertThat(scanner.first("\u0461b 没有")).isEqualTo(1);
    assertThat(scanner.first("\u0461b")).isEqualTo(-1);
  }
}
