package dev.gocause.kernel.magic;

import dev.gocause.graph.query.CommandInfo;
import dev.gocause.kernel.render.Html;
import dev.gocause.kernel.render.Json;
import dev.gocause.kernel.render.Output;
import dev.gocause.kernel.render.TextTable;
import java.util.List;

/** {@code %commands}: the diagnostic commands and what their output shows. */
public final class CommandsMagic extends SimpleMagic {
  public CommandsMagic() {
    super("commands", "%commands",
        "List the diagnostic commands (race detector, goroutine dumps, pprof, vet ...) and what each shows.",
        "列出诊断命令（竞态检测、goroutine 转储、pprof、vet 等）及其输出含义。",
        List.of("%commands"), ArgKind.NONE, List.of());
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    exactly(inv, 0, List.of());
    List<CommandInfo> cmds = s.graph().queries().commands(200, null).items();
    List<String> header = List.of("id", s.t("命令", "command"), s.t("显示什么", "what it shows"));
    List<List<String>> rows = cmds.stream().map(c -> List.of(c.id(), c.commandLine(), s.t(c.showsZh(), c.showsEn()))).toList();
    return List.of(Output.text(TextTable.plain(header, rows))
        .html(Html.table(header, cmds.stream().map(c -> List.of(Html.esc(c.id()), Html.code(c.commandLine()), Html.esc(s.t(c.showsZh(), c.showsEn())))).toList()))
        .markdown(TextTable.markdown(header, rows)).json(Json.of(cmds)).build());
  }
}
