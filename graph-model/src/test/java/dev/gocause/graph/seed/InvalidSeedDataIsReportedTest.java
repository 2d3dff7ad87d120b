package dev.gocause.graph.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gocause.graph.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of problem, introduced into the valid "basic" fixture, is reported naming file, entry and field. */
class InvalidSeedDataIsReportedTest {

  /** The basic fixture in memory, with {@code from} replaced by {@code to} in {@code file} (which must contain it). */
  static SeedSource edited(String file, String from, String to) {
    SeedSource base = SeedSource.fromDirectory(Fixtures.dir("basic"));
    List<SeedFile> files = new ArrayList<>();
    boolean found = false;
    for (SeedFile f : base.files()) {
      if (f.path().equals(file)) {
        String text = f.text();
        if (!text.contains(from)) {
          throw new IllegalArgumentException(file + " does not contain " + from);
        }
        found = true;
        files.add(new SeedFile(f.path(), text.replace(from, to).getBytes(StandardCharsets.UTF_8)));
      } else {
        files.add(f);
      }
    }
    if (!found) {
      files.add(new SeedFile(file, to.getBytes(StandardCharsets.UTF_8)));
    }
    return SeedSource.ofFiles("seed-data", files);
  }

  @Test
  void the_unedited_fixture_is_valid() {
    assertThat(SeedReader.problems(SeedSource.fromDirectory(Fixtures.dir("basic")))).isEmpty();
  }

