package dev.gocause.graph.query;

import java.util.List;

/** A fix: code before and after, its trade-off, and the causes it repairs. */
public record FixInfo(
    String id,
    String nameZh,
    String nameEn,
    String descriptionZh,
    String descriptionEn,
    String before,
    String after,
    String tradeoffZh,
    String tradeoffEn,
    String source,
    List<NodeRef> fixes) {}
