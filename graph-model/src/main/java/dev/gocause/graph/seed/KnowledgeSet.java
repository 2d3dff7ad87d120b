package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.RelType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validated seed-data: every entry, the knowledge version and the content hash. Built only by
 * {@link SeedReader}, so every reference inside resolves.
 *
 * @param source where it was read from (for messages)
 * @param contentHash hex sha256 over the sorted relative paths and bytes of all seed-data files
 */
public record KnowledgeSet(String source, KnowledgeInfo knowledge, List<SeedEntry> entries, String contentHash) {

  public KnowledgeSet {
    entries = List.copyOf(entries);
  }

  public String version() {
    return knowledge.version();
  }

  public List<SeedEntry> entries(NodeLabel label) {
    return entries.stream().filter(e -> e.label() == label).toList();
  }

  public <T extends SeedEntry> List<T> entries(Class<T> type) {
    return entries.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public Optional<SeedEntry> find(NodeLabel label, String id) {
    return entries.stream().filter(e -> e.label() == label && e.id().equals(id)).findFirst();
  }

  /** Number of entries per label, in {@link NodeLabel} order (labels without entries included as 0). */
  public Map<String, Long> countsByLabel() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (NodeLabel l : NodeLabel.entryLabels()) {
      counts.put(l.cypherName(), entries.stream().filter(e -> e.label() == l).count());
    }
    return counts;
  }

  /** Every relationship seed-data implies, without duplicates. */
  public List<SeedRelationship> relationships() {
    Map<String, String> sectionIdByNumber = new LinkedHashMap<>();
    for (Section s : entries(Section.class)) {
      sectionIdByNumber.put(s.number(), s.id());
    }
    Map<String, SeedRelationship> out = new LinkedHashMap<>();
    for (SeedEntry e : entries) {
      Set<String> sections = new LinkedHashSet<>();
      e.common().sourceSection().ifPresent(sections::add);
      sections.addAll(e.common().alsoIn());
      for (String number : sections) {
        String sectionId = sectionIdByNumber.get(number);
        // A section does not describe itself.
        if (sectionId != null && !(e.label() == NodeLabel.SECTION && e.id().equals(sectionId))) {
          add(out, RelType.DESCRIBED_IN, e, NodeLabel.SECTION, sectionId, Map.of());
        }
      }
      if (e instanceof Symptom s) {
        s.indicates().forEach(i -> add(out, RelType.INDICATES, e, NodeLabel.ROOT_CAUSE, i.cause(), i.panickingFrames().isEmpty()
            ? Map.of("weight", i.weight())
            : Map.of("weight", i.weight(), "panickingFrame", i.panickingFrames())));
        s.diagnosedBy().forEach(c -> add(out, RelType.DIAGNOSED_BY, e, NodeLabel.COMMAND, c, Map.of()));
      } else if (e instanceof Signature s) {
        s.identifies().forEach(x -> add(out, RelType.IDENTIFIES, e, NodeLabel.SYMPTOM, x, Map.of()));
      } else if (e instanceof RootCause r) {
        r.dimensions().forEach(x -> add(out, RelType.IN_DIMENSION, e, NodeLabel.DIMENSION, x, Map.of()));
        r.involves().forEach(x -> add(out, RelType.INVOLVES, e, NodeLabel.PRIMITIVE, x, Map.of()));
        r.confirmedBy().forEach(x -> add(out, RelType.CONFIRMED_BY, e, NodeLabel.COMMAND, x, Map.of()));
        r.fixedBy().forEach(x -> add(out, RelType.FIXED_BY, e, NodeLabel.FIX, x, Map.of()));
      } else if (e instanceof Correction c) {
        c.corrects().forEach(t -> add(out, RelType.CORRECTS, e, t.label(), t.id(), Map.of()));
      } else if (e instanceof Case c) {
        c.demonstrates().forEach(x -> add(out, RelType.DEMONSTRATES, e, NodeLabel.ROOT_CAUSE, x, Map.of()));
        c.exhibits().forEach(x -> add(out, RelType.EXHIBITS, e, NodeLabel.SYMPTOM, x, Map.of()));
        if (c.fixedVariant() != null) {
          add(out, RelType.FIXED_VARIANT, e, NodeLabel.CASE, c.fixedVariant(), Map.of());
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private static void add(
      Map<String, SeedRelationship> out, RelType type, SeedEntry from, NodeLabel toLabel, String toId, Map<String, Object> props) {
    SeedRelationship r = new SeedRelationship(type, from.label(), from.id(), toLabel, toId, props);
    out.putIfAbsent(r.key(), r);
  }
}
