package dev.gocause.api;

import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.HttpOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a finished answer straight to the servlet response with its Content-Length. Javalin's
 * {@code ctx.result(bytes)} streams the array through an 8 KB copy loop without a length, so a
 * 30 KB diagnosis went out as several chunked writes. Even a sized write through the stream goes
 * through Jetty's 32 KB aggregate buffer: a 38 KB answer left in two {@code writev} calls (headers
 * and 32 KB, then the rest, seen with strace), so the client woke twice per answer. Jetty's
 * {@code sendContent} writes headers and the whole body in one call.
 */
final class Responses {
  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

  private Responses() {}

  static void send(Context ctx, String contentType, byte[] body) {
    send(ctx, contentType, ByteBuffer.wrap(body));
  }

  /** Sends the remaining bytes of {@code body} (blocking: the buffer may be reused once this returns). */
  static void send(Context ctx, String contentType, ByteBuffer body) {
    ctx.contentType(contentType);
    ctx.res().setContentLength(body.remaining());
    try {
      ServletOutputStream out = ctx.res().getOutputStream();
      if (out instanceof HttpOutput jetty) {
        jetty.sendContent(body);
      } else {
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        out.write(bytes);
      }
    } catch (IOException e) {
      // the client went away mid-answer: nobody is left to tell
      LOG.debug("answer to {} {} not delivered: {}", ctx.method(), ctx.path(), e.toString());
    }
  }
}
