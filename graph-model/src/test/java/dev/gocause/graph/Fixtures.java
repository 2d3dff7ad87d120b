package dev.gocause.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Fixture seed-data folders under src/test/resources/fixtures, and editable copies of them. */
public final class Fixtures {
  private Fixtures() {}

  public static Path dir(String name) {
    URL url = Fixtures.class.getResource("/fixtures/" + name + "/knowledge.yaml");
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of the fixture in a fresh temp folder, to edit. */
  public static Path copy(String name) {
    Path src = dir(name);
    try {
      Path dst = Files.createTempDirectory("gocause-fixture-" + name + "-").resolve("seed-data");
      try (Stream<Path> s = Files.walk(src)) {
        for (Path p : s.toList()) {
          Path t = dst.resolve(src.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(t);
          } else {
            Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return dst;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces {@code from} (which must occur) by {@code to} in the file. */
  public static void replace(Path file, String from, String to) {
    String text = read(file);
    if (!text.contains(from)) {
      throw new IllegalArgumentException(file + " does not contain: " + from);
    }
    write(file, text.replace(from, to));
  }
}
