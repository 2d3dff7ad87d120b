package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import java.util.List;
import java.util.Map;

/**
 * A Go concurrency primitive (goroutine, channel kinds, Mutex, WaitGroup ...), with the words and
 * API identifiers people use for it in each language ({@code aliasesZh}, {@code aliasesEn}): a
 * report naming them names the primitive.
 */
public record Primitive(Common common, List<String> aliasesZh, List<String> aliasesEn) implements SeedEntry {

  public Primitive {
    aliasesZh = List.copyOf(aliasesZh);
    aliasesEn = List.copyOf(aliasesEn);
  }

  public Primitive(Common common) {
    this(common, List.of(), List.of());
  }

  @Override
  public NodeLabel label() {
    return NodeLabel.PRIMITIVE;
  }

  @Override
  public Map<String, Object> ownProperties() {
    return Props.of("aliasesZh", aliasesZh, "aliasesEn", aliasesEn);
  }
}
