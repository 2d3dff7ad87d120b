package dev.gocause.graph.diagnosis.code;

import dev.gocause.sim.UnsupportedConstructException;
import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.lang.Ast.*;
import dev.gocause.sim.lang.Parser;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Go code in a pasted text: fenced blocks, and runs of lines outside fences that look like code,
 * kept when the simulator's front end parses them (a file, functions, or a run of statements;
 * unknown names, types and packages are fine since nothing is type-checked). A part that does
 * not parse is skipped and noted.
 */
public final class GoCode {

  /** At most this many lines of a paste are read as code, and this many units. */
  static final int MAX_LINES = 4000;
  static final int MAX_UNITS = 20;

  /**
   * One region that parsed: where it starts in the input (1-based line of its first line), the tree
   * and what was skipped, and the text to simulate ({@code source}: the region preceded by blank
   * lines, so that every line number in the tree, in the checks' findings and in a simulation of it
   * is already the input's; the lines of skipped parts blanked).
   */
  public record Unit(int firstLine, Ast.File file, int parsedLines, List<String> skipped, String source) {
    /** The checks' findings, with lines in the input's numbering. */
    public List<CodeFinding> findings() {
      return CodeChecks.check(file);
    }

    /** The lines (unit numbering) a {@code for ... range} statement starts on: where Go reports a range loop's receive. */
    public java.util.Set<Integer> rangeLoopLines() {
      java.util.Set<Integer> lines = new java.util.HashSet<>();
      for (Node n : new CodeIndex(file).all) {
        if (n instanceof dev.gocause.sim.lang.Ast.Range r) {
          lines.add(CodeIndex.line(r));
        }
      }
      return lines;
    }

    /** The top-level function whose text spans {@code line} (unit numbering), or null. */
    public String functionAt(int line) {
      for (Node d : file.decls) {
        if (d instanceof FuncDecl f && f.body != null && f.line <= line && line <= f.body.endLine && f.body.line > 0) {
          return f.recv != null && CodeIndex.receiverType(f) != null ? CodeIndex.receiverType(f) + "." + f.name : f.name;
        }
      }
      return null;
    }
  }

  /** A whole source file (or whatever of it parses); null when nothing does. */
  public static Unit parseFile(String src) {
    try {
      Parser.Lenient p = new Parser(src, "source").parseLenient();
      List<String> skipped = p.skipped().stream().map(e -> "line " + e.line() + ": " + e.construct()).toList();
      return p.file().decls.isEmpty() ? null
          : new Unit(1, p.file(), p.parsedLines().cardinality(), skipped, runnableSource(src, p.parsedLines(), !skipped.isEmpty()));
    } catch (UnsupportedConstructException e) {
      return null;
    }
  }

  /** What was found: the units that parsed, and notes on code-like parts that did not. */
  public record Found(List<Unit> units, List<String> notes) {
    public boolean any() {
      return !units.isEmpty();
    }
  }

  private GoCode() {}

  /**
   * The Go code in {@code text}. {@code outputLine} tells which input lines (1-based) are program
   * output (stack frames and the like), which are never read as code.
   */
  public static Found find(String text, IntPredicate outputLine) {
    String[] lines = firstLines(text, MAX_LINES);
    int n = lines.length;
    List<Unit> units = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int i = 0;
    while (i < n && units.size() < MAX_UNITS) {
      String fence = startsAfterBlanks(lines[i], "```") ? "```" : startsAfterBlanks(lines[i], "~~~") ? "~~~" : null;
      if (fence != null) {
        int end = i + 1;
        while (end < n && !startsAfterBlanks(lines[end], fence)) {
          end++;
        }
        region(lines, i + 1, end, outputLine, units, notes, true);
        i = end + 1;
        continue;
      }
      // the cheap test first: a line Go printed is never code, whatever its shape
      if (!outputLine.test(i + 1) && codeLike(lines[i])) {
        int end = i;
        int blanks = 0;
        int depth = 0;
        // a blank line is nobody's output (the parser of Go's output counts it as no message)
        while (end < n && !startsAfterBlanks(lines[end], "```") && (lines[end].isBlank() || !outputLine.test(end + 1))
            && (lines[end].isBlank() && ++blanks <= 2 || codeLike(lines[end]) || commentOrElision(lines[end])
                || depth > 0 && insideBraces(lines[end]))) {
          if (!lines[end].isBlank()) {
            blanks = 0;
          }
          depth = Math.max(0, depth + braceBalance(lines[end]));
          end++;
        }
        region(lines, i, end, outputLine, units, notes, false);
        i = Math.max(end, i + 1);
        continue;
      }
      i++;
    }
    return new Found(List.copyOf(units), List.copyOf(notes));
  }

