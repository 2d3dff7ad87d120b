package dev.gocause.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Executes every notebook under {@code notebooks/} with nbclient (the library behind
 * {@code jupyter nbconvert --execute}) on kernels that find the shared test graph over Bolt, then
 * checks each code cell's outputs: no errors, the MIME types and the text its metadata
 * ({@code gocause.expect}, {@code gocause.mimes}) asks for.
 */
class NotebooksRunUnderNbclientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path executed;
  private static Jupyter.Run run;

  @BeforeAll
  static void execute_all_notebooks() throws IOException {
    Jupyter j = Jupyter.get();
    executed = Files.createTempDirectory("gocause-notebooks-");
    List<String> args = new ArrayList<>(List.of("run_notebooks.py", executed.toString()));
    for (Path nb : notebooks()) {
      args.add(nb.toString());
    }
    run = j.python(Jupyter.sharedGraphEnv(), 1800, args.toArray(String[]::new));
    System.out.println(run.out());
  }

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> s = Files.list(Jupyter.repo().resolve("notebooks"))) {
      return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  @Test
  void there_is_a_quickstart_and_one_notebook_per_seed_chapter() throws IOException {
    assertThat(notebooks().stream().map(p -> p.getFileName().toString()))
        .contains("quickstart.ipynb", "chapter1.ipynb", "chapter2.ipynb", "chapter3.ipynb", "chapter4.ipynb", "chapter5.ipynb");
  }

  @Test
  void every_notebook_ran_to_the_end() {
    assertThat(run.exit()).as(run.out()).isZero();
  }

  @Test
  void every_code_cell_has_the_outputs_its_metadata_expects_and_no_error() throws IOException {
    List<String> problems = new ArrayList<>();
    int cells = 0;
    for (Path source : notebooks()) {
      Path out = executed.resolve(source.getFileName());
      assertThat(out).as("executed copy of " + source).exists();
      JsonNode nb = JSON.readTree(out.toFile());
      int index = 0;
      for (JsonNode cell : nb.get("cells")) {
        index++;
        if (!"code".equals(cell.get("cell_type").asText())) {
          continue;
        }
        cells++;
        String where = source.getFileName() + " cell " + index + " (" + firstLine(cell) + ")";
        StringBuilder text = new StringBuilder();
        List<String> mimes = new ArrayList<>();
        JsonNode outputs = cell.get("outputs");
        if (outputs.isEmpty()) {
          problems.add(where + ": no output");
        }
        for (JsonNode o : outputs) {
          String type = o.get("output_type").asText();
          if ("error".equals(type)) {
            problems.add(where + ": error " + o.get("evalue").asText());
            continue;
          }
          if (o.has("data")) {
            o.get("data").fieldNames().forEachRemaining(mimes::add);
            JsonNode plain = o.get("data").get("text/plain");
            if (plain != null) {
              text.append(joined(plain)).append('\n');
            }
            JsonNode svg = o.get("data").get("image/svg+xml");
            if (svg != null && !joined(svg).contains("<svg")) {
              problems.add(where + ": image/svg+xml holds no <svg>");
            }
          }
        }
        JsonNode meta = cell.path("metadata").path("gocause");
        for (JsonNode m : meta.path("mimes")) {
          if (!mimes.contains(m.asText())) {
            problems.add(where + ": no " + m.asText() + " output (has " + mimes + ")");
          }
        }
        for (JsonNode e : meta.path("expect")) {
          if (!text.toString().contains(e.asText())) {
            problems.add(where + ": outputs do not mention '" + e.asText() + "'");
          }
        }
      }
    }
    assertThat(cells).isGreaterThan(30);
    assertThat(problems).isEmpty();
  }

  private static String firstLine(JsonNode cell) {
    String src = joined(cell.get("source"));
    int nl = src.indexOf('\n');
    return nl < 0 ? src : src.substring(0, nl);
  }

  private static String joined(JsonNode n) {
    if (n.isArray()) {
      StringBuilder b = new StringBuilder();
      n.forEach(x -> b.append(x.asText()));
      return b.toString();
    }
    return n.asText();
  }

  @Test
  void the_html_export_template_keeps_the_svg_drawings_that_the_stock_template_strips() throws IOException {
    Path nb = executed.resolve("quickstart.ipynb");
    Path html = Files.createTempDirectory("gocause-html-");
    Jupyter.Run ours = Jupyter.get().python(java.util.Map.of(), 300, "-m", "nbconvert", "--to", "html",
        "--TemplateExporter.extra_template_basedirs=" + Jupyter.repo().resolve("notebooks/nbconvert"),
        "--template", "gocause", "--output-dir", html.resolve("ours").toString(), nb.toString());
    Jupyter.Run stock = Jupyter.get().python(java.util.Map.of(), 300, "-m", "nbconvert", "--to", "html",
        "--output-dir", html.resolve("stock").toString(), nb.toString());
    assertThat(ours.exit()).as(ours.out()).isZero();
    assertThat(stock.exit()).as(stock.out()).isZero();
    String withTemplate = Files.readString(html.resolve("ours/quickstart.html"));
    String withStock = Files.readString(html.resolve("stock/quickstart.html"));
    assertThat(withTemplate).contains("<svg").contains("class=\"gc-node\"");
    assertThat(withStock).doesNotContain("class=\"gc-node\"");
  }
}
