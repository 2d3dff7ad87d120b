package dev.gocause.graph.query;

import java.util.List;

/** One symptom with the causes it indicates (by weight, highest first), its commands and signatures. */
public record SymptomDetail(
    String id,
    String nameZh,
    String nameEn,
    String kind,
    String descriptionZh,
    String descriptionEn,
    List<String> aliasesZh,
    List<String> aliasesEn,
    String source,
    List<WeightedRef> indicates,
    List<CommandInfo> diagnosedBy,
    List<SignatureInfo> signatures) {}
