package dev.gocause.graph.load;

/**
 * The KnowledgeBase node of a loaded graph: which knowledge version and content it holds, and the
 * {@link KnowledgeLoader#loadHash load hash} (content, loader and schema together; null when an
 * older loader wrote it).
 */
public record StoredKnowledge(String version, String contentHash, String loadHash) {

  public StoredKnowledge(String version, String contentHash) {
    this(version, contentHash, null);
  }
}
