package dev.gocause.api;

import dev.gocause.graph.query.KnowledgeQueries;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the graph answers, probed once a second by a cheap read. While it is down, the API
 * stops sending work to it (diagnoses answer from the last model, look-ups answer 503) instead of
 * letting requests wait on the driver's retries; when the probe succeeds again, traffic resumes
 * by itself.
 */
final class GraphHealth implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GraphHealth.class);

  enum State { UP, DOWN, NOT_LOADED }

  private final KnowledgeQueries queries;
  private final ScheduledExecutorService probe;
  private volatile State state = State.UP;
  private volatile String knowledgeVersion;
  private volatile Runnable whileUp = () -> {};

  GraphHealth(KnowledgeQueries queries) {
    this.queries = queries;
    this.probe = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "gocause-graph-probe");
      t.setDaemon(true);
      return t;
    });
    check();
    probe.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
  }

  private void check() {
    State before = state;
    try {
      knowledgeVersion = queries.knowledgeVersion().map(v -> v.version()).orElse(null);
      state = knowledgeVersion == null ? State.NOT_LOADED : State.UP;
      if (state == State.UP) {
        whileUp.run();
      }
    } catch (RuntimeException e) {
      state = State.DOWN;
    }
    if (before != state) {
      LOG.info("graph is {}", state == State.UP ? "answering" : state == State.DOWN ? "not answering" : "not loaded");
    }
  }

  /** Run after every successful probe (e.g. to re-check the diagnosis model); must not block. */
  void whileUp(Runnable r) {
    whileUp = r;
  }

  State state() {
    return state;
  }

  boolean down() {
    return state == State.DOWN;
  }

  /** A request saw the graph fail: stop sending work until the probe sees it answer again. */
  void markDown() {
    state = State.DOWN;
  }

  String knowledgeVersion() {
    return knowledgeVersion;
  }

  @Override
  public void close() {
    // Let a running probe finish instead of interrupting it: an interrupted driver call logs a
    // retry warning with a stack trace just as the store shuts down.
    probe.shutdown();
    try {
      if (!probe.awaitTermination(5, TimeUnit.SECONDS)) {
        probe.shutdownNow();
      }
    } catch (InterruptedException e) {
      probe.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
