package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import dev.gocause.kernel.input.UrlInput;
import dev.gocause.graph.diagnosis.Diagnosis;
import dev.gocause.graph.diagnosis.DiagnosisRenderer;
import dev.gocause.graph.diagnosis.DiagnosisRequest;
import dev.gocause.graph.diagnosis.SourceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.gocause.graph.diagnosis.ModelData.FixInfo;
import dev.gocause.kernel.render.Decimals;
import dev.gocause.kernel.render.GraphSvg;
import dev.gocause.kernel.render.Html;
import dev.gocause.kernel.render.Json;
import dev.gocause.kernel.render.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.time.Duration;

/**
 * {@code %diagnose TEXT} / {@code %%diagnose}: ranked root causes for what you see (a panic, a
 * dump, a race report, a sentence), as a table with the evidence, plus the subgraph
 * symptoms → causes → fixes.
 */
public final class DiagnoseMagic extends SimpleMagic {
  public DiagnoseMagic() {
    super("diagnose", "%diagnose [--limit N] TEXT|URL   |   %%diagnose [--limit N] [--source DIR] [--simulation-budget MS] + pasted output",
        "Rank root causes for a symptom description, a panic line, a goroutine dump (pasted, or a live service's by URL) or a race report; evidence and a drawing.",
        "根据症状描述、panic 信息、goroutine 转储（粘贴，或按 URL 读取运行中服务的）或竞态报告给出按可能性排序的根因，附证据与子图。",
        List.of("%diagnose fatal error: all goroutines are asleep - deadlock!", "%diagnose 程序偶尔卡住，没有任何输出",
            "%diagnose http://localhost:6060/debug/pprof/goroutine?debug=2", "%%diagnose\npanic: close of nil channel"),
        ArgKind.TEXT, List.of("--limit", "--source", "--simulation-budget"));
  }

  @Override
  public boolean cellForm() {
    return true;
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    int limit = DiagnosisRequest.DEFAULT_LIMIT;
    Duration budget = SIMULATION_BUDGET;
    String text;
    // the Go sources behind the frames: --source DIR, else the notebook's working directory (only files frames name are read)
    Path source = Path.of("").toAbsolutePath();
    if (inv.cellForm()) {
      inv.checkFlags(flags());
      limit = inv.flagValue("--limit").map(DiagnoseMagic::number).orElse(limit);
      budget = inv.flagValue("--simulation-budget").map(DiagnoseMagic::budget).orElse(budget);
      String dir = inv.flagValue("--source").orElse(null);
      if (dir != null) {
        source = Path.of(dir);
        if (!Files.isDirectory(source)) {
          throw new KernelError("--source " + dir + " is not a folder", "give the folder holding the Go sources behind the stack frames");
        }
      }
      text = inv.body();
    } else {
      // %diagnose --limit 3 TEXT: the flags the CLI and the cell form take, before the text
      text = inv.args().strip();
      java.util.regex.Matcher m;
      while ((m = LEADING_FLAG.matcher(text)).lookingAt()) {
        String value = m.group(2);
        switch (m.group(1)) {
          case "--limit" -> limit = number(value);
          case "--simulation-budget" -> budget = budget(value);
          default -> {
            source = Path.of(value);
            if (!Files.isDirectory(source)) {
              throw new KernelError("--source " + value + " is not a folder", "give the folder holding the Go sources behind the stack frames");
            }
          }
        }
        text = text.substring(m.end()).strip();
      }
    }
    String single = text.strip();
    if (UrlInput.isUrl(single) && single.chars().noneMatch(Character::isWhitespace)) {
      text = UrlInput.text(single); // a live service's dump: http://HOST:PORT/debug/pprof/goroutine?debug=2
    }
    if (text.isBlank()) {
      throw new KernelError("%diagnose needs something to look at",
          "write %diagnose followed by what you see, or %%diagnose with the pasted output below it");
    }
    Diagnosis d = s.diagnosis().diagnose(new DiagnosisRequest(text, limit, s.lang().code()).withSources(SourceFiles.directory(source))
        .withSimulationBudget(budget));
    List<Output> out = new ArrayList<>();
    out.add(table(d, s));
    if (d.found()) {
      out.add(drawing(d, s));
    }
    return out;
  }

  /** The code that runs is simulated for this long by default: a notebook waits longer than the API, less than the CLI's cold start. */
  static final Duration SIMULATION_BUDGET = Duration.ofSeconds(1);

  private static Duration budget(String v) {
    long ms;
    try {
      ms = Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new KernelError("--simulation-budget is '" + v + "', not a number of milliseconds", "e.g. --simulation-budget 2000, or 0 to not simulate");
    }
    if (ms < 0 || ms > DiagnosisRequest.MAX_SIMULATION_BUDGET.toMillis()) {
      throw new KernelError("--simulation-budget is " + ms + " ms", "use 0 (do not simulate) to " + DiagnosisRequest.MAX_SIMULATION_BUDGET.toMillis());
    }
    return Duration.ofMillis(ms);
  }

  /** {@code --limit 3 }, {@code --limit=3 } ... at the start of {@code %diagnose}'s text. */
  private static final java.util.regex.Pattern LEADING_FLAG =
      java.util.regex.Pattern.compile("(--limit|--simulation-budget|--source)(?:=|\\s+)(\\S+)(?:\\s+|$)");

