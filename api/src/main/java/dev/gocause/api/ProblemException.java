package dev.gocause.api;

import dev.gocause.graph.GocauseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP-level failure that becomes an RFC 9457 problem document: status, a short type slug
 * (e.g. {@code malformed-json}), title, one-line detail, optional extension members and headers.
 */
public class ProblemException extends GocauseException {
  private final int status;
  private final String type;
  private final String title;
  private final Map<String, Object> extensions = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  public ProblemException(int status, String type, String title, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
  }

  public ProblemException with(String member, Object value) {
    extensions.put(member, value);
    return this;
  }

  public ProblemException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }

  public Map<String, String> headers() {
    return headers;
  }

  static ProblemException badRequest(String type, String title, String detail) {
    return new ProblemException(400, type, title, detail);
  }

  static ProblemException badParameter(String parameter, String detail) {
    return new ProblemException(400, "invalid-parameter", "Invalid parameter", "parameter '" + parameter + "': " + detail)
        .with("parameter", parameter);
  }
}
