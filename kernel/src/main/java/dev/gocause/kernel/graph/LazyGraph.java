package dev.gocause.kernel.graph;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Opens the graph on first use, once, so that the kernel is ready long before the graph is.
 * A failed start is remembered only until the next call (the user may start a server and retry).
 */
public final class LazyGraph implements AutoCloseable {
  private final Supplier<KernelGraph> opener;
  private CompletableFuture<KernelGraph> future;

  public LazyGraph(Supplier<KernelGraph> opener) {
    this.opener = opener;
  }

  /** The graph, waiting for it to start if needed. */
  public KernelGraph get() {
    CompletableFuture<KernelGraph> f = start();
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.gocause.kernel.cell.InterruptedError();
    } catch (ExecutionException e) {
      synchronized (this) {
        if (future == f) {
          future = null;
        }
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  public Optional<KernelGraph> ifReady() {
    CompletableFuture<KernelGraph> f;
    synchronized (this) {
      f = future;
    }
    if (f != null && f.isDone() && !f.isCompletedExceptionally()) {
      return Optional.of(f.join());
    }
    return Optional.empty();
  }

  /** Uses {@code ready} as the graph when none was opened or is opening; otherwise closes it. */
  public void adopt(KernelGraph ready) {
    synchronized (this) {
      if (future == null) {
        future = CompletableFuture.completedFuture(ready);
        return;
      }
    }
    ready.close();
  }

  public void startInBackground() {
    start();
  }

  private synchronized CompletableFuture<KernelGraph> start() {
    if (future == null) {
      CompletableFuture<KernelGraph> f = new CompletableFuture<>();
      future = f;
      Thread t = new Thread(() -> {
        try {
          f.complete(opener.get());
        } catch (Throwable e) {
          f.completeExceptionally(e);
        }
      }, "gocause-graph-start");
      t.setDaemon(true);
      t.start();
    }
    return future;
  }

  @Override
  public synchronized void close() {
    if (future != null && future.isDone() && !future.isCompletedExceptionally()) {
      future.join().close();
    }
  }
}
