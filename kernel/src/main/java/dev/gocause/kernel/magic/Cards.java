package dev.gocause.kernel.magic;

import dev.gocause.graph.query.CauseDetail;
import dev.gocause.graph.query.CommandInfo;
import dev.gocause.graph.query.FixInfo;
import dev.gocause.graph.query.NodeRef;
import dev.gocause.graph.query.SymptomDetail;
import dev.gocause.graph.query.WeightedRef;
import dev.gocause.kernel.render.Decimals;
import dev.gocause.kernel.render.GraphSvg;
import dev.gocause.kernel.render.Html;
import dev.gocause.kernel.render.Json;
import dev.gocause.kernel.render.Output;
import java.util.ArrayList;
import java.util.List;

/** Renders look-up results (a cause, a symptom, a fix) in every form, in the session's language. */
final class Cards {
  private Cards() {}

  /** Plain, Markdown and HTML built side by side. */
  static final class Doc {
    final StringBuilder plain = new StringBuilder();
    final StringBuilder md = new StringBuilder();
    final StringBuilder html = new StringBuilder();

    Doc title(String label, String id, String name, String other) {
      plain.append(label).append(' ').append(id).append('\n').append(name).append(" / ").append(other).append('\n');
      md.append("### ").append(name).append(" / ").append(other).append("\n`").append(label).append(' ').append(id).append("`\n\n");
      html.append("<h3 style=\"margin:4px 0\">").append(Html.esc(name)).append(" <small style=\"color:#666\">")
          .append(Html.esc(other)).append("</small></h3><div><code>").append(Html.esc(label + " " + id)).append("</code></div>");
      return this;
    }

    Doc para(String heading, String text) {
      if (text == null || text.isBlank()) {
        return this;
      }
      plain.append('\n').append(heading).append(": ").append(text.strip()).append('\n');
      md.append("**").append(heading).append("**: ").append(text.strip()).append("\n\n");
      html.append("<p><b>").append(Html.esc(heading)).append("</b>: ").append(Html.esc(text.strip())).append("</p>");
      return this;
    }

    Doc list(String heading, List<String> items) {
      if (items.isEmpty()) {
        return this;
      }
      plain.append('\n').append(heading).append(":\n");
      md.append("**").append(heading).append("**\n\n");
      html.append("<p><b>").append(Html.esc(heading)).append("</b></p><ul>");
      for (String i : items) {
        plain.append("  - ").append(i).append('\n');
        md.append("- ").append(i).append('\n');
        html.append("<li>").append(Html.esc(i)).append("</li>");
      }
      md.append('\n');
      html.append("</ul>");
      return this;
    }

    Doc code(String heading, String code) {
      if (code == null || code.isBlank()) {
        return this;
      }
      plain.append('\n').append(heading).append(":\n").append(code.stripTrailing()).append('\n');
      md.append("**").append(heading).append("**\n\n```go\n").append(code.stripTrailing()).append("\n```\n\n");
      html.append("<p><b>").append(Html.esc(heading)).append("</b></p>").append(Html.pre(code.stripTrailing()));
      return this;
    }

    Output output(Object json) {
      return Output.text(plain.toString().strip()).markdown(md.toString().strip()).html(html.toString()).json(Json.of(json)).build();
    }
  }

  static String named(Session s, String id, String zh, String en) {
    return s.t(zh, en) + " (" + id + ")";
  }

  static String weighted(Session s, WeightedRef w) {
    return named(s, w.id(), w.nameZh(), w.nameEn()) + "  weight " + Decimals.fixed(w.weight(), 2);
  }

  static String command(Session s, CommandInfo c) {
    return c.commandLine() + "  — " + s.t(c.showsZh(), c.showsEn());
  }

  static List<Output> cause(CauseDetail c, Session s) {
    Doc d = new Doc()
        .title("RootCause", c.id(), s.t(c.nameZh(), c.nameEn()), s.lang() == Lang.ZH ? c.nameEn() : c.nameZh())
        .para(s.t("机制", "Mechanism"), s.t(c.mechanismZh(), c.mechanismEn()))
        .para(s.t("严重程度", "Severity"), c.severity())
        .list(s.t("维度", "Dimensions"), c.dimensions().stream().map(r -> named(s, r.id(), r.nameZh(), r.nameEn())).toList())
        .list(s.t("由这些症状指向", "Indicated by"), c.indicatedBy().stream().map(w -> weighted(s, w)).toList())
        .list(s.t("确认命令", "Confirm with"), c.commands().stream().map(x -> command(s, x)).toList())
        .list(s.t("修复", "Fixes"), c.fixes().stream().map(f -> named(s, f.id(), f.nameZh(), f.nameEn())).toList())
        .list(s.t("涉及原语", "Primitives"), c.primitives().stream().map(r -> named(s, r.id(), r.nameZh(), r.nameEn())).toList())
        .list(s.t("可运行案例", "Cases"), c.cases().stream().map(x -> named(s, x.id(), x.nameZh(), x.nameEn()) + " [" + x.variant() + ", " + x.expectedOutcome() + "]").toList())
        .list(s.t("对原文的更正", "Corrections of the seed"), c.corrections().stream().map(x -> s.t(x.truthZh(), x.truthEn())).toList())
        .list(s.t("出处", "Sections"), c.sections().stream().map(r -> named(s, r.id(), r.nameZh(), r.nameEn())).toList());
    for (FixInfo f : c.fixes()) {
      d.code(s.t("修复前", "Before") + " — " + f.id(), f.before()).code(s.t("修复后", "After") + " — " + f.id(), f.after());
    }
    List<Output> out = new ArrayList<>();
    out.add(d.output(c));
    out.add(chain(c, s));
    return out;
  }

