package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import dev.gocause.graph.query.CauseSummary;
import dev.gocause.graph.query.DimensionInfo;
import dev.gocause.graph.query.NotFoundException;
import dev.gocause.graph.query.Page;
import dev.gocause.kernel.render.Html;
import dev.gocause.kernel.render.Json;
import dev.gocause.kernel.render.Output;
import dev.gocause.kernel.render.TextTable;
import java.util.List;
import java.util.Map;

/** {@code %dimension [ID]}: the four dimensions, or the root causes in one. */
public final class DimensionMagic extends SimpleMagic {
  public DimensionMagic() {
    super("dimension", "%dimension [ID]",
        "List the four dimensions (scheduling, memory, sync primitives, semantics), or the root causes in one.",
        "列出四个维度（调度、内存、同步原语、语义），或某一维度下的根因。",
        List.of("%dimension", "%dimension sync-primitives"), ArgKind.DIMENSION, List.of());
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    inv.checkFlags(flags());
    List<String> p = inv.positional(List.of());
    var q = s.graph().queries();
    List<DimensionInfo> dims = q.dimensions();
    if (p.isEmpty()) {
      List<String> header = List.of("id", s.t("名称", "name"), s.t("根因数", "causes"), s.t("说明", "description"));
      List<List<String>> rows = dims.stream().map(d -> List.of(d.id(), s.t(d.nameZh(), d.nameEn()),
          String.valueOf(d.causes().size()), s.t(d.descriptionZh(), d.descriptionEn()))).toList();
      return List.of(Output.text(TextTable.plain(header, rows))
          .html(Html.table(header, rows.stream().map(r -> r.stream().map(Html::esc).toList()).toList()))
          .markdown(TextTable.markdown(header, rows)).json(Json.of(dims)).build());
    }
    if (p.size() > 1) {
      throw new KernelError("%dimension takes at most one id, got " + p.size(), "e.g. %dimension memory");
    }
    String id = p.get(0);
    DimensionInfo d = dims.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(() -> new NotFoundException(
        "Dimension", id, dev.gocause.graph.query.CloseMatches.among(id, dims.stream().map(DimensionInfo::id).toList())));
    Page<CauseSummary> causes = q.causes(id, 200, null);
    List<String> header = List.of("id", s.t("根因", "root cause"), s.t("严重程度", "severity"));
    List<List<String>> rows = causes.items().stream().map(c -> List.of(c.id(), s.t(c.nameZh(), c.nameEn()), c.severity())).toList();
    String title = s.t(d.nameZh(), d.nameEn()) + " (" + d.id() + ") — " + s.t(d.descriptionZh(), d.descriptionEn());
    return List.of(Output.text(title + "\n\n" + TextTable.plain(header, rows))
        .html("<p><b>" + Html.esc(title) + "</b></p>" + Html.table(header, rows.stream().map(r -> r.stream().map(Html::esc).toList()).toList()))
        .markdown("**" + title + "**\n\n" + TextTable.markdown(header, rows))
        .json(Map.of("dimension", Json.of(d), "causes", Json.of(causes.items()))).build());
  }
}
