package dev.gocause.graph.guide;

import dev.gocause.graph.guide.GuideData.CaseItem;
import dev.gocause.graph.guide.GuideData.Chapter;
import dev.gocause.graph.guide.GuideData.CorrectionItem;
import dev.gocause.graph.guide.GuideData.DimensionItem;
import dev.gocause.graph.guide.GuideData.PathExample;
import dev.gocause.graph.guide.GuideData.Search;
import dev.gocause.graph.guide.GuideData.SectionItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@link GuideData} as a Neo4j Browser guide, the HTML format Browser 5 accepts for
 * {@code :play <url>}: each {@code <slide>} becomes one page of a carousel;
 * {@code <pre class="runnable">} blocks get a play icon that runs them (a click on the text
 * copies them into the editor); {@code data-populate} elements behave the same for Browser commands.
 * Scripts and {@code on*} attributes would be stripped by the Browser, so there are none.
 *
 * <p>All graph text is HTML-escaped; ids placed inside Cypher literals are escaped as Cypher
 * strings. Every runnable query is also returned in {@link Guide#queries()}, so tests can run
 * them against the graph.
 */
public final class GuideRenderer {
  /** Rows the table queries return at most (the Browser shows the rest on scroll anyway). */
  private static final int TABLE_LIMIT = 50;

  private final StringBuilder html = new StringBuilder();
  private final List<Guide.Query> queries = new ArrayList<>();
  private String slide = "";

  private GuideRenderer() {}

  public static Guide render(GuideData data, GuideLinks links) {
    GuideRenderer r = new GuideRenderer();
    r.page(data, links);
    return new Guide(r.html.toString(), r.queries);
  }

  private void page(GuideData d, GuideLinks links) {
    String title = d.titleZh().isEmpty() ? "gocause" : d.titleZh();
    html.append("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<title>gocause · ")
        .append(esc(title)).append("</title>\n</head>\n<body>\n")
        .append("<article class=\"guide\">\n<carousel class=\"deck container-fluid\">\n");
    welcome(d, links);
    dimensions(d);
    for (Chapter c : d.chapters()) {
      chapter(c);
    }
    d.path().ifPresent(this::path);
    corrections(d);
    cases(d);
    d.search().ifPresent(this::search);
    html.append("</carousel>\n</article>\n</body>\n</html>\n");
  }

  // ---- slides -------------------------------------------------------------------------------

  private void welcome(GuideData d, GuideLinks links) {
    open("欢迎", "Welcome");
    aside(d.titleZh().isEmpty() ? "gocause" : d.titleZh(), d.titleEn(),
        "这是一张 Go 并发故障的知识图谱:从看到的现象出发,经过根因,走到排查命令和修复方法。",
        "A knowledge graph of Go concurrency failures: start from what you observe, follow it to the root cause, "
            + "then to the commands that confirm it and the fixes.");
    main();
    html.append("<p>知识版本 / knowledge version <code>").append(esc(d.version().isEmpty() ? "?" : d.version()))
        .append("</code>: ");
    List<String> parts = new ArrayList<>();
    for (String label : List.of("Symptom", "RootCause", "Dimension", "Fix", "Command", "Case", "Correction", "Section")) {
      if (d.count(label) > 0) {
        parts.add("<b>" + d.count(label) + "</b> " + label);
      }
    }
    html.append(String.join(", ", parts)).append(".</p>\n");
    html.append("<p>点击代码块左侧的 <i class=\"fa fa-play-circle-o\"></i> 直接运行;点击代码本身则把它放进编辑器,改完再运行。"
        + "<br>Click the play icon beside a code block to run it; click the code itself to copy it into the editor "
        + "and edit it first.</p>\n");
    // data-populate: the Browser adds a play icon that runs it in a new frame (a click on the text only
    // fills the editor); data-exec would replace the guide's own frame with the style frame.
    html.append("<p><span data-populate=\":style ").append(esc(links.styleUrl())).append("\">")
        .append("应用 gocause 配色,节点显示中文名(运行一次即可)/ apply the gocause style so nodes show their Chinese "
            + "names (once is enough)</span></p>\n");
    html.append("<p>先看全貌:每个根因连到它所属的维度。<br>The whole picture first: every root cause linked to its dimension.</p>\n");
    graph("MATCH p=(c:RootCause)-[:IN_DIMENSION]->(d:Dimension)\nRETURN p");
    html.append("<p>各类节点的数量 / how many nodes of each kind:</p>\n");
    table("MATCH (n)\nRETURN labels(n)[0] AS label, count(*) AS nodes\nORDER BY nodes DESC");
    close();
  }

  private void dimensions(GuideData d) {
    open("四个维度", "The four dimensions");
    aside("四个维度", "The " + (d.dimensions().size() == 4 ? "four" : String.valueOf(d.dimensions().size())) + " dimensions",
        "每个根因至少属于一个维度:它是调度、内存、同步原语还是语言语义上的问题。",
        "Every root cause belongs to at least one dimension: is it about scheduling, memory, the synchronisation "
            + "primitives, or the semantics of the language?");
    main();
    if (d.dimensions().isEmpty()) {
      html.append("<p>图中还没有维度节点。/ The graph holds no Dimension nodes yet.</p>\n");
    } else {
      html.append("<dl>\n");
      for (DimensionItem dim : d.dimensions()) {
        html.append("<dt>").append(esc(dim.nameZh())).append(" / ").append(esc(dim.nameEn()))
            .append(" <small>(<code>").append(esc(dim.id())).append("</code>, ").append(dim.causes())
            .append(" 个根因 / root causes)</small></dt>\n<dd>").append(esc(dim.descriptionZh()));
        if (!dim.descriptionEn().isEmpty()) {
          html.append("<br>").append(esc(dim.descriptionEn()));
        }
        html.append("</dd>\n");
      }
      html.append("</dl>\n");
      DimensionItem first = d.dimensions().stream().filter(x -> x.causes() > 0).findFirst().orElse(d.dimensions().get(0));
      html.append("<p>只看一个维度(改掉 id 即可换成别的维度)。<br>One dimension at a time (change the id for another):</p>\n");
      if (first.causes() > 0) {
        graph("MATCH p=(c:RootCause)-[:IN_DIMENSION]->(d:Dimension {id: " + lit(first.id()) + "})\nRETURN p");
      }
      html.append("<p>每个维度下的根因 / root causes per dimension:</p>\n");
      table("MATCH (c:RootCause)-[:IN_DIMENSION]->(d:Dimension)\n"
          + "RETURN d.nameZh AS `维度`, d.nameEn AS dimension, count(c) AS causes,\n"
          + "       collect(c.nameZh) AS `根因`\nORDER BY causes DESC");
    }
    close();
  }

  private void chapter(Chapter c) {
    String zh = "第 " + c.number() + " 章";
    String en = "Chapter " + c.number();
    open(zh, en);
    SectionItem self = c.self().orElse(null);
    aside(zh + (self == null ? "" : ":" + self.titleZh()), en + (self == null ? "" : ": " + self.titleEn()),
        "本章各节在图中对应的节点,经由 DESCRIBED_IN 关系连到该节。",
        "The nodes drawn from this chapter, each linked to its section by DESCRIBED_IN.");
    main();
    html.append("<table class=\"table\">\n<tr><th>节 / section</th><th>标题 / title</th><th>节点 / nodes</th>"
        + "<th>根因 / root causes</th></tr>\n");
    for (SectionItem s : c.sections()) {
      html.append("<tr><td><code>").append(esc(s.number())).append("</code></td><td>").append(esc(s.titleZh()))
          .append("<br><small>").append(esc(s.titleEn())).append("</small></td><td>").append(s.entries())
          .append("</td><td>").append(s.rootCauses()).append("</td></tr>\n");
    }
    html.append("</table>\n");
    String where = "WHERE s.number = " + lit(c.number()) + " OR s.number STARTS WITH " + lit(c.number() + ".");
    if (c.entries() > 0) {
      html.append("<p>本章的节及其描述的节点 / the chapter's sections and what they describe:</p>\n");
      graph("MATCH (s:Section) " + where + "\nMATCH p=(x)-[:DESCRIBED_IN]->(s)\nRETURN p");
    }
    if (c.rootCauses() > 0) {
      html.append("<p>本章的根因、机制与严重程度 / the chapter's root causes, their mechanism and severity:</p>\n");
      table("MATCH (s:Section) " + where + "\nMATCH (c:RootCause)-[:DESCRIBED_IN]->(s)\n"
          + "RETURN s.number AS section, c.nameZh AS `根因`, c.nameEn AS cause, c.severity AS severity,\n"
          + "       c.mechanismZh AS `机制`\nORDER BY section, cause");
      html.append("<p>哪些现象指向本章的根因 / which symptoms point at this chapter's causes:</p>\n");
      graph("MATCH (s:Section) " + where + "\nMATCH (c:RootCause)-[:DESCRIBED_IN]->(s)\n"
          + "MATCH p=(:Symptom)-[:INDICATES]->(c)\nRETURN p");
    }
    close();
  }

  private void path(PathExample p) {
    open("从现象到修复", "From symptom to fix");
    aside("从现象到修复", "From symptom to fix",
        "诊断沿着图走:现象 INDICATES 根因(带权重),根因 FIXED_BY 修复,CONFIRMED_BY 排查命令。",
        "A diagnosis walks the graph: a symptom INDICATES root causes (with a weight), each cause is FIXED_BY "
            + "fixes and CONFIRMED_BY commands.");
    main();
    html.append("<p>例子 / example: <b>").append(esc(p.nameZh())).append("</b> / ").append(esc(p.nameEn()))
        .append(" (<code>").append(esc(p.symptomId())).append("</code>):")
        .append(p.causes()).append(" 个可修复的根因 / fixable causes, ").append(p.fixes())
        .append(" 个修复 / fixes.</p>\n");
    String id = lit(p.symptomId());
    graph("MATCH p=(s:Symptom {id: " + id + "})-[:INDICATES]->(c:RootCause)-[:FIXED_BY]->(f:Fix)\nRETURN p LIMIT 25");
    html.append("<p>按权重排列的候选根因 / candidate causes by weight:</p>\n");
    table("MATCH (s:Symptom {id: " + id + "})-[i:INDICATES]->(c:RootCause)\n"
        + "RETURN c.nameZh AS `根因`, c.nameEn AS cause, i.weight AS weight\nORDER BY weight DESC");
    if (p.commands() > 0) {
      html.append("<p>用哪些命令确认 / the commands that confirm them:</p>\n");
      table("MATCH (s:Symptom {id: " + id + "})-[:INDICATES]->(c:RootCause)-[:CONFIRMED_BY]->(cmd:Command)\n"
          + "RETURN cmd.nameZh AS `命令`, cmd.commandLine AS commandLine, collect(DISTINCT c.nameEn) AS confirms\n"
          + "ORDER BY size(confirms) DESC");
    }
    close();
  }

  private void corrections(GuideData d) {
    open("勘误", "Corrections");
    aside("勘误", "Corrections",
        "原始资料有几处不对。每条勘误写明原说法、实际情况,以及用 Go 1.19 验证的证据。",
        "The source document is wrong in places. Each correction states the claim, what is actually true, "
            + "and the evidence, checked with Go 1.19.");
    main();
    if (d.corrections().isEmpty()) {
      html.append("<p>图中还没有勘误节点。/ The graph holds no Correction nodes yet.</p>\n");
    } else {
      html.append("<ul>\n");
      for (CorrectionItem c : d.corrections()) {
        html.append("<li><code>").append(esc(c.source())).append("</code> <b>").append(esc(c.nameZh()))
            .append("</b><br>").append(esc(c.nameEn())).append("</li>\n");
      }
      html.append("</ul>\n");
      if (d.corrections().stream().anyMatch(c -> c.targets() > 0)) {
        graph("MATCH p=(c:Correction)-[:CORRECTS]->(x)\nRETURN p");
      }
      table("MATCH (c:Correction)\nRETURN c.source AS section, c.nameZh AS `勘误`, c.truthZh AS `实际情况`,\n"
          + "       c.truthEn AS truth, c.evidence AS evidence\nORDER BY section");
    }
    close();
  }

  private void cases(GuideData d) {
    open("可运行的案例", "Runnable cases");
    aside("可运行的案例", "Runnable cases",
        "每个案例是一段小的 Go 程序,有缺陷版和修复版;它演示哪个根因、表现出哪些现象,都在图里。",
        "Each case is a small Go program with a buggy and a fixed variant; the graph records which root cause "
            + "it demonstrates and which symptoms it shows.");
    main();
    if (d.cases().isEmpty()) {
      html.append("<p>图中还没有案例节点。/ The graph holds no Case nodes yet.</p>\n");
    } else {
      html.append("<p>").append(d.cases().size()).append(" 个有缺陷的案例 / buggy cases, ")
          .append(d.cases().stream().filter(c -> !c.fixedVariant().isEmpty()).count())
          .append(" 个带修复版 / with a fixed variant. 例如 / for example:</p>\n<ul>\n");
      for (CaseItem c : d.cases().subList(0, Math.min(6, d.cases().size()))) {
        html.append("<li><code>").append(esc(c.id())).append("</code> ").append(esc(c.nameZh()));
        if (!c.expectedOutcome().isEmpty()) {
          html.append(" → <b>").append(esc(c.expectedOutcome())).append("</b>");
        }
        html.append("</li>\n");
      }
      html.append("</ul>\n");
      CaseItem first = d.cases().get(0);
      html.append("<p>一个案例与它的根因、现象和修复版 / one case with its cause, symptoms and fixed variant:</p>\n");
      graph("MATCH p=(k:Case {id: " + lit(first.id()) + "})-[:DEMONSTRATES|EXHIBITS|FIXED_VARIANT]->()\nRETURN p");
      html.append("<p>所有有缺陷的案例 / every buggy case:</p>\n");
      table("MATCH (k:Case)-[:DEMONSTRATES]->(c:RootCause)\nWHERE k.variant <> 'fixed'\n"
          + "RETURN k.id AS caseId, k.expectedOutcome AS outcome, collect(c.id) AS demonstrates\nORDER BY caseId");
    }
    close();
  }

  private void search(Search s) {
    open("用中文查询", "Searching in Chinese");
    aside("用中文查询", "Searching in Chinese",
        "每个节点的 searchZh 属性汇集了中文名称、别名和描述,由 cjk 分析器按相邻两字建索引,所以不必分词。",
        "Each node's searchZh property gathers its Chinese names, aliases and descriptions; the cjk analyzer "
            + "indexes pairs of adjacent characters, so no word segmentation is needed.");
    main();
    html.append("<p>在这里改查询词,下面的查询会跟着变 / type a term here and the query below follows: "
        + "<input value-for=\"zhTerm\" class=\"form-control\" value=\"").append(esc(s.zhTerm())).append("\"></p>\n");
    String zhCall = "CALL db.index.fulltext.queryNodes(" + lit(s.zhIndex()) + ", ";
    withTerm(zhCall, s.zhTerm(), ")\nYIELD node, score\nRETURN labels(node)[0] AS label, node.id AS id, "
        + "node.nameZh AS `名称`, score\nORDER BY score DESC LIMIT 10", false);
    html.append("<p>从搜到的现象画出它们指向的根因 / draw the causes the matching symptoms point at:</p>\n");
    withTerm(zhCall, s.zhTerm(), ")\nYIELD node, score\nWHERE node:Symptom\n"
        + "MATCH p=(node)-[:INDICATES]->(:RootCause)\nRETURN p LIMIT 25", true);
    if (!s.enIndex().isEmpty() && !s.enTerm().isEmpty()) {
      html.append("<p>英文用 searchEn 索引 / English goes through the searchEn index:</p>\n");
      table("CALL db.index.fulltext.queryNodes(" + lit(s.enIndex()) + ", " + lit(lucene(s.enTerm())) + ")\n"
          + "YIELD node, score\nRETURN labels(node)[0] AS label, node.id AS id, node.nameEn AS name, score\n"
          + "ORDER BY score DESC LIMIT 10");
    }
    html.append("<p>查询语法是 Lucene 的:<code>挂起 OR 阻塞</code>、<code>\"死锁\"</code>;"
        + "特殊字符前加反斜杠。<br>The query syntax is Lucene's (<code>OR</code>, quotes for phrases); "
        + "put a backslash before special characters.</p>\n");
    close();
  }

  // ---- building blocks ----------------------------------------------------------------------

  private void open(String zh, String en) {
    slide = zh + " / " + en;
    html.append("<slide class=\"row-fluid\">\n");
  }

  private void aside(String titleZh, String titleEn, String textZh, String textEn) {
    html.append("<div class=\"col-sm-3\">\n<h3>").append(esc(titleZh)).append("</h3>\n<p class=\"lead\">")
        .append(esc(titleEn)).append("</p>\n<p>").append(esc(textZh)).append("</p>\n<p>").append(esc(textEn))
        .append("</p>\n</div>\n");
  }

  private void main() {
    html.append("<div class=\"col-sm-9\">\n");
  }

  private void close() {
    html.append("</div>\n</slide>\n");
  }

  /**
   * A runnable block whose search term follows the slide's {@code <input value-for="zhTerm">} (the
   * Browser copies what is typed into every {@code value-key="zhTerm"} element).
   */
  private void withTerm(String head, String term, String tail, boolean drawsGraph) {
    queries.add(new Guide.Query(slide, head + lit(lucene(term)) + tail, drawsGraph));
    html.append("<figure><pre class=\"pre-scrollable code runnable\">").append(esc(head))
        .append("'<span value-key=\"zhTerm\">").append(esc(cypherEscape(lucene(term)))).append("</span>'")
        .append(esc(tail)).append("</pre></figure>\n");
  }

  private void graph(String cypher) {
    runnable(cypher, true);
  }

  private void table(String cypher) {
    runnable(cypher.contains("LIMIT") ? cypher : cypher + " LIMIT " + TABLE_LIMIT, false);
  }

  private void runnable(String cypher, boolean drawsGraph) {
    queries.add(new Guide.Query(slide, cypher, drawsGraph));
    html.append("<figure><pre class=\"pre-scrollable code runnable\">").append(esc(cypher)).append("</pre></figure>\n");
  }

  /** A Cypher string literal (single quotes, backslash escapes). */
  static String lit(String value) {
    return "'" + cypherEscape(value) + "'";
  }

  /** Escapes Lucene query syntax so a term taken from the graph is searched as plain words. */
  static String lucene(String term) {
    StringBuilder b = new StringBuilder(term.length() + 8);
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if ("+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  private static String cypherEscape(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }

  static String esc(String text) {
    return dev.gocause.graph.HtmlText.escape(text);
  }
}
