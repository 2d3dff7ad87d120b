package dev.gocause.graph.load;

import dev.gocause.graph.GocauseException;
import dev.gocause.graph.load.GraphSchema.FullText;
import dev.gocause.graph.load.GraphSchema.Statement;
import dev.gocause.graph.load.GraphSchema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.ConstraintDefinition;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.IndexSetting;
import org.neo4j.graphdb.schema.IndexType;
import org.neo4j.graphdb.schema.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * schema.cypher applied to an embedded graph through Neo4j's Java API ({@code tx.schema()}): the
 * same constraints and full-text indexes as {@link GraphSchema#apply(org.neo4j.driver.Driver, String)},
 * without planning one Cypher statement each (on a cold JVM the first Cypher statements cost about
 * a second). Statements of another form than a uniqueness constraint or a full-text index run as
 * Cypher in the same transaction.
 */
final class EmbeddedSchema {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchema.class);

  private EmbeddedSchema() {}

  /** Which statements of schema.cypher {@link #apply} runs. */
  enum Part {
    /** Everything but the full-text indexes: what the writes need (MERGE through the id constraints). */
    CONSTRAINTS,
    /** The full-text indexes: best created after the data, see {@link KnowledgeLoader}. */
    FULL_TEXT,
    ALL
  }

  /** {@link #apply(GraphDatabaseService, Part)} of the whole schema. */
  static boolean apply(GraphDatabaseService db) {
    return apply(db, Part.ALL);
  }

  /**
   * Creates what is missing of {@code part} and replaces full-text indexes that differ from their
   * definition. Does not wait for index population: call {@link #awaitOnline} before a step that
   * needs it.
   *
   * @return true when an index may not be online yet (something was created, or was still populating)
   */
  static boolean apply(GraphDatabaseService db, Part part) {
    long t0 = System.nanoTime();
    List<Statement> statements = GraphSchema.parsed().stream()
        .filter(st -> part == Part.ALL || (st instanceof FullText) == (part == Part.FULL_TEXT))
        .toList();
    List<Statement> toCreate = new ArrayList<>();
    boolean populating;
    try (Transaction tx = db.beginTx()) {
      Schema schema = tx.schema();
      Set<String> constraints = new HashSet<>();
      for (ConstraintDefinition c : schema.getConstraints()) {
        constraints.add(c.getName());
      }
      List<IndexDefinition> indexes = new ArrayList<>();
      schema.getIndexes().forEach(indexes::add);
      populating = indexes.stream().anyMatch(i -> schema.getIndexState(i) != Schema.IndexState.ONLINE);
      boolean dropped = false;
      for (Statement st : statements) {
        if (st instanceof UniqueConstraint u) {
          if (!constraints.contains(u.name())) {
            toCreate.add(u);
          }
        } else if (st instanceof FullText f) {
          Reconciled r = reconcile(f, indexes);
          dropped |= r.dropped();
          if (!r.present()) {
            toCreate.add(f);
          }
        } else {
          toCreate.add(st);
        }
      }
      if (dropped) {
        tx.commit();
      }
    }
    if (!toCreate.isEmpty()) {
      // one transaction for everything missing (a dropped index's name is free only after its commit)
      try (Transaction tx = db.beginTx()) {
        Schema schema = tx.schema();
        for (Statement st : toCreate) {
          if (st instanceof UniqueConstraint u) {
            schema.constraintFor(Label.label(u.label())).assertPropertyIsUnique(u.property()).withName(u.name()).create();
          } else if (st instanceof FullText f) {
            schema.indexFor(f.labels().stream().map(Label::label).toArray(Label[]::new))
                .on(single(f)).withIndexType(IndexType.FULLTEXT)
                .withIndexConfiguration(Map.of(IndexSetting.fulltext_Analyzer(), f.analyzer()))
                .withName(f.name()).create();
          } else {
            tx.execute(st.cypher()).close();
          }
        }
        tx.commit();
      }
    }
    LOG.debug("schema ({}) checked, {} statements applied through the Java API in {} ms", part, toCreate.size(),
        (System.nanoTime() - t0) / 1_000_000);
    return populating || !toCreate.isEmpty();
  }

  /**
   * Waits until every index is online (full-text indexes populate in the background). Polls every
   * 10 ms: Neo4j's own awaitIndexesOnline sleeps 100 ms between looks, as long as populating
   * today's knowledge takes.
   */
  static void awaitOnline(GraphDatabaseService db) {
    long t0 = System.nanoTime();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(300);
    try (Transaction tx = db.beginTx()) {
      Schema schema = tx.schema();
      for (IndexDefinition index : schema.getIndexes()) {
        Schema.IndexState state;
        while ((state = schema.getIndexState(index)) == Schema.IndexState.POPULATING) {
          if (System.nanoTime() > deadline) {
            throw new GocauseException("index " + index.getName() + " is still populating after 300 s; see the store's logs/debug.log");
          }
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GocauseException("interrupted while index " + index.getName() + " was populating", e);
          }
        }
        if (state == Schema.IndexState.FAILED) {
          throw new GocauseException("index " + index.getName() + " failed to populate: " + schema.getIndexFailure(index));
        }
      }
    }
    LOG.debug("indexes online after {} ms", (System.nanoTime() - t0) / 1_000_000);
  }

  private static String single(FullText f) {
    if (f.properties().size() != 1) {
      throw new IllegalStateException("full-text index " + f.name() + " in schema.cypher covers " + f.properties()
          + "; gocause's indexes cover one property each");
    }
    return f.properties().get(0);
  }

  private record Reconciled(boolean present, boolean dropped) {}

  /** Whether an identical index exists; drops a same-named or same-schema full-text index that differs. */
  private static Reconciled reconcile(FullText def, List<IndexDefinition> indexes) {
    boolean present = false;
    boolean dropped = false;
    for (IndexDefinition i : indexes) {
      if (i.getIndexType() != IndexType.FULLTEXT || !i.isNodeIndex()) {
        continue;
      }
      Set<String> labels = new HashSet<>();
      i.getLabels().forEach(l -> labels.add(l.name()));
      List<String> props = StreamSupport.stream(i.getPropertyKeys().spliterator(), false).toList();
      Object analyzer = i.getIndexConfiguration().get(IndexSetting.fulltext_Analyzer());
      boolean sameSchema = labels.equals(new HashSet<>(def.labels())) && props.equals(def.properties());
      if (i.getName().equals(def.name()) && sameSchema && def.analyzer().equals(analyzer)) {
        present = true;
      } else if (i.getName().equals(def.name()) || sameSchema) {
        LOG.info("replacing full-text index {} (labels {}, properties {}, analyzer {}) by its definition in schema.cypher",
            i.getName(), labels, props, analyzer);
        i.drop();
        dropped = true;
      }
    }
    return new Reconciled(present, dropped);
  }
}
