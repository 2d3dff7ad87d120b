package dev.gocause.kernel.magic;

import dev.gocause.kernel.graph.KernelGraph;
import dev.gocause.kernel.graph.LazyGraph;
import dev.gocause.kernel.graph.Vocabulary;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * State shared by the magics of one kernel: the output language, the registry (for help and
 * completion), the lazily started graph, and the interrupt hooks of the running cell.
 */
public final class Session {
  private final MagicRegistry registry;
  private final LazyGraph graph;
  private final Vocabulary vocabulary;
  private final List<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
  private volatile Lang lang;
  private volatile boolean interrupted;

  public Session(MagicRegistry registry, LazyGraph graph, Vocabulary vocabulary, Lang lang) {
    this.registry = registry;
    this.vocabulary = vocabulary;
    this.graph = graph;
    this.lang = lang;
  }

  public MagicRegistry registry() {
    return registry;
  }

  /** The graph, started or connected on first use (may take seconds the first time). */
  public KernelGraph graph() {
    return graph.get();
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

  /** Registers work to stop when the user interrupts the cell (e.g. terminate a transaction). */
  public AutoCloseable onInterrupt(Runnable hook) {
    cancelHooks.add(hook);
    return () -> cancelHooks.remove(hook);
  }

  /** Throws when the running cell was interrupted; long loops call this between steps. */
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

  /** The cell was interrupted by the user. */
  public static final class InterruptedError extends KernelError {
    public InterruptedError() {
      super("interrupted", "the cell was stopped; the kernel is ready for the next one");
    }
  }
}
