package dev.gocause.kernel;

import dev.gocause.graph.GocauseException;
import dev.gocause.kernel.graph.GraphOpener;
import dev.gocause.kernel.graph.LazyGraph;
import dev.gocause.kernel.graph.Vocabulary;
import dev.gocause.kernel.magic.Lang;
import dev.gocause.kernel.magic.MagicRegistry;
import dev.gocause.kernel.magic.Session;
import dev.gocause.kernel.protocol.ParentWatcher;
import dev.gocause.kernel.protocol.SafeConnection;
import dev.gocause.kernel.protocol.SigningProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Runs the kernel on a Jupyter connection file until Jupyter shuts it down or goes away.
 * Started by this class's {@code main}: the installed kernelspec runs it from the copied jar
 * ({@code java -cp gocause.jar dev.gocause.kernel.KernelMain FILE}), tests from their classpath;
 * {@code gocause kernel run FILE} does the same through the CLI.
 */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: KernelMain CONNECTION_FILE");
      System.exit(2);
    }
    try {
      run(Path.of(args[0]));
      System.exit(0);
    } catch (GocauseException e) {
      System.err.println("gocause kernel: " + e.getMessage());
      System.exit(2);
    } catch (RuntimeException e) {
      System.err.println("gocause kernel: stopped by an internal error: " + e);
      if (System.getenv("GOCAUSE_DEBUG") != null) {
        e.printStackTrace();
      }
      System.exit(1);
    }
  }

  /** Serves the connection until shutdown; returns the exit code. */
  public static int run(Path connectionFile) {
    // seed-data is read (from the compiled seed-data cache when it holds it) while the kernel
    // starts, on a second thread, so that the first look-up or diagnosis finds it ready
    Vocabulary vocabulary = new Vocabulary().loadInBackground();
    KernelConnectionProperties props;
    try {
      // messages signed without javax.crypto: see SigningProperties
      props = new SigningProperties(KernelConnectionProperties.parse(Files.readString(connectionFile, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new GocauseException("cannot read the connection file " + connectionFile + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new GocauseException("the connection file " + connectionFile + " is not a Jupyter connection file: " + e.getMessage());
    }
    SafeConnection connection;
    try {
      connection = new SafeConnection(props);
    } catch (GeneralSecurityException e) {
      throw new GocauseException("the connection file's signature scheme is not supported: " + e.getMessage());
    }
    // bound before the kernel is built: the frontend's first requests wait in the sockets
    // instead of for its next connection attempt
    connection.bind();
    MagicRegistry registry = Magics.standard();
    LazyGraph graph = new LazyGraph(() -> GraphOpener.open(vocabulary));
    Session session = new Session(registry, graph, vocabulary, Lang.fromEnvironment(), () -> GraphOpener.running(vocabulary));
    GocauseKernel kernel = new GocauseKernel(registry, session);
    Runtime.getRuntime().addShutdownHook(new Thread(graph::close, "gocause-graph-stop"));
    kernel.onStartup();
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    long readyMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    // one line on stderr (the notebook server's console, never a cell); tests read it
    long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    System.err.println("gocause kernel ready in " + readyMs + " ms (JVM start to sockets bound, " + cpuMs
        + " ms CPU); diagnoses need no graph; it starts on first use");
    ParentWatcher.start(Duration.ofSeconds(1), () -> {
      // Runtime.exit runs the shutdown hook, which stops the graph and removes its temp store.
      Runtime.getRuntime().exit(0);
    });
    connection.waitUntilClose();
    graph.close();
    return 0;
  }
}
