package dev.gocause.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the {@code TestXxx} functions of one Go package's test files through the simulator, the way {@code go test}
 * builds them: every {@code _test.go} file of the directory with the given package clause, plus, for a test in the
 * package itself (not {@code X_test}), the package's own non-test sources, merged into one file. Prints one
 * {@code PLAN} line per test before running anything, then one {@code RESULT} line per test:
 * {@code RESULT<TAB>unit<TAB>TestName<TAB>VERDICT|LIMIT|REFUSED<TAB>first line of the verdict, or the refusal}.
 * Used by {@code simulator/coverage/run.sh}; a benchmark-like tool, not a test.
 *
 * <pre>java -cp simulator/target/classes:simulator/target/test-classes dev.gocause.sim.CorpusCoverage DIR PACKAGE [SCHEDULES] [native|merge]</pre>
 */
public final class CorpusCoverage {
  private CorpusCoverage() {}

  private static final Pattern TEST_FUNC = Pattern.compile("(?m)^func (Test(?:[^a-z]\\w*)?)\\(\\s*\\w+\\s+\\*testing\\.T\\s*\\)");
  private static final Pattern OLD_GO_ONLY = Pattern.compile("(?m)^//go:build !go1\\.([0-9]|1[0-9])$");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+(\\w+)");
  private static final Pattern OTHER_OS = Pattern.compile(
      "_(windows|plan9|js|wasm|darwin|freebsd|netbsd|openbsd|solaris|aix|illumos|ios|android|dragonfly|zos)(_\\w+)?(_test)?\\.go$");

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: CorpusCoverage DIR PACKAGE [SCHEDULES (default 5)] [native|merge (default)]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    String pkg = args[1];
    int schedules = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    // "native": the package under test is one the simulator models itself (sync, context, errgroup): never merged
    boolean nativeLib = args.length > 3 && args[3].equals("native");
    List<Path> tests = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    List<Path> internalTests = new ArrayList<>(); // _test.go files of the package itself, when pkg is X_test
    String libPkg = null;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".go")).sorted().toList()) {
        if (OTHER_OS.matcher(f.getFileName().toString()).find()) continue;
        String text = Files.readString(f);
        if (text.contains("//go:build ignore") || text.contains("// +build ignore")) continue;
        if (OLD_GO_ONLY.matcher(text).find()) continue; // built only by Go releases before 1.19
        String p = packageOf(text);
        if (f.toString().endsWith("_test.go")) {
          if (pkg.equals(p)) tests.add(f);
          else if (pkg.equals(p + "_test")) internalTests.add(f);
        } else if (!"main".equals(p)) {
          sources.add(f);
          libPkg = p;
        }
      }
    }
    List<Path> unit = new ArrayList<>(tests);
    String qualifier = null;
    if (nativeLib) {
      // the external tests run against the simulator's own model of the package; go test also links the package's
      // own test files (context's XTest helpers, sync's export_test.go), whose internals refuse where they are used
      unit.addAll(internalTests);
    } else if (pkg.equals(libPkg)) {
      unit.addAll(sources);
    } else if (libPkg != null && pkg.equals(libPkg + "_test")) {
      // an external test package: go test links it against the package under test; here the package's sources join
      // the file and the test's "lib." qualifiers are dropped
      unit.addAll(sources);
      qualifier = libPkg;
    }
    String name = dir + ":" + pkg;
    List<String> depQualifiers = new ArrayList<>();
    if (!nativeLib) addSameModuleDependencies(dir, unit, depQualifiers);
    String merged = merge(unit, pkg, qualifier, sources, depQualifiers);
    List<String> names = new ArrayList<>();
    for (Path t : tests) {
      Matcher m = TEST_FUNC.matcher(Files.readString(t));
      while (m.find()) names.add(m.group(1));
    }
    for (String t : names) System.out.println("PLAN\t" + name + "\t" + t);
    System.out.flush();
    try {
      Simulator.compile(merged, pkg + "_merged_test.go", false, true);
    } catch (UnsupportedConstructException e) {
      for (String t : names) result(name, t, "REFUSED", e.construct());
      return;
    } catch (RuntimeException | StackOverflowError e) {
      for (String t : names) result(name, t, "REFUSED", "crash while compiling: " + e);
      return;
    }
    for (String t : names) {
      try {
        SimulationResult r = Simulator.simulate(SimulationRequest.of(merged, pkg + "_merged_test.go").withRunRegexp("^" + t + "$")
            .withSchedules(schedules).withBudget(Duration.ofSeconds(10)));
        String first = TextRenderer.render(r, false).lines().findFirst().orElse("");
        // a schedule ended at a resource limit is no verdict
        result(name, t, first.startsWith("LIMIT") ? "LIMIT" : "VERDICT", first);
      } catch (UnsupportedConstructException e) {
        result(name, t, "REFUSED", e.construct());
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        result(name, t, "REFUSED", "crash: " + e);
      }
    }
  }

  private static final Path GOCODE = Path.of("/usr/share/gocode/src");
  private static final Pattern IMPORT_PATH = Pattern.compile("\"([\\w./-]+)\"");
  private static final Pattern TOP_DECL = Pattern.compile("(?m)^(?:func|type|var|const)\\s+(\\w+)");

  /**
   * go test also builds the packages of the same module that the unit imports (golang-lru's simplelru); the simulator
   * runs one package, so their sources join the file and their qualifiers are dropped, when no top-level name clashes.
   */
  static void addSameModuleDependencies(Path dir, List<Path> unit, List<String> depQualifiers) throws IOException {
    if (!dir.startsWith(GOCODE)) return;
    Path rel = GOCODE.relativize(dir);
    if (rel.getNameCount() < 3) return;
    String module = rel.subpath(0, 3).toString();
    Set<String> names = new LinkedHashSet<>();
    Set<String> deps = new LinkedHashSet<>();
    for (Path f : unit) {
      String text = Files.readString(f);
      Matcher d = TOP_DECL.matcher(text);
      while (d.find()) names.add(d.group(1));
      Matcher i = IMPORT_PATH.matcher(text.substring(0, Math.min(text.length(), headerEnd(text))));
      while (i.find()) if (i.group(1).startsWith(module + "/") && Files.isDirectory(GOCODE.resolve(i.group(1)))) deps.add(i.group(1));
    }
    for (String dep : deps) {
      List<Path> files = new ArrayList<>();
      Set<String> depNames = new LinkedHashSet<>();
      try (Stream<Path> s = Files.list(GOCODE.resolve(dep))) {
        for (Path f : s.filter(p -> p.toString().endsWith(".go") && !p.toString().endsWith("_test.go")).sorted().toList()) {
          if (OTHER_OS.matcher(f.getFileName().toString()).find()) continue;
          files.add(f);
          Matcher d = TOP_DECL.matcher(Files.readString(f));
          while (d.find()) depNames.add(d.group(1));
        }
      }
      depNames.retainAll(names);
      if (files.isEmpty() || !depNames.isEmpty()) continue;
      unit.addAll(files);
      depQualifiers.add(dep);
    }
  }

  private static int headerEnd(String text) {
    int i = text.indexOf("\nfunc ");
    int t = text.indexOf("\ntype ");
    if (i < 0 || (t >= 0 && t < i)) i = t;
    return i < 0 ? text.length() : i;
  }

  /** Whether an import line names the package under test ({@code "golang.org/x/sync/semaphore"} for semaphore). */
  private static boolean importsLib(String line, String lib) {
    String t = line.trim();
    return t.endsWith("/" + lib + "\"") || t.equals("\"" + lib + "\"");
  }

  private static void result(String unit, String test, String what, String detail) {
    System.out.println("RESULT\t" + unit + "\t" + test + "\t" + what + "\t" + detail.replace('\t', ' ').replace('\n', ' '));
    System.out.flush();
  }

  private static String packageOf(String text) {
    Matcher m = PACKAGE.matcher(text);
    return m.find() ? m.group(1) : "";
  }

  /** One file: the package clause, the union of all imports, then every file's declarations in order. */
  static String merge(List<Path> files, String pkg, String qualifier, List<Path> libSources) throws IOException {
    return merge(files, pkg, qualifier, libSources, List.of());
  }

  /** As above; {@code deps} are import paths whose sources are among the files: their imports and qualifiers go. */
  static String merge(List<Path> files, String pkg, String qualifier, List<Path> libSources, List<String> deps) throws IOException {
    Set<String> imports = new LinkedHashSet<>();
    StringBuilder body = new StringBuilder();
    Pattern qualified = qualifier == null ? null : Pattern.compile("\\b" + qualifier + "\\.");
    for (Path f : files) {
      String text = Files.readString(f);
      boolean rewrite = qualified != null && !libSources.contains(f);
      if (rewrite) text = qualified.matcher(text).replaceAll("");
      for (String dep : deps) {
        text = text.replaceAll("(?m)^\\s*(import\\s+)?\"" + Pattern.quote(dep) + "\"\\s*$", "");
        text = text.replaceAll("\\b" + dep.substring(dep.lastIndexOf('/') + 1) + "\\.", "");
      }
      String[] lines = text.split("\n", -1);
      boolean inImport = false;
      boolean pastPackage = false;
      for (String line : lines) {
        if (!pastPackage) {
          if (line.startsWith("package ")) pastPackage = true;
          body.append('\n'); // keep line numbers roughly aligned within the file for readable refusals
          continue;
        }
        if (inImport) {
          if (line.trim().equals(")")) inImport = false;
          else if (!line.isBlank() && !line.trim().startsWith("//") && !(rewrite && importsLib(line, qualifier))) imports.add(line.trim());
          body.append('\n');
        } else if (line.startsWith("import (")) {
          inImport = true;
          body.append('\n');
        } else if (line.startsWith("import ")) {
          if (!(rewrite && importsLib(line, qualifier))) imports.add(line.substring("import ".length()).trim());
          body.append('\n');
        } else {
          body.append(line).append('\n');
        }
      }
    }
    StringBuilder sb = new StringBuilder("package ").append(qualifier != null ? qualifier : pkg).append("\n\nimport (\n");
    for (String i : imports) sb.append('\t').append(i).append('\n');
    return sb.append(")\n").append(body).toString();
  }
}
