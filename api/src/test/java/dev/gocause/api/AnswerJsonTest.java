package dev.gocause.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.NumberOutput;
import dev.gocause.graph.diagnosis.Diagnosis;
import dev.gocause.graph.diagnosis.Diagnosis.CauseEvidence;
import dev.gocause.graph.diagnosis.Diagnosis.Confidence;
import dev.gocause.graph.diagnosis.Diagnosis.Evidence;
import dev.gocause.graph.diagnosis.Diagnosis.ObservedSymptom;
import dev.gocause.graph.diagnosis.Diagnosis.RankedCause;
import dev.gocause.graph.diagnosis.ModelData.CaseInfo;
import dev.gocause.graph.diagnosis.ModelData.CommandInfo;
import dev.gocause.graph.diagnosis.ModelData.CorrectionInfo;
import dev.gocause.graph.diagnosis.ModelData.FixInfo;
import dev.gocause.graph.diagnosis.ModelData.Named;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast answer writers against the plain mapper, on hand-made answers (full ones and ones with every optional field null). */
class AnswerJsonTest {
  private static final String LINE = "服务偶尔卡住,\"请求\"一直不返回\n\tgoroutine 越来越多";
  private static final Named HANG = new Named("program-hangs", "程序挂起", "Program hangs");

  private static RankedCause full(String id, double score) {
    return new RankedCause(id, "名字 " + id, "Name " + id, score, 1.0, Confidence.high, "high", "机制", "mechanism \"quoted\"",
        List.of(new Named("memory", "内存", "Memory")),
        List.of(new CauseEvidence("text", LINE, List.of(1, 3), 2, "卡住", HANG, 0.9, 0.45, 0.405),
            new CauseEvidence("primitive", LINE, List.of(1), 1, "goroutine", null, 1.0, 0.2, 0.2)),
        List.of(new CommandInfo("pprof", "剖析", "Profile", "go tool pprof", "显示", "shows")),
        List.of(new FixInfo("fix", "修复", "Fix", "before()", "after()", "代价", "trade-off")),
        List.of(new CaseInfo("case", "案例", "Case", "a.go", "buggy", "DEADLOCK")),
        List.of(new CorrectionInfo("corr", "更正", "Correction", "RootCause:" + id)));
  }

  private static RankedCause sparse(String id) {
    return new RankedCause(id, "", "", 0.25, 0.0, null, null, null, null, null,
        List.of(new CauseEvidence(null, null, null, 0, null, null, 0.0, 0.125, 0.0)), List.of(), List.of(), null, null);
  }

  private static Diagnosis answer(List<RankedCause> causes) {
    List<ObservedSymptom> observed = List.of(new ObservedSymptom("program-hangs", "程序挂起", "Program hangs", "hang", 0.9,
        List.of(new Evidence("text", LINE, List.of(1), 1, "卡住", 0.9), new Evidence("signature", null, List.of(), 0, null, 1.0))));
    return new Diagnosis(causes, observed, new Diagnosis.InputSummary("text", 3, null, List.of(), 0), "1.0.0", "abc", "zh", "消息");
  }

  @Test
  void full_and_sparse_answers_are_written_byte_for_byte_like_the_plain_mapper() throws Exception {
    for (Diagnosis d : List.of(answer(List.of(full("a", 0.717), full("b", 0.5))), answer(List.of(sparse("c"))), answer(List.of(sparse(null))),
        answer(List.of(full("a", 0.717), sparse("c"), full("a", 0.717))), answer(List.of()))) {
      Object body = DiagnoseRoutes.answer(new Diagnoser.Result(d, false));
      // twice: the second time from the knowledge cache and the remembered input line
      for (int i = 0; i < 2; i++) {
        assertThat(Json.MAPPER.writeValueAsString(body)).isEqualTo(Json.PLAIN.writeValueAsString(body));
      }
    }
  }

  @Test
  void a_cause_whose_knowledge_changed_under_the_same_id_is_written_with_the_new_knowledge() throws Exception {
    RankedCause before = full("same", 0.6);
    RankedCause after = new RankedCause(before.id(), before.nameZh(), before.nameEn(), 0.6, 1.0, Confidence.high, "low", "新机制",
        "a reloaded mechanism", before.dimensions(), before.evidence(), List.of(), before.fixes(), before.cases(), before.corrections());
    for (RankedCause c : List.of(before, after, before)) {
      Object body = DiagnoseRoutes.answer(new Diagnoser.Result(answer(List.of(c)), false));
      String json = Json.MAPPER.writeValueAsString(body);
      assertThat(json).isEqualTo(Json.PLAIN.writeValueAsString(body));
      assertThat(json).contains(c == after ? "a reloaded mechanism" : "mechanism \\\"quoted\\\"");
    }
  }

