package dev.gocause.graph.query;

/** A machine-matchable form of a symptom: a runtime message, a wait reason, a frame ... */
public record SignatureInfo(String id, String pattern, String patternKind, String example, String goVersions) {}
