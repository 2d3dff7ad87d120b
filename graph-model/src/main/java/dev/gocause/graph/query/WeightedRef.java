package dev.gocause.graph.query;

/** A related node with the weight of the {@code INDICATES} edge that links it. */
public record WeightedRef(String id, String nameZh, String nameEn, double weight) {}
