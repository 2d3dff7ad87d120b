package dev.gocause.graph.query;

/**
 * A symptom in a list. {@code score} is the full-text relevance when the list answers a search
 * (higher is better), {@code null} otherwise.
 */
public record SymptomSummary(String id, String nameZh, String nameEn, String kind, Double score) {}
