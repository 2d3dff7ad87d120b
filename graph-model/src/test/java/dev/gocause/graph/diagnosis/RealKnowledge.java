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

  static String read(String pathUnderEval) {
    try {
      return Files.readString(repo().resolve("eval").resolve(pathUnderEval));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
