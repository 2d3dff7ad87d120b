package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import dev.gocause.graph.query.CaseInfo;
import dev.gocause.kernel.render.Html;
import dev.gocause.kernel.render.Json;
import dev.gocause.kernel.render.Output;
import dev.gocause.kernel.render.TextTable;
import java.util.List;

/** {@code %cases [CAUSE]}: the runnable Go cases, optionally those demonstrating one root cause. */
public final class CasesMagic extends SimpleMagic {
  public CasesMagic() {
    super("cases", "%cases [CAUSE]",
        "List the runnable Go cases (buggy and fixed variants), or those that demonstrate one root cause.",
        "列出可运行的 Go 案例（有问题版本与修复版本），或演示某个根因的案例。",
        List.of("%cases", "%cases close-of-nil-channel"), ArgKind.ROOT_CAUSE, List.of());
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    inv.checkFlags(flags());
    List<String> p = inv.positional(List.of());
    if (p.size() > 1) {
      throw new KernelError("%cases takes at most one root-cause id, got " + p.size(), "e.g. %cases send-on-closed-channel");
    }
    List<CaseInfo> cases = s.graph().queries().cases(p.isEmpty() ? null : p.get(0), 200, null).items();
    List<String> header = List.of("id", s.t("名称", "name"), s.t("版本", "variant"), s.t("预期", "expected"), s.t("演示根因", "demonstrates"));
    List<List<String>> rows = cases.stream().map(c -> List.of(c.id(), s.t(c.nameZh(), c.nameEn()), c.variant(),
        c.expectedOutcome(), String.join(", ", c.demonstrates()))).toList();
    String note = cases.size() + " " + s.t("个案例；%case run ID 运行其一", "case(s); %case run ID runs one");
    return List.of(Output.text(TextTable.plain(header, rows) + "\n" + note)
        .html(Html.table(header, rows.stream().map(r -> r.stream().map(Html::esc).toList()).toList()) + "<p><small>" + Html.esc(note) + "</small></p>")
        .markdown(TextTable.markdown(header, rows) + "\n" + note)
        .json(Json.of(cases)).build());
  }
}
