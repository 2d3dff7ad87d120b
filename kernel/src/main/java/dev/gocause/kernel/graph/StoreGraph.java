package dev.gocause.kernel.graph;

import dev.gocause.graph.query.KnowledgeQueries;
import dev.gocause.graph.store.GraphStore;
import dev.gocause.kernel.cell.KernelError;
import dev.gocause.kernel.cell.CellContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/** A {@link KernelGraph} over a {@link GraphStore} (embedded or remote, both through the driver). */
final class StoreGraph implements KernelGraph {
  /** Rows kept from a user query; the rest is counted but not shown. */
  static final int MAX_ROWS = 1000;

  private final GraphStore store;
  private final String description;
  private final String knowledgeVersion;
  private final KnowledgeQueries queries;
  private final dev.gocause.graph.diagnosis.DiagnosisService diagnosis;
  private final Map<String, List<String>> idsByLabel = new ConcurrentHashMap<>();

  StoreGraph(GraphStore store, String description, String knowledgeVersion) {
    this.store = store;
    this.description = description;
    this.knowledgeVersion = knowledgeVersion;
    this.queries = new KnowledgeQueries(store.driver(), store.database());
    this.diagnosis = new dev.gocause.graph.diagnosis.DiagnosisService(store);
  }

  @Override
  public dev.gocause.graph.diagnosis.DiagnosisService diagnosis() {
    return diagnosis;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public String knowledgeVersion() {
    return knowledgeVersion;
  }

  @Override
  public KnowledgeQueries queries() {
    return queries;
  }

  @Override
  public GraphStore store() {
    return store;
  }

  @Override
  public CypherResult cypher(String query, boolean write, CellContext session) {
    // Tag the transaction so an interrupt can find and terminate it on the server.
    String tag = UUID.randomUUID().toString();
    TransactionConfig config = TransactionConfig.builder()
        .withMetadata(Map.of("gocauseCell", tag))
        .withTimeout(Duration.ofMinutes(30))
        .build();
    SessionConfig sc = SessionConfig.builder()
        .withDatabase(store.database())
        .withDefaultAccessMode(write ? AccessMode.WRITE : AccessMode.READ)
        .build();
    try (AutoCloseable hook = session.onInterrupt(() -> terminate(tag));
        org.neo4j.driver.Session s = store.driver().session(sc)) {
      org.neo4j.driver.TransactionCallback<CypherResult> work = tx -> {
        var result = tx.run(query);
        List<String> columns = result.keys();
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (result.hasNext()) {
          Record r = result.next();
          if (rows.size() >= MAX_ROWS) {
            truncated = true;
            break;
          }
          Map<String, Object> row = new LinkedHashMap<>();
          for (String c : columns) {
            row.put(c, plain(r.get(c)));
          }
          rows.add(row);
        }
        var summary = result.consume();
        var counters = summary.counters();
        String s1 = counters.containsUpdates() ? counters.toString() : "";
        return new CypherResult(columns, rows, truncated, s1);
      };
      return write ? s.executeWrite(work, config) : s.executeRead(work, config);
    } catch (Neo4jException e) {
      session.checkInterrupted();
      String msg = firstLine(e.getMessage());
      if (!write && msg.toLowerCase().contains("read access mode")) {
        throw new KernelError("this query writes, and %cypher runs read-only: " + msg,
            "add --write (%cypher --write ... or %%cypher --write) if you mean to change the graph");
      }
      if (e instanceof ClientException) {
        throw new KernelError("Neo4j rejected the query: " + msg,
            "check the Cypher; labels: Symptom, RootCause, Fix, Command, Dimension ...; Tab completes labels and types");
      }
      throw new KernelError("the graph failed: " + msg, "retry; if it persists restart the kernel");
    } catch (Exception e) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e);
    }
  }

  private void terminate(String tag) {
    try (org.neo4j.driver.Session s = store.driver().session(SessionConfig.forDatabase(store.database()))) {
      List<String> ids = s.run("""
              SHOW TRANSACTIONS YIELD transactionId, metaData
              WHERE metaData.gocauseCell = $tag
              RETURN transactionId""", Map.of("tag", tag))
          .list(r -> r.get("transactionId").asString());
      if (!ids.isEmpty()) {
        s.run("TERMINATE TRANSACTIONS $ids", Map.of("ids", ids)).consume();
      }
    } catch (RuntimeException ignored) {
      // the transaction may have finished meanwhile
    }
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }

  /** Driver values to plain Java values (maps, lists, strings, numbers, graph records). */
  static Object plain(Value v) {
    TypeSystem ts = TypeSystem.getDefault();
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.hasType(ts.NODE())) {
      return node(v.asNode());
    }
    if (v.hasType(ts.RELATIONSHIP())) {
      return rel(v.asRelationship());
    }
    if (v.hasType(ts.PATH())) {
      Path p = v.asPath();
      List<CypherResult.NodeValue> ns = new ArrayList<>();
      p.nodes().forEach(n -> ns.add(node(n)));
      List<CypherResult.RelValue> rs = new ArrayList<>();
      p.relationships().forEach(r -> rs.add(rel(r)));
      return new CypherResult.PathValue(ns, rs);
    }
    if (v.hasType(ts.LIST())) {
      return v.asList(StoreGraph::plain);
    }
    if (v.hasType(ts.MAP())) {
      Map<String, Object> m = new LinkedHashMap<>();
      v.keys().forEach(k -> m.put(k, plain(v.get(k))));
      return m;
    }
    if (v.hasType(ts.STRING())) {
      return v.asString();
    }
    if (v.hasType(ts.INTEGER())) {
      return v.asLong();
    }
    if (v.hasType(ts.FLOAT())) {
      return v.asDouble();
    }
    if (v.hasType(ts.BOOLEAN())) {
      return v.asBoolean();
    }
    return v.toString();
  }

  private static CypherResult.NodeValue node(Node n) {
    List<String> labels = new ArrayList<>();
    n.labels().forEach(labels::add);
    Map<String, Object> props = new LinkedHashMap<>();
    n.asMap(StoreGraph::plain).forEach(props::put);
    return new CypherResult.NodeValue(n.elementId(), labels, props);
  }

  private static CypherResult.RelValue rel(Relationship r) {
    Map<String, Object> props = new LinkedHashMap<>();
    r.asMap(StoreGraph::plain).forEach(props::put);
    return new CypherResult.RelValue(r.elementId(), r.type(), r.startNodeElementId(), r.endNodeElementId(), props);
  }

  @Override
  public List<String> ids(String label) {
    if (!label.matches("[A-Z][A-Za-z]*")) {
      throw new IllegalArgumentException("not a label: " + label);
    }
    return idsByLabel.computeIfAbsent(label, l -> {
      try (org.neo4j.driver.Session s = store.driver().session(SessionConfig.forDatabase(store.database()))) {
        // the label is checked above and cannot be a parameter
        return s.executeRead(tx -> tx.run("MATCH (n:" + l + ") WHERE n.id IS NOT NULL RETURN n.id AS id ORDER BY id")
            .list(r -> r.get("id").asString()));
      }
    });
  }

  @Override
  public void close() {
    store.close();
  }
}
