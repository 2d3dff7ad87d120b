package dev.gocause.graph.seed;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of seed-data.
 *
 * @param path path relative to the seed-data root, with {@code /} separators (e.g. {@code cases/cases.yaml})
 * @param bytes the file's content
 */
public record SeedFile(String path, byte[] bytes) {
  public SeedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(bytes, "bytes");
    if (path.startsWith("/") || path.contains("\\")) {
      throw new IllegalArgumentException("seed file path must be relative with '/' separators: " + path);
    }
  }

  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public boolean isYaml() {
    return path.endsWith(".yaml") || path.endsWith(".yml");
  }
}
