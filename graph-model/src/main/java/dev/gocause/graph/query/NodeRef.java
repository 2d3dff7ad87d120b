package dev.gocause.graph.query;

/** A node named by its label and id, with its names in both languages. */
public record NodeRef(String label, String id, String nameZh, String nameEn) {}
