package dev.gocause.graph.query;

import dev.gocause.graph.NodeLabel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

/**
 * Read-only look-ups over the knowledge graph: symptoms (by id, or full-text search in both
 * languages), root causes with everything around them, dimensions, commands, fixes, cases, the
 * neighbourhood of a node and shortest paths between two nodes.
 *
 * <p>Every method runs in one read transaction (session access mode READ, so a cluster routes it
 * to a reader) with a timeout and without driver-side retries, takes user input only as query
 * parameters, and returns plain records. An unknown id raises {@link NotFoundException} with
 * close matches; a parameter out of range raises {@link InvalidParameterException}; a database
 * that does not answer raises {@link GraphUnavailableException}. Lists that grow with the
 * knowledge are paged with bounded limits and opaque cursors. Thread-safe.
 */
public final class KnowledgeQueries implements KnowledgeLookups {
  /** Default and maximum page sizes. */
  public static final int DEFAULT_LIMIT = 20;

  public static final int MAX_LIMIT = 200;
  /** Neighbourhood bounds: hops, and nodes returned before the result is cut ({@code truncated}). */
  public static final int MAX_DEPTH = 3;

  public static final int MAX_SUBGRAPH_NODES = 300;
  /** Longest path {@link #paths} looks for, and most paths returned. */
  public static final int MAX_PATH_LENGTH = 6;

  public static final int MAX_PATHS = 10;

  private static final String ZH_INDEX_DEFAULT = "searchZh";
  private static final String EN_INDEX_DEFAULT = "searchEn";

  private final Driver driver;
  private final String database;
  private final QueryListener listener;
  private final TransactionConfig txConfig;
  private volatile String[] fulltextIndexes;

  public KnowledgeQueries(Driver driver, String database) {
    this(driver, database, QueryListener.NONE, Duration.ofSeconds(10));
  }

