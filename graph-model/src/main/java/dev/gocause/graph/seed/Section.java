package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import java.util.Map;

/** A part of the seed document; {@code number} such as {@code 2.1}. */
public record Section(Common common, String number, String titleZh, String titleEn) implements SeedEntry {

  @Override
  public NodeLabel label() {
    return NodeLabel.SECTION;
  }

  @Override
  public Map<String, Object> ownProperties() {
    return Props.of("number", number, "titleZh", titleZh, "titleEn", titleEn);
  }
}
