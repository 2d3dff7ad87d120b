package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.Diagnosis.RankedCause;
import dev.gocause.graph.diagnosis.ModelData.CauseDef;
import dev.gocause.graph.diagnosis.ModelData.CommandInfo;
import dev.gocause.graph.diagnosis.ModelData.FixInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first cause of a diagnosis carries its commands and fixes in full (what each command shows,
 * each fix's code and trade-off); the causes after it carry what to run and which fix, the rest
 * being one look-up away, and everything else about them as the first.
 */
class CausesAfterTheFirstListTheirCommandsAndFixesInBriefTest {

  /** A vague hang: several causes close together, so the answer has alternatives. */
  private static final String VAGUE = "the service hangs after a while and the number of goroutines keeps growing";

  @Test
  void theFirstCauseHasItsCommandsAndFixesInFullAndTheOthersInBrief() {
    DiagnosisService service = RealKnowledge.service();
    Diagnosis d = service.diagnose(DiagnosisRequest.of(VAGUE));
    assertThat(d.causes()).as(d.message()).hasSizeGreaterThanOrEqualTo(3);
    DiagnosisModel model = service.model();

    RankedCause first = d.causes().get(0);
    CauseDef firstDef = model.cause(model.causeOrdinal(first.id()));
    assertThat(first.commands()).isEqualTo(firstDef.commands());
    assertThat(first.fixes()).isEqualTo(firstDef.fixes());
    assertThat(first.fixes()).anySatisfy(f -> assertThat(f.after()).isNotBlank());
    assertThat(first.commands()).anySatisfy(c -> assertThat(c.showsEn()).isNotBlank());

    int withFixes = 0;
    for (RankedCause c : d.causes().subList(1, d.causes().size())) {
      CauseDef def = model.cause(model.causeOrdinal(c.id()));
      assertThat(c.commands()).extracting(CommandInfo::id).containsExactlyElementsOf(ids(def.commands(), CommandInfo::id));
      assertThat(c.commands()).extracting(CommandInfo::commandLine)
          .containsExactlyElementsOf(ids(def.commands(), CommandInfo::commandLine));
      assertThat(c.commands()).allSatisfy(k -> assertThat(k.showsZh()).isNull())
          .allSatisfy(k -> assertThat(k.showsEn()).isNull());
      assertThat(c.fixes()).extracting(FixInfo::id).containsExactlyElementsOf(ids(def.fixes(), FixInfo::id));
      assertThat(c.fixes()).extracting(FixInfo::nameEn).containsExactlyElementsOf(ids(def.fixes(), FixInfo::nameEn));
      assertThat(c.fixes()).allSatisfy(f -> assertThat(new Object[] {f.before(), f.after(), f.tradeoffZh(), f.tradeoffEn()})
          .containsOnlyNulls());
      assertThat(c.mechanismEn()).isEqualTo(def.mechanismEn());
      assertThat(c.cases()).isEqualTo(def.cases());
      assertThat(c.corrections()).isEqualTo(def.corrections());
      withFixes += c.fixes().isEmpty() ? 0 : 1;
    }
    assertThat(withFixes).as("alternatives with fixes to list").isPositive();
  }

  @Test
  void markdownListsABriefFixByNameAndIdWithoutAnEmptyCodeBlock() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(VAGUE));
    String md = DiagnosisRenderer.markdown(d, "en");
    RankedCause alt = d.causes().stream().skip(1).filter(c -> !c.fixes().isEmpty() && !c.commands().isEmpty()).findFirst().orElseThrow();
    FixInfo f = alt.fixes().get(0);
    assertThat(md).contains("**Fix:** " + f.nameEn() + " (`" + f.id() + "`)");
    assertThat(md).doesNotContain("null").doesNotContain("```go\n// before\n\n```");
    assertThat(md).contains("`" + alt.commands().get(0).commandLine() + "`\n");
  }

  @Test
  void theAskBackNamesItsCommandsInFullEvenWhenOneIsTheSecondCauses() {
    DiagnosisService service = RealKnowledge.service();
    // a dump whose two leading causes share no command: the ask-back takes the first of each
    Diagnosis d = service.diagnose(DiagnosisRequest.of(RealKnowledge.read("inputs/real/range-never-closed.txt")));
    Diagnosis.AskBack a = d.askBack();
    assertThat(a).as(d.message()).isNotNull();
    CauseDef second = service.model().causes().get(a.between().get(1));
    assertThat(a.commands()).as("a command of the second cause").anySatisfy(k -> assertThat(second.commands()).contains(k));
    assertThat(a.commands()).allSatisfy(k -> assertThat(k.showsEn()).isNotBlank());
  }

  private static <T> List<String> ids(List<T> items, java.util.function.Function<T, String> f) {
    return items.stream().map(f).toList();
  }
}
