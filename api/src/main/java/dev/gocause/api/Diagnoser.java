package dev.gocause.api;

import dev.gocause.graph.GocauseException;
import dev.gocause.graph.diagnosis.Diagnosis;
import dev.gocause.graph.diagnosis.DiagnosisRequest;
import dev.gocause.graph.diagnosis.DiagnosisService;
import dev.gocause.graph.diagnosis.InvalidDiagnosisRequestException;
import dev.gocause.graph.query.GraphUnavailableException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs diagnoses for every adapter (HTTP, Slack, Mattermost) on the model the
 * {@link DiagnosisService} compiled from the graph. The health probe re-checks the graph's
 * knowledge stamp every second (recompiling on change), so requests are answered in memory with
 * no graph round trip. While the graph does not answer, the last compiled model answers and the
 * result says {@code stale}; a call already waiting on the graph when it goes down is abandoned as
 * soon as the probe notices.
 */
final class Diagnoser implements AutoCloseable {
  /** A diagnosis and whether it came from the last model while the graph was unreachable. */
  record Result(Diagnosis diagnosis, boolean stale) {}

  private static final long POLL_MILLIS = 200;
  private static final long CLOSE_WAIT_MILLIS = 1_000;

  private final DiagnosisService service;
  private final GraphHealth health;
  private final Metrics metrics;
  private final ExecutorService pool;
  private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();
  /** True once the service's model was compiled or re-checked against the graph's stamp. */
  private volatile boolean modelChecked;
  /** Version and hash of the model last checked against the graph; null until then. */
  private volatile String modelStamp;

  Diagnoser(DiagnosisService service, GraphHealth health, Metrics metrics) {
    this.service = service;
    this.health = health;
    this.metrics = metrics;
    int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "gocause-diagnose-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  Result diagnose(DiagnosisRequest request) {
    try {
      Result r = run(request);
      metrics.diagnose(r.stale() ? "stale" : r.diagnosis().found() ? "found" : "none");
      return r;
    } catch (InvalidDiagnosisRequestException | ProblemException e) {
      metrics.diagnose("rejected");
      throw e;
    } catch (RuntimeException e) {
      metrics.diagnose("error");
      throw e;
    }
  }

  /** The current model's version/hash while it is known to match the graph, else null (no caching). */
  String freshModelStamp() {
    return modelChecked && health.state() == GraphHealth.State.UP ? modelStamp : null;
  }

  /** An answer served from the cache still counts as a diagnosis with its outcome. */
  void countCached(String outcome) {
    metrics.diagnose(outcome);
  }

  /** A request refused before diagnosis (bad body): counted as outcome {@code rejected}. */
  void rejected() {
    metrics.diagnose("rejected");
  }

  private Result run(DiagnosisRequest request) {
    if (health.down()) {
      return stale(request);
    }
    if (health.state() == GraphHealth.State.NOT_LOADED) {
      throw new ProblemException(503, "not-ready", "Service unavailable",
          "the knowledge is not loaded into the graph yet; retry shortly (or run ./gocause load)")
          .header("Retry-After", String.valueOf(ErrorMapping.RETRY_AFTER_SECONDS));
    }
    // While the compiled model is current (the probe re-checks the knowledge stamp every second)
    // answer in memory on this thread: the model carries its own copy of the full-text indexes, so
    // the answer equals the CLI's and the kernel's with no graph round trip.
    if (health.state() == GraphHealth.State.UP && modelChecked) {
      Optional<Diagnosis> compiled = service.diagnoseWithCompiledModel(request);
      if (compiled.isPresent()) {
        return new Result(compiled.get(), false);
      }
    }
    Future<Diagnosis> f = pool.submit(() -> service.diagnose(request));
    while (true) {
      try {
        Diagnosis d = f.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        modelChecked = true;
        return new Result(d, false);
      } catch (TimeoutException e) {
        if (health.down()) {
          f.cancel(true);
          return stale(request);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        f.cancel(true);
        throw new GraphUnavailableException("interrupted while diagnosing", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidDiagnosisRequestException ide) {
          throw ide;
        }
        if (isGraphFailure(cause)) {
          health.markDown();
          return stale(request);
        }
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(cause);
      }
    }
  }

  /**
   * Called by the health probe while the graph answers: re-reads the knowledge stamp and
   * recompiles the model when the knowledge changed (off the probe thread, one at a time).
   */
  void refreshModel() {
    if (!refreshing.compareAndSet(false, true)) {
      return;
    }
    try {
      pool.submit(() -> {
        try {
          var m = service.model();
          modelStamp = m.version() + "/" + m.hash();
          modelChecked = true;
        } catch (RuntimeException e) {
          modelChecked = false;
          if (isGraphFailure(e)) {
            health.markDown();
          }
        } finally {
          refreshing.set(false);
        }
      });
    } catch (RuntimeException e) {
      refreshing.set(false);
    }
  }

  private Result stale(DiagnosisRequest request) {
    Optional<Diagnosis> d = service.diagnoseWithCompiledModel(request);
    return d.map(x -> new Result(x, true)).orElseThrow(() -> new GraphUnavailableException(
        "the graph does not answer and no knowledge was loaded before; retry shortly", null));
  }

  /** Driver failures that mean "the database is not there" (possibly wrapped in a GocauseException). */
  static boolean isGraphFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof org.neo4j.driver.exceptions.ServiceUnavailableException
          || c instanceof org.neo4j.driver.exceptions.SessionExpiredException
          || c instanceof org.neo4j.driver.exceptions.TransientException
          || c instanceof GraphUnavailableException) {
        return true;
      }
      if (c instanceof GocauseException && c.getCause() == null) {
        return false;
      }
    }
    return false;
  }

  /**
   * Gives a model compilation or diagnosis under way a moment to finish before the store closes,
   * then interrupts it (a stop stays quick; the driver's retry of an abandoned read is not logged).
   */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
