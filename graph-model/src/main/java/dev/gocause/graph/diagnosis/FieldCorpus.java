package dev.gocause.graph.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gocause.graph.GocauseException;
import dev.gocause.graph.diagnosis.Evaluation.EvalCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A labelled corpus in JSON Lines ({@code ../shared/field/cases.jsonl}: one object per line with
 * {@code id, input, kind, lang, label, secondary}; {@code label: none-of-these} means an empty
 * answer is right). The corpus is split once and for all: per (kind, lang) group the ids are
 * sorted by the SHA-1 hex of the id, the first 30 % (rounded up) are <em>kept aside</em>
 * (measured, never tuned on), the rest is the <em>tuned part</em>.
 */
public final class FieldCorpus {

  /** The field corpus's input kinds. */
  public static final List<String> KINDS = List.of("description", "panic", "fatal", "goroutine-dump", "race-report", "goleak", "vet");
  public static final String NONE = "none-of-these";
  public static final String TUNE = "tune";
  public static final String ASIDE = "aside";
  static final double ASIDE_SHARE = 0.3;

  private static final ObjectMapper JSON = new ObjectMapper();

  private FieldCorpus() {}

  /** True when {@code set} names a file rather than one of the eval folder's sets. */
  public static boolean isPath(String set) {
    return set.endsWith(".jsonl") || set.contains("/") || set.contains("\\");
  }

  /** Reads every case of the file; each case's {@code set} is its part ({@link #TUNE} or {@link #ASIDE}). */
  public static List<EvalCase> load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new GocauseException("eval set " + file + " does not exist or is not a file: give a JSONL file such as ../shared/field/cases.jsonl");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GocauseException("cannot read " + file + ": " + e.getMessage(), e);
    }
    record Read(String id, String kind, String lang, List<String> expected, String text) {}
    List<Read> read = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = file + ":" + (i + 1);
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (IOException e) {
        throw new GocauseException(where + ": not a JSON object (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
      }
      String id = field(n, "id", where);
      where += " id=" + id;
      String label = field(n, "label", where);
      List<String> expected = new ArrayList<>();
      if (!label.equals(NONE)) {
        expected.add(label);
        if (n.hasNonNull("secondary") && !n.get("secondary").asText().isBlank()) {
          expected.add(n.get("secondary").asText());
        }
      }
      read.add(new Read(id, field(n, "kind", where), field(n, "lang", where), List.copyOf(expected), field(n, "input", where)));
    }
    Map<String, List<Read>> groups = new LinkedHashMap<>();
    read.forEach(r -> groups.computeIfAbsent(r.kind() + "\u0000" + r.lang(), k -> new ArrayList<>()).add(r));
    Map<String, String> partOf = new LinkedHashMap<>();
    groups.values().forEach(g -> {
      List<Read> sorted = new ArrayList<>(g);
      sorted.sort((a, b) -> sha1(a.id()).compareTo(sha1(b.id())));
      int aside = (int) Math.ceil(ASIDE_SHARE * sorted.size());
      for (int i = 0; i < sorted.size(); i++) {
        partOf.put(sorted.get(i).id(), i < aside ? ASIDE : TUNE);
      }
    });
    String name = file.getFileName().toString();
    return read.stream()
        .map(r -> new EvalCase(partOf.get(r.id()), name, r.id(), r.kind(), r.lang(), r.expected(), r.text()))
        .toList();
  }

  /** The cases of one part: {@code tune}, {@code aside} or {@code all}. */
  public static List<EvalCase> part(List<EvalCase> cases, String part) {
    return switch (part) {
      case "all" -> cases;
      case TUNE, ASIDE -> cases.stream().filter(c -> c.set().equals(part)).toList();
      default -> throw new GocauseException("--part '" + part + "' is unknown; use tune, aside or all");
    };
  }

  static String sha1(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
    }
  }

  private static String field(JsonNode n, String f, String where) {
    if (!n.hasNonNull(f) || n.get(f).asText().isBlank()) {
      throw new GocauseException(where + ": field '" + f + "' is missing");
    }
    return n.get(f).asText();
  }
}
