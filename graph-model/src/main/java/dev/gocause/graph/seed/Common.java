package dev.gocause.graph.seed;

import java.util.List;
import java.util.Optional;

/**
 * The fields every seed-data entry has.
 *
 * @param id stable kebab-case id, unique per label
 * @param source a seed section number ({@code 2.1}) or {@code external: <reference>}
 * @param alsoIn further seed section numbers the entry draws on
 */
public record Common(
    String id,
    String nameZh,
    String nameEn,
    String descriptionZh,
    String descriptionEn,
    String source,
    List<String> alsoIn) {

  public Common {
    alsoIn = List.copyOf(alsoIn);
  }

  /** The seed section number in {@code source}, empty when the source is external or absent. */
  public Optional<String> sourceSection() {
    if (source == null || source.startsWith(SeedReader.EXTERNAL_PREFIX)) {
      return Optional.empty();
    }
    return Optional.of(source);
  }
}
