package dev.gocause.graph.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The repository's seed-data read straight from YAML with Jackson, so these tests stay
 * independent of the loader. Entries are grouped by their top-level key (symptoms, rootCauses, ...).
 */
final class KnowledgeData {
  private static volatile KnowledgeData instance;

  final Path repoRoot;
  final Path seedData;
  private final Map<String, List<JsonNode>> byKey;

  private KnowledgeData(Path repoRoot) {
    this.repoRoot = repoRoot;
    this.seedData = repoRoot.resolve("seed-data");
    this.byKey = readAll(seedData);
  }

  static KnowledgeData load() {
    KnowledgeData d = instance;
    if (d == null) {
      synchronized (KnowledgeData.class) {
        if (instance == null) {
          instance = new KnowledgeData(findRepoRoot());
        }
        d = instance;
      }
    }
    return d;
  }

  /** The checkout root: the nearest ancestor of the working directory holding seed-data/knowledge.yaml. */
  private static Path findRepoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("seed-data/knowledge.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no seed-data/knowledge.yaml above " + Path.of("").toAbsolutePath());
  }

  private static Map<String, List<JsonNode>> readAll(Path dir) {
    YAMLMapper yaml = new YAMLMapper();
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        JsonNode root = yaml.readTree(f.toFile());
        if (root == null || !root.isObject()) {
          continue;
        }
        root.fields().forEachRemaining(e -> {
          if (e.getValue().isArray()) {
            e.getValue().forEach(n -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(n));
          }
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  List<JsonNode> entries(String key) {
    return byKey.getOrDefault(key, List.of());
  }

  Optional<JsonNode> find(String key, String id) {
    return entries(key).stream().filter(n -> id.equals(n.path("id").asText())).findFirst();
  }

  static List<String> texts(JsonNode list) {
    List<String> out = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /** The seed document folder (tests read ../shared/seed/; the repo never holds a copy). */
  Optional<Path> seedDocument() {
    Path dir = repoRoot.getParent() == null ? null : repoRoot.getParent().resolve("shared/seed");
    if (dir == null || !Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Skips when a required tool or file is absent, except under CI=true where that is a failure. */
  static void require(boolean present, String what) {
    if (!present && ci()) {
      throw new AssertionError(what + " is required when CI=true");
    }
    Assumptions.assumeTrue(present, what + " is not available here");
  }
}
