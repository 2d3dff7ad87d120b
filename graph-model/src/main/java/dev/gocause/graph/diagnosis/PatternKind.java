package dev.gocause.graph.diagnosis;

import java.util.Locale;

/** How a {@code Signature}'s pattern is matched against pasted text (see seed-data/README.md). */
public enum PatternKind {
  /** Case-sensitive substring of a line. */
  LITERAL,
  /** Java regex, found within one line. */
  REGEX,
  /** The text inside a goroutine header's brackets, e.g. {@code chan send}. */
  WAIT_REASON,
  /** A function name in a stack (prefix of the frame's function name). */
  FRAME;

  /** Parses the seed-data spelling ({@code literal|regex|waitReason|frame}). */
  public static PatternKind parse(String s) {
    if (s == null) {
      throw new IllegalArgumentException("patternKind is missing; expected literal, regex, waitReason or frame");
    }
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "literal" -> LITERAL;
      case "regex" -> REGEX;
      case "waitreason", "wait-reason" -> WAIT_REASON;
      case "frame" -> FRAME;
      default -> throw new IllegalArgumentException(
          "patternKind '" + s + "' is unknown; expected literal, regex, waitReason or frame");
    };
  }
}
