package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.ParsedInput.Access;
import dev.gocause.graph.diagnosis.ParsedInput.Frame;
import dev.gocause.graph.diagnosis.ParsedInput.RaceReport;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the source lines behind a race report's accesses do, when the files are given. A race
 * report prints each access's address but never its size (src/runtime/race: the Go form of
 * ThreadSanitizer's report has no "of size N"), so a whole struct copied while one field is
 * written shows only the field's address: the copy is seen in the line of the read.
 */
final class RaceSourceLines {

  /** A whole value read through a pointer: {@code x := *p}, {@code return *s.cfg}, {@code f(*p)}. */
  private static final Pattern DEREF_COPY = Pattern.compile(
      "(?:^|[=(,]|\\breturn)\\s*\\*\\s*([A-Za-z_]\\w*)((?:\\.[A-Za-z_]\\w*)*)\\s*(?:$|[,)}]|//)");
  /** One field written: {@code p.f = v}, {@code s.cfg.n += 1}, {@code c.n++}. */
  private static final Pattern FIELD_WRITE = Pattern.compile(
      "^\\s*([A-Za-z_]\\w*)((?:\\.[A-Za-z_]\\w*)+)\\s*(?:[-+*/|&^]?=(?!=)|\\+\\+|--)");

  private RaceSourceLines() {}

  /**
   * One access reads a whole value through a pointer while the other writes a field: a struct
   * copied while a field is written. Surer when the pointer written through has the same name.
   */
  static void structCopiedWhileFieldWritten(RaceReport r, List<Access> a, SourceFiles sources, List<Fact> out) {
    for (Access read : a) {
      if (read.write()) {
        continue;
      }
      Optional<String> readLine = line(read, sources);
      Matcher copy = readLine.map(DEREF_COPY::matcher).filter(Matcher::find).orElse(null);
      if (copy == null) {
        continue;
      }
      String copied = copy.group(1) + copy.group(2);
      for (Access write : a) {
        if (write == read || !write.write()) {
          continue;
        }
        Matcher field = line(write, sources).map(FIELD_WRITE::matcher).filter(Matcher::find).orElse(null);
        if (field == null) {
          continue;
        }
        String written = field.group(1) + field.group(2);
        boolean same = written.startsWith(copied + ".");
        Frame rf = RaceAnalyzer.userTop(read);
        Frame wf = RaceAnalyzer.userTop(write);
        Fact f = RaceAnalyzer.fact("race-struct-copied-while-field-written", "the read copies the whole value *" + copied + " ("
            + rf.location() + ") while " + written + " is written (" + wf.location() + ")", r, List.of(read, write));
        out.add(new Fact(f.id(), f.text(), same ? 1.0 : 0.8, f.goroutines(), f.lines()));
        return;
      }
    }
  }

  /** The source line of the access's first frame outside the standard library, if its file was given. */
  private static Optional<String> line(Access a, SourceFiles sources) {
    Frame f = RaceAnalyzer.userTop(a);
    if (f == null || f.fileLine() <= 0 || !f.file().endsWith(".go")) {
      return Optional.empty();
    }
    return sources.lookup(f.file()).flatMap(file -> {
      String[] lines = file.content().split("\n", -1);
      int i = f.fileLine() - 1;
      return i < lines.length ? Optional.of(lines[i]) : Optional.empty();
    });
  }
}
