package dev.gocause.graph.load;

import dev.gocause.graph.GocauseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code dev/gocause/graph/schema.cypher}: uniqueness constraints on {@code id} per label
 * and the two full-text indexes {@code searchZh} (cjk) and {@code searchEn} (standard).
 * Idempotent; waits until every index is online.
 *
 * <p>{@code CREATE FULLTEXT INDEX ... IF NOT EXISTS} keeps an existing index of the same name
 * even when its definition changed, and silently creates nothing when another full-text index
 * covers the same labels and properties. So after running the file, each full-text index is
 * compared with its definition, and dropped and recreated when it differs or is missing.
 */
public final class GraphSchema {
  private static final Logger LOG = LoggerFactory.getLogger(GraphSchema.class);
  public static final String RESOURCE = "/dev/gocause/graph/schema.cypher";
  /** Name of the Chinese full-text index (analyzer cjk) over property {@code searchZh}. */
  public static final String SEARCH_ZH = "searchZh";
  /** Name of the English full-text index over property {@code searchEn}. */
  public static final String SEARCH_EN = "searchEn";

  private static final Pattern FULLTEXT = Pattern.compile(
      "CREATE FULLTEXT INDEX (\\w+) IF NOT EXISTS FOR \\(n:([\\w|]+)\\) ON EACH \\[([^\\]]+)\\].*?`fulltext.analyzer`: '([\\w-]+)'",
      Pattern.DOTALL);

  private record FulltextDef(String name, Set<String> labels, List<String> properties, String analyzer, String statement) {}

  private GraphSchema() {}

