package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.Evidence;
import dev.gocause.graph.diagnosis.code.CodeFinding;
import dev.gocause.graph.diagnosis.code.GoCode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * How the static checks over Go code in the input enter the diagnosis: each finding is evidence
 * (kind {@code code}) of the Symptom its check is, citing the line; which cause that points to,
 * and how strongly, is seed-data ({@code symptoms-code.yaml}).
 */
final class CodeEvidence {

  /** A check sees what the code can do, not what it did: a little below what Go itself printed. */
  static final double CODE_STRENGTH = 0.9;

  /**
   * What the code reading found: findings and notes (code skipped), empty when there was no code;
   * the pasted units and the source files read (path → unit) for the simulation to run.
   */
  record Read(int units, List<CodeFinding> findings, List<String> notes, List<GoCode.Unit> pasted, Map<String, GoCode.Unit> files) {
    static final Read NONE = new Read(0, List.of(), List.of(), List.of(), Map.of());
  }

  /**
   * System property that turns the code reading off ({@code -Dgocause.readCode=false}), to measure
   * what it adds (the before/after tables of {@code gocause eval}).
   */
  static final String READ_CODE = "gocause.readCode";

  private CodeEvidence() {}

  /** Whether the pasted text holds Go code that parses (the eval's "with code" rows). */
  static boolean hasCode(String text) {
    ParsedInput parsed = GoOutputParser.parse(text);
    BitSet messages = new BitSet();
    parsed.messages().forEach(m -> messages.set(m.line()));
    return GoCode.find(text, line -> !messages.get(line)).any();
  }

  /** Finds the Go code in the pasted text (never in the lines Go printed) and runs the checks. */
  static Read read(DiagnosisRequest request, ParsedInput parsed) {
    if (!Boolean.parseBoolean(System.getProperty(READ_CODE, "true"))) {
      return Read.NONE;
    }
    BitSet messages = new BitSet();
    parsed.messages().forEach(m -> messages.set(m.line()));
    GoCode.Found found = GoCode.find(request.text(), line -> !messages.get(line));
    List<CodeFinding> findings = new ArrayList<>();
    for (GoCode.Unit u : found.units()) {
      findings.addAll(u.findings());
    }
    List<String> notes = new ArrayList<>(found.notes());
    int units = found.units().size();
    Map<String, GoCode.Unit> files = new java.util.LinkedHashMap<>();
    if (request.sources() != null) {
      units += sources(request.sources(), parsed, findings, notes, files);
    }
    if (units == 0 && notes.isEmpty()) {
      return Read.NONE;
    }
    return new Read(units, List.copyOf(findings), List.copyOf(notes), found.units(), java.util.Collections.unmodifiableMap(files));
  }

  /**
   * The files the stacks' frames name (never the standard library), read once each: the checks'
   * findings inside the functions on those stacks, citing {@code file:line} and the input line of
   * the frame. Returns how many files were read.
   */
  private static int sources(SourceFiles files, ParsedInput parsed, List<CodeFinding> out, List<String> notes, Map<String, GoCode.Unit> readFiles) {
    // file path as printed -> (source line -> input line of the frame)
    Map<String, Map<Integer, Integer>> framesByFile = new java.util.LinkedHashMap<>();
    List<List<ParsedInput.Frame>> stacks = new ArrayList<>();
    parsed.all().forEach(g -> stacks.add(g.frames()));
    parsed.races().forEach(r -> r.details().forEach(a -> stacks.add(a.frames())));
    for (List<ParsedInput.Frame> stack : stacks) {
      for (ParsedInput.Frame f : stack) {
        String file = f.file();
        if (!file.endsWith(".go") || f.fileLine() <= 0 || SourceFiles.standardLibrary(f.function(), file)) {
          continue;
        }
        framesByFile.computeIfAbsent(file, k -> new java.util.TreeMap<>()).putIfAbsent(f.fileLine(), f.line());
      }
    }
    int read = 0;
    Map<String, GoCode.Unit> parsedFiles = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Map<Integer, Integer>> e : framesByFile.entrySet()) {
      if (read >= SourceFiles.MAX_FILES) {
        notes.add("only the first " + SourceFiles.MAX_FILES + " source files the frames name were read");
        break;
      }
      java.util.Optional<SourceFiles.SourceFile> file = files.lookup(e.getKey());
      if (file.isEmpty()) {
        continue;
      }
      String path = file.get().path();
      if (!parsedFiles.containsKey(path)) {
        read++;
        GoCode.Unit unit = GoCode.parseFile(file.get().content());
        parsedFiles.put(path, unit);
        if (unit == null) {
          notes.add(path + " did not parse and was skipped");
          continue;
        }
        if (!unit.skipped().isEmpty()) {
          notes.add(path + ": " + unit.skipped().size() + " part(s) did not parse (first: " + unit.skipped().get(0) + ")");
        }
      }
      GoCode.Unit unit = parsedFiles.get(path);
      if (unit == null) {
        continue;
      }
      Map<String, Integer> onStack = new java.util.HashMap<>(); // function -> input line of a frame in it
      e.getValue().forEach((srcLine, inputLine) -> {
        String fn = unit.functionAt(srcLine);
        if (fn != null) {
          onStack.putIfAbsent(fn, inputLine);
        }
      });
      for (CodeFinding f : unit.findings()) {
        String fn = unit.functionAt(f.line());
        Integer inputLine = fn == null ? null : onStack.get(fn);
        if (inputLine != null) {
          out.add(new CodeFinding(f.check(), inputLine, path + ":" + f.line() + " (" + fn + ", on a stack at input line " + inputLine + "): "
              + f.detail()));
        }
      }
    }
    parsedFiles.forEach((path, unit) -> {
      if (unit != null) {
        readFiles.put(path, unit);
      }
    });
    return readFiles.size();
  }

  /** The findings as evidence of their Symptoms (checks the knowledge does not have are ignored); true when any counted. */
  static boolean facts(DiagnosisModel model, Read read, Map<String, List<Evidence>> out) {
    boolean any = false;
    for (CodeFinding f : read.findings()) {
      if (model.symptoms().containsKey(f.check())) {
        any = true;
        out.computeIfAbsent(f.check(), k -> new ArrayList<>())
            .add(new Evidence("code", f.detail().startsWith("line ") || f.detail().contains(".go:") ? f.detail() : "line " + f.line() + ": " + f.detail(),
                List.of(f.line()), 1, "code: " + f.check(), CODE_STRENGTH));
      }
    }
    return any;
  }

  /** A sentence for the answer's message when code was read or skipped; empty otherwise. */
  static String note(String lang, Read read) {
    if (read.units() == 0 && read.notes().isEmpty()) {
      return "";
    }
    boolean zh = "zh".equals(lang);
    StringBuilder b = new StringBuilder();
    if (read.units() > 0) {
      b.append(zh ? " 读取了输入中的 Go 代码(" + read.units() + " 段),静态检查命中 " + read.findings().size() + " 处。"
          : " Read the Go code in the input (" + read.units() + " part" + (read.units() == 1 ? "" : "s") + "): "
              + read.findings().size() + " static check finding" + (read.findings().size() == 1 ? "" : "s") + ".");
    }
    for (String n : read.notes()) {
      b.append(zh ? " 跳过:" : " Skipped: ").append(n).append(zh ? "。" : ".");
    }
    return b.toString();
  }
}
