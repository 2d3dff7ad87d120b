package dev.gocause.graph.query;

import java.util.List;

/** One path: its nodes in order and the edges between them (edges keep their own direction). */
public record GraphPath(int length, List<GraphNode> nodes, List<GraphEdge> edges) {}
