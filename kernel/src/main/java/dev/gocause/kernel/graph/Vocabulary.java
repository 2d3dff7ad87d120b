package dev.gocause.kernel.graph;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.diagnosis.CompiledSeed;
import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedEntry;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The ids and names of the knowledge this kernel carries (its classpath seed-data), read in the
 * background at start-up: first the compiled seed-data (what look-ups need), then its diagnosis
 * model once the first cell was answered or {@link #MODEL_AFTER} passed (a first {@code %diagnose}
 * compiles it itself), then the YAML once a cell was answered, a name is asked for, or a few
 * seconds passed.
 * Completion and Shift-Tab answer from it before the graph is up; the graph holds the same
 * knowledge (the kernel checks the version when it connects).
 */
public final class Vocabulary {
  private final CompletableFuture<KnowledgeSet> knowledge;
  /** Completed by the background read for the classpath; null for a given set (compiled on first use). */
  private volatile CompletableFuture<CompiledSeed> compiled;
  private boolean started;
  /** Opened when the names are wanted: a completion or inspection, the end of a cell, or {@link #NAMES_AFTER}. */
  private final CountDownLatch namesWanted = new CountDownLatch(1);
  /**
   * How long the YAML read waits for a reason to start: it is not needed for answers, and done
   * while the first cell runs it takes CPU from it (a kernel often has one or two cores).
   */
  static final Duration NAMES_AFTER = Duration.ofSeconds(3);
  /**
   * How long the diagnosis model's compilation waits for the first cell to be answered: compiled
   * while a kernel starts and answers its first look-up, it took a third of the CPU of a
   * two-core machine from them; a kernel left idle has it compiled before anyone can type.
   */
  static final Duration MODEL_AFTER = Duration.ofSeconds(1);
  /** Opened when the first cell was answered (or a name is wanted). */
  private final CountDownLatch firstAnswerDone = new CountDownLatch(1);

  private Vocabulary(CompletableFuture<KnowledgeSet> knowledge, CompletableFuture<CompiledSeed> compiled) {
    this.knowledge = knowledge;
    this.compiled = compiled;
  }

  /** A vocabulary read from the classpath seed-data once {@link #loadInBackground()} is called. */
  public Vocabulary() {
    this(new CompletableFuture<>(), new CompletableFuture<>());
  }

  /** Starts reading the classpath seed-data on a daemon thread (once). */
  public synchronized Vocabulary loadInBackground() {
    if (started) {
      return this;
    }
    started = true;
    CompletableFuture<KnowledgeSet> f = knowledge;
    CompletableFuture<CompiledSeed> c = compiled;
    Thread t = new Thread(() -> {
      try {
        if (c != null) {
          // first what look-ups need (from the compiled seed-data cache, found by the jar: no
          // seed-data file read), then the diagnosis model compiled from it, then the names
          CompiledSeed seed = null;
          try {
            seed = CompiledSeed.ofClasspath();
            c.complete(seed);
          } catch (Throwable e) {
            c.completeExceptionally(e);
          }
          if (seed != null) {
            try {
              firstAnswerDone.await(MODEL_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
              // compile it now
            }
            try {
              seed.diagnosis();
            } catch (RuntimeException e) {
              // the first diagnosis compiles it again and reports what goes wrong
            }
          }
          try {
            namesWanted.await(NAMES_AFTER.toMillis(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            // read them now
          }
        }
        f.complete(SeedReader.read(SeedSource.fromClasspath()));
      } catch (Throwable e) {
        f.completeExceptionally(e);
        if (c != null) {
          c.completeExceptionally(e);
        }
      }
    }, "gocause-vocabulary");
    t.setDaemon(true);
    t.start();
    return this;
  }

  /** Lets the YAML read start now rather than after {@link #NAMES_AFTER} (the kernel calls it when a cell is answered). */
  public void readNamesSoon() {
    firstAnswerDone.countDown();
    namesWanted.countDown();
  }

  public static Vocabulary of(KnowledgeSet set) {
    return new Vocabulary(CompletableFuture.completedFuture(set), null);
  }

  /**
   * The same knowledge compiled for answering without a graph (diagnosis, look-ups), waiting for
   * it; throws what reading it threw.
   */
  public CompiledSeed compiled() {
    loadInBackground();
    CompletableFuture<CompiledSeed> c = compiled;
    if (c == null) {
      synchronized (this) {
        if (compiled == null) {
          compiled = CompletableFuture.completedFuture(CompiledSeed.of(require()));
        }
        c = compiled;
      }
    }
    try {
      return c.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** The knowledge set, waiting for it to be read; empty when seed-data cannot be read. */
  public Optional<KnowledgeSet> knowledge() {
    loadInBackground();
    readNamesSoon();
    try {
      return Optional.of(knowledge.join());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The knowledge set, waiting for it; throws what reading it threw. Everything in the kernel
   * reads seed-data through here, once: two concurrent classpath reads of the same jar race on
   * its zip file system (one closes it under the other).
   */
  public KnowledgeSet require() {
    loadInBackground();
    readNamesSoon();
    try {
      return knowledge.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Sorted ids with one of these labels. */
  public List<String> ids(List<String> labels) {
    List<String> out = new ArrayList<>();
    knowledge().ifPresent(k -> {
      for (String l : labels) {
        NodeLabel.byCypherName(l).ifPresent(nl -> k.entries(nl).forEach(e -> out.add(e.id())));
      }
    });
    return out.stream().distinct().sorted().toList();
  }

  /** Every entry with this id, in label order (ids are unique per label only). */
  public List<SeedEntry> find(String id) {
    List<SeedEntry> out = new ArrayList<>();
    knowledge().ifPresent(k -> {
      for (NodeLabel l : NodeLabel.entryLabels()) {
        k.find(l, id).ifPresent(out::add);
      }
    });
    return out;
  }

  public Optional<String> version() {
    return knowledge().map(KnowledgeSet::version);
  }
}
