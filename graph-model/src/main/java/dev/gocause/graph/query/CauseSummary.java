package dev.gocause.graph.query;

import java.util.List;

/** A root cause in a list, with the ids of its dimensions. */
public record CauseSummary(String id, String nameZh, String nameEn, String severity, List<String> dimensions) {}
