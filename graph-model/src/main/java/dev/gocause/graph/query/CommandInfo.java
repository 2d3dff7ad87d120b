package dev.gocause.graph.query;

/** A command that confirms a cause or diagnoses a symptom, and what its output shows. */
public record CommandInfo(String id, String nameZh, String nameEn, String commandLine, String showsZh, String showsEn) {}
