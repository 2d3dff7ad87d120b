package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import java.util.List;
import java.util.Map;

/** What a person or tool observes; {@code indicates} carries the weighted links to root causes. */
public record Symptom(Common common, String kind, List<String> aliasesZh, List<String> aliasesEn, List<Indication> indicates, List<String> diagnosedBy) implements SeedEntry {
  public Symptom {
    aliasesZh = List.copyOf(aliasesZh);
    aliasesEn = List.copyOf(aliasesEn);
    indicates = List.copyOf(indicates);
    diagnosedBy = List.copyOf(diagnosedBy);
  }

  @Override
  public NodeLabel label() {
    return NodeLabel.SYMPTOM;
  }

  @Override
  public Map<String, Object> ownProperties() {
    return Props.of("kind", kind, "aliasesZh", aliasesZh, "aliasesEn", aliasesEn);
  }
}
