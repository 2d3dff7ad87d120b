package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An entry of seed-data, one node of the graph. */
public sealed interface SeedEntry
    permits Section, Dimension, Primitive, Symptom, Signature, RootCause, Command, Fix, Correction, Case {

  NodeLabel label();

  Common common();

  default String id() {
    return common().id();
  }

  default String nameZh() {
    return common().nameZh();
  }

  default String nameEn() {
    return common().nameEn();
  }

  /** Label-specific properties, camelCase as in seed-data (nulls and empty lists are left out later). */
  Map<String, Object> ownProperties();

  /**
   * All node properties as the loader writes them: common fields, label-specific fields, and the
   * derived {@code searchZh}/{@code searchEn} text (names, aliases, descriptions and other prose).
   */
  default Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    Common c = common();
    p.put("id", c.id());
    p.put("nameZh", c.nameZh());
    p.put("nameEn", c.nameEn());
    p.put("descriptionZh", c.descriptionZh());
    p.put("descriptionEn", c.descriptionEn());
    p.put("source", c.source());
    p.put("alsoIn", c.alsoIn());
    p.putAll(ownProperties());
    p.put("searchZh", SearchText.zh(p));
    p.put("searchEn", SearchText.en(p));
    p.values().removeIf(v -> v == null || (v instanceof List<?> l && l.isEmpty()));
    return p;
  }
}
