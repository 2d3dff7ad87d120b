package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed magic call: {@code args} is the text after the name on the magic's line, {@code body}
 * the lines after it (cell form only, else empty).
 */
public record Invocation(String name, boolean cellForm, String args, String body) {

  /** The arguments split on whitespace, honouring single and double quotes. */
  public List<String> words() {
    return split(args);
  }

  /** Words that are not flags or flag values (flags listed in {@code valued} take a value). */
  public List<String> positional(List<String> valued) {
    List<String> out = new ArrayList<>();
    List<String> w = words();
    for (int i = 0; i < w.size(); i++) {
      String s = w.get(i);
      if (s.startsWith("--")) {
        if (valued.contains(s.contains("=") ? s.substring(0, s.indexOf('=')) : s) && !s.contains("=")) {
          i++;
        }
        continue;
      }
      out.add(s);
    }
    return out;
  }

  public boolean hasFlag(String flag) {
    return words().stream().anyMatch(w -> w.equals(flag) || w.startsWith(flag + "="));
  }

  /** The value of {@code --flag V} or {@code --flag=V}. */
  public Optional<String> flagValue(String flag) {
    List<String> w = words();
    for (int i = 0; i < w.size(); i++) {
      if (w.get(i).equals(flag)) {
        if (i + 1 >= w.size()) {
          throw new KernelError("flag " + flag + " needs a value", "write it as " + flag + " VALUE");
        }
        return Optional.of(w.get(i + 1));
      }
      if (w.get(i).startsWith(flag + "=")) {
        return Optional.of(w.get(i).substring(flag.length() + 1));
      }
    }
    return Optional.empty();
  }

  /** Rejects flags this magic does not know, naming them and the known ones. */
  public void checkFlags(List<String> known) {
    for (String w : words()) {
      if (w.startsWith("--")) {
        String f = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
        if (!known.contains(f)) {
          throw new KernelError(
              "%" + name + " has no flag " + f,
              known.isEmpty() ? "it takes no flags" : "known flags: " + String.join(", ", known));
        }
      }
    }
  }

  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(cur.toString());
    }
    return out;
  }
}
