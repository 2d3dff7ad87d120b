package dev.gocause.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.load.LoadReport;
import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.seed.SeedValidationException;
import dev.gocause.graph.store.Environment;
import dev.gocause.graph.store.GraphStore;
import dev.gocause.graph.store.GraphStores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gocause load}: validates seed-data and synchronises the configured graph with it. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Validate seed-data and load it into the configured graph.",
      "",
      "The load is one transaction; then the node count per label and the relationship count per type are printed.",
      "",
      "The graph is the Neo4j server at NEO4J_URI (with NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE)"
          + " when that is set, else the embedded store in GOCAUSE_DATA (default ~/.gocause/data; Bolt on"
          + " GOCAUSE_BIND:GOCAUSE_BOLT_PORT, default 127.0.0.1:7687, while the command runs)."
          + " While 'gocause up' holds the embedded store, the load goes through its Bolt port instead.",
      "",
      "Loading is idempotent: entries removed from seed-data disappear from the graph, and when the"
          + " graph already holds the same content (hash) nothing is written unless --force.",
      "",
      "Exit status: 0 loaded or unchanged, 1 seed-data has problems (nothing written), 2 the graph"
          + " cannot be opened or reached."
    })
final class LoadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--seed-data",
      paramLabel = "DIR",
      description = "seed-data folder to load (default: the seed-data packaged in this jar)")
  Path seedData;

  @Option(names = "--force", description = "reload even when the graph already holds this content")
  boolean force;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  /** Tests set this; null means the process environment. */
  Environment environment;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SeedSource source = seedData == null ? SeedSource.fromClasspath() : SeedSource.fromDirectory(seedData);
    KnowledgeSet ks;
    try {
      ks = SeedReader.read(source);
    } catch (SeedValidationException e) {
      e.problems().forEach(err::println);
      err.println(e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + " in " + source.description()
          + "; nothing was loaded");
      err.flush();
      return 1;
    }
    Environment env = environment != null ? environment : Environment.fromSystem();
    LoadReport report;
    String graph;
    // opening an embedded store takes some seconds: say what is happening (stderr keeps --json clean)
    err.println(env.remote() ? "gocause: connecting to " + env.neo4jUri() + " ..."
        : "gocause: opening the embedded graph in " + env.dataDir() + " (some seconds) ...");
    err.flush();
    try (GraphStore store = GraphStores.openOrAttach(env)) {
      graph = store.embedded() ? "embedded graph " + env.dataDir() : store.boltUri() + " (database " + store.database() + ")";
      report = new KnowledgeLoader(store).load(ks, force);
    }
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("graph", graph);
      m.putAll(report.toMap());
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
    } else {
      print(out, report, graph);
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, LoadReport r, String graph) {
    String hash = r.contentHash().substring(0, 12);
    if (r.unchanged()) {
      out.println("The " + graph + " already holds knowledge " + r.version() + " (hash " + hash + "): nothing written (--force reloads).");
    } else {
      LoadReport.Changes c = r.changes();
      out.println("Loaded knowledge " + r.version() + " (hash " + hash + ") into the " + graph + " in " + r.elapsedMillis() + " ms"
          + (r.forced() ? " (forced)" : "") + ": " + c.nodesCreated() + " nodes created, " + c.nodesDeleted() + " deleted, "
          + c.relationshipsCreated() + " relationships created, " + c.relationshipsDeleted() + " deleted.");
    }
    out.println();
    out.printf("%-22s %6s%n", "Label", "Nodes");
    r.nodes().forEach((k, v) -> out.printf("%-22s %6d%n", k, v));
    out.printf("%-22s %6d%n", "(total)", r.totalNodes());
    out.println();
    out.printf("%-22s %6s%n", "Relationship type", "Count");
    r.relationships().forEach((k, v) -> out.printf("%-22s %6d%n", k, v));
    out.printf("%-22s %6d%n", "(total)", r.totalRelationships());
  }
}
