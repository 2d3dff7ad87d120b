package dev.gocause.kernel;

import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.store.EmbeddedGraphStore;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * One throw-away embedded graph per test JVM, loaded with the classpath seed-data: the
 * "running gocause graph" that kernels find over Bolt (as they would find {@code gocause up}).
 */
final class SharedGraph {
  private static EmbeddedGraphStore store;

  private SharedGraph() {}

  static synchronized String boltUri() {
    if (store == null) {
      store = EmbeddedGraphStore.startTemporary();
      new KnowledgeLoader(store).load(SeedSource.fromClasspath(), false);
      Runtime.getRuntime().addShutdownHook(new Thread(store::close));
    }
    return store.boltUri();
  }

  static synchronized EmbeddedGraphStore store() {
    boltUri();
    return store;
  }

  /** A local port nothing listens on (bound, then released). */
  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
