package dev.gocause.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The node labels gocause manages, with the seed-data top-level key that holds each. The
 * loader owns every node carrying one of these labels: it creates, updates and deletes them
 * so that the graph mirrors seed-data exactly.
 */
public enum NodeLabel {
  SECTION("Section", "sections"),
  DIMENSION("Dimension", "dimensions"),
  PRIMITIVE("Primitive", "primitives"),
  SYMPTOM("Symptom", "symptoms"),
  SIGNATURE("Signature", "signatures"),
  ROOT_CAUSE("RootCause", "rootCauses"),
  COMMAND("Command", "commands"),
  FIX("Fix", "fixes"),
  CORRECTION("Correction", "corrections"),
  CASE("Case", "cases"),
  KNOWLEDGE_BASE("KnowledgeBase", "knowledge");

  private final String cypherName;
  private final String seedKey;

  NodeLabel(String cypherName, String seedKey) {
    this.cypherName = cypherName;
    this.seedKey = seedKey;
  }

  /** The label as written in Cypher, e.g. {@code RootCause}. */
  public String cypherName() {
    return cypherName;
  }

  /** The top-level key in seed-data files, e.g. {@code rootCauses}. */
  public String seedKey() {
    return seedKey;
  }

  /** The labels whose entries come from seed-data lists (every label but KnowledgeBase). */
  public static List<NodeLabel> entryLabels() {
    return Arrays.stream(values()).filter(l -> l != KNOWLEDGE_BASE).toList();
  }

  public static Optional<NodeLabel> byCypherName(String name) {
    return Arrays.stream(values()).filter(l -> l.cypherName.equals(name)).findFirst();
  }

  public static Optional<NodeLabel> bySeedKey(String key) {
    return Arrays.stream(values()).filter(l -> l.seedKey.equals(key)).findFirst();
  }

  @Override
  public String toString() {
    return cypherName;
  }
}
