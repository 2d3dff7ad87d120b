package dev.gocause.graph.diagnosis;

import dev.gocause.graph.GocauseException;
import dev.gocause.graph.store.GraphStore;
import java.util.Objects;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Here is what I see" → ranked root causes. The graph is the source of truth: the service
 * compiles a {@link DiagnosisModel} from it — including an in-memory copy of its
 * {@code searchZh}/{@code searchEn} full-text indexes, through which free text is looked up —
 * and recompiles whenever the KnowledgeBase node's version or content hash changes (checked on
 * every {@link #diagnose} call, one small read). Thread-safe. Never logs the pasted text.
 */
public final class DiagnosisService {
  private static final Logger LOG = LoggerFactory.getLogger(DiagnosisService.class);

  /** Null for a service over seed-data, whose model never changes. */
  private final Driver driver;
  private final SessionConfig session;
  private volatile DiagnosisModel model;

  public DiagnosisService(GraphStore store) {
    this(store.driver(), store.database());
  }

  public DiagnosisService(Driver driver, String database) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.session = SessionConfig.forDatabase(Objects.requireNonNull(database, "database"));
  }

  private DiagnosisService(DiagnosisModel model) {
    this.driver = null;
    this.session = null;
    this.model = model;
  }

  /**
   * A service answering from validated seed-data without any graph: the model is compiled from
   * what the loader would write ({@link KnowledgeSnapshot#of}) by the same {@link ModelCompiler}
   * as a graph's, full-text indexes included, so its answers equal those of a graph loaded with
   * the same knowledge. The snapshot and indexes come from the compiled seed-data cache when it
   * holds this content ({@link CompiledSeedCache}).
   */
  public static DiagnosisService fromKnowledge(dev.gocause.graph.seed.KnowledgeSet knowledge) {
    long t0 = System.nanoTime();
    CompiledSeedCache.Compiled c = CompiledSeedCache.fromSystem().compiled(knowledge);
    DiagnosisModel m = ModelCompiler.compile(c.snapshot(), c.fullText());
    LOG.debug("compiled diagnosis model from seed-data {} in {} ms", m.describe(), (System.nanoTime() - t0) / 1_000_000);
    return new DiagnosisService(m);
  }

  /**
   * Like {@link #fromKnowledge} for the seed-data in {@code source}, read, validated and compiled
   * only when {@code cache} does not hold this content compiled by this code already (see
   * {@link CompiledSeedCache}; the model is compiled from what it holds by the same code).
   */
  static DiagnosisService fromSeed(CompiledSeedCache cache, dev.gocause.graph.seed.SeedSource source) {
    long t0 = System.nanoTime();
    DiagnosisModel m = cache.model(source);
    LOG.debug("compiled diagnosis model from seed-data {} in {} ms", m.describe(), (System.nanoTime() - t0) / 1_000_000);
    return new DiagnosisService(m);
  }

  /** A service over a model compiled from seed-data. */
  static DiagnosisService ofModel(DiagnosisModel model) {
    return new DiagnosisService(model);
  }

  /** True when this service answers from seed-data rather than from a graph. */
  public boolean fromSeedData() {
    return driver == null;
  }

  public Diagnosis diagnose(DiagnosisRequest request) {
    DiagnosisModel m = model();
    return DiagnosisEngine.diagnose(m, request, m.textLookups());
  }

  /**
   * Diagnoses with the model compiled last, without touching the graph (for callers that refresh
   * the model themselves, like the API's health probe, and for answering while the graph is
   * unreachable); the answer equals {@link #diagnose}'s for the same model. Empty when no model
   * was compiled yet.
   */
  public Optional<Diagnosis> diagnoseWithCompiledModel(DiagnosisRequest request) {
    DiagnosisModel m = model;
    return m == null ? Optional.empty() : Optional.of(DiagnosisEngine.diagnose(m, request, m.textLookups()));
  }

  private static boolean isOf(DiagnosisModel m, GraphModelReader.Stamp stamp) {
    return m.version().equals(stamp.version()) && m.hash().equals(stamp.hash());
  }

  /** The full-text indexes, or none (with a warning) when the graph does not let this user list them. */
  private static java.util.List<FullTextIndexes.Definition> fullText(Session s) {
    try {
      return s.executeRead(GraphModelReader::fullText);
    } catch (org.neo4j.driver.exceptions.ClientException e) {
      LOG.warn("cannot read the graph's full-text indexes ({}): free text is matched by aliases only", e.code());
      return java.util.List.of();
    }
  }

  /** The compiled model, re-read when the graph's knowledge version or hash differs from the cached one. */
  public DiagnosisModel model() {
    if (driver == null) {
      return model;
    }
    GraphModelReader.Stamp stamp;
    try (Session s = driver.session(session)) {
      stamp = s.executeRead(GraphModelReader::stamp);
    } catch (Neo4jException e) {
      throw new GocauseException("cannot read the knowledge graph (" + e.getMessage() + "): is it running and loaded?", e);
    }
    DiagnosisModel current = model;
    if (current != null && isOf(current, stamp)) {
      return current;
    }
    synchronized (this) {
      current = model;
      if (current != null && isOf(current, stamp)) {
        return current;
      }
      long t0 = System.nanoTime();
      try (Session s = driver.session(session)) {
        // two transactions: re-read when a load committed between them (the stamp moved)
        GraphModelReader.Stamp expected = stamp;
        for (int attempt = 1; ; attempt++) {
          java.util.List<FullTextIndexes.Definition> fullText = fullText(s);
          current = ModelCompiler.compile(s.executeRead(tx -> GraphModelReader.snapshot(tx, fullText)));
          if (attempt == 3 || isOf(current, expected)) {
            break;
          }
          expected = new GraphModelReader.Stamp(current.version(), current.hash());
        }
      } catch (Neo4jException e) {
        throw new GocauseException("cannot read the knowledge graph (" + e.getMessage() + "): is it running and loaded?", e);
      }
      if (current.causes().isEmpty()) {
        throw new GocauseException("the graph holds no RootCause nodes: load the knowledge first (./gocause load)");
      }
      LOG.info("compiled diagnosis model from {} in {} ms", current.describe(), (System.nanoTime() - t0) / 1_000_000);
      model = current;
      return current;
    }
  }
}
