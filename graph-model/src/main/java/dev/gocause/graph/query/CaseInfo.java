package dev.gocause.graph.query;

import java.util.List;

/** A runnable simulated case and what it demonstrates. {@code fixedVariant} is null on fixed cases. */
public record CaseInfo(
    String id,
    String nameZh,
    String nameEn,
    String file,
    String variant,
    String expectedOutcome,
    List<String> demonstrates,
    List<String> exhibits,
    String fixedVariant) {}
