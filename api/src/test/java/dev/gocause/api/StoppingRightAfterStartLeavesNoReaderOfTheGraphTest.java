package dev.gocause.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.store.EmbeddedGraphStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./gocause up} stopped by Ctrl-C just after "ready" closed the store under the guide's
 * warm-up read and the model's compilation; the driver then retried each read against the closing
 * graph and printed its stack traces. Closing the server now waits for its own readers of the graph.
 */
class StoppingRightAfterStartLeavesNoReaderOfTheGraphTest {

  @Test
  void no_thread_of_the_server_still_reads_the_graph_once_close_returns() throws Exception {
    try (EmbeddedGraphStore store = EmbeddedGraphStore.startTemporary()) {
      new KnowledgeLoader(store).load(TestGraph.seed(), false);
      ApiServer server = ApiServer.start(ApiConfig.defaults().withPort(0), store);
      server.close();
      // a pool's last worker ends a moment after the pool reports itself terminated
      for (int i = 0; i < 20 && !readersOfTheGraph().isEmpty(); i++) {
        Thread.sleep(10);
      }
      assertThat(readersOfTheGraph()).as("threads of the API that read the graph, alive after close").isEmpty();
    }
  }

  private static List<String> readersOfTheGraph() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.equals("gocause-guide-warm-up") || n.startsWith("gocause-diagnose-"))
        .toList();
  }
}
