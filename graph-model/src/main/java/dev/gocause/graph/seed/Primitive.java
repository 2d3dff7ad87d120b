package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import java.util.Map;

/** A Go concurrency primitive (goroutine, channel kinds, Mutex, WaitGroup ...). */
public record Primitive(Common common) implements SeedEntry {

  @Override
  public NodeLabel label() {
    return NodeLabel.PRIMITIVE;
  }

  @Override
  public Map<String, Object> ownProperties() {
    return Props.of();
  }
}
