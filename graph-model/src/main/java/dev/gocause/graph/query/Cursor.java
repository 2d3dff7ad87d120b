package dev.gocause.graph.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page cursors. Lists ordered by id continue after the last id seen (stable while the
 * graph changes); ranked search results continue at an offset. Encoded as base64url so callers
 * treat them as tokens, with the kind of list inside so a cursor from one list is rejected by
 * another.
 */
final class Cursor {
  private Cursor() {}

  static String afterId(String list, String lastId) {
    return encode(list + "|k|" + lastId);
  }

  static String atOffset(String list, int offset) {
    return encode(list + "|o|" + offset);
  }

  /** The id to continue after, or null for the first page. */
  static String decodeAfterId(String list, String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    String[] parts = decode(cursor).split("\\|", 3);
    if (parts.length != 3 || !parts[0].equals(list) || !parts[1].equals("k")) {
      throw invalid();
    }
    return parts[2];
  }

  /** The offset to continue at, 0 for the first page. */
  static int decodeOffset(String list, String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    String[] parts = decode(cursor).split("\\|", 3);
    if (parts.length != 3 || !parts[0].equals(list) || !parts[1].equals("o")) {
      throw invalid();
    }
    try {
      int offset = Integer.parseInt(parts[2]);
      if (offset < 0) {
        throw invalid();
      }
      return offset;
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static String encode(String raw) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static InvalidParameterException invalid() {
    return new InvalidParameterException("cursor",
        "not a cursor returned by this list; pass the 'nextCursor' of the previous page, or omit it for the first page");
  }
}
