package dev.gocause.graph.diagnosis;

import dev.gocause.graph.GocauseException;
import dev.gocause.graph.store.GraphStore;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Here is what I see" → ranked root causes. The graph is the source of truth: the service
 * compiles a {@link DiagnosisModel} from it and recompiles whenever the KnowledgeBase node's
 * version or content hash changes (checked on every call, one small read). Free text is matched
 * through the graph's {@code searchZh}/{@code searchEn} full-text indexes. Thread-safe.
 * Never logs the pasted text.
 */
public final class DiagnosisService {
  private static final Logger LOG = LoggerFactory.getLogger(DiagnosisService.class);
  private static final int SEARCH_LIMIT = 200;

  private final Driver driver;
  private final SessionConfig session;
  private volatile DiagnosisModel model;
  private volatile boolean indexesMissing;

  public DiagnosisService(GraphStore store) {
    this(store.driver(), store.database());
  }

  public DiagnosisService(Driver driver, String database) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.session = SessionConfig.forDatabase(Objects.requireNonNull(database, "database"));
  }

  public Diagnosis diagnose(DiagnosisRequest request) {
    return DiagnosisEngine.diagnose(model(), request, graphText);
  }

  /**
   * Diagnoses with the model compiled last, without re-reading the graph's knowledge stamp (for
   * callers that refresh the model themselves, like the API's health probe); free text is still
   * looked up in the full-text indexes, so the answer equals {@link #diagnose}'s. Empty when no
   * model was compiled yet.
   */
  public java.util.Optional<Diagnosis> diagnoseWithCompiledModel(DiagnosisRequest request) {
    DiagnosisModel m = model;
    return m == null ? java.util.Optional.empty() : java.util.Optional.of(DiagnosisEngine.diagnose(m, request, graphText));
  }

  /**
   * Diagnoses with the last compiled model without touching the graph (free text is then matched
   * against aliases in memory); empty when no model was compiled yet. For answering while the
   * graph is unreachable (the API marks such answers stale).
   */
  public java.util.Optional<Diagnosis> diagnoseWithLastModel(DiagnosisRequest request) {
    DiagnosisModel m = model;
    return m == null ? java.util.Optional.empty()
        : java.util.Optional.of(DiagnosisEngine.diagnose(m, request, text -> null));
  }

  /** Free-text look-ups through the graph's full-text indexes. */
  private final DiagnosisEngine.TextCandidates graphText = new DiagnosisEngine.TextCandidates() {
    @Override
    public Set<String> candidates(String text) {
      return DiagnosisService.this.candidates(text);
    }

    @Override
    public java.util.Map<String, Double> causeRelevance(String text) {
      return DiagnosisService.this.causeRelevance(text);
    }
  };

  /** The compiled model, re-read when the graph's knowledge version or hash differs from the cached one. */
  public DiagnosisModel model() {
    GraphModelReader.Stamp stamp;
    try (Session s = driver.session(session)) {
      stamp = s.executeRead(GraphModelReader::stamp);
    } catch (Neo4jException e) {
      throw new GocauseException("cannot read the knowledge graph (" + e.getMessage() + "): is it running and loaded?", e);
    }
    DiagnosisModel current = model;
    if (current != null && current.version().equals(stamp.version()) && current.hash().equals(stamp.hash())) {
      return current;
    }
    synchronized (this) {
      current = model;
      if (current != null && current.version().equals(stamp.version()) && current.hash().equals(stamp.hash())) {
        return current;
      }
      long t0 = System.nanoTime();
      try (Session s = driver.session(session)) {
        current = s.executeRead(GraphModelReader::read);
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

  /** Node ids the full-text indexes find for the words of {@code text}; null (match everything) when they are unavailable. */
  private Set<String> candidates(String text) {
    if (indexesMissing) {
      return null;
    }
    List<String> terms = TextTokens.queryTerms(text);
    if (terms.isEmpty()) {
      return Set.of();
    }
    String query = terms.stream().limit(300).map(DiagnosisService::luceneTerm).collect(Collectors.joining(" OR "));
    try (Session s = driver.session(session)) {
      return s.executeRead(tx -> GraphModelReader.search(tx, query, SEARCH_LIMIT));
    } catch (ClientException e) {
      // e.g. a remote graph without our indexes: fall back to matching every alias in memory
      LOG.warn("full-text indexes searchZh/searchEn unavailable ({}); matching aliases in memory", e.code());
      indexesMissing = true;
      return null;
    }
  }

  /**
   * Relevance of each RootCause's text to the words, from the full-text index of the text's
   * language: the BM25 score relative to the best hit, scaled down when even the best hit is weak
   * ({@link #SEARCH_SCALE}); hits below half the best are dropped.
   */
  private java.util.Map<String, Double> causeRelevance(String text) {
    if (indexesMissing) {
      return java.util.Map.of();
    }
    List<String> terms = TextTokens.queryTerms(text);
    if (terms.isEmpty()) {
      return java.util.Map.of();
    }
    String query = terms.stream().limit(300).map(DiagnosisService::luceneTerm).collect(Collectors.joining(" OR "));
    String index = TextTokens.hasCjk(text) ? "searchZh" : "searchEn";
    try (Session s = driver.session(session)) {
      List<org.neo4j.driver.Record> rows = s.executeRead(tx -> tx.run("""
          CALL db.index.fulltext.queryNodes($index, $query, {limit: 100}) YIELD node, score
          WHERE node:RootCause
          RETURN node.id AS id, score
          ORDER BY score DESC, id
          LIMIT 5
          """, java.util.Map.of("index", index, "query", query)).list());
      java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
      if (rows.isEmpty()) {
        return out;
      }
      double top = rows.get(0).get("score").asDouble();
      double scale = Math.min(1.0, top / SEARCH_SCALE);
      for (org.neo4j.driver.Record r : rows) {
        double rel = r.get("score").asDouble() / top;
        if (rel >= 0.5) {
          out.put(r.get("id").asString(), rel * scale);
        }
      }
      return out;
    } catch (ClientException e) {
      LOG.warn("full-text index search failed ({}); ranking without it", e.code());
      return java.util.Map.of();
    }
  }

  /** A best BM25 score at or above this counts fully; weaker best hits are scaled down. */
  static final double SEARCH_SCALE = 12.0;

  /** A word as a Lucene query term: the word itself, or for longer Latin words also its stem as a prefix. */
  static String luceneTerm(String term) {
    StringBuilder b = new StringBuilder();
    for (char c : term.toCharArray()) {
      if ("+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    String escaped = b.toString();
    if (term.length() >= 4 && term.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return escaped + " OR " + escaped + "*";
    }
    return escaped;
  }
}
