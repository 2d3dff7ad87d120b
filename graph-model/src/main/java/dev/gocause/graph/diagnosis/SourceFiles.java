package dev.gocause.graph.diagnosis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The source files behind a dump: given the path a stack frame names ({@code /home/u/app/main.go}),
 * the file the user supplied for it, matched by the longest path suffix, else by a base name only
 * one file has. Files are read only when a frame names them; the standard library never is.
 */
public interface SourceFiles {

  /** At most this many files are read for one diagnosis, each at most this many characters. */
  int MAX_FILES = 20;
  int MAX_FILE_CHARS = 1024 * 1024;

  /** A supplied file: the name it was given under, and its text. */
  record SourceFile(String path, String content) {}

  /** The file a frame's path names, if one was supplied. */
  Optional<SourceFile> lookup(String framePath);

  /** Files given as a map of path to content (the API's {@code files}). */
  static SourceFiles of(Map<String, String> files) {
    Map<String, String> byPath = new LinkedHashMap<>();
    files.forEach((p, c) -> byPath.put(normalize(p), c));
    return framePath -> {
      String frame = normalize(framePath);
      String best = null;
      for (String p : byPath.keySet()) {
        if ((frame.equals(p) || frame.endsWith("/" + p)) && (best == null || p.length() > best.length())) {
          best = p;
        }
      }
      if (best == null) {
        String base = base(frame);
        List<String> same = byPath.keySet().stream().filter(p -> base(p).equals(base)).toList();
        best = same.size() == 1 ? same.get(0) : null;
      }
      return best == null ? Optional.empty() : Optional.of(new SourceFile(best, byPath.get(best)));
    };
  }

  /** Files under a folder (the CLI's {@code --source DIR}), read lazily. */
  static SourceFiles directory(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    List<Path> goFiles = new ArrayList<>(); // listed once, on the first frame no suffix matches
    boolean[] listed = {false};
    return framePath -> {
      String frame = normalize(framePath);
      String[] parts = frame.split("/");
      for (int i = 0; i < parts.length; i++) {
        String suffix = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
        if (suffix.isEmpty()) {
          continue;
        }
        Path p = root.resolve(suffix).normalize();
        if (p.startsWith(root) && Files.isRegularFile(p)) {
          return Optional.of(read(root, p));
        }
      }
      if (!listed[0]) {
        listed[0] = true;
        try (Stream<Path> s = Files.walk(root, 12)) {
          s.filter(p -> p.toString().endsWith(".go") && Files.isRegularFile(p)).limit(50_000).forEach(goFiles::add);
        } catch (IOException | UncheckedIOException e) {
          return Optional.empty();
        }
      }
      String base = base(frame);
      List<Path> same = goFiles.stream().filter(p -> p.getFileName().toString().equals(base)).toList();
      return same.size() == 1 ? Optional.of(read(root, same.get(0))) : Optional.empty();
    };
  }

  private static SourceFile read(Path root, Path p) {
    try {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      return new SourceFile(root.relativize(p).toString(), text.length() > MAX_FILE_CHARS ? text.substring(0, MAX_FILE_CHARS) : text);
    } catch (IOException e) {
      return new SourceFile(root.relativize(p).toString(), "");
    }
  }

  private static String normalize(String p) {
    String s = p.replace('\\', '/').strip();
    while (s.startsWith("./")) {
      s = s.substring(2);
    }
    return s;
  }

  private static String base(String p) {
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** Top-level packages of the standard library: frames in them are never looked up. */
  Set<String> STD = Set.of("runtime", "sync", "time", "net", "os", "io", "fmt", "context", "testing", "reflect", "internal",
      "syscall", "bufio", "bytes", "strings", "strconv", "errors", "log", "sort", "encoding", "crypto", "math", "database",
      "container", "unicode", "path", "regexp", "text", "html", "mime", "compress", "archive", "hash", "image", "plugin", "embed",
      "flag", "go", "iter", "maps", "slices", "unique", "weak", "vendor");

  /** A frame in GOROOT or a standard-library package: never read. */
  static boolean standardLibrary(String function, String file) {
    String f = file.replace('\\', '/');
    if (f.contains("/usr/local/go/") || f.contains("/usr/lib/go") || f.contains("/libexec/src/") || f.contains("/go/src/runtime/")
        || f.contains("golang.org/toolchain") || f.startsWith("$GOROOT") || f.contains("/goroot/")) {
      return true;
    }
    int slash = function.indexOf('/');
    int dot = function.indexOf('.');
    String first = slash >= 0 && slash < dot ? function.substring(0, slash) : dot > 0 ? function.substring(0, dot) : function;
    return STD.contains(first);
  }
}
