package dev.gocause.graph.load;

import org.neo4j.driver.Session;

/** Test support: full-text indexes that differ from schema.cypher's, for the schema's reconciliation to replace. */
final class DifferingFullTextIndexes {
  private DifferingFullTextIndexes() {}

  /** Replaces both full-text indexes with differing ones and waits until they are online. */
  static void create(Session s) {
    // same labels and property under another name (IF NOT EXISTS alone would then create nothing) ...
    s.run("DROP INDEX searchEn").consume();
    s.run("""
        CREATE FULLTEXT INDEX oldEnglish FOR (n:Section|Dimension|Primitive|Symptom|Signature|RootCause|Command|Fix|Correction|Case)
        ON EACH [n.searchEn] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}}
        """).consume();
    // ... and the right name with the wrong analyzer and fewer labels
    s.run("DROP INDEX searchZh").consume();
    s.run("CREATE FULLTEXT INDEX searchZh FOR (n:Symptom) ON EACH [n.searchZh] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard'}}")
        .consume();
    s.run("CALL db.awaitIndexes(60)").consume();
  }
}
