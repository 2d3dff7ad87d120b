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
 * builds its channels in its constructor with no hook to replace them, so this subclass keeps
 * its own set of sockets and overrides every public method; the parent's sockets are never
 * bound and are closed with ours.
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
  private volatile boolean connected;
  private volatile boolean closed;

  public SafeConnection(KernelConnectionProperties props)
      throws NoSuchAlgorithmException, InvalidKeyException {
    super(props);
    this.props = props;
    this.context = ZMQ.context(1);
    HMACGenerator hmac = props.createHMACGenerator();
    this.heartbeat = new HeartbeatChannel(context, hmac);
    this.shellChannel = new SafeShellChannel(context, hmac, false, this);
    this.controlChannel = new SafeShellChannel(context, hmac, true, this);
    this.stdinChannel = new StdinChannel(context, hmac);
    this.iopubChannel = new IOPubChannel(context, hmac);
  }

  private List<JupyterSocket> sockets() {
    return List.of(heartbeat, shellChannel, controlChannel, stdinChannel, iopubChannel);
  }

  @Override
  public synchronized void connect() {
    if (connected) {
      return;
    }
    sockets().forEach(s -> s.bind(props));
    iopubChannel.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
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
    context.close();
    super.close();
  }

  @Override
  public void waitUntilClose() {
    sockets().forEach(JupyterSocket::waitUntilClose);
  }
}
