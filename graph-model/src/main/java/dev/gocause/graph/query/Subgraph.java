package dev.gocause.graph.query;

import java.util.List;

/** Nodes and edges around a start node. {@code truncated} when the node bound cut it short. */
public record Subgraph(List<GraphNode> nodes, List<GraphEdge> edges, boolean truncated) {}
