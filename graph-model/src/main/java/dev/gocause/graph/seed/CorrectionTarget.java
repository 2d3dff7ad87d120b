package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;

/** The entry a Correction corrects. */
public record CorrectionTarget(NodeLabel label, String id) {}
