package dev.gocause.graph.query;

import java.util.List;

/** One of the four dimensions with the ids of the root causes in it. */
public record DimensionInfo(
    String id, String nameZh, String nameEn, String descriptionZh, String descriptionEn, List<String> causes) {}
