package dev.gocause.graph.load;

/** The KnowledgeBase node of a loaded graph: which knowledge version and content it holds. */
public record StoredKnowledge(String version, String contentHash) {}
