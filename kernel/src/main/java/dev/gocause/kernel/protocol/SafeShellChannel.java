package dev.gocause.kernel.protocol;

import java.util.concurrent.atomic.AtomicInteger;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * A shell/control channel whose loop survives a bad message. The library's loop has no error
 * handler: one message with a forged HMAC throws {@link SecurityException} out of the loop
 * body and the thread dies while the heartbeat keeps beating, so the kernel looks alive and
 * never answers again. Here such a message is dropped (logged, never executed) and the loop
 * goes on.
 */
public final class SafeShellChannel extends ShellChannel {
  private static final Logger LOG = LoggerFactory.getLogger(SafeShellChannel.class);
  private static final long LOOP_SLEEP_MS = 5;
  private static final AtomicInteger IDS = new AtomicInteger();

  private final boolean isControl;
  private final JupyterConnection connection;
  private volatile Loop loop;

  public SafeShellChannel(
      ZMQ.Context context, HMACGenerator hmac, boolean isControl, JupyterConnection connection) {
    super(context, hmac, isControl, connection, LOOP_SLEEP_MS);
    this.isControl = isControl;
    this.connection = connection;
  }

  /** Binds and serves at once. */
  @Override
  public void bind(KernelConnectionProperties props) {
    bindOnly(props);
    serve();
  }

  /**
   * Binds the socket without reading from it yet: the frontend connects and its first requests
   * wait in the socket while the kernel finishes starting ({@link #serve} reads them).
   */
  void bindOnly(KernelConnectionProperties props) {
    if (loop != null) {
      throw new IllegalStateException("channel already bound");
    }
    bind(formatAddress(
        props.getTransport(), props.getIp(), isControl ? props.getControlPort() : props.getShellPort()));
    loop = newLoop((isControl ? "Control-" : "Shell-") + IDS.getAndIncrement());
  }

  /** Starts reading requests (once the handlers are set). */
  void serve() {
    Loop l = loop;
    if (l == null) {
      throw new IllegalStateException("channel not bound");
    }
    if (!l.isAlive()) {
      l.start();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Loop newLoop(String threadName) {

    ZMQ.Poller poller = ctx.poller(1);
    poller.register(this, ZMQ.Poller.POLLIN);
    Loop l = new Loop(threadName, LOOP_SLEEP_MS, () -> {
      if (poller.poll(0) <= 0) {
        return;
      }
      Message<?> message;
      try {
        message = readMessage();
      } catch (SecurityException e) {
        LOG.warn("{}: dropped a message with an invalid signature", threadName);
        return;
      } catch (RuntimeException e) {
        LOG.warn("{}: dropped a malformed message: {}", threadName, e.toString());
        return;
      }
      if (message == null) {
        return;
      }
      ShellHandler handler = connection.getHandler(message.getHeader().getType());
      if (handler == null) {
        LOG.debug("{}: no handler for {}", threadName, message.getHeader().getType().getName());
        return;
      }
      ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
      try {
        handler.handle(env, message);
      } catch (Exception e) {
        LOG.warn("{}: handling {} failed: {}", threadName, message.getHeader().getType().getName(), e.toString());
      } finally {
        env.resolveDeferrals();
      }
      if (env.isMarkedForShutdown()) {
        connection.close();
      }
    });
    // Anything else thrown by the loop body (a ZMQ hiccup): log it and keep serving.
    l.onError(t -> {
      LOG.warn("{}: loop error: {}", threadName, t.toString());
      return LOOP_SLEEP_MS;
    });
    l.onClose(() -> loop = null);
    return l;
  }

  @Override
  public void close() {
    Loop l = loop;
    if (l != null) {
      l.shutdown();
    }
    super.close();
  }

  @Override
  public void waitUntilClose() {
    Loop l = loop;
    if (l != null) {
      try {
        l.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
