package dev.gocause.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently rendered diagnosis answers for small inputs (a panic line, a sentence), keyed by a
 * SHA-256 of the exact request (body, limit, lang, answer format) and the knowledge model's
 * version and hash — so an answer never outlives the knowledge that produced it. People and CI
 * jobs paste the same panic line over and over; a hit skips matching and JSON rendering. Stale
 * answers (graph unreachable) are never stored. Bounded by entries and bytes, least recently
 * used first out. A request with {@code Cache-Control: no-cache} bypasses it.
 */
final class AnswerCache {
  /** Inputs larger than this (goroutine dumps) are always diagnosed afresh. */
  static final int MAX_INPUT_BYTES = 64 * 1024;
  private static final int MAX_ENTRIES = 2048;
  private static final long MAX_BYTES = 32L * 1024 * 1024;

  record Entry(byte[] body, String contentType, String outcome) {}

  private final LinkedHashMap<String, Entry> map = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  static String key(String modelStamp, String format, Integer limit, String lang, byte[] body) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((modelStamp + "\n" + format + "\n" + limit + "\n" + lang + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update(body);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  synchronized Entry get(String key) {
    return map.get(key);
  }

  synchronized void put(String key, Entry e) {
    Entry old = map.put(key, e);
    bytes += e.body().length - (old == null ? 0 : old.body().length);
    var it = map.entrySet().iterator();
    while ((map.size() > MAX_ENTRIES || bytes > MAX_BYTES) && it.hasNext()) {
      Map.Entry<String, Entry> eldest = it.next();
      bytes -= eldest.getValue().body().length;
      it.remove();
    }
  }
}
