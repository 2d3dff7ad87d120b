package dev.gocause.graph.query;

import java.util.Comparator;

/** A related node with the weight of the {@code INDICATES} edge that links it. */
public record WeightedRef(String id, String nameZh, String nameEn, double weight) {
  /**
   * The order look-ups list weighted nodes in: heaviest first, then by id. Written out rather than
   * composed from {@link Comparator}'s factories, whose lambdas a fresh kernel defines at run time
   * (they are not in its class-data archive).
   */
  public static final Comparator<WeightedRef> HEAVIEST_FIRST = (x, y) -> {
    int byWeight = Double.compare(y.weight(), x.weight());
    return byWeight != 0 ? byWeight : x.id().compareTo(y.id());
  };
}
