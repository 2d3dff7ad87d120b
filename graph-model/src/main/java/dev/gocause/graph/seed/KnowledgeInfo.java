package dev.gocause.graph.seed;

/** The {@code knowledge} map of knowledge.yaml: the knowledge version and titles. */
public record KnowledgeInfo(String version, String titleZh, String titleEn, String descriptionZh, String descriptionEn) {}
