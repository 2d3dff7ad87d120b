package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import java.util.List;
import java.util.Map;

/** A runnable Go case; {@code code} is the Go source read from {@code cases/<file>}. */
public record Case(Common common, String file, String variant, String expectedOutcome, List<String> demonstrates, List<String> exhibits, String fixedVariant, String code) implements SeedEntry {
  public Case {
    demonstrates = List.copyOf(demonstrates);
    exhibits = List.copyOf(exhibits);
  }

  @Override
  public NodeLabel label() {
    return NodeLabel.CASE;
  }

  @Override
  public Map<String, Object> ownProperties() {
    return Props.of("file", file, "variant", variant, "expectedOutcome", expectedOutcome, "code", code);
  }
}
