package dev.gocause.graph.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.GraphStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;

/**
 * The guide over the real seed-data: its slides follow what the graph holds, and every runnable
 * query in it runs on that graph and returns rows (those meant to be drawn return nodes).
 */
class TheGuideIsBuiltFromTheRealGraphTest {
  static GraphStore store;
  static Guide guide;
  static GuideData data;

  @BeforeAll
  static void load() {
    store = SharedTestGraph.get();
    String repo = System.getProperty("gocause.repo");
    Path seed = Path.of(repo != null ? repo : "..").toAbsolutePath().normalize().resolve("seed-data");
    assertThat(Files.isDirectory(seed)).as("seed-data at %s", seed).isTrue();
    new KnowledgeLoader(store).load(SeedSource.fromDirectory(seed), false);
    GuideBuilder builder = new GuideBuilder(store.driver(), store.database());
    data = builder.read();
    guide = GuideRenderer.render(data, new GuideLinks("http://localhost:8080/guide/gocause.grass"));
  }

  @Test
  void every_runnable_query_runs_on_the_loaded_graph_and_returns_rows() {
    assertThat(guide.queries()).hasSizeGreaterThan(15);
    List<String> failures = new ArrayList<>();
    try (Session s = store.session()) {
      for (Guide.Query q : guide.queries()) {
        try {
          List<Record> rows = s.run(q.cypher()).list();
          if (rows.isEmpty()) {
            failures.add("no rows: [" + q.slide() + "] " + q.cypher());
          } else if (q.drawsGraph() && !hasNodes(rows)) {
            failures.add("nothing to draw: [" + q.slide() + "] " + q.cypher());
          }
        } catch (RuntimeException e) {
          failures.add(e.getMessage() + ": [" + q.slide() + "] " + q.cypher());
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void the_first_runnable_query_of_the_first_slide_draws_nodes() {
    String html = guide.html();
    int firstSlideEnd = html.indexOf("</slide>");
    int firstPre = html.indexOf("<pre class=\"pre-scrollable code runnable\">");
    assertThat(firstPre).isPositive().isLessThan(firstSlideEnd);
    assertThat(guide.queries().get(0).drawsGraph()).isTrue();
    assertThat(unescape(html.substring(firstPre, html.indexOf("</pre>", firstPre)).replaceAll("<[^>]+>", "")))
        .isEqualTo(guide.queries().get(0).cypher());
  }

  @Test
  void there_is_one_slide_per_seed_chapter_and_it_lists_the_chapters_sections_from_the_graph() {
    List<String> numbers;
    try (Session s = store.session()) {
      numbers = s.run("MATCH (s:Section) RETURN s.number AS n").list(r -> r.get("n").asString());
    }
    TreeSet<String> chapters = new TreeSet<>();
    numbers.forEach(n -> chapters.add(n.contains(".") ? n.substring(0, n.indexOf('.')) : n));
    assertThat(chapters).contains("1", "2", "3", "4", "5");
    for (String c : chapters) {
      assertThat(guide.html()).contains("<h3>第 " + c + " 章");
    }
    for (String n : numbers) {
      assertThat(guide.html()).contains("<td><code>" + n + "</code></td>");
    }
    List<String> slides = slideTitles(guide.html());
    assertThat(slides).hasSize(2 + chapters.size() + 4);
    assertThat(data.titleZh()).startsWith(slides.get(0));
  }

  @Test
  void every_dimension_with_its_names_and_a_symptom_cause_fix_path_appear() {
    try (Session s = store.session()) {
      for (Record r : s.run("MATCH (d:Dimension) RETURN d.nameZh AS zh, d.nameEn AS en").list()) {
        assertThat(guide.html()).contains(GuideRenderer.esc(r.get("zh").asString()), GuideRenderer.esc(r.get("en").asString()));
      }
    }
    assertThat(data.dimensions()).hasSize(4);
    assertThat(data.path()).isPresent();
    String pathQuery = guide.queries().stream().map(Guide.Query::cypher)
        .filter(q -> q.contains("-[:INDICATES]->(c:RootCause)-[:FIXED_BY]->(f:Fix)")).findFirst().orElseThrow();
    assertThat(pathQuery).contains("{id: '" + data.path().get().symptomId() + "'}");
  }

  @Test
  void corrections_cases_and_the_chinese_full_text_search_come_from_the_graph() {
    try (Session s = store.session()) {
      long corrections = s.run("MATCH (c:Correction) RETURN count(c)").single().get(0).asLong();
      long buggy = s.run("MATCH (k:Case) WHERE k.variant <> 'fixed' RETURN count(k)").single().get(0).asLong();
      assertThat(data.corrections()).hasSize((int) corrections);
      assertThat(data.cases()).hasSize((int) buggy);
    }
    assertThat(data.corrections()).isNotEmpty();
    assertThat(data.search()).isPresent();
    GuideData.Search search = data.search().get();
    assertThat(search.zhTerm()).matches(".*\\p{IsHan}.*");
    String zhQuery = guide.queries().stream().map(Guide.Query::cypher)
        .filter(q -> q.startsWith("CALL db.index.fulltext.queryNodes('" + search.zhIndex() + "'")).findFirst().orElseThrow();
    try (Session s = store.session()) {
      List<String> ids = s.run(zhQuery).list(r -> r.get("id").asString());
      assertThat(ids).contains(data.path().get().symptomId());
    }
  }

  @Test
  void the_style_captions_every_label_in_the_graph_by_its_chinese_name() {
    String grass = GraphStyle.grass(data.labelCounts().keySet());
    for (String label : data.labelCounts().keySet()) {
      assertThat(grass).contains("node." + label + " {");
    }
    assertThat(grass).contains("caption: '{nameZh}'");
    assertThat(guide.html()).contains("data-populate=\":style http://localhost:8080/guide/gocause.grass\"");
  }

  private static boolean hasNodes(List<Record> rows) {
    for (Record r : rows) {
      for (Value v : r.values()) {
        if (v.hasType(TypeSystem.getDefault().NODE()) || v.hasType(TypeSystem.getDefault().PATH())) {
          return true;
        }
      }
    }
    return false;
  }

  static List<String> slideTitles(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<slide[^>]*>\\s*<div class=\"col-sm-3\">\\s*<h3>([^<]*?)(?:[:<]|$)").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

}
