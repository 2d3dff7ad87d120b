package dev.gocause.kernel.input;

import dev.gocause.graph.GocauseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads what {@code gocause diagnose URL} and the kernel's {@code %diagnose URL} name: typically a
 * live service's goroutine dump, {@code http://HOST:6060/debug/pprof/goroutine?debug=2}
 * (net/http/pprof), fetched with one GET. Every failure is one line naming the URL and what to
 * change; pprof's default binary profile (no {@code debug} parameter) is recognised and refused
 * with the parameter to add.
 *
 * <p>It serves the two front ends that run on the user's own machine (the CLI depends on the
 * kernel module); graph-model stays free of HTTP, and the API does not fetch what a request names.
 */
public final class UrlInput {
  /** What is read into memory at most: a debug=2 dump of some hundred thousand goroutines. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** A debug=2 dump stops the world while it is written; a service with 100k goroutines takes seconds. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private UrlInput() {}

  /** True for the arguments read as a URL rather than a file name. */
  public static boolean isUrl(String argument) {
    String a = argument.toLowerCase(Locale.ROOT);
    return a.startsWith("http://") || a.startsWith("https://");
  }

  /** The body the URL answers with, as text: UTF-8, bytes that are not replaced rather than refused (a dump may quote anything). */
  public static String text(String url) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(fetch(url))).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder reported a coding error", e);
    }
  }

  /** The body the URL answers with, as bytes. */
  public static byte[] fetch(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new GocauseException(url + " is not a valid URL (" + e.getReason() + "); quote it in the shell, e.g. "
          + "'http://localhost:6060/debug/pprof/goroutine?debug=2'");
    }
    if (uri.getHost() == null) {
      throw new GocauseException(url + " names no host; e.g. http://localhost:6060/debug/pprof/goroutine?debug=2");
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(READ_TIMEOUT).header("Accept", "text/plain, */*").GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new GocauseException(url + " did not answer within " + READ_TIMEOUT.toSeconds() + " s; try again, or save the dump with curl and diagnose the file");
    } catch (ConnectException e) {
      throw new GocauseException("cannot connect to " + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
          + " for " + url + " (connection refused); is the service running, and does it serve net/http/pprof on that port?");
    } catch (IOException e) {
      throw new GocauseException("cannot read " + url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GocauseException("interrupted while reading " + url);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() / 100 != 2) {
        throw new GocauseException(url + " answered HTTP " + response.statusCode() + "; give the address of the goroutine dump, e.g. "
            + "http://HOST:PORT/debug/pprof/goroutine?debug=2");
      }
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
      if (bytes.length > MAX_BYTES) {
        throw new GocauseException(url + " sent more than " + (MAX_BYTES >> 20) + " MiB; save it with curl and diagnose the file");
      }
      if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
        // pprof's handlers answer a gzipped protocol-buffer profile unless debug=1 or 2 asks for text
        throw new GocauseException(url + " sent a binary (gzipped protobuf) profile; ask pprof for text: add ?debug=2 for every"
            + " goroutine's stack (or debug=1 for counts per stack), e.g. http://HOST:PORT/debug/pprof/goroutine?debug=2");
      }
      return bytes;
    } catch (IOException e) {
      throw new GocauseException("cannot read " + url + ": " + e.getMessage());
    }
  }
}
