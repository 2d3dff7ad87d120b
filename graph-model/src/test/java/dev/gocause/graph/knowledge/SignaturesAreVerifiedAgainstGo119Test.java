package dev.gocause.graph.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every signature's text is checked where it claims to come from: the Go 1.19 source tree
 * ({@code verifiedBy: src/...}), output captured from Go 1.19 ({@code verifiedBy: go1.19-run: evidence/...}),
 * or, for forms only newer Go prints, a reference plus proof that Go 1.19 does not print it.
 */
class SignaturesAreVerifiedAgainstGo119Test {
  private static final String CAPTURED = "go1.19-run:";
  private static final Pattern VERSION = Pattern.compile("(>=)?1\\.(\\d+)(-1\\.(\\d+))?");

  private final KnowledgeData data = KnowledgeData.load();

  @TestFactory
  Stream<DynamicTest> each_signature_occurs_where_its_verifiedBy_says() {
    Path src = goSource();
    return data.entries("signatures").stream().map(sig -> DynamicTest.dynamicTest(sig.path("id").asText(), () -> check(sig, src)));
  }

  @Test
  void the_exact_messages_named_in_the_brief_all_have_a_signature() {
    List<String> required = List.of(
        "send on closed channel", "close of closed channel", "close of nil channel",
        "sync: negative WaitGroup counter", "sync: WaitGroup is reused before previous Wait has returned",
        "fatal error: sync: unlock of unlocked mutex", "fatal error: sync: RUnlock of unlocked RWMutex",
        "fatal error: concurrent map writes", "fatal error: concurrent map read and map write",
        "fatal error: all goroutines are asleep - deadlock!", "invalid memory address or nil pointer dereference",
        "assignment to entry in nil map", "test timed out after", "WARNING: DATA RACE",
        "Previous write at", "created at:", "data race(s)", "found unexpected goroutines:",
        "chan send", "chan receive", "select (no cases)", "chan send (nil chan)", "chan receive (nil chan)",
        "semacquire", "sync.Cond.Wait", "sleep", "IO wait", "sync.Mutex.Lock", "sync.RWMutex.RLock",
        "sync.RWMutex.Lock", "sync.WaitGroup.Wait", "(durable)", "minutes]",
        "sync.(*Mutex).Lock", "sync.(*WaitGroup).Wait", "runtime.gopark");
    List<String> texts = new ArrayList<>();
    data.entries("signatures").forEach(s -> {
      texts.add(s.path("pattern").asText());
      texts.add(s.path("example").asText());
    });
    for (String r : required) {
      assertThat(texts).as("a signature whose pattern or example holds \"%s\"", r).anyMatch(t -> t.contains(r));
    }
  }

  private Path goSource() {
    Path src = GoToolchain.find().filter(GoToolchain::is119).map(GoToolchain::src).orElse(Path.of("/usr/lib/go-1.19/src"));
    KnowledgeData.require(Files.isRegularFile(src.resolve("runtime/chan.go")), "the Go 1.19 source tree");
    return src;
  }

