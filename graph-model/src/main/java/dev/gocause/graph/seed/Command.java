package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import java.util.Map;

/** How to confirm a cause or a symptom. */
public record Command(Common common, String commandLine, String showsZh, String showsEn) implements SeedEntry {

  @Override
  public NodeLabel label() {
    return NodeLabel.COMMAND;
  }

  @Override
  public Map<String, Object> ownProperties() {
    return Props.of("commandLine", commandLine, "showsZh", showsZh, "showsEn", showsEn);
  }
}
