package dev.gocause.graph.query;

/** A directed relationship between two {@link GraphNode#key() keys}; {@code weight} only on INDICATES. */
public record GraphEdge(String type, String from, String to, Double weight) {}
