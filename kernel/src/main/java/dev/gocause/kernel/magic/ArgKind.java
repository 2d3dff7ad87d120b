package dev.gocause.kernel.magic;

import java.util.List;

/** What a magic's positional arguments name; completion offers ids of these labels. */
public enum ArgKind {
  NONE(List.of()),
  /** Free text (a symptom description, a query). */
  TEXT(List.of()),
  ROOT_CAUSE(List.of("RootCause")),
  SYMPTOM(List.of("Symptom")),
  FIX(List.of("Fix", "RootCause")),
  DIMENSION(List.of("Dimension")),
  CASE(List.of("Case")),
  /** Any node id. */
  ANY_ID(List.of("Symptom", "RootCause", "Fix", "Dimension", "Primitive", "Command", "Signature", "Case", "Section", "Correction")),
  LANG(List.of()),
  CYPHER(List.of());

  private final List<String> labels;

  ArgKind(List<String> labels) {
    this.labels = labels;
  }

  /** Graph labels whose ids fit this argument. */
  public List<String> labels() {
    return labels;
  }
}
