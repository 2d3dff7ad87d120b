package dev.gocause.kernel.graph;

import dev.gocause.graph.query.KnowledgeQueries;
import dev.gocause.graph.store.GraphStore;
import dev.gocause.kernel.cell.CellContext;
import java.util.List;

/** The graph as the magics see it: a running gocause graph over Bolt or a throw-away embedded one. */
public interface KernelGraph extends AutoCloseable {

  /** Where the graph is, for humans (e.g. {@code bolt://127.0.0.1:7687 (knowledge 1.0)}). */
  String describe();

  String knowledgeVersion();

  /** The shared look-up services (symptoms, causes, fixes, neighbourhoods, paths). */
  KnowledgeQueries queries();

  /** The diagnosis engine over this graph (its model compiled on first use). */
  dev.gocause.graph.diagnosis.DiagnosisService diagnosis();

  /** The store itself (driver and database), for services built on it. */
  GraphStore store();

  /** Runs user Cypher in a read transaction, or a write one when {@code write}; interruptible. */
  CypherResult cypher(String query, boolean write, CellContext cell);

  /** Ids of the nodes with this label, sorted (for completion). */
  List<String> ids(String label);

  @Override
  void close();
}
