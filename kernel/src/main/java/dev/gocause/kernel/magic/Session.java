package dev.gocause.kernel.magic;

import dev.gocause.graph.diagnosis.DiagnosisService;
import dev.gocause.graph.query.KnowledgeLookups;
import dev.gocause.kernel.cell.CellContext;
import dev.gocause.kernel.cell.InterruptedError;
import dev.gocause.kernel.graph.KernelGraph;
import dev.gocause.kernel.graph.LazyGraph;
import dev.gocause.kernel.graph.Vocabulary;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State shared by the magics of one kernel: the output language, the registry (for help and
 * completion), the lazily started graph, where diagnoses come from, and the interrupt hooks and
 * progress line of the running cell.
 */
public final class Session implements CellContext {
  private final MagicRegistry registry;
  private final LazyGraph graph;
  private final Vocabulary vocabulary;
  private final List<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
  private final Supplier<Optional<KernelGraph>> runningGraph;
  private volatile Lang lang;
  private volatile boolean interrupted;
  private volatile Consumer<String> progress = line -> {};
  private DiagnosisService seedDiagnosis;
  private KnowledgeLookups seedLookups;

  /**
   * @param runningGraph a graph that is already running and holds this kernel's knowledge, if
   *     any answers (asked once, on the first diagnosis); without one, diagnoses come from the
   *     kernel's seed-data compiled in memory and no graph is started for them
   */
  public Session(MagicRegistry registry, LazyGraph graph, Vocabulary vocabulary, Lang lang,
      Supplier<Optional<KernelGraph>> runningGraph) {
    this.registry = registry;
    this.vocabulary = vocabulary;
    this.graph = graph;
    this.lang = lang;
    this.runningGraph = runningGraph;
  }

  /** A session that diagnoses through {@code graph} only (tests with a graph of their own). */
  public Session(MagicRegistry registry, LazyGraph graph, Vocabulary vocabulary, Lang lang) {
    this(registry, graph, vocabulary, lang, null);
  }

  public MagicRegistry registry() {
    return registry;
  }

  /** The graph, started or connected on first use (may take seconds the first time: a progress line says so). */
  public KernelGraph graph() {
    if (graph.ifReady().isEmpty()) {
      progress(t("正在连接或启动知识图谱(首次使用,需要几秒)……", "connecting to or starting the knowledge graph (first use, a few seconds) ..."));
    }
    return graph.get();
  }

  /**
   * The diagnosis service: the graph's when it is up or a running one holds this kernel's
   * knowledge (user-added knowledge included), else this kernel's seed-data compiled in memory,
   * which answers exactly as a graph loaded with it (no database is started for a diagnosis).
   */
  public DiagnosisService diagnosis() {
    Optional<KernelGraph> ready = graph.ifReady();
    if (ready.isPresent() || runningGraph == null) {
      return ready.orElseGet(this::graph).diagnosis();
    }
    synchronized (this) {
      if (seedDiagnosis == null) {
        Optional<KernelGraph> running = runningGraph.get();
        if (running.isPresent()) {
          graph.adopt(running.get());
          return graph.get().diagnosis();
        }
        seedDiagnosis = vocabulary.compiled().diagnosis();
      }
      return seedDiagnosis;
    }
  }

  /**
   * Look-ups of one node (%cause, %symptom ID, %fix, %graph): from the graph when it is up or a
   * running one holds this kernel's knowledge, else from this kernel's seed-data in memory, with
   * the answers the graph gives ({@link SnapshotLookups}); no graph is started for them.
   */
  public KnowledgeLookups lookups() {
    Optional<KernelGraph> ready = graph.ifReady();
    if (ready.isPresent() || runningGraph == null) {
      return ready.orElseGet(this::graph).queries();
    }
    synchronized (this) {
      if (seedLookups == null) {
        Optional<KernelGraph> running = runningGraph.get();
        if (running.isPresent()) {
          graph.adopt(running.get());
          return graph.get().queries();
        }
        seedLookups = vocabulary.compiled().lookups();
      }
      return seedLookups;
    }
  }

  /** The graph if it is already up; never starts it (completion must answer at once). */
  public Optional<KernelGraph> graphIfReady() {
    return graph.ifReady();
  }

  /** Starts the graph in the background if nobody has yet. */
  public void warmUp() {
    graph.startInBackground();
  }

  /** The ids and names this kernel's seed-data holds (for completion and inspection). */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Ids with these labels: from the graph when it is up, else from the vocabulary. */
  public List<String> ids(List<String> labels) {
    Optional<KernelGraph> g = graphIfReady();
    if (g.isPresent()) {
      return labels.stream().flatMap(l -> g.get().ids(l).stream()).distinct().sorted().toList();
    }
    return vocabulary.ids(labels);
  }

  public Lang lang() {
    return lang;
  }

  public void lang(Lang lang) {
    this.lang = lang;
  }

  /** Picks the text of the current language. */
  public String t(String zh, String en) {
    return lang.pick(zh, en);
  }

  @Override
  public void progress(String line) {
    progress.accept(line);
  }

  /** Where the running cell's progress lines go (the kernel publishes them as a stream); set per cell. */
  public void progressTo(Consumer<String> sink) {
    this.progress = sink == null ? line -> {} : sink;
  }

  @Override
  public AutoCloseable onInterrupt(Runnable hook) {
    cancelHooks.add(hook);
    return () -> cancelHooks.remove(hook);
  }

  /** Throws when the running cell was interrupted; long loops call this between steps. */
  @Override
  public void checkInterrupted() {
    if (interrupted || Thread.currentThread().isInterrupted()) {
      throw new InterruptedError();
    }
  }

  /** Called by the kernel when a cell starts. */
  public void beginCell() {
    interrupted = false;
    cancelHooks.clear();
  }

  /** Called from the control thread on {@code interrupt_request}. */
  public void interrupt() {
    interrupted = true;
    for (Runnable r : cancelHooks) {
      try {
        r.run();
      } catch (RuntimeException ignored) {
        // best effort: the cell is abandoned anyway
      }
    }
  }
}
