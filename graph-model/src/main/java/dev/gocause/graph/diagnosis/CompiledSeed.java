package dev.gocause.graph.diagnosis;

import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedSource;
import java.util.Objects;

/**
 * Seed-data compiled for answering without a graph: its diagnosis service and its one-node
 * look-ups, both from the snapshot the loader would write. Read from the compiled seed-data cache
 * when it holds this content ({@link CompiledSeedCache}), so a kernel can answer before it has
 * read any YAML. Thread-safe; the diagnosis model is compiled on first use.
 */
public final class CompiledSeed {
  private final CompiledSeedCache.Compiled compiled;
  private final SnapshotLookups lookups;
  private volatile DiagnosisService diagnosis;

  private CompiledSeed(CompiledSeedCache.Compiled compiled) {
    this.compiled = Objects.requireNonNull(compiled, "compiled");
    this.lookups = new SnapshotLookups(compiled.snapshot());
  }

  /** The seed-data in {@code source}; throws when it is not valid (and not cached as valid). */
  public static CompiledSeed of(SeedSource source) {
    return new CompiledSeed(CompiledSeedCache.fromSystem().compiled(source));
  }

  /**
   * The seed-data on the classpath; when it is packaged in this code's jar and was compiled
   * before, without reading it (see {@link CompiledSeedCache#compiledFromClasspath}).
   */
  public static CompiledSeed ofClasspath() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return new CompiledSeed(CompiledSeedCache.fromSystem().compiledFromClasspath(cl == null ? CompiledSeed.class.getClassLoader() : cl));
  }

  /** Seed-data already read and validated. */
  public static CompiledSeed of(KnowledgeSet knowledge) {
    return new CompiledSeed(CompiledSeedCache.fromSystem().compiled(knowledge));
  }

  public String version() {
    return compiled.snapshot().version();
  }

  public String contentHash() {
    return compiled.snapshot().hash();
  }

  public SnapshotLookups lookups() {
    return lookups;
  }

  public DiagnosisService diagnosis() {
    DiagnosisService d = diagnosis;
    if (d == null) {
      synchronized (this) {
        d = diagnosis;
        if (d == null) {
          d = DiagnosisService.ofModel(ModelCompiler.compile(compiled.snapshot(), compiled.fullText()));
          diagnosis = d;
        }
      }
    }
    return d;
  }
}