  private static int number(String v) {
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new KernelError("--limit is '" + v + "', not a number", "e.g. --limit 3");
    }
    if (n < 1 || n > DiagnosisRequest.MAX_LIMIT) {
      throw new KernelError("--limit is " + n, "use 1 to " + DiagnosisRequest.MAX_LIMIT + ", e.g. --limit 3");
    }
    return n;
  }

  static Output table(Diagnosis d, Session s) {
    String lang = s.lang().code();
    StringBuilder html = new StringBuilder();
    if (!d.found()) {
      String msg = d.message() != null ? d.message()
          : s.t("没有证据指向已知根因；换个说法或粘贴完整输出", "nothing points to a known cause; describe it differently or paste the full output");
      html.append("<p>").append(Html.esc(msg)).append("</p>");
    } else {
      html.append("<table class=\"gocause\"><thead><tr>")
          .append(th("#")).append(th(s.t("根因", "root cause"))).append(th(s.t("得分", "score")))
          .append(th(s.t("把握", "confidence"))).append(th(s.t("证据", "evidence"))).append(th(s.t("修复", "fixes")))
          .append("</tr></thead><tbody>");
      int rank = 1;
      for (Diagnosis.RankedCause c : d.causes()) {
        String evidence = c.evidence().stream().limit(5).map(e -> Html.esc(s.t(DiagnosisRenderer.evidenceKindZh(e.kind()), e.kind())) + ": <code>" + Html.esc(abbrev(e.text()))
            + "</code>" + (e.symptom() == null ? "" : " → " + Html.esc(s.t(e.symptom().nameZh(), e.symptom().nameEn())))
            + " <small>(" + Decimals.fixed(e.contribution(), 2) + ")</small>"
            + (e.replay() == null ? "" : "<br><small>" + Html.esc(s.t("重放", "replay")) + ": <code>" + Html.esc(e.replay()) + "</code></small>"))
            .collect(Collectors.joining("<br>"));
        String fixes = c.fixes().stream().map(f -> Html.esc(s.t(f.nameZh(), f.nameEn())) + " <small><code>" + Html.esc(f.id()) + "</code></small>")
            .collect(Collectors.joining("<br>"));
        html.append("<tr>").append(td(String.valueOf(rank++)))
            .append(td("<b>" + Html.esc(s.t(c.nameZh(), c.nameEn())) + "</b><br><small><code>" + Html.esc(c.id()) + "</code></small>"))
            .append(td(Decimals.fixed(c.score(), 2))).append(td(Html.esc(s.t(c.confidence().nameZh(), c.confidence().name()))))
            .append(td(evidence)).append(td(fixes)).append("</tr>");
      }
      html.append("</tbody></table>");
      askBack(html, d.askBack(), s);
    }
    return Output.text(DiagnosisRenderer.text(d, lang))
        .markdown(DiagnosisRenderer.markdown(d, lang))
        .html(html.toString())
        .json(Json.of(d))
        .build();
  }

  /** When the leading causes are close: the question separating them and the commands answering it (as text and markdown show it). */
  private static void askBack(StringBuilder html, Diagnosis.AskBack a, Session s) {
    if (a == null) {
      return;
    }
    html.append("<p class=\"gocause-ask-back\"><b>").append(Html.esc(s.t("要区分前两个根因,请确认:", "To tell the leading causes apart: ")))
        .append("</b>").append(Html.esc(s.t(a.questionZh(), a.questionEn())));
    for (var k : a.commands()) {
      html.append("<br><code>").append(Html.esc(k.commandLine())).append("</code>");
    }
    html.append("</p>");
  }

  /** Observed symptoms → ranked causes → their fixes. */
  static Output drawing(Diagnosis d, Session s) {
    Map<String, GraphSvg.Node> nodes = new LinkedHashMap<>();
    List<GraphSvg.Edge> edges = new ArrayList<>();
    for (Diagnosis.RankedCause c : d.causes()) {
      String ck = "RootCause:" + c.id();
      nodes.putIfAbsent(ck, new GraphSvg.Node(ck, "RootCause", c.id(), c.nameZh(), c.nameEn(), c == d.causes().get(0)));
      for (Diagnosis.CauseEvidence e : c.evidence()) {
        if (e.symptom() != null) {
          String sk = "Symptom:" + e.symptom().id();
          nodes.putIfAbsent(sk, new GraphSvg.Node(sk, "Symptom", e.symptom().id(), e.symptom().nameZh(), e.symptom().nameEn(), false));
          if (edges.stream().noneMatch(x -> x.from().equals(sk) && x.to().equals(ck))) {
            edges.add(new GraphSvg.Edge(sk, ck, "INDICATES", e.weight()));
          }
        }
      }
      for (FixInfo f : c.fixes()) {
        String fk = "Fix:" + f.id();
        nodes.putIfAbsent(fk, new GraphSvg.Node(fk, "Fix", f.id(), f.nameZh(), f.nameEn(), false));
        edges.add(new GraphSvg.Edge(ck, fk, "FIXED_BY", null));
      }
    }
    String plain = d.causes().size() + " cause(s): " + d.causes().stream().map(Diagnosis.RankedCause::id).collect(Collectors.joining(", "));
    return Output.text(plain).svg(GraphSvg.draw(List.copyOf(nodes.values()), edges, s.lang() == Lang.ZH)).build();
  }

  private static String th(String s) {
    return "<th style=\"text-align:left\">" + Html.esc(s) + "</th>";
  }

  private static String td(String html) {
    return "<td style=\"text-align:left;vertical-align:top\">" + html + "</td>";
  }

  private static String abbrev(String s) {
    String one = s == null ? "" : s.replace('\n', ' ').strip();
    return one.length() <= 90 ? one : one.substring(0, 89) + "…";
  }
}
