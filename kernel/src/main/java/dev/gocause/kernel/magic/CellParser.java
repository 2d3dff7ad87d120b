package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import dev.gocause.graph.query.CloseMatches;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into magic calls. A cell is either one cell magic ({@code %%name args} on the
 * first non-blank line, the rest is its body) or any number of line magics, one per line.
 * Blank lines and lines starting with {@code #} are ignored.
 */
public final class CellParser {
  private final MagicRegistry registry;

  public CellParser(MagicRegistry registry) {
    this.registry = registry;
  }

  public List<Invocation> parse(String code) {
    String[] lines = code.split("\r?\n", -1);
    List<Invocation> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("%%")) {
        if (!out.isEmpty()) {
          throw new KernelError(
              "line " + (i + 1) + ": a cell magic (%%) must be the first line of its cell",
              "move " + firstWord(line) + " to a cell of its own");
        }
        String[] nameArgs = nameAndArgs(line.substring(2));
        Magic m = magic(nameArgs[0], true, i + 1);
        StringBuilder body = new StringBuilder();
        for (int j = i + 1; j < lines.length; j++) {
          body.append(lines[j]).append('\n');
        }
        out.add(new Invocation(m.name(), true, nameArgs[1], body.toString().strip()));
        return out;
      }
      if (!line.startsWith("%")) {
        throw new KernelError(
            "line " + (i + 1) + ": '" + abbreviate(line) + "' is not a magic; gocause cells hold %magics",
            "to diagnose text, write %diagnose " + abbreviate(line) + "  (or put %%diagnose above a pasted block);"
                + " to simulate Go code, put %%go above it; %help lists the magics");
      }
      String[] nameArgs = nameAndArgs(line.substring(1));
      Magic m = magic(nameArgs[0], false, i + 1);
      out.add(new Invocation(m.name(), false, nameArgs[1], ""));
    }
    return out;
  }

  private Magic magic(String name, boolean cell, int line) {
    String spelled = (cell ? "%%" : "%") + name;
    Magic m = registry.find(name).orElseThrow(() -> unknown(spelled, line));
    if (cell && !m.cellForm()) {
      throw new KernelError("line " + line + ": %%" + name + " has no cell form", "write it as %" + name + " ARGS on one line");
    }
    if (!cell && !m.lineForm()) {
      throw new KernelError("line " + line + ": %" + name + " needs a body", "write %%" + name + " on the first line and the body below it");
    }
    return m;
  }

  private KernelError unknown(String spelled, int line) {
    List<String> near = CloseMatches.among(spelled, registry.spellings());
    return new KernelError(
        "line " + line + ": unknown magic " + spelled,
        (near.isEmpty() ? "" : "did you mean " + String.join(", ", near) + "? ") + "%help lists the magics");
  }

  static String[] nameAndArgs(String s) {
    int sp = 0;
    while (sp < s.length() && !Character.isWhitespace(s.charAt(sp))) {
      sp++;
    }
    return new String[] {s.substring(0, sp), s.substring(sp).strip()};
  }

  private static String firstWord(String line) {
    int sp = line.indexOf(' ');
    return sp < 0 ? line : line.substring(0, sp);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
