package dev.gocause.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** An RFC 9457 problem document ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public record Problem(String type, String title, int status, String detail, String instance,
    @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

  public static final String CONTENT_TYPE = "application/problem+json";
  /** Problem types are URNs under this prefix plus a slug, e.g. {@code urn:gocause:problem:not-found}. */
  public static final String TYPE_PREFIX = "urn:gocause:problem:";

  @JsonAnyGetter
  public Map<String, Object> members() {
    return extensions;
  }
}
