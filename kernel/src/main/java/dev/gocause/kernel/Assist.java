package dev.gocause.kernel;

import dev.gocause.graph.NodeLabel;
import dev.gocause.graph.RelType;
import dev.gocause.graph.seed.SeedEntry;
import dev.gocause.kernel.magic.ArgKind;
import dev.gocause.kernel.magic.Magic;
import dev.gocause.kernel.magic.MagicRegistry;
import dev.gocause.kernel.magic.Session;
import dev.gocause.kernel.render.Html;
import dev.gocause.kernel.render.Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.util.Optional;

/** Completion, inspection (Shift-Tab) and is_complete for gocause cells. */
final class Assist {
  private final MagicRegistry registry;
  private final Session session;

  Assist(MagicRegistry registry, Session session) {
    this.registry = registry;
    this.session = session;
  }

  record Completion(List<String> matches, int start, int end) {}

  /** The magic a cursor position belongs to and where its argument text starts. */
  private record Context(Optional<Magic> magic, boolean inBody, int lineStart, int cursorInLine, String lineBefore) {}

  private Context context(String code, int at) {
    at = Math.max(0, Math.min(at, code.length()));
    int lineStart = code.lastIndexOf('\n', at - 1) + 1;
    String before = code.substring(lineStart, at);
    String stripped = before.stripLeading();
    Optional<Magic> magic = Optional.empty();
    boolean inBody = false;
    String first = code.stripLeading();
    int firstLineEnd = code.indexOf('\n', code.length() - first.length());
    if (first.startsWith("%%") && firstLineEnd >= 0 && at > firstLineEnd) {
      magic = registry.find(nameOf(first.substring(2)));
      inBody = true;
    } else if (stripped.startsWith("%")) {
      magic = registry.find(nameOf(stripped.replaceFirst("^%%?", "")));
    }
    return new Context(magic, inBody, lineStart, at - lineStart, before);
  }

