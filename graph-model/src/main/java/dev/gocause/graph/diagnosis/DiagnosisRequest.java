package dev.gocause.graph.diagnosis;

import java.util.Locale;

/**
 * What to diagnose: the pasted text, how many causes to return at most (1..50, default 5), the
 * preferred language of rendered names ({@code zh}, {@code en}, or null to follow the text) and
 * the source files behind the frames, if any (null: none; only files frames name are read).
 */
public record DiagnosisRequest(String text, int limit, String lang, SourceFiles sources) {

  public DiagnosisRequest(String text, int limit, String lang) {
    this(text, limit, lang, null);
  }

  /** The same request with the source files behind its frames. */
  public DiagnosisRequest withSources(SourceFiles files) {
    return new DiagnosisRequest(text, limit, lang, files);
  }

  public static final int DEFAULT_LIMIT = 5;
  public static final int MAX_LIMIT = 50;
  /** Pasted text larger than this is refused: 16 MiB of characters is far past any real dump. */
  public static final int MAX_TEXT = 16 * 1024 * 1024;

  public DiagnosisRequest {
    if (text == null) {
      throw new InvalidDiagnosisRequestException("text is missing: paste a panic, a goroutine dump, a race report or describe what you see");
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidDiagnosisRequestException(
          "text has " + text.length() + " characters; at most " + MAX_TEXT + " are accepted: paste the relevant part");
    }
    if (limit == 0) {
      limit = DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidDiagnosisRequestException("limit is " + limit + "; it must be between 1 and " + MAX_LIMIT);
    }
    if (lang != null && !lang.isBlank()) {
      lang = lang.strip().toLowerCase(Locale.ROOT);
      if (!lang.equals("zh") && !lang.equals("en")) {
        throw new InvalidDiagnosisRequestException("lang is '" + lang + "'; use zh or en (or leave it out)");
      }
    } else {
      lang = null;
    }
  }

  public static DiagnosisRequest of(String text) {
    return new DiagnosisRequest(text, DEFAULT_LIMIT, null);
  }
}
