package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import java.util.List;
import java.util.Map;

/** Why a failure happens: one per mechanism whose fix differs. */
public record RootCause(Common common, String mechanismZh, String mechanismEn, String severity, List<String> dimensions, List<String> involves, List<String> confirmedBy, List<String> fixedBy) implements SeedEntry {
  public RootCause {
    dimensions = List.copyOf(dimensions);
    involves = List.copyOf(involves);
    confirmedBy = List.copyOf(confirmedBy);
    fixedBy = List.copyOf(fixedBy);
  }

  @Override
  public NodeLabel label() {
    return NodeLabel.ROOT_CAUSE;
  }

  @Override
  public Map<String, Object> ownProperties() {
    return Props.of("mechanismZh", mechanismZh, "mechanismEn", mechanismEn, "severity", severity);
  }
}