  private static String nameOf(String s) {
    int i = 0;
    while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i);
  }

  Completion complete(String code, int at) {
    at = Math.max(0, Math.min(at, code.length()));
    Context c = context(code, at);
    String before = c.lineBefore();
    int tokStartInLine = before.length();
    while (tokStartInLine > 0 && !Character.isWhitespace(before.charAt(tokStartInLine - 1))) {
      tokStartInLine--;
    }
    String token = before.substring(tokStartInLine);
    int start = c.lineStart() + tokStartInLine;
    boolean firstWord = before.substring(0, tokStartInLine).isBlank();

    if (firstWord && token.startsWith("%") && !c.inBody()) {
      boolean cellAllowed = code.substring(0, c.lineStart()).isBlank();
      List<String> m = registry.spellings().stream()
          .filter(s -> s.startsWith(token))
          .filter(s -> cellAllowed || !s.startsWith("%%"))
          .toList();
      return new Completion(m, start, at);
    }
    if (c.magic().isEmpty()) {
      return new Completion(List.of(), at, at);
    }
    Magic magic = c.magic().get();
    if (token.startsWith("-")) {
      return new Completion(filter(magic.flags(), token), start, at);
    }
    if (magic.argKind() == ArgKind.CYPHER) {
      return cypher(token, start, at, code);
    }
    if (magic.argKind() == ArgKind.LANG) {
      return new Completion(filter(List.of("zh", "en"), token), start, at);
    }
    if (!magic.argKind().labels().isEmpty()) {
      return new Completion(filter(session.ids(magic.argKind().labels()), token), start, at);
    }
    return new Completion(List.of(), at, at);
  }

  /** Labels after {@code :} in a node pattern, relationship types after {@code :} inside brackets. */
  private Completion cypher(String token, int start, int at, String code) {
    int colon = token.lastIndexOf(':');
    if (colon < 0) {
      return new Completion(List.of(), at, at);
    }
    String prefix = token.substring(colon + 1);
    int colonAbs = start + colon;
    boolean inRel = false;
    for (int i = colonAbs - 1; i >= 0; i--) {
      char ch = code.charAt(i);
      if (ch == '[') {
        inRel = true;
        break;
      }
      if (ch == '(' || ch == ']' || ch == ')') {
        break;
      }
    }
    List<String> names = inRel
        ? Arrays.stream(RelType.values()).map(Enum::name).toList()
        : Arrays.stream(NodeLabel.values()).map(NodeLabel::cypherName).toList();
    return new Completion(filter(names, prefix), colonAbs + 1, at);
  }

  private static List<String> filter(List<String> options, String prefix) {
    return options.stream().filter(o -> o.startsWith(prefix)).sorted().toList();
  }

  /** Shift-Tab: a node card for an id under the cursor, or the help of a magic name. */
  Optional<Output> inspect(String code, int at) {
    at = Math.max(0, Math.min(at, code.length()));
    int s = at;
    while (s > 0 && isWordChar(code.charAt(s - 1))) {
      s--;
    }
    int e = at;
    while (e < code.length() && isWordChar(code.charAt(e))) {
      e++;
    }
    String word = code.substring(s, e);
    if (word.isEmpty()) {
      return Optional.empty();
    }
    if (s > 0 && code.charAt(s - 1) == '%') {
      return registry.find(word).map(Assist::magicHelp);
    }
    List<SeedEntry> found = session.vocabulary().find(word);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(nodeCard(found));
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_';
  }

  static Output magicHelp(Magic m) {
    String plain = m.usage() + "\n  " + m.summaryEn() + "\n  " + m.summaryZh()
        + (m.examples().isEmpty() ? "" : "\n  e.g. " + String.join("\n       ", m.examples()));
    return Output.text(plain)
        .html("<b>" + Html.esc(m.usage()) + "</b><br>" + Html.esc(m.summaryEn()) + "<br>" + Html.esc(m.summaryZh()))
        .markdown("`" + m.usage() + "` — " + m.summaryEn() + " / " + m.summaryZh())
        .build();
  }

  private Output nodeCard(List<SeedEntry> entries) {
    StringBuilder plain = new StringBuilder();
    StringBuilder html = new StringBuilder();
    StringBuilder md = new StringBuilder();
    for (SeedEntry en : entries) {
      var c = en.common();
      String label = en.label().cypherName();
      plain.append(label).append(' ').append(c.id()).append('\n')
          .append("  ").append(c.nameZh()).append(" / ").append(c.nameEn()).append('\n');
      String desc = session.t(c.descriptionZh(), c.descriptionEn());
      if (!desc.isBlank()) {
        plain.append("  ").append(desc.strip()).append('\n');
      }
      if (c.source() != null) {
        plain.append("  source: ").append(c.source()).append('\n');
      }
      html.append("<div><b>").append(Html.esc(label)).append("</b> <code>").append(Html.esc(c.id()))
          .append("</code><br>").append(Html.esc(c.nameZh())).append(" / ").append(Html.esc(c.nameEn()))
          .append(desc.isBlank() ? "" : "<br>" + Html.esc(desc.strip())).append("</div>");
      md.append("**").append(label).append("** `").append(c.id()).append("` — ")
          .append(c.nameZh()).append(" / ").append(c.nameEn()).append("\n\n");
      if (!desc.isBlank()) {
        md.append(desc.strip()).append("\n\n");
      }
    }
    return Output.text(plain.toString().strip()).html(html.toString()).markdown(md.toString().strip()).build();
  }

  /**
   * Whether a console should run the cell now: cell magics wait for a blank last line (their
   * body may span lines); unknown magics and plain text are invalid; open brackets or quotes
   * and a trailing backslash mean more is coming.
   */
  String isComplete(String code) {
    if (code.isBlank()) {
      return "complete";
    }
    String first = code.stripLeading();
    if (first.startsWith("%%")) {
      String name = nameOf(first.substring(2));
      Optional<Magic> m = registry.find(name);
      if (m.isEmpty() || !m.get().cellForm()) {
        return "invalid";
      }
      return code.endsWith("\n\n") || code.endsWith("\n \n") ? "complete" : "";
    }
    List<String> lines = new ArrayList<>(Arrays.asList(code.split("\n")));
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!line.startsWith("%")) {
        return "invalid";
      }
      Optional<Magic> m = registry.find(nameOf(line.substring(1)));
      if (m.isEmpty() || !m.get().lineForm()) {
        return "invalid";
      }
    }
    // Brackets and quotes only matter in Cypher; natural-language text has stray apostrophes.
    String cypher = String.join("\n", lines.stream().map(String::strip).filter(l -> l.startsWith("%cypher")).toList());
    if (code.stripTrailing().endsWith("\\") || unbalanced(cypher)) {
      return "";
    }
    return "complete";
  }

  private static boolean unbalanced(String code) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < code.length(); i++) {
      char ch = code.charAt(i);
      if (quote != 0) {
        if (ch == '\\') {
          i++;
        } else if (ch == quote) {
          quote = 0;
        }
        continue;
      }
      switch (ch) {
        case '"', '\'', '`' -> quote = ch;
        case '(', '[', '{' -> depth++;
        case ')', ']', '}' -> depth--;
        default -> { }
      }
    }
    return depth > 0 || quote != 0;
  }

}
