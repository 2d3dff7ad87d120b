package dev.gocause.graph.diagnosis.code;

import dev.gocause.sim.lang.Ast;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The static concurrency checks over one parsed unit of Go. Each works on the syntax tree and its
 * statement structure (never on lines of text; comments are gone after lexing) and yields
 * {@link CodeFinding}s named after the Symptom they are.
 */
public final class CodeChecks {
  private CodeChecks() {}

  /** The findings of every check, by line, one per check and line. */
  public static List<CodeFinding> check(Ast.File file) {
    CodeIndex ix = new CodeIndex(file);
    Names names = new Names(ix);
    List<CodeFinding> out = new ArrayList<>();
    LockChecks.run(ix, names, out);
    CopyChecks.run(ix, out);
    GoroutineChecks.run(ix, names, out);
    ContextChecks.run(ix, names, out);
    ChannelChecks.run(ix, names, out);
    ClosesThroughCalls.run(ix, out);
    SemaphoreChecks.run(ix, names, out);
    LockOrderChecks.run(ix, out);
    AtomicChecks.run(ix, out);
    Map<String, CodeFinding> unique = new LinkedHashMap<>();
    out.forEach(f -> unique.putIfAbsent(f.check() + "@" + f.line(), f));
    List<CodeFinding> sorted = new ArrayList<>(unique.values());
    sorted.sort(Comparator.comparingInt(CodeFinding::line).thenComparing(CodeFinding::check));
    return sorted;
  }
}
