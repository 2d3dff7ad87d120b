package dev.gocause.graph.diagnosis;

import dev.gocause.graph.load.GraphSchema;
import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedRelationship;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The knowledge as nodes and relationships with their properties, exactly as the graph holds
 * them: read from a graph ({@link GraphModelReader#snapshot}) or made from seed-data the way the
 * loader writes it ({@link #of(KnowledgeSet)}). {@link ModelCompiler} turns either into the same
 * {@link DiagnosisModel}, so the two paths share every step but reading.
 *
 * @param fullText the full-text indexes the graph declares (for the seed: those of schema.cypher)
 */
record KnowledgeSnapshot(String version, String hash, List<NodeRow> nodes, List<RelRow> relationships,
    List<FullTextIndexes.Definition> fullText) {

  KnowledgeSnapshot {
    version = version == null ? "" : version;
    hash = hash == null ? "" : hash;
    nodes = List.copyOf(nodes);
    relationships = List.copyOf(relationships);
    fullText = List.copyOf(fullText);
  }

  /** A node: its labels and properties (strings, numbers, booleans and lists of them). */
  record NodeRow(List<String> labels, Map<String, Object> properties) {
    NodeRow {
      labels = List.copyOf(labels);
      properties = Map.copyOf(properties);
    }
  }

  /** A relationship between two nodes named by (first managed label, id), with its properties. */
  record RelRow(String type, String fromLabel, String fromId, String toLabel, String toId, Map<String, Object> properties) {
    RelRow {
      Objects.requireNonNull(type, "type");
      properties = Map.copyOf(properties);
    }
  }

  /** What loading {@code ks} into an empty graph writes: every entry's properties and every relationship. */
  static KnowledgeSnapshot of(KnowledgeSet ks) {
    List<NodeRow> nodes = new ArrayList<>();
    ks.entries().forEach(e -> nodes.add(new NodeRow(List.of(e.label().cypherName()), e.properties())));
    List<RelRow> rels = new ArrayList<>();
    for (SeedRelationship r : ks.relationships()) {
      rels.add(new RelRow(r.type().name(), r.fromLabel().cypherName(), r.fromId(), r.toLabel().cypherName(), r.toId(),
          r.properties()));
    }
    List<FullTextIndexes.Definition> defs = GraphSchema.fullTextIndexes().stream()
        .map(d -> new FullTextIndexes.Definition(d.name(), d.labels(), d.properties(), d.analyzer()))
        .toList();
    return new KnowledgeSnapshot(ks.version(), ks.contentHash(), nodes, rels, defs);
  }

  /** In {@link Binary} form (for {@link CompiledSeedCache}). */
  void writeTo(Binary.Writer out) {
    out.str(version).str(hash);
    out.i32(nodes.size());
    nodes.forEach(n -> out.strings(n.labels()).properties(n.properties()));
    out.i32(relationships.size());
    relationships.forEach(r -> out.str(r.type()).str(r.fromLabel()).str(r.fromId()).str(r.toLabel()).str(r.toId())
        .properties(r.properties()));
    out.i32(fullText.size());
    fullText.forEach(d -> out.str(d.name()).strings(d.labels()).strings(d.properties()).str(d.analyzer()));
  }

  /** What {@link #writeTo} wrote. */
  static KnowledgeSnapshot readFrom(Binary.Reader in) throws Binary.Malformed {
    String version = in.str();
    String hash = in.str();
    List<NodeRow> nodes = new ArrayList<>();
    for (int i = in.count(8); i > 0; i--) {
      nodes.add(new NodeRow(in.strings(), in.properties()));
    }
    List<RelRow> rels = new ArrayList<>();
    for (int i = in.count(24); i > 0; i--) {
      rels.add(new RelRow(in.str(), in.str(), in.str(), in.str(), in.str(), in.properties()));
    }
    List<FullTextIndexes.Definition> defs = new ArrayList<>();
    for (int i = in.count(16); i > 0; i--) {
      try {
        defs.add(new FullTextIndexes.Definition(in.str(), in.strings(), in.strings(), in.str()));
      } catch (IllegalArgumentException e) {
        throw new Binary.Malformed(e.getMessage());
      }
    }
    return new KnowledgeSnapshot(version, hash, nodes, rels, defs);
  }
}
