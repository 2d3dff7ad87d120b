package dev.gocause.kernel.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rich output: a MIME bundle that always holds {@code text/plain} plus richer forms
 * ({@code text/html}, {@code image/svg+xml}, {@code text/markdown}, {@code application/json}).
 * Front ends pick the richest form they can show.
 */
public record Output(Map<String, Object> data) {
  public Output {
    Objects.requireNonNull(data, "data");
    if (!data.containsKey("text/plain")) {
      throw new IllegalArgumentException("an output needs a text/plain form");
    }
    data = Map.copyOf(data);
  }

  public static Builder text(String plain) {
    return new Builder(plain);
  }

  public String plain() {
    return (String) data.get("text/plain");
  }

  public boolean has(String mime) {
    return data.containsKey(mime);
  }

  /** Builds an output; {@code text/plain} is mandatory and given first. */
  public static final class Builder {
    private final Map<String, Object> data = new LinkedHashMap<>();

    private Builder(String plain) {
      data.put("text/plain", Objects.requireNonNull(plain, "plain"));
    }

    public Builder html(String html) {
      data.put("text/html", html);
      return this;
    }

    public Builder markdown(String markdown) {
      data.put("text/markdown", markdown);
      return this;
    }

    public Builder svg(String svg) {
      data.put("image/svg+xml", svg);
      return this;
    }

    /** A JSON value (maps, lists, strings, numbers) for programs reading the notebook. */
    public Builder json(Object json) {
      data.put("application/json", json);
      return this;
    }

    public Output build() {
      return new Output(data);
    }
  }
}
