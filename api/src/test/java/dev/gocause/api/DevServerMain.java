package dev.gocause.api;

import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.store.EmbeddedGraphStore;

/**
 * Starts a throw-away embedded graph with the seed loaded and the API on GOCAUSE_API_PORT (for
 * benchmarks and manual checks while the CLI is not built). Not shipped: test scope only.
 */
public final class DevServerMain {
  private DevServerMain() {}

  public static void main(String[] args) throws Exception {
    EmbeddedGraphStore store = EmbeddedGraphStore.startTemporary();
    new KnowledgeLoader(store).load(TestGraph.seed(), false);
    ApiServer server = ApiServer.start(ApiConfig.fromEnvironment(), store);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      store.close();
    }));
    System.out.println("dev server ready on " + server.baseUrl());
    Thread.currentThread().join();
  }
}
