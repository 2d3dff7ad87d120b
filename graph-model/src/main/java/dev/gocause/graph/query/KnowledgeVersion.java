package dev.gocause.graph.query;

/** The loaded knowledge: the seed-data version and content hash from the KnowledgeBase node. */
public record KnowledgeVersion(String version, String hash) {}