  @Test
  void a_cause_first_in_one_answer_and_after_the_first_in_the_next_is_written_with_the_lists_it_comes_with() throws Exception {
    RankedCause inFull = full("both", 0.6);
    RankedCause inBrief = new RankedCause(inFull.id(), inFull.nameZh(), inFull.nameEn(), 0.6, 1.0, Confidence.high, "high", "机制",
        "mechanism \"quoted\"", inFull.dimensions(), inFull.evidence(), List.of(inFull.commands().get(0).brief()),
        List.of(inFull.fixes().get(0).brief()), inFull.cases(), inFull.corrections());
    for (RankedCause c : List.of(inFull, inBrief, inFull, inBrief, inBrief, inFull)) {
      Object body = DiagnoseRoutes.answer(new Diagnoser.Result(answer(List.of(full("lead", 0.9), c)), false));
      String json = Json.MAPPER.writeValueAsString(body);
      assertThat(json).isEqualTo(Json.PLAIN.writeValueAsString(body));
      String second = json.substring(json.indexOf("\"id\":\"both\""));
      assertThat(second.contains("before()")).as("fix code under the second cause").isEqualTo(c == inFull);
      assertThat(second).contains("\"commandLine\":\"go tool pprof\"");
    }
  }

  @Test
  void evidence_with_control_characters_quotes_backslashes_surrogate_pairs_and_odd_numbers_is_written_like_the_plain_mapper()
      throws Exception {
    StringBuilder every = new StringBuilder("quote \" backslash \\ slash / del \u007f é ü 中文 \u2028 emoji \ud83d\ude00 end");
    for (char c = 0; c < 0x20; c++) {
      every.append(c);
    }
    String odd = every.toString();
    Named oddName = new Named("odd-" + odd, "名 " + odd, "name " + odd);
    for (double number : new double[] {0.0, -0.0, -0.5, 0.0005, 1.0 / 3, 1e6, 2.5e7, 123.456, Double.NaN, Double.NEGATIVE_INFINITY}) {
      RankedCause c = new RankedCause("odd", "名", "Name", number, number, Confidence.low, "low", "机制", "mechanism", List.of(),
          List.of(new CauseEvidence(odd, odd, java.util.Arrays.asList(1, null, 12345), 42, odd, oddName, number, number, number,
                  List.of(odd, "g1"), odd),
              new CauseEvidence("text", LINE, List.of(), 0, null, null, 0.5, 0.25, 0.125)),
          List.of(), List.of(), List.of(), List.of());
      ObservedSymptom s = new ObservedSymptom(odd, odd, odd, odd, number,
          List.of(new Evidence(odd, odd, List.of(7), 3, odd, number, List.of(odd), odd), new Evidence(null, null, null, 0, null, number)));
      Diagnosis d = new Diagnosis(List.of(c), List.of(s, new ObservedSymptom(null, null, null, null, number, null)),
          new Diagnosis.InputSummary("text", 1, null, List.of(), 0), "1.0.0", "abc", "en", odd);
      Object body = DiagnoseRoutes.answer(new Diagnoser.Result(d, false));
      assertThat(Json.MAPPER.writeValueAsString(body)).as("number %s", number).isEqualTo(Json.PLAIN.writeValueAsString(body));
    }
  }

  @Test
  void thousandths_are_printed_with_the_digits_of_the_shortest_decimal() {
    for (long k = 1; k < 3_000_000; k++) {
      double d = k / 1000.0;
      assertThat(new String(AnswerJson.plain(d))).as("%d thousandths", k).isEqualTo(NumberOutput.toString(d, true));
    }
    for (long k : new long[] {999_999_999L, 123_456_789L, 100_000_000L}) {
      double d = k / 1000.0;
      assertThat(new String(AnswerJson.plain(d))).isEqualTo(NumberOutput.toString(d, true));
    }
  }

  @Test
  void other_doubles_are_left_to_jackson() {
    for (double d : new double[] {0.0, -0.0, -0.5, 0.0005, 1.0 / 3, 1e6, 2.5e7, Double.NaN, Double.POSITIVE_INFINITY, 0.1 + 0.2}) {
      assertThat(AnswerJson.plain(d)).as("%s", d).isNull();
    }
  }
}
