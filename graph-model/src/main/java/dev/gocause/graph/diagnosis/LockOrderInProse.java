package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.Evidence;
import dev.gocause.graph.diagnosis.ParsedInput.MessageLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lock order as a person tells it: "one goroutine holds {@code a.mu.Lock()} and blocks on
 * {@code b.mu.RLock()}; another takes {@code b.mu.Lock()} and waits for {@code a.mu.Lock()}". Within
 * one sentence of the prose the locks named by their calls ({@code x.Lock}, {@code x.RLock}) are
 * taken in the order they are named; two sentences that name the same two locks in opposite orders
 * describe an AB-BA cycle, whatever words surround them. The fact is the symptom
 * {@value #SYMPTOM} (its weights are in seed-data). Only calls on named receivers count: a type
 * ({@code sync.Mutex.Lock}, {@code RWMutex.RLock}) names no particular lock.
 */
final class LockOrderInProse {
  static final String SYMPTOM = "locks-taken-in-opposite-order";

  /** Where one account of lock taking ends and another may start, besides the end of a line. */
  private static final String[] SENTENCE_ENDS = {". ", "; ", "；", "。", " while ", " whereas ", " another ", "另一"};

  private LockOrderInProse() {}

  /** Adds the fact to {@code bySymptom} when two sentences of {@code prose} take two locks in opposite orders. */
  static void facts(DiagnosisModel model, List<MessageLine> prose, Map<String, List<Evidence>> bySymptom) {
    if (!model.symptoms().containsKey(SYMPTOM)) {
      return;
    }
    List<Sentence> sentences = new ArrayList<>();
    for (MessageLine m : prose) {
      String t = m.text();
      if (t.indexOf(".Lock") < 0 && t.indexOf(".RLock") < 0 && !(mayNameALock(t) && HOLD_OR_WAIT.matcher(t).find())
          && !(mayTellAnOrder(t) && LOCKS_THEN.matcher(t).find())) {
        continue; // nearly every line: no lock call named, no lock said to be held or waited for
      }
      for (String part : split(t)) {
        List<List<String>> told = lockedOneAfterTheOther(part);
        if (told.size() >= 2) {
          for (List<String> order : told) { // "A first then B, and C first then D": each its own account
            sentences.add(new Sentence(m, order));
          }
          continue;
        }
        List<String> order = lockOrder(part, told);
        if (order.size() >= 2) {
          sentences.add(new Sentence(m, order));
        }
      }
    }
    for (int i = 0; i < sentences.size(); i++) {
      for (int j = i + 1; j < sentences.size(); j++) {
        String[] pair = inverted(sentences.get(i).order(), sentences.get(j).order());
        if (pair != null) {
          MessageLine a = sentences.get(i).line();
          MessageLine b = sentences.get(j).line();
          List<Integer> lines = a.line() == b.line() ? List.of(a.line()) : List.of(a.line(), b.line());
          bySymptom.computeIfAbsent(SYMPTOM, k -> new ArrayList<>()).add(new Evidence("text", DiagnosisEngine.clip(a.text()),
              lines, 2, "lock order " + pair[0] + " → " + pair[1] + " and " + pair[1] + " → " + pair[0],
              DiagnosisEngine.TEXT_STRENGTH));
          return; // one cycle told is the fact; more would not make it truer
        }
      }
    }
  }

  private record Sentence(MessageLine line, List<String> order) {}

  /** Two locks {@code first} takes in one order and {@code second} in the other, else null. */
  static String[] inverted(List<String> first, List<String> second) {
    for (int x = 0; x < first.size(); x++) {
      for (int y = x + 1; y < first.size(); y++) {
        int bx = second.indexOf(first.get(x));
        int by = second.indexOf(first.get(y));
        if (bx >= 0 && by >= 0 && by < bx) {
          return new String[] {first.get(x), first.get(y)};
        }
      }
    }
    return null;
  }

  /** The text cut where one sentence or one goroutine's account ends. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      for (String end : SENTENCE_ENDS) {
        if (text.startsWith(end, i)) {
          out.add(text.substring(start, i));
          start = i + end.length();
          i = start - 1;
          break;
        }
      }
    }
    out.add(text.substring(start));
    return out;
  }

  /** Words that say a lock is held or waited for ("holds room.mu and waits for player.mu", 持有 a.mu 等待 b.mu). */
  private static final java.util.regex.Pattern HOLD_OR_WAIT = java.util.regex.Pattern.compile(
      "(?i)\\b(hold|holds|holding|held|acquired|locked|waits?|waiting|wants|blocked|blocks|trying)\\b|持有|拿着|拿到|锁住|等待|阻塞|卡在|想拿|获取");

  /**
   * Two things locked one after the other, whatever they are called: "locks the warehouse first and then the
   * item", "acquires a then b", "locks X before Y"; 先锁仓库再锁商品, 先拿 A 的锁然后拿 B 的锁.
   */
  private static final java.util.regex.Pattern LOCKS_THEN = java.util.regex.Pattern.compile(
      "(?i)(?<![\\w.])(?:locks?|locking|acquires?|acquiring|grabs?|grabbing|takes? the lock (?:on|of))\\s+(?:the\\s+)?([A-Za-z_]\\w*(?:\\.\\w+)*)"
          + "(?:'s)?(?:\\s+(?:lock|mutex))?(?:\\s+first)?,?\\s+(?:(?:and\\s+)?then|before)\\s+"
          + "(?:(?:locks?|acquires?|grabs?|takes?)\\s+)?(?:the\\s+)?(?:lock (?:on|of)\\s+)?(?:the\\s+)?([A-Za-z_]\\w*(?:\\.\\w+)*)"
          + "|先(?:锁住?|加锁|拿|获取|持有)了?\\s*([^\\s,，。;；、的.]+?)\\s*(?:的锁)?\\s*[,，]?\\s*(?:然后|再|接着|之后)(?:去)?(?:锁住?|加锁|拿|获取)了?\\s*([^\\s,，。;；、的.]+)");

  private static final java.util.Set<String> PRONOUNS = java.util.Set.of("it", "them", "that", "this", "one", "other", "another", "a", "an", "up", "and", "then", "first");

  /** Whether {@code t} holds a word {@link #LOCKS_THEN} needs: a cheap test before the regular expression. */
  private static boolean mayTellAnOrder(String t) {
    return (t.indexOf("then") >= 0 || t.indexOf("before") >= 0 || t.indexOf('先') >= 0);
  }

  /** Whether {@code t} holds what every {@link #LOCK_NAME} ends with: a cheap test before the regular expressions. */
  private static boolean mayNameALock(String t) {
    return t.indexOf("mu") >= 0 || t.indexOf("Mu") >= 0 || t.indexOf("tx") >= 0 || t.indexOf("ock") >= 0 || t.indexOf("utex") >= 0;
  }

  /**
   * A name that is a lock by its own name ({@code room.mu}, {@code s.lock}, {@code cacheMu}, {@code c.rwMutex}),
   * not followed by a call: told as held or waited for, it is taken in the order named.
   */
  private static final java.util.regex.Pattern LOCK_NAME = java.util.regex.Pattern.compile(
      "(?<![\\w.])((?:[A-Za-z_]\\w*\\.)*(?:mu|mtx|lock|rwmu|rwlock|mutex|rwMutex|[a-z]\\w*(?:Mu|Mtx|Mutex|Lock)))(?![\\w(])");

  /**
   * The distinct locks {@code sentence} names in the order first named: receivers of {@code .Lock}/{@code .RLock}
   * calls, and, where it says a lock is held or waited for, names that are locks by their own name.
   */
  static List<String> lockOrder(String sentence) {
    return lockOrder(sentence, lockedOneAfterTheOther(sentence));
  }

  /** As {@link #lockOrder(String)}, with the sentence's {@link #lockedOneAfterTheOther} already read. */
  private static List<String> lockOrder(String sentence, List<List<String>> told) {
    List<String> order = new ArrayList<>();
    java.util.TreeMap<Integer, String> named = new java.util.TreeMap<>();
    if (HOLD_OR_WAIT.matcher(sentence).find()) {
      java.util.regex.Matcher m = LOCK_NAME.matcher(sentence);
      while (m.find()) {
        if (!namesAType(m.group(1))) {
          named.put(m.start(1), m.group(1));
        }
      }
    }
    for (int i = sentence.indexOf('.'); i >= 0; i = sentence.indexOf('.', i + 1)) {
      int after = sentence.startsWith(".Lock", i) ? i + 5 : sentence.startsWith(".RLock", i) ? i + 6 : -1;
      if (after < 0 || (after < sentence.length() && isIdentifierChar(sentence.charAt(after)))) {
        continue; // another method (.Locker, .LockOSThread) or no lock call
      }
      int from = i;
      while (from > 0 && (isIdentifierChar(sentence.charAt(from - 1)) || sentence.charAt(from - 1) == '.')) {
        from--;
      }
      String receiver = sentence.substring(from, i);
      while (receiver.startsWith(".")) {
        receiver = receiver.substring(1);
      }
      if (!receiver.isEmpty() && !namesAType(receiver)) {
        named.putIfAbsent(from, receiver);
      }
    }
    if (named.size() < 2 && !told.isEmpty()) {
      // "locks the warehouse first, then the item", "先锁仓库再锁商品": what is locked, by any name, in the order told
      return new ArrayList<>(told.get(0));
    }
    for (String lock : named.values()) {
      if (!order.contains(lock)) {
        order.add(lock);
      }
    }
    return order;
  }

  /** Each pair of things {@code text} tells as locked one after the other ({@link #LOCKS_THEN}), in the order told. */
  static List<List<String>> lockedOneAfterTheOther(String text) {
    List<List<String>> out = new ArrayList<>();
    if (!mayTellAnOrder(text)) {
      return out;
    }
    java.util.regex.Matcher m = LOCKS_THEN.matcher(text);
    while (m.find()) {
      String a = m.group(1) != null ? m.group(1) : m.group(3);
      String b = m.group(2) != null ? m.group(2) : m.group(4);
      if (!PRONOUNS.contains(a.toLowerCase(java.util.Locale.ROOT)) && !PRONOUNS.contains(b.toLowerCase(java.util.Locale.ROOT))
          && !a.equals(b)) {
        out.add(List.of(a, b));
      }
    }
    return out;
  }

  /**
   * {@code sync.Mutex}, {@code RWMutex}, {@code sync}: a type or package, not one lock ({@code s.Mutex}, an embedded
   * mutex reached through its value, is one).
   */
  private static boolean namesAType(String receiver) {
    return receiver.equals("sync") || receiver.startsWith("sync.") || receiver.equals("Mutex") || receiver.equals("RWMutex");
  }

  /** ASCII only: a Chinese character next to a name is prose, not part of it. */
  private static boolean isIdentifierChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
