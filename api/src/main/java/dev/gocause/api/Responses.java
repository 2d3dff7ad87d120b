package dev.gocause.api;

import io.javalin.http.Context;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a finished answer straight to the servlet response with its Content-Length. Javalin's
 * {@code ctx.result(bytes)} streams the array through an 8 KB copy loop without a length, so a
 * 30 KB diagnosis went out as several chunked writes; one sized write lets Jetty send headers and
 * body together.
 */
final class Responses {
  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

  private Responses() {}

  static void send(Context ctx, String contentType, byte[] body) {
    send(ctx, contentType, body, body.length);
  }

  /** Sends the first {@code length} bytes of {@code body}. */
  static void send(Context ctx, String contentType, byte[] body, int length) {
    ctx.contentType(contentType);
    ctx.res().setContentLength(length);
    try {
      ctx.res().getOutputStream().write(body, 0, length);
    } catch (IOException e) {
      // the client went away mid-answer: nobody is left to tell
      LOG.debug("answer to {} {} not delivered: {}", ctx.method(), ctx.path(), e.toString());
    }
  }
}
