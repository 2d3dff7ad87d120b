package dev.gocause.graph.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gocause.graph.guide.GuideData.CaseItem;
import dev.gocause.graph.guide.GuideData.CorrectionItem;
import dev.gocause.graph.guide.GuideData.DimensionItem;
import dev.gocause.graph.guide.GuideData.PathExample;
import dev.gocause.graph.guide.GuideData.Search;
import dev.gocause.graph.guide.GuideData.SectionItem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Text read from the graph lands in HTML and in Cypher literals: it must never become markup or
 * code. (The renderer alone, on data shaped like what {@link GuideBuilder} reads.)
 */
class GraphTextInTheGuideIsEscapedTest {
  static final String HOSTILE = "<script>alert(1)</script> it's \"x\" & y";

  static GuideData data() {
    return new GuideData(HOSTILE, HOSTILE, "1<2", "h", Map.of("RootCause", 1L, "Dimension", 1L),
        List.of(new DimensionItem("d'x", HOSTILE, HOSTILE, HOSTILE, HOSTILE, 1)),
        GuideBuilder.chapters(List.of(
            new SectionItem("s-2-10", "2.10", HOSTILE, HOSTILE, 1, 1),
            new SectionItem("s-2-9", "2.9", "t", "t", 1, 0),
            new SectionItem("s-1", "1", "t", "t", 0, 0))),
        Optional.of(new PathExample("sym'); MATCH (n) DETACH DELETE n //", HOSTILE, HOSTILE, 1, 1, 1)),
        List.of(new CorrectionItem("c", "2.2", HOSTILE, HOSTILE, HOSTILE, HOSTILE, 1)),
        List.of(new CaseItem("k'1", HOSTILE, HOSTILE, "<PANIC>", "")),
        Optional.of(new Search("searchZh", "卡住 (OR) \"x\"", "searchEn", "hang: it's")));
  }

  @Test
  void names_and_descriptions_are_html_escaped_everywhere() {
    Guide g = GuideRenderer.render(data(), new GuideLinks("http://localhost:1/guide/gocause.grass"));
    assertThat(g.html()).doesNotContain("<script>", "it's", "<PANIC>", "1<2");
    assertThat(g.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt; it&#39;s &quot;x&quot; &amp; y");
  }

  @Test
  void ids_and_search_terms_are_cypher_string_literals_and_lucene_terms() {
    Guide g = GuideRenderer.render(data(), new GuideLinks("http://localhost:1/guide/gocause.grass"));
    String all = String.join("\n", g.queries().stream().map(Guide.Query::cypher).toList());
    assertThat(all).contains("{id: 'sym\\'); MATCH (n) DETACH DELETE n //'}", "{id: 'd\\'x'}", "{id: 'k\\'1'}");
    assertThat(all).contains("'卡住 \\\\(OR\\\\) \\\\\"x\\\\\"'", "'hang\\\\: it\\'s'");
  }

  @Test
  void chapters_group_sections_by_their_leading_number_in_numeric_order() {
    List<GuideData.Chapter> chapters = data().chapters();
    assertThat(chapters).extracting(GuideData.Chapter::number).containsExactly("1", "2");
    assertThat(chapters.get(1).sections()).extracting(SectionItem::number).containsExactly("2.9", "2.10");
    assertThat(chapters.get(1).rootCauses()).isEqualTo(1);
    assertThat(chapters.get(0).self()).isPresent();
  }

  @Test
  void a_style_url_that_is_not_absolute_http_is_rejected_with_the_value() {
    assertThatThrownBy(() -> new GuideLinks("javascript:alert(1)"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("javascript:alert(1)");
  }
}
