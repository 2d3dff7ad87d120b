package dev.gocause.graph.seed;

/** {@code (Symptom)-[:INDICATES {weight}]->(RootCause)}; weight within [0,1]. */
public record Indication(String cause, double weight) {}
