package dev.gocause.graph.query;

/**
 * The look-ups a reader of one node needs: a cause, a symptom, a fix, a neighbourhood. Answered
 * by {@link KnowledgeQueries} from a graph, or from seed-data compiled in memory when no graph is
 * running ({@code dev.gocause.graph.diagnosis.SnapshotLookups}), with equal answers.
 */
public interface KnowledgeLookups {
  CauseDetail cause(String id);

  SymptomDetail symptom(String id);

  FixInfo fix(String id);

  Subgraph neighborhood(String id, Integer depth);
}
