package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import java.util.List;
import java.util.Map;

/** A machine-matchable form of a symptom ({@code patternKind}: literal, regex, waitReason, frame). */
public record Signature(Common common, String pattern, String patternKind, List<String> goVersions, String example, String verifiedBy, List<String> identifies) implements SeedEntry {
  public Signature {
    goVersions = List.copyOf(goVersions);
    identifies = List.copyOf(identifies);
  }

  @Override
  public NodeLabel label() {
    return NodeLabel.SIGNATURE;
  }

  @Override
  public Map<String, Object> ownProperties() {
    return Props.of("pattern", pattern, "patternKind", patternKind, "goVersions", goVersions, "example", example, "verifiedBy", verifiedBy);
  }
}