  private void check(JsonNode sig, Path src) {
    String id = sig.path("id").asText();
    String pattern = sig.path("pattern").asText();
    String kind = sig.path("patternKind").asText();
    String example = sig.path("example").asText("");
    String verifiedBy = sig.path("verifiedBy").asText("");
    assertThat(sig.path("identifies").size()).as("%s identifies at least one symptom", id).isPositive();
    assertThat(example).as("%s has an example line", id).isNotBlank();
    if (kind.equals("regex")) {
      assertThat(Pattern.compile(pattern).matcher(example).find()).as("%s: regex %s matches its example %s", id, pattern, example).isTrue();
    } else {
      assertThat(example).as("%s: example shows the pattern", id).contains(pattern);
    }
    if (includesGo119(sig.path("goVersions").asText(""), id)) {
      if (verifiedBy.startsWith("src/")) {
        String text = read(src.getParent().resolve(verifiedBy));
        assertThat(occursInSource(kind, pattern, example, text)).as("%s: '%s' (%s) occurs in Go 1.19 %s", id, pattern, kind, verifiedBy).isTrue();
      } else if (verifiedBy.startsWith(CAPTURED)) {
        Path file = data.seedData.resolve(verifiedBy.substring(CAPTURED.length()).strip());
        String text = read(file);
        assertThat(text.lines().findFirst().orElse("")).as("%s: captured file %s starts with the Go 1.19 version that produced it", id, file)
            .startsWith("# captured with go version go1.19");
        assertThat(occursInOutput(kind, pattern, text)).as("%s: '%s' (%s) occurs in %s", id, pattern, kind, file).isTrue();
        assertThat(text).as("%s: its example is a line Go 1.19 printed in %s", id, file).contains(example);
      } else {
        throw new AssertionError(id + ": goVersions include 1.19, so verifiedBy must be a src/ path or '" + CAPTURED + " <file>', not: " + verifiedBy);
      }
    } else {
      assertThat(verifiedBy).as("%s: a newer-Go form names its reference", id).matches("(?s).*Go 1\\.\\d+.*");
      assertThat(verifiedBy).as("%s: a newer-Go form cannot be verified by Go 1.19", id).doesNotStartWith("src/").doesNotStartWith(CAPTURED);
      if (kind.equals("waitReason")) {
        String waitReasons = read(src.resolve("runtime/runtime2.go"));
        assertThat(waitReasons).as("%s: Go 1.19 has no wait reason \"%s\"", id, pattern).doesNotContain("\"" + pattern + "\"");
      }
      if (kind.equals("frame")) {
        assertThat(declaredInPackage(src, pattern)).as("%s: Go 1.19 does not declare %s", id, pattern).isFalse();
      }
      if (kind.equals("regex")) {
        Pattern p = Pattern.compile(pattern);
        for (Path f : capturedOutputs()) {
          assertThat(read(f).lines().noneMatch(l -> p.matcher(l).find())).as("%s: Go 1.19 output %s never prints this newer form", id, f).isTrue();
        }
      }
    }
  }

  static boolean includesGo119(String versions, String id) {
    for (String v : versions.split("[,\\s]+")) {
      Matcher m = VERSION.matcher(v.strip());
      if (!m.matches()) {
        throw new AssertionError(id + ": goVersions '" + versions + "' is not like '>=1.19', '1.20' or '1.19-1.24'");
      }
      int lo = Integer.parseInt(m.group(2));
      if (m.group(1) != null) {
        if (lo <= 19) {
          return true;
        }
      } else if (m.group(4) != null) {
        if (lo <= 19 && Integer.parseInt(m.group(4)) >= 19) {
          return true;
        }
      } else if (lo == 19) {
        return true;
      }
    }
    return false;
  }

  private static boolean occursInSource(String kind, String pattern, String example, String text) {
    return switch (kind) {
      case "literal" -> text.contains(pattern);
      case "waitReason" -> text.contains("\"" + pattern + "\"");
      case "frame" -> declares(pattern, text);
      case "regex" -> text.contains(example);
      default -> false;
    };
  }

  private static boolean occursInOutput(String kind, String pattern, String text) {
    return switch (kind) {
      case "literal" -> text.contains(pattern);
      case "waitReason" -> text.contains("[" + pattern + "]") || text.contains("[" + pattern + ", ");
      case "frame" -> text.contains(pattern + "(");
      case "regex" -> {
        Pattern p = Pattern.compile(pattern);
        yield text.lines().anyMatch(l -> p.matcher(l).find());
      }
      default -> false;
    };
  }

  /** Whether Go source declares the function a frame names: pkg.(*T).m or pkg.f. */
  static boolean declares(String frame, String text) {
    int slash = frame.lastIndexOf('/');
    int dot = frame.indexOf('.', slash + 1);
    String rest = frame.substring(dot + 1);
    String decl;
    if (rest.startsWith("(*")) {
      int close = rest.indexOf(')');
      decl = "func \\(\\w+ \\*" + Pattern.quote(rest.substring(2, close)) + "\\) " + Pattern.quote(rest.substring(close + 2)) + "\\(";
    } else {
      decl = "func " + Pattern.quote(rest) + "\\(";
    }
    return Pattern.compile(decl).matcher(text).find();
  }

  /** Whether any file of the frame's package in the Go 1.19 tree declares it. */
  private static boolean declaredInPackage(Path src, String frame) {
    int slash = frame.lastIndexOf('/');
    String pkg = frame.substring(0, frame.indexOf('.', slash + 1));
    Path dir = src.resolve(pkg);
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".go")).anyMatch(f -> declares(frame, read(f)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Path> capturedOutputs() {
    try (Stream<Path> s = Files.list(data.seedData.resolve("evidence/captured"))) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file + ": " + e.getMessage());
    }
  }
}
