package dev.gocause.graph.query;

/** Where the seed document is wrong, what is true, and how that was verified. */
public record CorrectionInfo(
    String id, String nameZh, String nameEn, String claimZh, String claimEn, String truthZh, String truthEn, String evidence) {}
