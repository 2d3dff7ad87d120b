package dev.gocause.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gocause.graph.load.KnowledgeLoader;
import dev.gocause.graph.store.EmbeddedGraphStore;
import dev.gocause.graph.store.RemoteGraphStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Stops the Neo4j server under a running API while clients keep sending requests, then starts it
 * again on the same folder and port. Every response is counted: diagnoses keep answering (stale
 * while the graph is away), look-ups answer 503 problem+json with Retry-After, /ready says 503,
 * nothing answers 500, and everything recovers by itself.
 */
class OutageAnswersStaleThenRecoversTest {
  enum Phase { BEFORE, DOWN, AFTER, TRANSITION }

  record Seen(Phase phase, String kind, int status, boolean stale, long millis) {}

  @Test
  void while_neo4j_is_stopped_diagnose_answers_stale_lookups_503_and_all_recovers() throws Exception {
    Path dir = Files.createTempDirectory("gocause-outage");
    EmbeddedGraphStore first = EmbeddedGraphStore.start(dir, "127.0.0.1", 0, null);
    int port = first.boltPort();
    new KnowledgeLoader(first).load(TestGraph.seed(), false);
    // The API talks to the server over Bolt like to any remote Neo4j, so the server can go away.
    RemoteGraphStore remote = RemoteGraphStore.connect("bolt://127.0.0.1:" + port, "neo4j", null, "neo4j");
    ApiServer server = ApiServer.start(ApiConfig.defaults().withPort(0), remote);
    Http http = new Http(server.baseUrl());
    EmbeddedGraphStore second = null;
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong phase = new AtomicLong(Phase.BEFORE.ordinal());
    List<Seen> seen = new CopyOnWriteArrayList<>();
    List<String> unexpected = new CopyOnWriteArrayList<>();
    Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    try {
      assertThat(http.post("/v1/diagnose", "text/plain", "panic: send on closed channel").status()).isEqualTo(200);
      List<Thread> clients = List.of(
          client("diagnose", running, phase, seen, unexpected, () ->
              http.post("/v1/diagnose", "application/json", "{\"text\":\"fatal error: all goroutines are asleep - deadlock!\"}")),
          client("diagnose", running, phase, seen, unexpected, () ->
              http.post("/v1/diagnose", "text/plain", "程序卡住了,一直不退出")),
          client("lookup", running, phase, seen, unexpected, () -> http.get("/v1/causes/send-on-closed-channel")),
          client("lookup", running, phase, seen, unexpected, () -> http.get("/v1/symptoms?q=deadlock")),
          client("ready", running, phase, seen, unexpected, () -> http.get("/ready")));
      clients.forEach(Thread::start);
      Thread.sleep(3000);

      phase.set(Phase.DOWN.ordinal());
      first.close();
      waitFor(() -> http.get("/ready").status() == 503, 30_000, "/ready turns 503 after Neo4j stops");
      Thread.sleep(4000);

      second = EmbeddedGraphStore.start(dir, "127.0.0.1", port, null);
      waitFor(() -> http.get("/ready").status() == 200, 60_000, "/ready turns 200 again by itself");
      waitFor(() -> http.get("/v1/causes/send-on-closed-channel").status() == 200, 30_000, "look-ups answer again");
      phase.set(Phase.AFTER.ordinal());
      Thread.sleep(3000);
      running.set(false);
      for (Thread t : clients) {
        t.join(120_000);
      }
    } finally {
      running.set(false);
      server.close();
      remote.close();
      if (second != null) {
        second.close();
      }
      first.close();
    }

    for (Seen s : seen) {
      counts.computeIfAbsent(s.phase() + " " + s.kind() + " " + s.status() + (s.stale() ? " stale" : ""), k -> new LongAdder())
          .increment();
    }
    System.out.println("outage test responses: " + new java.util.TreeMap<>(counts));
    System.out.println("outage test slowest response ms: " + seen.stream().mapToLong(Seen::millis).max().orElse(0));
    assertThat(unexpected).as("unexpected responses").isEmpty();
    // Before: all fresh 200s.
    assertThat(seen).filteredOn(s -> s.phase() == Phase.BEFORE)
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(200)).allSatisfy(s -> assertThat(s.stale()).isFalse());
    // Down: diagnoses always 200 and at least some stale; look-ups 503 seen; /ready 503 seen.
    List<Seen> down = seen.stream().filter(s -> s.phase() == Phase.DOWN).toList();
    assertThat(down).filteredOn(s -> s.kind().equals("diagnose")).isNotEmpty()
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
    assertThat(down).anySatisfy(s -> assertThat(s.kind() + s.stale()).isEqualTo("diagnosetrue"));
    assertThat(down).anySatisfy(s -> assertThat(s.kind() + s.status()).isEqualTo("lookup503"));
    assertThat(down).anySatisfy(s -> assertThat(s.kind() + s.status()).isEqualTo("ready503"));
    // After: fresh again.
    List<Seen> after = seen.stream().filter(s -> s.phase() == Phase.AFTER).toList();
    assertThat(after).isNotEmpty().allSatisfy(s -> assertThat(s.status()).isEqualTo(200))
        .allSatisfy(s -> assertThat(s.stale()).isFalse());
    // Nobody waited on the driver's 30 s retries.
    assertThat(seen.stream().mapToLong(Seen::millis).max().orElse(0)).isLessThan(15_000);
  }

  interface Call {
    Http.Res call();
  }

  static Thread client(String kind, AtomicBoolean running, AtomicLong phase, List<Seen> seen, List<String> unexpected, Call call) {
    return new Thread(() -> {
      while (running.get()) {
        Phase started = Phase.values()[(int) phase.get()];
        long t0 = System.nanoTime();
        try {
          Http.Res r = call.call();
          // A request in flight while the phase changed belongs to neither phase.
          Phase p = Phase.values()[(int) phase.get()] == started ? started : Phase.TRANSITION;
          long ms = (System.nanoTime() - t0) / 1_000_000;
          boolean stale = false;
          if (kind.equals("diagnose") && r.status() == 200) {
            JsonNode j = r.json();
            stale = j.get("stale").asBoolean();
          }
          boolean ok = switch (kind) {
            case "diagnose" -> r.status() == 200;
            case "lookup" -> r.status() == 200 || (r.status() == 503 && r.contentType().startsWith(Problem.CONTENT_TYPE)
                && r.header("Retry-After") != null);
            case "ready" -> r.status() == 200 || (r.status() == 503 && r.header("Retry-After") != null);
            default -> false;
          };
          if (!ok) {
            unexpected.add(p + " " + kind + " " + r.status() + " " + r.body());
          }
          seen.add(new Seen(p, kind, r.status(), stale, ms));
        } catch (RuntimeException e) {
          unexpected.add(started + " " + kind + " failed: " + e);
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "outage-client-" + kind);
  }

  static void waitFor(java.util.function.BooleanSupplier cond, long millis, String what) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < end) {
      try {
        if (cond.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        // keep waiting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting: " + what);
  }
}
