package dev.gocause.kernel.protocol;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * The library's connection with {@link SafeShellChannel}s for shell and control. The library
 * builds its channels in its constructor with no hook to replace them, so this subclass takes
 * the parent's heartbeat, stdin and IOPub channels and ZeroMQ context, makes its own shell and
 * control channels on that context, and overrides every public method; the parent's shell and
 * control sockets are never bound and are closed with the rest. (A second context and a second
 * set of five sockets cost a kernel start a good part of its protocol set-up.)
 *
 * <p>{@link #bind} binds every socket as early as the kernel can, so that the frontend's
 * connection attempts (ZeroMQ retries every 100 ms) succeed while the kernel still starts; its
 * first requests wait in the sockets until {@link #connect} starts serving them.
 */
public final class SafeConnection extends JupyterConnection {
  private final KernelConnectionProperties props;
  private final ZMQ.Context context;
  private final HeartbeatChannel heartbeat;
  private final SafeShellChannel shellChannel;
  private final SafeShellChannel controlChannel;
  private final StdinChannel stdinChannel;
  private final IOPubChannel iopubChannel;
  private final Map<MessageType<?>, ShellHandler<?>> handlers = new HashMap<>();
  private volatile boolean bound;
  private volatile boolean connected;
  private volatile boolean closed;

  public SafeConnection(KernelConnectionProperties props)
      throws NoSuchAlgorithmException, InvalidKeyException {
    super(props);
    this.props = props;
    this.context = parentContext();
    HMACGenerator hmac = props.createHMACGenerator();
    this.heartbeat = super.heartbeat;
    this.shellChannel = new SafeShellChannel(context, hmac, false, this);
    this.controlChannel = new SafeShellChannel(context, hmac, true, this);
    this.stdinChannel = super.stdin;
    this.iopubChannel = super.iopub;
  }

  /** The parent's ZeroMQ context (a private field: the library offers no getter). */
  private ZMQ.Context parentContext() {
    try {
      java.lang.reflect.Field f = JupyterConnection.class.getDeclaredField("ctx");
      f.setAccessible(true);
      return (ZMQ.Context) f.get(this);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("jjava's JupyterConnection has no ZeroMQ context field 'ctx' (library changed?)", e);
    }
  }

  private List<JupyterSocket> sockets() {
    return List.of(heartbeat, shellChannel, controlChannel, stdinChannel, iopubChannel);
  }

  /** Binds every socket; requests wait in them until {@link #connect}. */
  public synchronized void bind() {
    if (bound) {
      return;
    }
    heartbeat.bind(props);
    shellChannel.bindOnly(props);
    controlChannel.bindOnly(props);
    stdinChannel.bind(props);
    iopubChannel.bind(props);
    bound = true;
  }

  /** Binds (unless {@link #bind} did) and serves requests: call once the handlers are set. */
  @Override
  public synchronized void connect() {
    if (connected) {
      return;
    }
    bind();
    iopubChannel.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    controlChannel.serve();
    shellChannel.serve();
    connected = true;
  }

  @Override
  public IOPubChannel getIOPub() {
    return iopubChannel;
  }

  @Override
  public synchronized <T> void setHandler(MessageType<T> type, ShellHandler<T> handler) {
    handlers.put(type, handler);
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <T> ShellHandler<T> getHandler(MessageType<T> type) {
    return (ShellHandler<T>) handlers.get(type);
  }

  @Override
  public ShellReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext context) {
    // the constructor is protected; an empty subclass reaches it
    return new ShellReplyEnvironment(shell, stdinChannel, iopubChannel, context) {};
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    sockets().forEach(JupyterSocket::close);
    // the parent's shell and control sockets (never bound) and the shared context
    super.close();
  }

  @Override
  public void waitUntilClose() {
    sockets().forEach(JupyterSocket::waitUntilClose);
  }
}
