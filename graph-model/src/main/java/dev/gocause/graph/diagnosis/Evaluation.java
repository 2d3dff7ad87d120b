package dev.gocause.graph.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gocause.graph.GocauseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The evaluation set under {@code eval/}: cases (pasted text plus the expected cause ids) in
 * {@code eval/tune/*.yaml} and {@code eval/holdout/*.yaml}, each entry
 * {@code {id, kind, lang, expected: [cause ids], input: <path under eval/> | text: <inline>}}.
 * {@link #run} diagnoses every case and reports top-1 / top-3 accuracy per input kind and language.
 */
public final class Evaluation {

  public static final List<String> KINDS = List.of("panic", "fatal", "dump", "race", "goleak", "vet", "text", "mixed");

  public record EvalCase(String set, String file, String id, String kind, String lang, List<String> expected, String text) {}

  /**
   * One diagnosed case: the ids returned (best first), the rank of the first expected id (-1 when
   * none), and the top score (0 when the answer was empty). A case expecting nothing
   * ({@code none-of-these} in the field corpus) is right exactly when the answer is empty.
   */
  public record Outcome(EvalCase c, List<String> got, int rank, double topScore) {
    public Outcome(EvalCase c, List<String> got, int rank) {
      this(c, got, rank, 0);
    }

    public boolean top1() {
      return c.expected().isEmpty() ? got.isEmpty() : rank == 1;
    }

    public boolean top3() {
      return c.expected().isEmpty() ? got.isEmpty() : rank >= 1 && rank <= 3;
    }
  }

  public record Row(String group, int n, int top1, int top3) {
    public double top1Rate() {
      return n == 0 ? 0 : (double) top1 / n;
    }

    public double top3Rate() {
      return n == 0 ? 0 : (double) top3 / n;
    }
  }

  public record Report(String set, List<Outcome> outcomes, List<Row> byKind, List<Row> byLang, Row total) {
    /** The accuracy table, then the calibration table. */
    public String table() {
      return accuracy() + Calibration.of(outcomes).table();
    }

    public String accuracy() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "eval set: %s (%d cases)%n", set, outcomes.size()));
      b.append(String.format(Locale.ROOT, "%-22s %5s %8s %8s%n", "group", "n", "top-1", "top-3"));
      for (Row r : byKind) {
        b.append(line("kind=" + r.group(), r));
      }
      for (Row r : byLang) {
        b.append(line("lang=" + r.group(), r));
      }
      for (Row r : byKindAndLang()) {
        b.append(line(r.group(), r));
      }
      for (Row r : rows(outcomes, o -> CodeEvidence.hasCode(o.c().text()) ? "yes" : "no", List.of("yes", "no"))) {
        b.append(line("with-code=" + r.group(), r));
      }
      b.append(line("all", total));
      return b.toString();
    }

    /**
     * Per kind and language, for the kinds written in both languages (descriptions, sentences):
     * prose is where the two languages differ, so one figure for both would hide the weaker one.
     */
    public List<Row> byKindAndLang() {
      List<Row> out = new ArrayList<>();
      for (Row k : byKind) {
        List<Row> langs = rows(outcomes.stream().filter(o -> o.c().kind().equals(k.group())).toList(),
            o -> o.c().lang(), List.of("zh", "en"));
        if (langs.size() > 1) {
          langs.forEach(l -> out.add(new Row("kind=" + k.group() + "/" + l.group(), l.n(), l.top1(), l.top3())));
        }
      }
      return out;
    }

    public String misses() {
      StringBuilder b = new StringBuilder();
      for (Outcome o : outcomes) {
        if (!o.top1()) {
          b.append(String.format(Locale.ROOT, "%s %-34s rank=%s expected=%s got=%s%n", o.top3() ? "~" : "x", o.c().id(),
              o.rank() < 0 ? "-" : String.valueOf(o.rank()), o.c().expected().isEmpty() ? "[none]" : o.c().expected(), o.got()));
        }
      }
      return b.toString();
    }

    private static String line(String g, Row r) {
      return String.format(Locale.ROOT, "%-22s %5d %7.1f%% %7.1f%%%n", g, r.n(), 100 * r.top1Rate(), 100 * r.top3Rate());
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Evaluation() {}

  /** Reads the cases of {@code set} ({@code tune}, {@code holdout} or {@code all}) under the eval folder. */
  public static List<EvalCase> load(Path evalDir, String set) {
    List<String> sets = switch (set) {
      case "tune", "holdout" -> List.of(set);
      case "all" -> List.of("tune", "holdout");
      default -> throw new GocauseException("eval set '" + set + "' is unknown; use tune, holdout or all");
    };
    List<EvalCase> out = new ArrayList<>();
    for (String s : sets) {
      Path dir = evalDir.resolve(s);
      if (!Files.isDirectory(dir)) {
        throw new GocauseException("eval folder " + dir + " is missing: run from the repo root or pass --eval-dir");
      }
      List<Path> files;
      try (Stream<Path> st = Files.list(dir)) {
        files = st.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      } catch (IOException e) {
        throw new GocauseException("cannot list " + dir + ": " + e.getMessage(), e);
      }
      for (Path f : files) {
        out.addAll(read(evalDir, s, f));
      }
    }
    return out;
  }

  private static List<EvalCase> read(Path evalDir, String set, Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new GocauseException(file + ": not valid YAML: " + e.getMessage(), e);
    }
    JsonNode cases = root == null ? null : root.get("cases");
    if (cases == null || !cases.isArray()) {
      throw new GocauseException(file + ": expected a top-level 'cases' list");
    }
    List<EvalCase> out = new ArrayList<>();
    int i = 0;
    for (JsonNode c : cases) {
      String where = file + ": cases[" + i++ + "]";
      String id = req(c, "id", where);
      where += " id=" + id;
      String kind = req(c, "kind", where);
      if (!KINDS.contains(kind)) {
        throw new GocauseException(where + ": field 'kind' is '" + kind + "'; use one of " + KINDS);
      }
      String lang = req(c, "lang", where);
      List<String> expected = new ArrayList<>();
      JsonNode e = c.get("expected");
      if (e == null || !e.isArray() || e.isEmpty()) {
        throw new GocauseException(where + ": field 'expected' must list at least one RootCause id");
      }
      e.forEach(x -> expected.add(x.asText()));
      String text;
      if (c.hasNonNull("text")) {
        text = c.get("text").asText();
      } else if (c.hasNonNull("input")) {
        Path p = evalDir.resolve(c.get("input").asText()).normalize();
        try {
          text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException ex) {
          throw new GocauseException(where + ": field 'input' names " + p + ", which cannot be read", ex);
        }
      } else {
        throw new GocauseException(where + ": give the input as 'text' (inline) or 'input' (a file under eval/)");
      }
      out.add(new EvalCase(set, evalDir.relativize(file).toString(), id, kind, lang, List.copyOf(expected), text));
    }
    return out;
  }

  private static String req(JsonNode c, String field, String where) {
    if (!c.hasNonNull(field) || c.get(field).asText().isBlank()) {
      throw new GocauseException(where + ": field '" + field + "' is missing");
    }
    return c.get(field).asText();
  }

  /** Diagnoses every case (asking for the top 3) and tabulates. */
  public static Report run(String set, List<EvalCase> cases, Function<DiagnosisRequest, Diagnosis> diagnose) {
    List<Outcome> outcomes = new ArrayList<>();
    for (EvalCase c : cases) {
      Diagnosis d = diagnose.apply(new DiagnosisRequest(c.text(), 3, null));
      List<String> got = d.causes().stream().map(Diagnosis.RankedCause::id).toList();
      double top = d.causes().isEmpty() ? 0 : d.causes().get(0).score();
      int rank = -1;
      for (int i = 0; i < got.size(); i++) {
        if (c.expected().contains(got.get(i))) {
          rank = i + 1;
          break;
        }
      }
      outcomes.add(new Outcome(c, got, rank, top));
    }
    return report(set, outcomes);
  }

  /** Tabulates outcomes per kind (own kinds first, then the field corpus's) and language. */
  public static Report report(String set, List<Outcome> outcomes) {
    List<String> kinds = new ArrayList<>(KINDS);
    kinds.addAll(FieldCorpus.KINDS);
    return new Report(set, outcomes, rows(outcomes, o -> o.c().kind(), kinds), rows(outcomes, o -> o.c().lang(), List.of("zh", "en")),
        row("all", outcomes));
  }

  private static List<Row> rows(List<Outcome> outcomes, Function<Outcome, String> key, List<String> order) {
    Map<String, List<Outcome>> groups = new TreeMap<>();
    outcomes.forEach(o -> groups.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
    Map<String, List<Outcome>> ordered = new LinkedHashMap<>();
    order.forEach(k -> {
      if (groups.containsKey(k)) {
        ordered.put(k, groups.remove(k));
      }
    });
    ordered.putAll(groups);
    return ordered.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
  }

  private static Row row(String group, List<Outcome> outcomes) {
    return new Row(group, outcomes.size(), (int) outcomes.stream().filter(Outcome::top1).count(),
        (int) outcomes.stream().filter(Outcome::top3).count());
  }
}
