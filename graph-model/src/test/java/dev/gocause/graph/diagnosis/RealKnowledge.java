package dev.gocause.graph.diagnosis;

import dev.gocause.graph.SharedTestGraph;
import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.GraphStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared embedded test graph loaded with the real seed-data of this repo (system property
 * {@code gocause.repo}, set by Maven), and one {@link DiagnosisService} over it per JVM.
 */
final class RealKnowledge {
  private static DiagnosisService service;

  private RealKnowledge() {}

  static Path repo() {
    String repo = System.getProperty("gocause.repo");
    Path p = repo != null ? Path.of(repo) : Path.of("..").toAbsolutePath().normalize();
    if (!Files.isDirectory(p.resolve("seed-data"))) {
      throw new IllegalStateException("no seed-data under " + p + ": set -Dgocause.repo to the repo root");
    }
    return p;
  }

  /** The graph with the real knowledge (re-loaded when another test class left other content). */
  static synchronized DiagnosisService service() {
    GraphStore store = SharedTestGraph.get();
    new KnowledgeLoader(store).load(SeedSource.fromDirectory(repo().resolve("seed-data")), false);
    if (service == null) {
      service = new DiagnosisService(store);
    }
    return service;
  }

  /** A test resource under {@code go-output/} (real Go output and the programs that printed it). */
  static String goOutput(String path) {
    try (java.io.InputStream in = RealKnowledge.class.getResourceAsStream("/go-output/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource go-output/" + path);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The ids of a diagnosis's causes, best first. */
  static java.util.List<String> causeIds(Diagnosis d) {
    return d.causes().stream().map(Diagnosis.RankedCause::id).toList();
  }

  static String read(String pathUnderEval) {
    try {
      return Files.readString(repo().resolve("eval").resolve(pathUnderEval));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
