package dev.gocause.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies with a hard size bound, whether or not the client sent Content-Length. */
final class Bodies {
  private Bodies() {}

  static byte[] read(Context ctx, long limit) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw tooLarge(declared, limit);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      if (declared >= 0) {
        // the usual case: a declared length, read into an array of exactly that size
        byte[] body = in.readNBytes((int) declared);
        if (body.length < declared) {
          throw ProblemException.badRequest("unreadable-body", "Unreadable body",
              "the request body ended after " + body.length + " of the " + declared + " bytes its Content-Length declares; send it again");
        }
        return body;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
      byte[] buf = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > limit) {
          throw tooLarge(total, limit);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw ProblemException.badRequest("unreadable-body", "Unreadable body", "the request body could not be read; send it again");
    }
  }

  static ProblemException tooLarge(long size, long limit) {
    return new ProblemException(413, "body-too-large", "Request body too large",
        "the request body is larger than " + limit + " bytes" + (size > 0 ? " (at least " + size + ")" : "")
            + "; send less, or raise " + ApiConfig.MAX_BODY + " on the server")
        .with("maxBytes", limit);
  }
}
