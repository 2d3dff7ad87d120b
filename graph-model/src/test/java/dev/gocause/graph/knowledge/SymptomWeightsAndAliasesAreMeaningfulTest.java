package dev.gocause.graph.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The weights and aliases the diagnosis relies on: specific messages point strongly at one cause,
 * vague complaints spread over many with lower weights, people's words exist in both languages,
 * and every root cause is reachable, confirmable and fixable.
 */
class SymptomWeightsAndAliasesAreMeaningfulTest {
  private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff]");
  private static final Set<String> VAGUE_KINDS = Set.of("hang", "wrong-result", "memory-growth", "goroutine-growth", "timeout-ineffective", "cpu-spin", "latency");

  private final KnowledgeData data = KnowledgeData.load();

  @Test
  void a_panic_or_fatal_message_with_a_single_cause_points_at_it_with_weight_at_least_0_85() {
    int checked = 0;
    for (JsonNode s : data.entries("symptoms")) {
      String kind = s.path("kind").asText();
      if ((kind.equals("panic") || kind.equals("fatal-error")) && s.path("indicates").size() <= 2) {
        double top = maxWeight(s);
        assertThat(top).as("%s: strongest weight", s.path("id").asText()).isGreaterThanOrEqualTo(0.85);
        checked++;
      }
    }
    assertThat(checked).as("specific panic/fatal symptoms").isGreaterThanOrEqualTo(12);
  }

  @Test
  void a_hang_points_at_many_causes_none_of_them_strongly() {
    JsonNode hang = data.find("symptoms", "program-hangs-no-output").orElseThrow();
    assertThat(hang.path("indicates").size()).isGreaterThanOrEqualTo(12);
    assertThat(maxWeight(hang)).isLessThanOrEqualTo(0.6);
    for (JsonNode s : data.entries("symptoms")) {
      if (VAGUE_KINDS.contains(s.path("kind").asText())) {
        assertThat(maxWeight(s)).as("%s is vague", s.path("id").asText()).isLessThanOrEqualTo(0.85);
      }
    }
  }

  @Test
  void weights_are_probabilities_and_no_cause_is_listed_twice_for_a_symptom() {
    for (JsonNode s : data.entries("symptoms")) {
      Set<String> causes = new HashSet<>();
      for (JsonNode i : s.path("indicates")) {
        double w = i.path("weight").asDouble(-1);
        assertThat(w).as("%s -> %s", s.path("id").asText(), i.path("cause").asText()).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(causes.add(i.path("cause").asText())).as("%s lists %s once", s.path("id").asText(), i.path("cause").asText()).isTrue();
      }
      String kind = s.path("kind").asText();
      if (kind.equals("no-failure") || kind.equals("runtime-corruption")) {
        // Go output showing no concurrency failure, or a trace that cannot be trusted: it points to no cause
        assertThat(causes).as("%s (%s) indicates no cause", s.path("id").asText(), kind).isEmpty();
      } else if (!kind.equals("test-failure") && !kind.equals("cause-elsewhere")) {
        // (a cause placed outside concurrency may point to the one known cause it resembles, or to none)
        // a failing test alone says nothing of why; every other symptom points somewhere
        assertThat(causes).as("%s indicates some cause", s.path("id").asText()).isNotEmpty();
      }
    }
  }

  @Test
  void people_describe_symptoms_in_both_languages_including_colloquial_words() {
    List<String> zh = new ArrayList<>();
    List<String> en = new ArrayList<>();
    for (JsonNode s : data.entries("symptoms")) {
      String id = s.path("id").asText();
      List<String> z = KnowledgeData.texts(s.path("aliasesZh"));
      List<String> e = KnowledgeData.texts(s.path("aliasesEn"));
      int min = VAGUE_KINDS.contains(s.path("kind").asText()) ? 4 : 1;
      assertThat(z).as("%s aliasesZh", id).hasSizeGreaterThanOrEqualTo(min).allMatch(a -> CJK.matcher(a).find() || a.matches("[A-Za-z0-9 .%:_-]+"));
      assertThat(e).as("%s aliasesEn", id).hasSizeGreaterThanOrEqualTo(min).noneMatch(a -> CJK.matcher(a).find());
      zh.addAll(z);
      en.addAll(e);
    }
    assertThat(zh).contains("卡住", "卡死", "没反应", "内存涨", "偶尔不对", "goroutine 泄漏");
    assertThat(en).contains("stuck", "freezes", "memory keeps growing after deploy", "OOM", "goroutine leak");
  }

  @Test
  void every_root_cause_is_indicated_confirmable_fixable_and_explained_in_both_languages() {
    Set<String> indicated = new HashSet<>();
    data.entries("symptoms").forEach(s -> s.path("indicates").forEach(i -> indicated.add(i.path("cause").asText())));
    for (JsonNode c : data.entries("rootCauses")) {
      String id = c.path("id").asText();
      assertThat(indicated).as("some symptom indicates %s", id).contains(id);
      assertThat(c.path("fixedBy").size()).as("%s fixes", id).isPositive();
      assertThat(c.path("confirmedBy").size()).as("%s commands", id).isPositive();
      assertThat(c.path("dimensions").size()).as("%s dimensions", id).isPositive();
      assertThat(c.path("mechanismZh").asText()).as("%s mechanismZh", id).containsPattern(CJK);
      assertThat(c.path("mechanismEn").asText()).as("%s mechanismEn", id).isNotBlank().doesNotContainPattern(CJK);
    }
  }

  @Test
  void names_are_chinese_in_zh_fields_and_english_in_en_fields() {
    for (String key : List.of("sections", "dimensions", "primitives", "symptoms", "signatures", "rootCauses", "commands", "fixes", "corrections")) {
      for (JsonNode n : data.entries(key)) {
        String id = key + ":" + n.path("id").asText();
        assertThat(n.path("nameZh").asText()).as("%s nameZh", id).containsPattern(CJK);
        assertThat(n.path("nameEn").asText()).as("%s nameEn", id).isNotBlank().doesNotContainPattern(CJK);
        for (String f : List.of("descriptionEn", "mechanismEn", "showsEn", "tradeoffEn", "claimEn", "truthEn", "titleEn")) {
          assertThat(n.path(f).asText("")).as("%s %s", id, f).doesNotContainPattern(CJK);
        }
      }
    }
  }

  private static double maxWeight(JsonNode symptom) {
    double max = 0;
    for (JsonNode i : symptom.path("indicates")) {
      max = Math.max(max, i.path("weight").asDouble());
    }
    return max;
  }
}