  /** The statements of schema.cypher, comments removed. */
  public static List<String> statements() {
    try (InputStream in = GraphSchema.class.getResourceAsStream(RESOURCE)) {
      Objects.requireNonNull(in, "schema resource " + RESOURCE + " is missing from the jar");
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      StringBuilder cleaned = new StringBuilder();
      for (String line : text.split("\n")) {
        if (!line.strip().startsWith("//")) {
          cleaned.append(line).append('\n');
        }
      }
      List<String> out = new ArrayList<>();
      for (String s : cleaned.toString().split(";\\s*\n")) {
        if (!s.isBlank()) {
          out.add(s.strip().replaceAll(";$", ""));
        }
      }
      return out;
    } catch (IOException e) {
      throw new GocauseException("cannot read the graph schema " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private static final Pattern CONSTRAINT = Pattern.compile("CREATE CONSTRAINT (\\w+) IF NOT EXISTS");
  private static final Pattern UNIQUE_CONSTRAINT = Pattern.compile(
      "CREATE CONSTRAINT (\\w+) IF NOT EXISTS FOR \\(n:(\\w+)\\) REQUIRE n\\.(\\w+) IS UNIQUE");

  /**
   * A statement of schema.cypher as {@link EmbeddedSchema} applies it through Neo4j's Java API;
   * a statement of any other form stays {@link OtherStatement Cypher}.
   */
  sealed interface Statement permits UniqueConstraint, FullText, OtherStatement {
    String cypher();
  }

  /** {@code CREATE CONSTRAINT name IF NOT EXISTS FOR (n:Label) REQUIRE n.property IS UNIQUE}. */
  record UniqueConstraint(String name, String label, String property, String cypher) implements Statement {}

  /** {@code CREATE FULLTEXT INDEX name IF NOT EXISTS FOR (n:A|B) ON EACH [n.p] OPTIONS {... analyzer ...}}. */
  record FullText(String name, List<String> labels, List<String> properties, String analyzer, String cypher) implements Statement {
    FullText {
      labels = List.copyOf(labels);
      properties = List.copyOf(properties);
    }
  }

  /** Any other statement: run as Cypher. */
  record OtherStatement(String cypher) implements Statement {}

  /** The statements of schema.cypher, each recognised as what it creates where possible. */
  static List<Statement> parsed() {
    List<Statement> out = new ArrayList<>();
    for (String st : statements()) {
      Matcher u = UNIQUE_CONSTRAINT.matcher(st);
      Matcher f = FULLTEXT.matcher(st);
      if (u.matches()) {
        out.add(new UniqueConstraint(u.group(1), u.group(2), u.group(3), st));
      } else if (f.find()) {
        FulltextDef d = fulltextDef(f, st);
        out.add(new FullText(d.name(), List.of(f.group(2).split("\\|")), d.properties(), d.analyzer(), st));
      } else {
        out.add(new OtherStatement(st));
      }
    }
    return out;
  }

  /** A full-text index as schema.cypher declares it (name, labels, properties, analyzer). */
  public record FullTextIndex(String name, List<String> labels, List<String> properties, String analyzer) {
    public FullTextIndex {
      labels = List.copyOf(labels);
      properties = List.copyOf(properties);
    }
  }

  /** The full-text indexes of schema.cypher, in file order: what a graph loaded by gocause holds. */
  public static List<FullTextIndex> fullTextIndexes() {
    List<FullTextIndex> out = new ArrayList<>();
    for (String st : statements()) {
      Matcher f = FULLTEXT.matcher(st);
      if (f.find()) {
        FulltextDef d = fulltextDef(f, st);
        out.add(new FullTextIndex(d.name(), List.of(f.group(2).split("\\|")), d.properties(), d.analyzer()));
      }
    }
    return out;
  }

  private static FulltextDef fulltextDef(Matcher f, String statement) {
    return new FulltextDef(f.group(1), new HashSet<>(Arrays.asList(f.group(2).split("\\|"))),
        Arrays.stream(f.group(3).split(",")).map(p -> p.strip().replaceFirst("^n\\.", "")).toList(), f.group(4), statement);
  }

  /**
   * Brings the schema in line with schema.cypher. Reads the existing schema first and runs only
   * what is missing or different: on an up-to-date graph this is one SHOW statement (each new
   * statement costs a Cypher planning on a cold JVM).
   */
  public static void apply(Driver driver, String database) {
    long t0 = System.nanoTime();
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      // one statement for both: every uniqueness constraint is backed by an index that names it
      List<Record> indexes = s.run("""
          SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, options, state, owningConstraint
          RETURN name, type, entityType, labelsOrTypes, properties,
                 options.indexConfig['fulltext.analyzer'] AS analyzer, state, owningConstraint
          """).list();
      Set<String> constraints = new HashSet<>();
      indexes.forEach(r -> {
        if (!r.get("owningConstraint").isNull()) {
          constraints.add(r.get("owningConstraint").asString());
        }
      });
      LOG.debug("schema read in {} ms", (System.nanoTime() - t0) / 1_000_000);
      // Everything missing is created in one transaction: on a fresh store that is several times
      // faster than one transaction per statement.
      List<String> toCreate = new ArrayList<>();
      for (String st : statements()) {
        Matcher c = CONSTRAINT.matcher(st);
        Matcher f = FULLTEXT.matcher(st);
        if (c.find()) {
          if (!constraints.contains(c.group(1))) {
            toCreate.add(st);
          }
        } else if (f.find()) {
          FulltextDef def = fulltextDef(f, st);
          if (!reconcile(s, def, indexes)) {
            toCreate.add(st);
          }
        } else {
          toCreate.add(st);
        }
      }
      boolean changed = !toCreate.isEmpty();
      if (changed) {
        try (Transaction tx = s.beginTransaction()) {
          for (String st : toCreate) {
            tx.run(st).consume();
          }
          tx.commit();
        }
      }
      LOG.debug("{} schema statements run in {} ms", toCreate.size(), (System.nanoTime() - t0) / 1_000_000);
      boolean allOnline = indexes.stream().allMatch(r -> "ONLINE".equals(r.get("state").asString()));
      if (changed || !allOnline) {
        s.run("CALL db.awaitIndexes(300)").consume();
        LOG.debug("indexes online after {} ms", (System.nanoTime() - t0) / 1_000_000);
      }
    }
  }

  /** True when an identical index exists; drops a same-named or same-schema index that differs. */
  private static boolean reconcile(Session s, FulltextDef def, List<Record> indexes) {
    boolean ok = false;
    for (Record r : indexes) {
      if (!"FULLTEXT".equals(r.get("type").asString()) || !"NODE".equals(r.get("entityType").asString())) {
        continue;
      }
      String name = r.get("name").asString();
      Set<String> labels = new HashSet<>(r.get("labelsOrTypes").asList(v -> v.asString()));
      List<String> props = r.get("properties").asList(v -> v.asString());
      String analyzer = r.get("analyzer").isNull() ? null : r.get("analyzer").asString();
      boolean sameSchema = labels.equals(def.labels()) && props.equals(def.properties());
      if (name.equals(def.name()) && sameSchema && def.analyzer().equals(analyzer)) {
        ok = true;
      } else if (name.equals(def.name()) || sameSchema) {
        LOG.info("replacing full-text index {} (labels {}, properties {}, analyzer {}) by its definition in schema.cypher", name, labels, props, analyzer);
        // the name comes from SHOW INDEXES, not from a user; quoted anyway
        s.run("DROP INDEX `" + name.replace("`", "``") + "` IF EXISTS").consume();
      }
    }
    return ok;
  }
}
