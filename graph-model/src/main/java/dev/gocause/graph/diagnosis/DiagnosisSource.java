package dev.gocause.graph.diagnosis;

import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.Environment;
import dev.gocause.graph.store.GraphStore;
import dev.gocause.graph.store.GraphStores;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an adapter that only reads (diagnose, eval, the kernel) gets its answers: the configured
 * or running gocause graph ({@link GraphStores#findRunning}, user-added knowledge included) when
 * there is one, else the packaged seed-data compiled in memory, with no database at all. Never
 * opens the store {@code gocause up} holds. Closing it closes the graph connection, if any.
 */
public final class DiagnosisSource implements AutoCloseable {
  private final DiagnosisService service;
  private final GraphStore store;
  private final String description;

  private DiagnosisSource(DiagnosisService service, GraphStore store, String description) {
    this.service = Objects.requireNonNull(service, "service");
    this.store = store;
    this.description = description;
  }

  /**
   * The running graph, else {@code seed} read and validated (throws on invalid seed-data),
   * compiled or taken from the compiled seed-data cache ({@code GOCAUSE_CACHE}).
   */
  public static DiagnosisSource runningOrSeed(Environment env, SeedSource seed) {
    return runningOrSeed(env, seed, CompiledSeedCache.fromSystem());
  }

  static DiagnosisSource runningOrSeed(Environment env, SeedSource seed, CompiledSeedCache cache) {
    Optional<GraphStore> running = GraphStores.findRunning(env);
    if (running.isPresent()) {
      GraphStore g = running.get();
      return new DiagnosisSource(new DiagnosisService(g), g, "the graph at " + g.boltUri());
    }
    DiagnosisService service = DiagnosisService.fromSeed(cache, seed);
    return new DiagnosisSource(service, null,
        "seed-data " + service.model().version() + " (no graph running; compiled in memory)");
  }

  /** Answers from already validated knowledge, without a graph. */
  public static DiagnosisSource fromSeed(KnowledgeSet knowledge) {
    return new DiagnosisSource(DiagnosisService.fromKnowledge(knowledge), null,
        "seed-data " + knowledge.version() + " (no graph running; compiled in memory)");
  }

  public DiagnosisService service() {
    return service;
  }

  /** The graph answering, empty when answers come from seed-data. */
  public Optional<GraphStore> graph() {
    return Optional.ofNullable(store);
  }

  /** Where answers come from, for humans. */
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
