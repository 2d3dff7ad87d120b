package dev.gocause.graph.diagnosis;

import dev.gocause.graph.SharedTestGraph;
import java.util.Map;
import java.util.stream.Collectors;
import org.neo4j.driver.Session;

/** Test-scope: prints the top RootCause full-text hits and scores for each argument. */
public final class ProbeMain {
  public static void main(String[] args) {
    RealKnowledge.service();
    try (Session s = SharedTestGraph.get().session()) {
      for (String a : args) {
        String q = TextTokens.queryTerms(a).stream().map(DiagnosisService::luceneTerm).collect(Collectors.joining(" OR "));
        for (String idx : new String[] {"searchZh", "searchEn"}) {
          var rows = s.run("CALL db.index.fulltext.queryNodes($i, $q, {limit: 60}) YIELD node, score WHERE node:RootCause RETURN node.id AS id, score LIMIT 4",
              Map.of("i", idx, "q", q)).list();
          System.out.println(idx + " | " + a + " | " + rows.stream().map(r -> r.get("id").asString() + "=" + String.format("%.2f", r.get("score").asDouble())).collect(Collectors.joining(", ")));
        }
      }
    }
    System.exit(0);
  }
}