  static Stream<Arguments> problems() {
    String sym = "seed-data/symptoms.yaml: symptoms[0] id=program-hangs-no-output: ";
    return Stream.of(
        Arguments.of("unknown field", "symptoms.yaml", "    kind: hang\n", "    kind: hang\n    colour: red\n",
            sym + "unknown field 'colour'; Symptom fields are id, nameZh, nameEn"),
        Arguments.of("missing required field", "symptoms.yaml", "    kind: hang\n", "",
            sym + "field 'kind' is missing; must be one of hang, wrong-result"),
        Arguments.of("empty name", "symptoms.yaml", "nameEn: The process stops printing and never exits", "nameEn: \"  \"",
            sym + "field 'nameEn' is empty; every entry needs a non-empty nameZh and nameEn"),
        Arguments.of("missing name", "symptoms.yaml", "    nameZh: 进程卡住不再打印任何东西\n", "",
            sym + "field 'nameZh' is missing"),
        Arguments.of("id not kebab-case", "fixes.yaml", "id: close-when-done", "id: Close_When_Done",
            "seed-data/fixes.yaml: fixes[0] id=Close_When_Done: field 'id' is 'Close_When_Done'; ids must be kebab-case"),
        Arguments.of("duplicate id", "root-causes-locks.yaml", "  - id: double-locking", "  - id: receive-without-sender",
            // files are read in sorted path order: root-causes-locks.yaml comes first
            "seed-data/root-causes.yaml: rootCauses[0] id=receive-without-sender: duplicate RootCause id 'receive-without-sender' "
                + "(first defined at seed-data/root-causes-locks.yaml: rootCauses[0] id=receive-without-sender)"),
        Arguments.of("weight above one", "symptoms.yaml", "weight: 0.6", "weight: 1.4",
            sym + "field 'indicates[0].weight' is 1.4; weights must be within [0,1]"),
        Arguments.of("negative weight", "symptoms.yaml", "weight: 0.6", "weight: -0.1",
            sym + "field 'indicates[0].weight' is -0.1; weights must be within [0,1]"),
        Arguments.of("weight not a number", "symptoms.yaml", "weight: 0.6", "weight: high",
            sym + "field 'indicates[0].weight' is 'high'; weights must be numbers within [0,1]"),
        Arguments.of("enum value", "symptoms.yaml", "kind: hang", "kind: hanging",
            sym + "field 'kind' is 'hanging'; must be one of hang, wrong-result, memory-growth"),
        Arguments.of("severity enum", "root-causes.yaml", "severity: high", "severity: urgent",
            "seed-data/root-causes.yaml: rootCauses[0] id=receive-without-sender: field 'severity' is 'urgent'; must be one of low, medium, high, critical"),
        Arguments.of("unknown indicated cause", "symptoms.yaml", "cause: double-locking", "cause: no-such-cause",
            sym + "field 'indicates[1].cause' refers to unknown RootCause 'no-such-cause'"),
        Arguments.of("unknown diagnosedBy", "symptoms.yaml", "diagnosedBy: [goroutine-dump]", "diagnosedBy: [stack-dump]",
            sym + "field 'diagnosedBy[0]' refers to unknown Command 'stack-dump'"),
        Arguments.of("unknown identifies", "signatures.yaml", "identifies: [program-hangs-no-output]", "identifies: [program-hang]",
            "seed-data/signatures.yaml: signatures[1] id=sig-wait-chan-receive: field 'identifies[0]' refers to unknown Symptom 'program-hang'"),
        Arguments.of("unknown dimension", "root-causes.yaml", "dimensions: [scheduling]", "dimensions: [scheduler]",
            "rootCauses[0] id=receive-without-sender: field 'dimensions[0]' refers to unknown Dimension 'scheduler'"),
        Arguments.of("unknown primitive", "root-causes.yaml", "involves: [unbuffered-channel]", "involves: [channel]",
            "rootCauses[0] id=receive-without-sender: field 'involves[0]' refers to unknown Primitive 'channel'"),
        Arguments.of("unknown confirmedBy", "root-causes.yaml", "confirmedBy: [goroutine-dump]", "confirmedBy: [pprof]",
            "rootCauses[0] id=receive-without-sender: field 'confirmedBy[0]' refers to unknown Command 'pprof'"),
        Arguments.of("unknown fix", "root-causes.yaml", "fixedBy: [close-when-done]", "fixedBy: [close-it]",
            "rootCauses[0] id=receive-without-sender: field 'fixedBy[0]' refers to unknown Fix 'close-it'"),
        Arguments.of("unknown corrected entry", "corrections.yaml", "id: double-locking", "id: triple-locking",
            "seed-data/corrections.yaml: corrections[0] id=nil-mutex-panics: field 'corrects[0].id' refers to unknown RootCause 'triple-locking'"),
        Arguments.of("unknown corrected label", "corrections.yaml", "label: RootCause", "label: Cause",
            "corrections[0] id=nil-mutex-panics: field 'corrects[0].label' is 'Cause'; must be one of Section, Dimension"),
        Arguments.of("unknown demonstrated cause", "cases/cases.yaml", "    demonstrates: [receive-without-sender]\n    exhibits",
            "    demonstrates: [receive-no-sender]\n    exhibits",
            "seed-data/cases/cases.yaml: cases[0] id=lonely-receiver-buggy: field 'demonstrates[0]' refers to unknown RootCause 'receive-no-sender'"),
        Arguments.of("unknown exhibited symptom", "cases/cases.yaml", "exhibits: [all-goroutines-asleep-deadlock]", "exhibits: [deadlock]",
            "cases[0] id=lonely-receiver-buggy: field 'exhibits[0]' refers to unknown Symptom 'deadlock'"),
        Arguments.of("unknown fixed variant", "cases/cases.yaml", "fixedVariant: lonely-receiver-fixed", "fixedVariant: lonely-receiver-ok",
            "cases[0] id=lonely-receiver-buggy: field 'fixedVariant' refers to unknown Case 'lonely-receiver-ok'"),
        Arguments.of("fixed variant that is not fixed", "cases/cases.yaml", "fixedVariant: lonely-receiver-fixed", "fixedVariant: lonely-receiver-buggy",
            "cases[0] id=lonely-receiver-buggy: field 'fixedVariant' names 'lonely-receiver-buggy', whose variant is not 'fixed'"),
        Arguments.of("unknown alsoIn section", "symptoms.yaml", "alsoIn: [\"2.10\"]", "alsoIn: [\"2.1\", \"3.7\"]",
            sym + "field 'alsoIn[1]' refers to section '3.7', which no Section entry defines"),
        Arguments.of("unknown source section", "fixes.yaml", "    source: 2.1\n", "    source: 4.4\n",
            "seed-data/fixes.yaml: fixes[0] id=close-when-done: field 'source' refers to section '4.4', which no Section entry (number: 4.4) defines"),
        Arguments.of("malformed source", "fixes.yaml", "    source: 2.1\n", "    source: chapter two\n",
            "fixes[0] id=close-when-done: field 'source' is 'chapter two'; use a seed section number such as '2.1' or 'external: <reference>'"),
        Arguments.of("missing case file", "cases/cases.yaml", "file: lonely-receiver/buggy.go", "file: lonely-receiver/gone.go",
            "cases[0] id=lonely-receiver-buggy: field 'file' names 'lonely-receiver/gone.go', but seed-data/cases/lonely-receiver/gone.go does not exist"),
        Arguments.of("case file outside cases/", "cases/cases.yaml", "file: lonely-receiver/buggy.go", "file: ../knowledge.yaml",
            "cases[0] id=lonely-receiver-buggy: field 'file' is '../knowledge.yaml'; use a path inside seed-data/cases/ without '..'"),
        Arguments.of("missing evidence program", "corrections.yaml", "evidenceProgram: evidence/nil-mutex/main.go", "evidenceProgram: evidence/nil/main.go",
            "corrections[0] id=nil-mutex-panics: field 'evidenceProgram' names 'evidence/nil/main.go', but seed-data/evidence/nil/main.go does not exist"),
        Arguments.of("bad evidence regex", "corrections.yaml", "evidenceExpect: \"invalid memory", "evidenceExpect: \"(invalid memory",
            "corrections[0] id=nil-mutex-panics: field 'evidenceExpect' is not a valid Java regex: Unclosed group"),
        Arguments.of("bad signature regex", "signatures.yaml", "pattern: \"chan receive\"\n    patternKind: waitReason",
            "pattern: \"chan (receive\"\n    patternKind: regex",
            "seed-data/signatures.yaml: signatures[1] id=sig-wait-chan-receive: field 'pattern' is not a valid Java regex: Unclosed group"),
        Arguments.of("bad go version range", "signatures.yaml", "goVersions: \">=1.0\"", "goVersions: \"since go one\"",
            "signatures[0] id=sig-all-goroutines-asleep: field 'goVersions' has 'since go one'; write a Go version range such as \">=1.19\""),
        Arguments.of("unknown top-level key", "fixes.yaml", "fixes:\n", "fixez: []\nfixes:\n",
            "seed-data/fixes.yaml: unknown top-level key 'fixez'; known keys: sections, dimensions"),
        Arguments.of("a list field given as text", "symptoms.yaml", "aliasesEn: [frozen process, stuck forever]", "aliasesEn: frozen process",
            sym + "field 'aliasesEn' must be a list"),
        Arguments.of("the same cause indicated twice", "symptoms.yaml", "cause: double-locking", "cause: receive-without-sender",
            sym + "field 'indicates[1].cause' lists 'receive-without-sender' twice"),
        Arguments.of("missing knowledge version", "knowledge.yaml", "  version: \"0.0.1-fixture\"\n", "",
            "seed-data/knowledge.yaml: knowledge: field 'version' is missing"),
        Arguments.of("YAML syntax error", "fixes.yaml", "    tradeoffZh: 只能由唯一的发送方关闭。", "    tradeoffZh: [只能由唯一的发送方关闭。",
            "seed-data/fixes.yaml:16:15: YAML syntax error: expected ',' or ']'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void each_kind_of_problem_is_one_line_naming_file_entry_and_field(String kind, String file, String from, String to, String expected) {
    List<String> problems = SeedReader.problems(edited(file, from, to));
    assertThat(problems).as(kind).anySatisfy(p -> assertThat(p).contains(expected));
    assertThat(problems).allSatisfy(p -> assertThat(p).doesNotContain("\n"));
  }

  @Test
  void a_yaml_syntax_error_names_line_and_column() {
    List<String> problems = SeedReader.problems(edited("fixes.yaml", "    tradeoffZh: 只能由唯一的发送方关闭。", "    tradeoffZh: [只能由唯一的发送方关闭。"));
    assertThat(problems).singleElement().asString()
        .isEqualTo("seed-data/fixes.yaml:16:15: YAML syntax error: expected ',' or ']', but got : "
            + "(while parsing a flow sequence that starts at line 15)");
  }

  @Test
  void all_problems_of_all_files_are_collected_before_failing() {
    SeedSource twoBroken = SeedSource.ofFiles("seed-data", Stream.concat(
            edited("symptoms.yaml", "weight: 0.6", "weight: 7").files().stream().filter(f -> f.path().equals("symptoms.yaml")),
            edited("fixes.yaml", "id: close-when-done", "id: CloseWhenDone").files().stream().filter(f -> !f.path().equals("symptoms.yaml")))
        .toList());
    assertThatThrownBy(() -> SeedReader.read(twoBroken))
        .isInstanceOf(SeedValidationException.class)
        .satisfies(e -> {
          List<String> problems = ((SeedValidationException) e).problems();
          assertThat(problems).anyMatch(p -> p.contains("symptoms.yaml") && p.contains("'indicates[0].weight' is 7"));
          assertThat(problems).anyMatch(p -> p.contains("fixes.yaml") && p.contains("'CloseWhenDone'"));
          // the fix id no longer resolves either
          assertThat(problems).anyMatch(p -> p.contains("refers to unknown Fix 'close-when-done'"));
          assertThat(e.getMessage()).contains("more problems");
        });
  }

  @Test
  void a_missing_knowledge_file_is_reported() {
    SeedSource noKnowledge = SeedSource.ofFiles("seed-data",
        SeedSource.fromDirectory(Fixtures.dir("basic")).files().stream().filter(f -> !f.path().equals("knowledge.yaml")).toList());
    assertThat(SeedReader.problems(noKnowledge)).contains(
        "seed-data/knowledge.yaml: no file has the top-level key 'knowledge' (a map with 'version', 'titleZh', 'titleEn')");
  }
}
