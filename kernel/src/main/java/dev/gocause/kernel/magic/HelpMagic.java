package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import dev.gocause.kernel.render.Html;
import dev.gocause.kernel.render.Output;
import dev.gocause.kernel.render.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code %help [NAME]}: every registered magic with its usage, summary and examples. */
public final class HelpMagic implements Magic {

  @Override
  public String name() {
    return "help";
  }

  @Override
  public String usage() {
    return "%help [MAGIC]";
  }

  @Override
  public String summaryEn() {
    return "List the magics with examples, or explain one.";
  }

  @Override
  public String summaryZh() {
    return "列出所有魔法命令及示例，或说明其中一个。";
  }

  @Override
  public List<String> examples() {
    return List.of("%help", "%help cause");
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    inv.checkFlags(flags());
    List<String> pos = inv.positional(List.of());
    List<Magic> magics;
    if (pos.isEmpty()) {
      magics = new ArrayList<>(s.registry().all());
    } else {
      String want = pos.get(0).replaceFirst("^%%?", "");
      Magic m = s.registry().find(want).orElseThrow(() -> new KernelError(
          "no magic named " + pos.get(0),
          "known: " + String.join(" ", s.registry().spellings())));
      magics = List.of(m);
    }
    List<String> header = List.of(s.t("用法", "usage"), s.t("作用", "what it does"), s.t("示例", "examples"));
    List<List<String>> plainRows = new ArrayList<>();
    List<List<String>> htmlRows = new ArrayList<>();
    List<Map<String, Object>> json = new ArrayList<>();
    for (Magic m : magics) {
      String summary = s.t(m.summaryZh(), m.summaryEn());
      plainRows.add(List.of(m.usage(), summary, String.join("  ;  ", m.examples())));
      htmlRows.add(List.of(
          Html.code(m.usage()),
          Html.esc(summary),
          String.join("<br>", m.examples().stream().map(Html::code).toList())));
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("name", m.name());
      j.put("line", m.lineForm());
      j.put("cell", m.cellForm());
      j.put("usage", m.usage());
      j.put("summaryEn", m.summaryEn());
      j.put("summaryZh", m.summaryZh());
      j.put("examples", m.examples());
      j.put("flags", m.flags());
      json.add(j);
    }
    String title = s.t("gocause 魔法命令（%lang zh|en 切换语言）", "gocause magics (%lang zh|en switches the language)");
    String plain = title + "\n\n" + detailed(magics, s);
    return List.of(Output.text(plain)
        .html("<p><b>" + Html.esc(title) + "</b></p>" + Html.table(header, htmlRows))
        .markdown("**" + title + "**\n\n" + TextTable.markdown(header, plainRows))
        .json(Map.of("magics", json))
        .build());
  }

  private static String detailed(List<Magic> magics, Session s) {
    StringBuilder b = new StringBuilder();
    for (Magic m : magics) {
      b.append(m.usage()).append('\n').append("    ").append(s.t(m.summaryZh(), m.summaryEn())).append('\n');
      for (String e : m.examples()) {
        b.append("    e.g. ").append(e.replace("\n", "\n         ")).append('\n');
      }
    }
    return b.toString().stripTrailing();
  }
}