  /**
   * @param database the database name, or null for the server's default
   * @param listener told the duration of every look-up
   * @param timeout transaction timeout of each look-up
   */
  public KnowledgeQueries(Driver driver, String database, QueryListener listener, Duration timeout) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.database = database;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.txConfig = TransactionConfig.builder().withTimeout(timeout).build();
  }

  // ---------------------------------------------------------------- symptoms

  /**
   * Symptoms matching {@code q} in either language (Chinese via the cjk full-text index, English
   * via the standard one), most relevant first; all symptoms by id when {@code q} is blank.
   * {@code q} is plain text: Lucene operators in it are escaped.
   */
  public Page<SymptomSummary> searchSymptoms(String q, Integer limit, String cursor) {
    int lim = checkLimit(limit);
    if (q == null || q.isBlank()) {
      String after = Cursor.decodeAfterId("symptoms", cursor);
      return read("symptoms.list", tx -> {
        List<SymptomSummary> rows = tx.run("""
                MATCH (s:Symptom)
                WHERE $after IS NULL OR s.id > $after
                RETURN s ORDER BY s.id LIMIT $limit
                """, Values.parameters("after", after, "limit", lim + 1))
            .list(r -> symptomSummary(r.get("s").asNode(), null));
        return keysetPage("symptoms", rows, lim, SymptomSummary::id);
      });
    }
    if (q.length() > 1000) {
      throw new InvalidParameterException("q", "is " + q.length() + " characters; search with at most 1000");
    }
    int offset = Cursor.decodeOffset("symptoms?q", cursor);
    String lucene = luceneEscape(q);
    String[] indexes = fulltextIndexes();
    return read("symptoms.search", tx -> {
      List<SymptomSummary> rows = tx.run("""
              CALL {
                CALL db.index.fulltext.queryNodes($zhIndex, $q) YIELD node, score RETURN node, score
                UNION ALL
                CALL db.index.fulltext.queryNodes($enIndex, $q) YIELD node, score RETURN node, score
              }
              WITH node, max(score) AS score
              WHERE node:Symptom
              RETURN node, score ORDER BY score DESC, node.id SKIP $skip LIMIT $limit
              """, Values.parameters("zhIndex", indexes[0], "enIndex", indexes[1], "q", lucene,
              "skip", offset, "limit", lim + 1))
          .list(r -> symptomSummary(r.get("node").asNode(), r.get("score").asDouble()));
      String next = rows.size() > lim ? Cursor.atOffset("symptoms?q", offset + lim) : null;
      return new Page<>(rows.subList(0, Math.min(lim, rows.size())), next);
    });
  }

  /** One symptom with the causes it indicates (highest weight first), commands and signatures. */
  public SymptomDetail symptom(String id) {
    requireId("id", id);
    return read("symptoms.get", tx -> {
      List<Record> rows = tx.run("""
              MATCH (s:Symptom {id: $id})
              RETURN s,
                [(s)-[r:INDICATES]->(c:RootCause) | {node: c, weight: r.weight}] AS indicates,
                [(s)-[:DIAGNOSED_BY]->(m:Command) | m] AS commands,
                [(g:Signature)-[:IDENTIFIES]->(s) | g] AS signatures
              """, Values.parameters("id", id)).list();
      if (rows.isEmpty()) {
        throw notFound(tx, NodeLabel.SYMPTOM, id);
      }
      Record r = rows.get(0);
      Node s = r.get("s").asNode();
      return new SymptomDetail(s.get("id").asString(), str(s, "nameZh"), str(s, "nameEn"), str(s, "kind"),
          str(s, "descriptionZh"), str(s, "descriptionEn"), strings(s, "aliasesZh"), strings(s, "aliasesEn"),
          str(s, "source"), weighted(r.get("indicates")),
          sortedById(r.get("commands").asList(v -> commandInfo(v.asNode())), CommandInfo::id),
          sortedById(r.get("signatures").asList(v -> signatureInfo(v.asNode())), SignatureInfo::id));
    });
  }

  // ------------------------------------------------------------------ causes

  /** One root cause with its dimensions, indicating symptoms, commands, fixes, cases, corrections. */
  public CauseDetail cause(String id) {
    requireId("id", id);
    return read("causes.get", tx -> {
      List<Record> rows = tx.run("""
              MATCH (c:RootCause {id: $id})
              RETURN c,
                [(c)-[:IN_DIMENSION]->(d:Dimension) | d] AS dimensions,
                [(s:Symptom)-[r:INDICATES]->(c) | {node: s, weight: r.weight}] AS indicatedBy,
                [(c)-[:CONFIRMED_BY]->(m:Command) | m] AS commands,
                [(c)-[:FIXED_BY]->(f:Fix) | {fix: f, fixes: [(f)<-[:FIXED_BY]-(x:RootCause) | x]}] AS fixes,
                [(k:Case)-[:DEMONSTRATES]->(c) | {node: k,
                    demonstrates: [(k)-[:DEMONSTRATES]->(x:RootCause) | x.id],
                    exhibits: [(k)-[:EXHIBITS]->(y:Symptom) | y.id],
                    fixedVariant: [(k)-[:FIXED_VARIANT]->(z:Case) | z.id]}] AS cases,
                [(x:Correction)-[:CORRECTS]->(c) | x] AS corrections,
                [(c)-[:INVOLVES]->(p:Primitive) | p] AS primitives,
                [(c)-[:DESCRIBED_IN]->(sec:Section) | sec] AS sections
              """, Values.parameters("id", id)).list();
      if (rows.isEmpty()) {
        throw notFound(tx, NodeLabel.ROOT_CAUSE, id);
      }
      Record r = rows.get(0);
      Node c = r.get("c").asNode();
      return new CauseDetail(c.get("id").asString(), str(c, "nameZh"), str(c, "nameEn"),
          str(c, "mechanismZh"), str(c, "mechanismEn"), str(c, "severity"), str(c, "source"),
          refs(r.get("dimensions")), weighted(r.get("indicatedBy")),
          sortedById(r.get("commands").asList(v -> commandInfo(v.asNode())), CommandInfo::id),
          sortedById(r.get("fixes").asList(v -> fixInfo(v.get("fix").asNode(), v.get("fixes"))), FixInfo::id),
          sortedById(r.get("cases").asList(KnowledgeQueries::caseInfo), CaseInfo::id),
          sortedById(r.get("corrections").asList(v -> correctionInfo(v.asNode())), CorrectionInfo::id),
          refs(r.get("primitives")), refs(r.get("sections")));
    });
  }

  /** Root causes by id, all of them or those in one dimension (an unknown dimension is an error). */
  public Page<CauseSummary> causes(String dimension, Integer limit, String cursor) {
    int lim = checkLimit(limit);
    String list = dimension == null ? "causes" : "causes?dimension=" + dimension;
    String after = Cursor.decodeAfterId(list, cursor);
    return read("causes.list", tx -> {
      if (dimension != null && !exists(tx, NodeLabel.DIMENSION, dimension)) {
        throw notFound(tx, NodeLabel.DIMENSION, dimension);
      }
      List<CauseSummary> rows = tx.run("""
              MATCH (c:RootCause)
              WHERE ($dimension IS NULL OR (c)-[:IN_DIMENSION]->(:Dimension {id: $dimension}))
                AND ($after IS NULL OR c.id > $after)
              WITH c ORDER BY c.id LIMIT $limit
              RETURN c, [(c)-[:IN_DIMENSION]->(d:Dimension) | d.id] AS dimensions
              """, Values.parameters("dimension", dimension, "after", after, "limit", lim + 1))
          .list(r -> {
            Node c = r.get("c").asNode();
            return new CauseSummary(c.get("id").asString(), str(c, "nameZh"), str(c, "nameEn"),
                str(c, "severity"), sorted(r.get("dimensions").asList(Value::asString)));
          });
      return keysetPage(list, rows, lim, CauseSummary::id);
    });
  }

  // ------------------------------------------------------- dimensions, commands, fixes, cases

  /** The dimensions, each with the ids of its root causes. */
  public List<DimensionInfo> dimensions() {
    return read("dimensions.list", tx -> tx.run("""
            MATCH (d:Dimension)
            RETURN d, [(c:RootCause)-[:IN_DIMENSION]->(d) | c.id] AS causes
            ORDER BY d.id
            """).list(r -> {
          Node d = r.get("d").asNode();
          return new DimensionInfo(d.get("id").asString(), str(d, "nameZh"), str(d, "nameEn"),
              str(d, "descriptionZh"), str(d, "descriptionEn"), sorted(r.get("causes").asList(Value::asString)));
        }));
  }

  /** Diagnostic commands by id. */
  public Page<CommandInfo> commands(Integer limit, String cursor) {
    int lim = checkLimit(limit);
    String after = Cursor.decodeAfterId("commands", cursor);
    return read("commands.list", tx -> keysetPage("commands", tx.run("""
            MATCH (m:Command) WHERE $after IS NULL OR m.id > $after
            RETURN m ORDER BY m.id LIMIT $limit
            """, Values.parameters("after", after, "limit", lim + 1))
        .list(r -> commandInfo(r.get("m").asNode())), lim, CommandInfo::id));
  }

  /** One command. */
  public CommandInfo command(String id) {
    requireId("id", id);
    return read("commands.get", tx -> {
      List<Record> rows = tx.run("MATCH (m:Command {id: $id}) RETURN m", Values.parameters("id", id)).list();
      if (rows.isEmpty()) {
        throw notFound(tx, NodeLabel.COMMAND, id);
      }
      return commandInfo(rows.get(0).get("m").asNode());
    });
  }

  /** One fix with the causes it repairs. */
  public FixInfo fix(String id) {
    requireId("id", id);
    return read("fixes.get", tx -> {
      List<Record> rows = tx.run("""
              MATCH (f:Fix {id: $id})
              RETURN f, [(f)<-[:FIXED_BY]-(x:RootCause) | x] AS fixes
              """, Values.parameters("id", id)).list();
      if (rows.isEmpty()) {
        throw notFound(tx, NodeLabel.FIX, id);
      }
      return fixInfo(rows.get(0).get("f").asNode(), rows.get(0).get("fixes"));
    });
  }

  /** Cases by id, all of them or those demonstrating one root cause. */
  public Page<CaseInfo> cases(String cause, Integer limit, String cursor) {
    int lim = checkLimit(limit);
    String list = cause == null ? "cases" : "cases?cause=" + cause;
    String after = Cursor.decodeAfterId(list, cursor);
    return read("cases.list", tx -> {
      if (cause != null && !exists(tx, NodeLabel.ROOT_CAUSE, cause)) {
        throw notFound(tx, NodeLabel.ROOT_CAUSE, cause);
      }
      List<CaseInfo> rows = tx.run("""
              MATCH (k:Case)
              WHERE ($cause IS NULL OR (k)-[:DEMONSTRATES]->(:RootCause {id: $cause}))
                AND ($after IS NULL OR k.id > $after)
              WITH k ORDER BY k.id LIMIT $limit
              RETURN {node: k,
                demonstrates: [(k)-[:DEMONSTRATES]->(x:RootCause) | x.id],
                exhibits: [(k)-[:EXHIBITS]->(y:Symptom) | y.id],
                fixedVariant: [(k)-[:FIXED_VARIANT]->(z:Case) | z.id]} AS row
              """, Values.parameters("cause", cause, "after", after, "limit", lim + 1))
          .list(r -> caseInfo(r.get("row")));
      return keysetPage(list, rows, lim, CaseInfo::id);
    });
  }

  /** The loaded knowledge version, empty when nothing was loaded. */
  public Optional<KnowledgeVersion> knowledgeVersion() {
    return read("knowledge.version", tx -> tx.run("MATCH (k:KnowledgeBase) RETURN k LIMIT 1").list().stream()
        .findFirst()
        .map(r -> {
          Node k = r.get("k").asNode();
          return new KnowledgeVersion(str(k, "version"), str(k, "hash") != null ? str(k, "hash") : str(k, "contentHash"));
        }));
  }

  // ------------------------------------------------------------------ graph

  /**
   * Every node within {@code depth} hops (1..3) of the node(s) with this id, and the edges among
   * them. Ids are unique per label; when several labels share the id all those nodes start.
   * Stops at {@value #MAX_SUBGRAPH_NODES} nodes and says so ({@code truncated}).
   */
  public Subgraph neighborhood(String id, Integer depth) {
    requireId("id", id);
    int d = checkDepth(depth);
    return read("graph.neighborhood", tx -> {
      Map<String, GraphNode> nodes = new LinkedHashMap<>(); // elementId -> node
      Map<String, GraphEdge> edges = new LinkedHashMap<>(); // elementId -> edge
      List<Record> start = tx.run("MATCH (n) WHERE n.id = $id AND NOT n:KnowledgeBase RETURN n",
          Values.parameters("id", id)).list();
      if (start.isEmpty()) {
        throw notFound(tx, null, id);
      }
      List<String> frontier = new ArrayList<>();
      for (Record r : start) {
        Node n = r.get("n").asNode();
        nodes.put(n.elementId(), graphNode(n));
        frontier.add(n.elementId());
      }
      boolean truncated = false;
      for (int hop = 0; hop < d && !frontier.isEmpty() && !truncated; hop++) {
        List<Record> rows = tx.run("""
                MATCH (a)-[r]-(b)
                WHERE elementId(a) IN $frontier AND NOT b:KnowledgeBase
                RETURN r, b ORDER BY b.id, head(labels(b)), type(r), startNode(r).id, head(labels(startNode(r))),
                  endNode(r).id, head(labels(endNode(r)))
                """, Values.parameters("frontier", frontier)).list();
        List<String> next = new ArrayList<>();
        for (Record r : rows) {
          Node b = r.get("b").asNode();
          if (!nodes.containsKey(b.elementId())) {
            if (nodes.size() >= MAX_SUBGRAPH_NODES) {
              truncated = true;
              continue;
            }
            nodes.put(b.elementId(), graphNode(b));
            next.add(b.elementId());
          }
          Relationship rel = r.get("r").asRelationship();
          edges.putIfAbsent(rel.elementId(), null);
        }
        // Edges are resolved once both ends are known, so no edge points outside the node set.
        for (Record r : rows) {
          Relationship rel = r.get("r").asRelationship();
          GraphNode from = nodes.get(rel.startNodeElementId());
          GraphNode to = nodes.get(rel.endNodeElementId());
          if (from != null && to != null) {
            edges.put(rel.elementId(), graphEdge(rel, from, to));
          } else {
            edges.remove(rel.elementId());
          }
        }
        frontier = next;
      }
      edges.values().removeIf(Objects::isNull);
      return new Subgraph(List.copyOf(nodes.values()), List.copyOf(edges.values()), truncated);
    });
  }

  /**
   * Shortest paths (ignoring direction, at most {@value #MAX_PATH_LENGTH} hops, at most {@code
   * limit} ≤ {@value #MAX_PATHS} paths) between the nodes with ids {@code from} and {@code to};
   * empty when they are not connected within the bound.
   */
  public List<GraphPath> paths(String from, String to, Integer limit) {
    requireId("from", from);
    requireId("to", to);
    int lim = limit == null ? 5 : limit;
    if (lim < 1 || lim > MAX_PATHS) {
      throw new InvalidParameterException("limit", "is " + lim + "; use 1 to " + MAX_PATHS);
    }
    return read("graph.paths", tx -> {
      List<Node> a = endpoint(tx, from);
      List<Node> b = endpoint(tx, to);
      if (from.equals(to)) {
        return a.stream().map(n -> new GraphPath(0, List.of(graphNode(n)), List.<GraphEdge>of())).limit(lim).toList();
      }
      List<Path> found = tx.run("""
              MATCH (a) WHERE a.id = $from AND NOT a:KnowledgeBase
              MATCH (b) WHERE b.id = $to AND NOT b:KnowledgeBase
              MATCH p = allShortestPaths((a)-[*..6]-(b))
              RETURN p ORDER BY length(p) LIMIT $limit
              """, Values.parameters("from", from, "to", to, "limit", lim)).list(r -> r.get("p").asPath());
      List<GraphPath> paths = new ArrayList<>();
      for (Path p : found) {
        Map<String, GraphNode> byElement = new HashMap<>();
        List<GraphNode> ns = new ArrayList<>();
        for (Node n : p.nodes()) {
          GraphNode g = graphNode(n);
          byElement.put(n.elementId(), g);
          ns.add(g);
        }
        List<GraphEdge> es = new ArrayList<>();
        for (Relationship rel : p.relationships()) {
          es.add(graphEdge(rel, byElement.get(rel.startNodeElementId()), byElement.get(rel.endNodeElementId())));
        }
        paths.add(new GraphPath(p.length(), ns, es));
      }
      return paths;
    });
  }

  // ----------------------------------------------------------------- helpers

  private List<Node> endpoint(QueryRunner tx, String id) {
    List<Node> ns = tx.run("MATCH (n) WHERE n.id = $id AND NOT n:KnowledgeBase RETURN n",
        Values.parameters("id", id)).list(r -> r.get("n").asNode());
    if (ns.isEmpty()) {
      throw notFound(tx, null, id);
    }
    return ns;
  }

  private <T> T read(String name, Function<QueryRunner, T> work) {
    long t0 = System.nanoTime();
    boolean ok = false;
    // An explicit read transaction rather than executeRead: the driver's managed retries would
    // hold a caller up to 30 s while the database is down; look-ups fail fast and callers retry.
    try (Session session = driver.session(sessionConfig());
        Transaction tx = session.beginTransaction(txConfig)) {
      T result = work.apply(tx);
      tx.commit();
      ok = true;
      return result;
    } catch (ServiceUnavailableException | SessionExpiredException e) {
      throw new GraphUnavailableException("the graph database does not answer (" + oneLine(e) + "); retry shortly", e);
    } catch (TransientException e) {
      throw new GraphUnavailableException("the graph database is busy (" + oneLine(e) + "); retry shortly", e);
    } catch (ClientException e) {
      if (e.getMessage() != null && e.getMessage().contains("fulltext")) {
        fulltextIndexes = null; // maybe the schema changed; look again next time
        throw new GraphUnavailableException("the full-text indexes are missing; load the knowledge (./gocause load)", e);
      }
      throw e;
    } finally {
      listener.completed(name, System.nanoTime() - t0, ok);
    }
  }

  private SessionConfig sessionConfig() {
    SessionConfig.Builder b = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
    if (database != null && !database.isBlank()) {
      b.withDatabase(database);
    }
    return b.build();
  }

  /**
   * The names of the Chinese and English full-text indexes: looked up once by the property they
   * cover ({@code searchZh}, {@code searchEn}) so the schema may name them as it likes.
   */
  private String[] fulltextIndexes() {
    String[] known = fulltextIndexes;
    if (known != null) {
      return known;
    }
    String[] found = read("schema.fulltext", tx -> {
      String zh = ZH_INDEX_DEFAULT;
      String en = EN_INDEX_DEFAULT;
      for (Record r : tx.run("SHOW FULLTEXT INDEXES YIELD name, properties, state RETURN name, properties").list()) {
        List<String> props = r.get("properties").asList(Value::asString);
        if (props.contains("searchZh")) {
          zh = r.get("name").asString();
        } else if (props.contains("searchEn")) {
          en = r.get("name").asString();
        }
      }
      return new String[] {zh, en};
    });
    fulltextIndexes = found;
    return found;
  }

  private static boolean exists(QueryRunner tx, NodeLabel label, String id) {
    return tx.run("MATCH (n {id: $id}) WHERE $label IN labels(n) RETURN count(n) > 0 AS found",
        Values.parameters("id", id, "label", label.cypherName())).single().get("found").asBoolean();
  }

  /** A NotFoundException with close matches among ids of {@code label} (any label when null). */
  private static NotFoundException notFound(QueryRunner tx, NodeLabel label, String id) {
    List<String> ids = tx.run("""
            MATCH (n) WHERE n.id IS NOT NULL AND NOT n:KnowledgeBase
              AND ($label IS NULL OR $label IN labels(n))
            RETURN DISTINCT n.id AS id
            """, Values.parameters("label", label == null ? null : label.cypherName()))
        .list(r -> r.get("id").asString());
    return new NotFoundException(label == null ? "node" : label.cypherName(), id, CloseMatches.among(id, ids));
  }

  private static int checkLimit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidParameterException("limit", "is " + limit + "; use 1 to " + MAX_LIMIT);
    }
    return limit;
  }

  /** The depth of a neighbourhood: 1 when not given, else 1 to {@value #MAX_DEPTH}. */
  public static int checkDepth(Integer depth) {
    int d = depth == null ? 1 : depth;
    if (d < 1 || d > MAX_DEPTH) {
      throw new InvalidParameterException("depth", "is " + d + "; use 1 to " + MAX_DEPTH);
    }
    return d;
  }

  /** An id parameter is given and of a sensible length. */
  public static void requireId(String parameter, String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidParameterException(parameter, "is missing; give a node id such as 'send-on-closed-channel'");
    }
    if (id.length() > 200) {
      throw new InvalidParameterException(parameter, "is " + id.length() + " characters; ids are at most 200");
    }
  }

  private static <T> Page<T> keysetPage(String list, List<T> rows, int limit, Function<T, String> id) {
    if (rows.size() > limit) {
      List<T> page = rows.subList(0, limit);
      return new Page<>(page, Cursor.afterId(list, id.apply(page.get(limit - 1))));
    }
    return new Page<>(rows, null);
  }

  /** Escapes Lucene query syntax so that user text is searched as words, never as operators. */
  static String luceneEscape(String q) {
    StringBuilder sb = new StringBuilder(q.length() + 16);
    for (String word : q.strip().split("\\s+")) {
      if (word.equals("AND") || word.equals("OR") || word.equals("NOT")) {
        word = word.toLowerCase(java.util.Locale.ROOT);
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      for (char ch : word.toCharArray()) {
        if ("+-&|!(){}[]^\"~*?:\\/".indexOf(ch) >= 0) {
          sb.append('\\');
        }
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static String str(Node n, String key) {
    Value v = n.get(key);
    return v.isNull() ? null : v.asObject().toString();
  }

  private static List<String> strings(Node n, String key) {
    Value v = n.get(key);
    return v.isNull() ? List.of() : v.asList(Value::asString);
  }

  private static String primaryLabel(Node n) {
    for (String l : n.labels()) {
      if (NodeLabel.byCypherName(l).isPresent()) {
        return l;
      }
    }
    return n.labels().iterator().hasNext() ? n.labels().iterator().next() : "";
  }

  private static GraphNode graphNode(Node n) {
    String label = primaryLabel(n);
    String id = str(n, "id");
    return new GraphNode(GraphNode.key(label, id), label, id, str(n, "nameZh"), str(n, "nameEn"));
  }

  private static GraphEdge graphEdge(Relationship rel, GraphNode from, GraphNode to) {
    Value w = rel.get("weight");
    return new GraphEdge(rel.type(), from.key(), to.key(), w.isNull() ? null : w.asDouble());
  }

  private static SymptomSummary symptomSummary(Node s, Double score) {
    return new SymptomSummary(s.get("id").asString(), str(s, "nameZh"), str(s, "nameEn"), str(s, "kind"), score);
  }

  private static CommandInfo commandInfo(Node m) {
    return new CommandInfo(m.get("id").asString(), str(m, "nameZh"), str(m, "nameEn"), str(m, "commandLine"),
        str(m, "showsZh"), str(m, "showsEn"));
  }

  private static SignatureInfo signatureInfo(Node g) {
    return new SignatureInfo(g.get("id").asString(), str(g, "pattern"), str(g, "patternKind"), str(g, "example"),
        str(g, "goVersions"));
  }

  private static FixInfo fixInfo(Node f, Value fixes) {
    return new FixInfo(f.get("id").asString(), str(f, "nameZh"), str(f, "nameEn"), str(f, "descriptionZh"),
        str(f, "descriptionEn"), str(f, "before"), str(f, "after"), str(f, "tradeoffZh"), str(f, "tradeoffEn"),
        str(f, "source"), refs(fixes));
  }

  private static CaseInfo caseInfo(Value row) {
    Node k = row.get("node").asNode();
    List<String> fixed = row.get("fixedVariant").asList(Value::asString);
    return new CaseInfo(k.get("id").asString(), str(k, "nameZh"), str(k, "nameEn"), str(k, "file"), str(k, "variant"),
        str(k, "expectedOutcome"), sorted(row.get("demonstrates").asList(Value::asString)),
        sorted(row.get("exhibits").asList(Value::asString)), fixed.isEmpty() ? null : fixed.get(0));
  }

  private static CorrectionInfo correctionInfo(Node x) {
    return new CorrectionInfo(x.get("id").asString(), str(x, "nameZh"), str(x, "nameEn"), str(x, "claimZh"),
        str(x, "claimEn"), str(x, "truthZh"), str(x, "truthEn"), str(x, "evidence"));
  }

  private static List<NodeRef> refs(Value nodes) {
    return sortedById(nodes.asList(v -> {
      Node n = v.asNode();
      return new NodeRef(primaryLabel(n), n.get("id").asString(), str(n, "nameZh"), str(n, "nameEn"));
    }), NodeRef::id);
  }

  /** {node, weight} maps, highest weight first, then by id. */
  private static List<WeightedRef> weighted(Value rows) {
    List<WeightedRef> out = new ArrayList<>(rows.asList(v -> {
      Node n = v.get("node").asNode();
      Value w = v.get("weight");
      return new WeightedRef(n.get("id").asString(), str(n, "nameZh"), str(n, "nameEn"), w.isNull() ? 0.0 : w.asDouble());
    }));
    out.sort(WeightedRef.HEAVIEST_FIRST);
    return List.copyOf(out);
  }

  private static <T> List<T> sortedById(List<T> items, Function<T, String> id) {
    Set<String> seen = new LinkedHashSet<>();
    return items.stream().sorted(Comparator.comparing(id)).filter(x -> seen.add(id.apply(x))).toList();
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().distinct().toList();
  }
}
