package dev.gocause.graph.seed;

import dev.gocause.graph.GocauseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where seed-data comes from: a folder on disk, or the {@code seed-data/} folder packaged on
 * the classpath (every gocause jar carries it). {@link #files()} returns every regular file under
 * the root, sorted by relative path.
 */
public final class SeedSource {

  /** Name of the classpath folder that holds the packaged seed-data. */
  public static final String CLASSPATH_FOLDER = "seed-data";

  private final String description;
  private final String displayPrefix;
  private final List<SeedFile> files;

  private SeedSource(String description, String displayPrefix, List<SeedFile> files) {
    this.description = description;
    this.displayPrefix = displayPrefix;
    this.files = List.copyOf(files);
  }

  /** Reads every file under {@code dir} now. */
  public static SeedSource fromDirectory(Path dir) {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      throw new GocauseException("seed-data folder " + dir + " does not exist or is not a folder — pass --seed-data with the folder that holds knowledge.yaml");
    }
    String prefix = dir.toString().endsWith("/") ? dir.toString() : dir + "/";
    return new SeedSource(dir.toString(), prefix, readTree(dir));
  }

  /** Reads the {@code seed-data/} folder on the classpath (a folder in development, a jar entry in a jar). */
  public static SeedSource fromClasspath() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    if (cl == null) {
      cl = SeedSource.class.getClassLoader();
    }
    return fromClasspath(cl);
  }

  public static SeedSource fromClasspath(ClassLoader cl) {
    URL url = cl.getResource(CLASSPATH_FOLDER + "/README.md");
    String suffix = "/README.md";
    if (url == null) {
      url = cl.getResource(CLASSPATH_FOLDER + "/knowledge.yaml");
      suffix = "/knowledge.yaml";
    }
    if (url == null) {
      throw new GocauseException("no seed-data on the classpath (expected the folder '" + CLASSPATH_FOLDER + "/') — pass --seed-data DIR");
    }
    try {
      String u = url.toString();
      URI rootUri = new URI(u.substring(0, u.length() - suffix.length()));
      String display = "classpath:" + CLASSPATH_FOLDER + "/";
      if ("file".equals(rootUri.getScheme())) {
        return new SeedSource(display + " (" + Path.of(rootUri) + ")", display, readTree(Path.of(rootUri)));
      }
      if ("jar".equals(rootUri.getScheme())) {
        // read through java.util.zip, which shares the central directory the class loader has
        // parsed already; a zip file system would parse all of it again (a good part of a second
        // for a jar of 60,000 entries)
        String s = rootUri.toString();
        int bang = s.indexOf("!/");
        Path jar = Path.of(URI.create(s.substring("jar:".length(), bang)));
        return new SeedSource(display, display, readJar(jar, s.substring(bang + 2) + "/"));
      }
      throw new GocauseException("cannot read seed-data from " + url + " — pass --seed-data DIR");
    } catch (IOException e) {
      throw new GocauseException("cannot read seed-data from the classpath: " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new GocauseException("cannot read seed-data from " + url + ": " + e.getMessage(), e);
    }
  }

  /** A source made of the given files (tests, tools). */
  public static SeedSource ofFiles(String description, List<SeedFile> files) {
    List<SeedFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(SeedFile::path));
    return new SeedSource(description, description + "/", sorted);
  }

  private static List<SeedFile> readJar(Path jar, String prefix) throws IOException {
    List<SeedFile> out = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (!e.isDirectory() && e.getName().startsWith(prefix)) {
          try (InputStream in = zip.getInputStream(e)) {
            out.add(new SeedFile(e.getName().substring(prefix.length()), in.readAllBytes()));
          }
        }
      }
    }
    out.sort(Comparator.comparing(SeedFile::path));
    return out;
  }

  private static List<SeedFile> readTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> paths = walk.filter(Files::isRegularFile).toList();
      List<SeedFile> out = new ArrayList<>();
      for (Path p : paths) {
        String rel = root.relativize(p).toString().replace(root.getFileSystem().getSeparator(), "/");
        if (rel.startsWith("/")) {
          rel = rel.substring(1);
        }
        out.add(new SeedFile(rel, Files.readAllBytes(p)));
      }
      out.sort(Comparator.comparing(SeedFile::path));
      return out;
    } catch (NoSuchFileException e) {
      throw new GocauseException("seed-data folder " + root + " does not exist", e);
    } catch (IOException | UncheckedIOException e) {
      throw new GocauseException("cannot read seed-data under " + root + ": " + e.getMessage(), e);
    }
  }

  /** Every file, sorted by relative path. */
  public List<SeedFile> files() {
    return files;
  }

  /** How a file is named in messages: the folder as given plus the relative path. */
  public String display(String relativePath) {
    return displayPrefix + relativePath;
  }

  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}
