package dev.gocause.kernel.magic;

import java.util.Locale;
import java.util.Optional;

/** The language of names and descriptions in outputs; both are always in the graph. */
public enum Lang {
  ZH,
  EN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Lang> parse(String s) {
    return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
      case "zh", "cn", "zh-cn", "chinese", "中文" -> Optional.of(ZH);
      case "en", "english" -> Optional.of(EN);
      default -> Optional.empty();
    };
  }

  /** From GOCAUSE_LANG, else the locale (LANG=zh_* means Chinese), else English. */
  public static Lang fromEnvironment() {
    String g = System.getenv("GOCAUSE_LANG");
    if (g != null) {
      Optional<Lang> l = parse(g);
      if (l.isPresent()) {
        return l.get();
      }
    }
    String lang = System.getenv("LANG");
    return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
  }

  /** Picks the text for this language, falling back to the other when one is missing. */
  public String pick(String zh, String en) {
    String first = this == ZH ? zh : en;
    String other = this == ZH ? en : zh;
    return first != null && !first.isBlank() ? first : (other == null ? "" : other);
  }
}
