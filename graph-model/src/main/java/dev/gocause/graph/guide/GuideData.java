package dev.gocause.graph.guide;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Neo4j Browser guide shows, as read from the graph by {@link GuideBuilder}: the guide
 * holds no knowledge of its own, so a new dimension, chapter, correction or case appears in it
 * after the next load without a code change.
 *
 * @param contentHash the KnowledgeBase content hash (identifies this snapshot; empty if none)
 * @param labelCounts node count per label
 */
public record GuideData(
    String titleZh,
    String titleEn,
    String version,
    String contentHash,
    Map<String, Long> labelCounts,
    List<DimensionItem> dimensions,
    List<Chapter> chapters,
    Optional<PathExample> path,
    List<CorrectionItem> corrections,
    List<CaseItem> cases,
    Optional<Search> search) {

  public GuideData {
    Objects.requireNonNull(titleZh, "titleZh");
    Objects.requireNonNull(titleEn, "titleEn");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(contentHash, "contentHash");
    labelCounts = Map.copyOf(labelCounts);
    dimensions = List.copyOf(dimensions);
    chapters = List.copyOf(chapters);
    Objects.requireNonNull(path, "path");
    corrections = List.copyOf(corrections);
    cases = List.copyOf(cases);
    Objects.requireNonNull(search, "search");
  }

  public long count(String label) {
    return labelCounts.getOrDefault(label, 0L);
  }

  /** A Dimension node and how many root causes point at it. */
  public record DimensionItem(String id, String nameZh, String nameEn, String descriptionZh, String descriptionEn,
      long causes) {}

  /**
   * A Section node with what is described in it.
   *
   * @param entries nodes with DESCRIBED_IN to this section
   * @param rootCauses RootCause nodes among them
   */
  public record SectionItem(String id, String number, String titleZh, String titleEn, long entries, long rootCauses) {}

  /** The sections sharing a top-level number ({@code 2} for 2.1 … 2.5). */
  public record Chapter(String number, List<SectionItem> sections) {
    public Chapter {
      Objects.requireNonNull(number, "number");
      sections = List.copyOf(sections);
    }

    public long entries() {
      return sections.stream().mapToLong(SectionItem::entries).sum();
    }

    public long rootCauses() {
      return sections.stream().mapToLong(SectionItem::rootCauses).sum();
    }

    /** The chapter's own section (number {@code 1}, {@code 5}) when the seed has one. */
    public Optional<SectionItem> self() {
      return sections.stream().filter(s -> s.number().equals(number)).findFirst();
    }
  }

  /**
   * The symptom the path slide starts from: the one with the most Symptom→RootCause→Fix paths.
   *
   * @param causes distinct root causes it indicates that have a fix
   * @param commands distinct commands confirming those causes
   */
  public record PathExample(String symptomId, String nameZh, String nameEn, long causes, long fixes, long commands) {}

  /** A Correction node: where the seed is wrong. */
  public record CorrectionItem(String id, String source, String nameZh, String nameEn, String truthZh,
      String truthEn, long targets) {}

  /** A buggy Case with its expected outcome and the id of its fixed variant ("" when none). */
  public record CaseItem(String id, String nameZh, String nameEn, String expectedOutcome, String fixedVariant) {}

  /**
   * The full-text indexes over {@code searchZh} / {@code searchEn}, and sample terms taken from
   * the path symptom's aliases (so a sample search always finds something).
   */
  public record Search(String zhIndex, String zhTerm, String enIndex, String enTerm) {}
}
