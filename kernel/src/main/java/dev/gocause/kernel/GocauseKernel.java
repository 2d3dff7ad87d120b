package dev.gocause.kernel;

import dev.gocause.graph.GocauseException;
import dev.gocause.kernel.magic.CellParser;
import dev.gocause.kernel.magic.Invocation;
import dev.gocause.kernel.cell.KernelError;
import dev.gocause.kernel.magic.MagicRegistry;
import dev.gocause.kernel.magic.Session;
import dev.gocause.kernel.protocol.KernelInfoOkReply;
import dev.gocause.kernel.render.Output;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gocause kernel: cells hold magics ({@code %cause ID}, {@code %%cypher} ...). Execution
 * runs on a worker thread so that an {@code interrupt_request} (control channel) can abandon a
 * long cell and the kernel answers the next one at once.
 */
public final class GocauseKernel extends BaseKernel {
  private static final Logger LOG = LoggerFactory.getLogger(GocauseKernel.class);
  static final String VERSION = version();

  private final MagicRegistry registry;
  private final Session session;
  private final CellParser parser;
  private final Assist assist;
  private final AtomicInteger workers = new AtomicInteger();
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "gocause-cell-" + workers.incrementAndGet());
    t.setDaemon(true);
    return t;
  });
  private volatile Future<List<Output>> running;

  public GocauseKernel(MagicRegistry registry, Session session) {
    super(
        "gocause",
        VERSION,
        new LanguageInfo.Builder("gocause")
            .version(VERSION)
            .mimetype("text/x-gocause")
            .fileExtension(".gocause")
            .pygments("text")
            .codemirror("text/plain")
            .build(),
        List.<HelpLink>of(),
        null,
        new JupyterIO(java.nio.charset.StandardCharsets.UTF_8),
        new CommManager(),
        new Renderer(),
        null,
        null,
        false,
        new StringStyler.Builder().build());
    this.registry = registry;
    this.session = session;
    this.parser = new CellParser(registry);
    this.assist = new Assist(registry, session);
  }

  private static String version() {
    return dev.gocause.graph.GocauseVersion.current();
  }

  public Session session() {
    return session;
  }

  @Override
  public String getBanner() {
    return "gocause " + VERSION + " — Go concurrency failures: symptom → cause → fix. Type %help.";
  }

  /** Parses and runs a cell on the calling thread (tests and {@link #handleExecuteRequest}). */
  public List<Output> execute(String code) throws Exception {
    List<Invocation> calls = parser.parse(code);
    List<Output> out = new ArrayList<>();
    for (Invocation call : calls) {
      session.checkInterrupted();
      out.addAll(registry.find(call.name()).orElseThrow().run(call, session));
    }
    return out;
  }

  @Override
  protected synchronized void handleExecuteRequest(
      ShellReplyEnvironment env, Message<ExecuteRequest> message) {
    commManager.setMessageContext(message);
    ExecuteRequest request = message.getContent();
    int count = executionCount.getAndIncrement();
    env.setBusyDeferIdle();
    // deferrals run last-in first-out: this one after the reply, so the background work it
    // releases (diagnosis model, names) does not take CPU from this cell's answer
    env.defer(session.vocabulary()::readNamesSoon);
    env.publish(new PublishExecuteInput(request.getCode(), count));
    // No System.out/err redirection: nothing but a magic's own outputs reaches the cell.
    session.beginCell();
    try {
      // Progress lines of the running cell are published from this thread, which publishes
      // everything else of the cell: the iopub socket is not shared between threads.
      java.util.concurrent.BlockingQueue<String> progress = new java.util.concurrent.LinkedBlockingQueue<>();
      session.progressTo(progress::add);
      Future<List<Output>> f = executor.submit(() -> execute(request.getCode()));
      running = f;
      List<Output> outputs;
      try {
        outputs = awaitPublishingProgress(f, progress, env);
      } catch (CancellationException e) {
        throw new dev.gocause.kernel.cell.InterruptedError();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause().toString(), e.getCause());
      } finally {
        running = null;
        session.progressTo(null);
      }
      for (int i = 0; i < outputs.size(); i++) {
        DisplayData d = toDisplay(outputs.get(i));
        if (i == outputs.size() - 1) {
          env.publish(new PublishExecuteResult(count, d));
        } else {
          env.publish(new PublishDisplayData(d));
        }
      }
      env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
    } catch (Exception e) {
      UserError err = UserError.of(e);
      if (!(e instanceof GocauseException)) {
        LOG.warn("cell failed unexpectedly", e);
        // stderr goes to the notebook server's console (never into cells): keep the trace there
        e.printStackTrace(System.err);
      }
      ErrorReply reply = new ErrorReply(err.name(), err.message(), err.traceback());
      reply.setExecutionCount(count);
      env.publish(new PublishError(err.name(), err.message(), err.traceback()));
      env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }
  }

  private static List<Output> awaitPublishingProgress(Future<List<Output>> f,
      java.util.concurrent.BlockingQueue<String> progress, ShellReplyEnvironment env)
      throws InterruptedException, ExecutionException {
    while (true) {
      try {
        List<Output> done = f.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        publish(progress, env);
        return done;
      } catch (java.util.concurrent.TimeoutException notYet) {
        publish(progress, env);
      }
    }
  }

  private static void publish(java.util.concurrent.BlockingQueue<String> progress, ShellReplyEnvironment env) {
    for (String line; (line = progress.poll()) != null; ) {
      env.publish(new org.dflib.jjava.jupyter.messages.publish.PublishStream(
          org.dflib.jjava.jupyter.messages.publish.PublishStream.StreamType.ERR, line + "\n"));
    }
  }

  static DisplayData toDisplay(Output o) {
    DisplayData d = new DisplayData();
    for (Map.Entry<String, Object> e : o.data().entrySet()) {
      d.putData(e.getKey(), e.getValue());
    }
    return d;
  }

  @Override
  protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
    env.setBusyDeferIdle();
    env.reply(new KernelInfoOkReply(
        Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
  }

  @Override
  public void interrupt() {
    session.interrupt();
    Future<List<Output>> f = running;
    if (f != null) {
      f.cancel(true);
    }
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    executor.shutdownNow();
    super.onShutdown(isRestarting);
  }

  @Override
  public Object evalRaw(String source) {
    throw new UnsupportedOperationException("cells are run by handleExecuteRequest");
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    return assist.inspect(code, at).map(GocauseKernel::toDisplay).orElse(null);
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    Assist.Completion c = assist.complete(code, at);
    return new ReplacementOptions(c.matches(), c.start(), c.end());
  }

  @Override
  public String isComplete(String code) {
    return assist.isComplete(code);
  }

  /** One line for the user, the suggestion under it; never a stack trace. */
  record UserError(String name, String message, List<String> traceback) {
    static UserError of(Throwable e) {
      if (e instanceof KernelError k) {
        return new UserError(
            k instanceof dev.gocause.kernel.cell.InterruptedError ? "KeyboardInterrupt" : "GocauseError",
            k.getMessage(),
            List.of("gocause: " + k.getMessage(), "hint: " + k.suggestion()));
      }
      if (e instanceof dev.gocause.graph.query.NotFoundException n) {
        return new UserError("NotFoundError", n.getMessage(), List.of("gocause: " + n.getMessage(),
            "hint: Tab after a magic completes ids; %symptom WORDS finds symptoms, %cases lists the cases, %cypher shows any node"));
      }
      if (e instanceof GocauseException g) {
        String name = g.getClass().getSimpleName().replace("Exception", "Error");
        return new UserError(name, g.getMessage(), List.of("gocause: " + g.getMessage()));
      }
      String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
      return new UserError("InternalError", msg, List.of(
          "gocause: unexpected " + msg, "hint: the kernel log (stderr of the notebook server) has the details"));
    }
  }
}
