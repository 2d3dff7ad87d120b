package dev.gocause.graph;

/** The relationship types the loader manages (it deletes any of these not backed by seed-data). */
public enum RelType {
  /** (Symptom)-[:INDICATES {weight}]->(RootCause) */
  INDICATES,
  /** (Signature)-[:IDENTIFIES]->(Symptom) */
  IDENTIFIES,
  /** (RootCause)-[:IN_DIMENSION]->(Dimension) */
  IN_DIMENSION,
  /** (RootCause)-[:INVOLVES]->(Primitive) */
  INVOLVES,
  /** (RootCause)-[:CONFIRMED_BY]->(Command) */
  CONFIRMED_BY,
  /** (Symptom)-[:DIAGNOSED_BY]->(Command) */
  DIAGNOSED_BY,
  /** (RootCause)-[:FIXED_BY]->(Fix) */
  FIXED_BY,
  /** (Case)-[:DEMONSTRATES]->(RootCause) */
  DEMONSTRATES,
  /** (Case)-[:EXHIBITS]->(Symptom) */
  EXHIBITS,
  /** (Case {variant:'buggy'})-[:FIXED_VARIANT]->(Case {variant:'fixed'}) */
  FIXED_VARIANT,
  /** (any entry)-[:DESCRIBED_IN]->(Section), from {@code source} and {@code alsoIn} */
  DESCRIBED_IN,
  /** (Correction)-[:CORRECTS]->(any entry) */
  CORRECTS
}