  /** The first {@code max} elements of {@code text.split("\n", -1)}, without cutting the rest of a long paste. */
  static String[] firstLines(String text, int max) {
    List<String> lines = new ArrayList<>();
    int from = 0;
    while (lines.size() < max) {
      int nl = text.indexOf('\n', from);
      if (nl < 0) {
        lines.add(text.substring(from));
        break;
      }
      lines.add(text.substring(from, nl));
      from = nl + 1;
    }
    return lines.toArray(String[]::new);
  }

  /** {@code line.strip().startsWith(prefix)} without copying the line (every line of a pasted dump is asked). */
  static boolean startsAfterBlanks(String line, String prefix) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return line.startsWith(prefix, i);
  }

  /**
   * A simple statement on its own line: a call ({@code wg.Add(1)}, {@code close(ch)}, {@code
   * mu.Lock()}), an increment or decrement, or an assignment ({@code a, b = f()}, {@code n += 2}) —
   * an operand (names, selectors, indexes) then a call or an assignment operator, nothing after.
   */
  private static final java.util.regex.Pattern STATEMENT = java.util.regex.Pattern.compile(
      "[A-Za-z_][\\w]*(?:\\.[A-Za-z_]\\w*|\\[[^\\]]*\\])*"
          + "(?:\\(.*\\)\\s*;?|\\s*(?:\\+\\+|--)\\s*;?"
          + "|(?:\\s*,\\s*[A-Za-z_][\\w.]*)*\\s*(?:[-+*/%&|^]|<<|>>|&^)?=(?!=)\\s*\\S.*)");

  /** A line outside fences that may be code: no CJK prose, and shaped like a Go line. */
  static boolean codeLike(String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return false;
    }
    for (int k = 0; k < t.length(); k++) {
      if (Character.UnicodeScript.of(t.codePointAt(k)) == Character.UnicodeScript.HAN) {
        return false;
      }
    }
    if (line.startsWith("\t") || line.startsWith("    ")) {
      return true;
    }
    String first = t.split("[\\s(]", 2)[0];
    switch (first) {
      case "package", "import", "func", "type", "var", "const", "go", "defer", "for", "if", "select", "switch", "case",
          "default:", "return", "}", "})", "})()", "}()" -> {
        return true;
      }
      default -> {
        return t.endsWith("{") || t.contains(":=") || t.contains("<-") || STATEMENT.matcher(t).matches();
      }
    }
  }

  /**
   * A line inside an open brace of a run of code outside a fence that {@link #codeLike} does not
   * know by its shape, such as a struct's field ({@code sync.Mutex}, {@code d map[int]int}) or a
   * composite literal's element: taken unless it is prose (CJK, or a sentence's end).
   */
  static boolean insideBraces(String line) {
    String t = line.strip();
    if (t.isEmpty() || t.endsWith(".") && !t.endsWith("...") || t.endsWith("?") || t.endsWith("!")) {
      return false;
    }
    for (int k = 0; k < t.length(); k++) {
      if (Character.UnicodeScript.of(t.codePointAt(k)) == Character.UnicodeScript.HAN) {
        return false;
      }
    }
    return true;
  }

  /** Opening minus closing braces of a line, outside strings, runes and a trailing comment. */
  static int braceBalance(String line) {
    int balance = 0;
    char quote = 0;
    for (int k = 0; k < line.length(); k++) {
      char c = line.charAt(k);
      if (quote != 0) {
        if (c == '\\' && quote != '`') {
          k++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else if (c == '/' && k + 1 < line.length() && line.charAt(k + 1) == '/') {
        break;
      } else if (c == '{') {
        balance++;
      } else if (c == '}') {
        balance--;
      }
    }
    return balance;
  }

  /** An elision in pasted code: {@code ...} (or {@code …}) alone on a line, or as a block's or call's whole content. */
  private static final java.util.regex.Pattern ELIDED_CONTENT = java.util.regex.Pattern.compile("(?<=[({])\\s*(?:\\.\\.\\.|…)\\s*(?=[)}])");

  /**
   * A comment line or an elision line ({@code ...}) inside a run of code lines outside a fence: people
   * comment and cut the code they paste, and neither ends the code (neither starts it either).
   */
  static boolean commentOrElision(String line) {
    String t = line.strip();
    return t.startsWith("//") || isElisionLine(t);
  }

  private static boolean isElisionLine(String stripped) {
    return stripped.equals("...") || stripped.equals("…") || stripped.equals("....") || stripped.equals("......");
  }

  /**
   * The line with the elisions people write into pasted code blanked, so that the function around
   * them still parses: a line that is only {@code ...}, and {@code { ... }} or {@code f(...)} as a
   * whole block or argument list. Go's own {@code ...} (variadic {@code f(xs...)}, {@code [...]T})
   * always has something before it inside the brackets and is kept. Columns are kept too.
   */
  static String withoutElisions(String line) {
    if (line.indexOf("...") < 0 && line.indexOf('…') < 0) {
      return line;
    }
    if (isElisionLine(line.strip())) {
      return "";
    }
    java.util.regex.Matcher m = ELIDED_CONTENT.matcher(line);
    return m.find() ? m.replaceAll(r -> " ".repeat(r.group().length())) : line;
  }

  private static void region(String[] lines, int from, int to, IntPredicate outputLine, List<Unit> units, List<String> notes,
      boolean fenced) {
    if (from >= to) {
      return;
    }
    StringBuilder src = new StringBuilder();
    for (int k = from; k < to; k++) {
      // program output inside a fence (a pasted dump) is blanked, keeping the line numbers
      src.append(outputLine.test(k + 1) ? "" : withoutElisions(lines[k])).append('\n');
    }
    parse(src.toString(), from + 1, to - from, units, notes, fenced, 0);
  }

  private static void parse(String src, int firstLine, int lineCount, List<Unit> units, List<String> notes, boolean fenced, int depth) {
    Parser.Lenient p;
    // blank lines before the region: the parser numbers lines as the input does
    String padded = "\n".repeat(firstLine - 1) + src;
    try {
      p = new Parser(padded, "input").parseLenient();
    } catch (UnsupportedConstructException e) {
      // the lexer stopped (a character Go does not have): read the parts before and after that line
      if (depth > 6 || e.line() < firstLine || e.line() >= firstLine + lineCount) {
        return;
      }
      String[] ls = src.split("\n", -1);
      int bad = e.line() - firstLine;
      parse(String.join("\n", java.util.Arrays.copyOfRange(ls, 0, bad)), firstLine, bad, units, notes, fenced, depth + 1);
      if (bad + 1 < ls.length) {
        parse(String.join("\n", java.util.Arrays.copyOfRange(ls, bad + 1, ls.length)), firstLine + bad + 1, lineCount - bad - 1, units,
            notes, fenced, depth + 1);
      }
      return;
    }
    int nonBlank = 0;
    for (String l : src.split("\n", -1)) {
      if (!l.isBlank()) {
        nonBlank++;
      }
    }
    BitSet parsed = p.parsedLines();
    int parsedCount = parsed.cardinality();
    if (!goShaped(p.file()) || parsedCount < 2 || !fenced && parsedCount * 2 < nonBlank) {
      return;
    }
    List<String> skipped = new ArrayList<>();
    for (UnsupportedConstructException e : p.skipped()) {
      skipped.add("line " + e.line() + ": " + e.construct());
    }
    if (!skipped.isEmpty()) {
      notes.add("code at line " + firstLine + ": " + skipped.size() + " part" + (skipped.size() == 1 ? "" : "s")
          + " did not parse and " + (skipped.size() == 1 ? "was" : "were") + " skipped (first: " + skipped.get(0) + ")");
    }
    units.add(new Unit(firstLine, p.file(), parsedCount, List.copyOf(skipped), runnableSource(padded, parsed, !skipped.isEmpty())));
  }

  /**
   * The text to simulate: as parsed, with the lines of skipped parts blanked (the package clause
   * kept) so that the strict parser sees what the lenient one kept, at the same line numbers.
   */
  static String runnableSource(String src, BitSet parsed, boolean anySkipped) {
    if (!anySkipped) {
      return src;
    }
    String[] ls = src.split("\n", -1);
    StringBuilder b = new StringBuilder(src.length());
    for (int k = 0; k < ls.length; k++) {
      b.append(parsed.get(k + 1) || ls[k].strip().startsWith("package ") ? ls[k] : "").append(k + 1 < ls.length ? "\n" : "");
    }
    return b.toString();
  }

  /** Something only code has: a function with a body, or a goroutine, defer, channel operation, select, loop or := . */
  static boolean goShaped(Ast.File f) {
    for (Node d : f.decls) {
      if (d instanceof FuncDecl fd && fd.body != null && !(fd.name.equals("main") && fd.line == 1 && fd.type.params.isEmpty()
          && fd.body.line == 0)) {
        return true;
      }
    }
    CodeIndex ix = new CodeIndex(f);
    for (Node n : ix.all) {
      if (n instanceof GoStmt || n instanceof DeferStmt || n instanceof SendStmt || n instanceof Select || n instanceof For
          || n instanceof Range || n instanceof Assign a && a.op.equals(":=") || n instanceof Unary u && u.op.equals("<-")) {
        return true;
      }
    }
    return false;
  }
}
