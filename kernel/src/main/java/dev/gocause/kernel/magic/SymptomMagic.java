package dev.gocause.kernel.magic;

import dev.gocause.graph.query.Page;
import dev.gocause.graph.query.SymptomSummary;
import dev.gocause.kernel.render.Decimals;
import dev.gocause.kernel.render.Html;
import dev.gocause.kernel.render.Json;
import dev.gocause.kernel.render.Output;
import dev.gocause.kernel.render.TextTable;
import java.util.List;

/** {@code %symptom [QUERY]}: find symptoms (Chinese or English words), or show one by id. */
public final class SymptomMagic extends SimpleMagic {
  public SymptomMagic() {
    super("symptom", "%symptom [QUERY|ID]",
        "Search symptoms by words in Chinese or English (all when empty); an exact id shows the symptom and its causes.",
        "按中文或英文关键词搜索症状（留空列出全部）；给出确切 id 则显示该症状及其根因。",
        List.of("%symptom 挂起", "%symptom deadlock", "%symptom panic-close-of-nil-channel"), ArgKind.SYMPTOM, List.of());
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    inv.checkFlags(flags());
    String q = inv.args().strip();
    if (!q.isEmpty() && !q.contains(" ") && s.ids(ArgKind.SYMPTOM.labels()).contains(q)) {
      return Cards.symptom(s.lookups().symptom(q), s);
    }
    Page<SymptomSummary> page = s.graph().queries().searchSymptoms(q, 50, null);
    List<String> header = List.of("id", s.t("名称", "name"), s.t("类别", "kind"), s.t("相关度", "score"));
    List<List<String>> rows = page.items().stream().map(x -> List.of(
        x.id(), s.t(x.nameZh(), x.nameEn()), x.kind(), x.score() == null ? "" : Decimals.fixed(x.score(), 2))).toList();
    String note = page.items().size() + " " + s.t("个症状", "symptom(s)") + (q.isEmpty() ? "" : " — “" + q + "”")
        + (page.items().isEmpty() ? s.t("；换个说法试试，或用 %diagnose 粘贴输出", "; try other words, or paste output into %diagnose") : "");
    return List.of(Output.text(TextTable.plain(header, rows) + "\n" + note)
        .html(Html.table(header, rows.stream().map(r -> r.stream().map(Html::esc).toList()).toList()) + "<p><small>" + Html.esc(note) + "</small></p>")
        .markdown(TextTable.markdown(header, rows) + "\n" + note)
        .json(Json.of(page))
        .build());
  }
}
