package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import dev.gocause.kernel.render.Output;
import java.util.List;
import java.util.Map;

/** {@code %lang zh|en}: the language of names and descriptions in later outputs. */
public final class LangMagic implements Magic {

  @Override
  public String name() {
    return "lang";
  }

  @Override
  public String usage() {
    return "%lang [zh|en]";
  }

  @Override
  public String summaryEn() {
    return "Show or set the output language (Chinese or English).";
  }

  @Override
  public String summaryZh() {
    return "查看或设置输出语言（中文或英文）。";
  }

  @Override
  public List<String> examples() {
    return List.of("%lang zh", "%lang en");
  }

  @Override
  public ArgKind argKind() {
    return ArgKind.LANG;
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    inv.checkFlags(flags());
    List<String> pos = inv.positional(List.of());
    if (pos.size() > 1) {
      throw new KernelError("%lang takes one argument, got " + pos.size(), "write %lang zh or %lang en");
    }
    if (pos.size() == 1) {
      Lang l = Lang.parse(pos.get(0)).orElseThrow(() -> new KernelError(
          "unknown language '" + pos.get(0) + "'", "write %lang zh or %lang en"));
      s.lang(l);
    }
    String msg = s.t("输出语言：中文 (zh)", "output language: English (en)");
    return List.of(Output.text(msg)
        .markdown(msg)
        .json(Map.of("lang", s.lang().code()))
        .build());
  }
}