  /** symptoms → this cause → fixes, as a drawing. */
  static Output chain(CauseDetail c, Session s) {
    List<GraphSvg.Node> nodes = new ArrayList<>();
    List<GraphSvg.Edge> edges = new ArrayList<>();
    String ck = "RootCause:" + c.id();
    nodes.add(new GraphSvg.Node(ck, "RootCause", c.id(), c.nameZh(), c.nameEn(), true));
    for (WeightedRef w : c.indicatedBy()) {
      nodes.add(new GraphSvg.Node("Symptom:" + w.id(), "Symptom", w.id(), w.nameZh(), w.nameEn(), false));
      edges.add(new GraphSvg.Edge("Symptom:" + w.id(), ck, "INDICATES", w.weight()));
    }
    for (FixInfo f : c.fixes()) {
      nodes.add(new GraphSvg.Node("Fix:" + f.id(), "Fix", f.id(), f.nameZh(), f.nameEn(), false));
      edges.add(new GraphSvg.Edge(ck, "Fix:" + f.id(), "FIXED_BY", null));
    }
    for (CommandInfo x : c.commands()) {
      nodes.add(new GraphSvg.Node("Command:" + x.id(), "Command", x.id(), x.nameZh(), x.nameEn(), false));
      edges.add(new GraphSvg.Edge(ck, "Command:" + x.id(), "CONFIRMED_BY", null));
    }
    String plain = c.indicatedBy().size() + " symptom(s) → " + c.id() + " → " + c.fixes().size() + " fix(es)";
    return Output.text(plain).svg(GraphSvg.draw(nodes, edges, s.lang() == Lang.ZH)).build();
  }

  static List<Output> symptom(SymptomDetail d, Session s) {
    Doc doc = new Doc()
        .title("Symptom", d.id(), s.t(d.nameZh(), d.nameEn()), s.lang() == Lang.ZH ? d.nameEn() : d.nameZh())
        .para(s.t("类别", "Kind"), d.kind())
        .para(s.t("说明", "Description"), s.t(d.descriptionZh(), d.descriptionEn()))
        .list(s.t("也称", "Also called"), s.lang() == Lang.ZH ? d.aliasesZh() : d.aliasesEn())
        .list(s.t("可能的根因", "Possible root causes"), d.indicates().stream().map(w -> weighted(s, w)).toList())
        .list(s.t("诊断命令", "Diagnose with"), d.diagnosedBy().stream().map(x -> command(s, x)).toList())
        .list(s.t("特征文本", "Signatures"), d.signatures().stream().map(x -> x.patternKind() + ": " + x.pattern()).toList());
    List<GraphSvg.Node> nodes = new ArrayList<>();
    List<GraphSvg.Edge> edges = new ArrayList<>();
    String sk = "Symptom:" + d.id();
    nodes.add(new GraphSvg.Node(sk, "Symptom", d.id(), d.nameZh(), d.nameEn(), true));
    for (WeightedRef w : d.indicates()) {
      nodes.add(new GraphSvg.Node("RootCause:" + w.id(), "RootCause", w.id(), w.nameZh(), w.nameEn(), false));
      edges.add(new GraphSvg.Edge(sk, "RootCause:" + w.id(), "INDICATES", w.weight()));
    }
    return List.of(doc.output(d), Output.text(d.id() + " → " + d.indicates().size() + " cause(s)")
        .svg(GraphSvg.draw(nodes, edges, s.lang() == Lang.ZH)).build());
  }

  static Output fix(FixInfo f, Session s) {
    return new Doc()
        .title("Fix", f.id(), s.t(f.nameZh(), f.nameEn()), s.lang() == Lang.ZH ? f.nameEn() : f.nameZh())
        .para(s.t("说明", "Description"), s.t(f.descriptionZh(), f.descriptionEn()))
        .list(s.t("修复的根因", "Repairs"), f.fixes().stream().map((NodeRef r) -> named(s, r.id(), r.nameZh(), r.nameEn())).toList())
        .code(s.t("修复前", "Before"), f.before())
        .code(s.t("修复后", "After"), f.after())
        .para(s.t("代价", "Trade-off"), s.t(f.tradeoffZh(), f.tradeoffEn()))
        .output(f);
  }
}
