package dev.gocause.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import dev.gocause.graph.diagnosis.Diagnosis;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Fast writers for diagnosis answers, which are mostly knowledge copied unchanged from the
 * compiled model (names, mechanisms, commands, fixes with their code, cases, corrections) around
 * a little computed data (scores and evidence):
 * <ul>
 *   <li>knowledge values are written as JSON once and then copied as UTF-8, cached by the values'
 *       identity (a new model brings new values; the cache empties itself when it outgrows a few
 *       models' worth);
 *   <li>a ranked cause is three such pre-rendered runs around its computed fields;
 *   <li>evidence items and observed symptoms are written field by field, without the bean
 *       machinery (an answer has dozens), and the input line they quote is encoded once per answer;
 *   <li>scores, strengths and weights (thousandths) are printed from their digits.
 * </ul>
 * The output equals what the plain mapper writes for the same records: same fields, same order,
 * nulls left out ({@code ApiAnswersMatchTheDiagnosisServiceTest} holds the two side by side, so a
 * field added to a record and not here fails it).
 */
final class AnswerJson extends SimpleModule {
  /** Properties whose values come as they are from the compiled model, per answer type written by Jackson. */
  private static final java.util.Map<Class<?>, Set<String>> KNOWLEDGE = java.util.Map.of(
      // an ask-back's wording is kept per pair of causes by the model, its symptoms are the model's
      Diagnosis.AskBack.class, Set.of("questionZh", "questionEn", "commands"),
      Diagnosis.Observation.class, Set.of("symptom"));
  private static final int MAX_ENTRIES = 5_000;

  private static final List<String> HEAD = List.of("id", "nameZh", "nameEn");
  private static final List<String> MIDDLE = List.of("severity", "mechanismZh", "mechanismEn", "dimensions");
  private static final List<String> TAIL = List.of("commands", "fixes", "cases", "corrections");

  private static final SerializedString SCORE = new SerializedString("score");
  private static final SerializedString COVERAGE = new SerializedString("coverage");
  private static final SerializedString CONFIDENCE = new SerializedString("confidence");

  // the names of the fields written as raw JSON, with their quotes and colon; a COMMA_ name, and a name that
  // never comes first, starts with the comma it needs after another field
  private static final byte[] OBJECT = RawJson.ascii("{");
  private static final byte[] NEXT_OBJECT = RawJson.ascii(",{");
  private static final byte[] ID_FIELD = RawJson.ascii("\"id\":");
  private static final byte[] NAME_ZH_FIELD = RawJson.ascii("\"nameZh\":");
  private static final byte[] COMMA_NAME_ZH_FIELD = RawJson.ascii(",\"nameZh\":");
  private static final byte[] NAME_EN_FIELD = RawJson.ascii("\"nameEn\":");
  private static final byte[] COMMA_NAME_EN_FIELD = RawJson.ascii(",\"nameEn\":");
  private static final byte[] KIND_FIELD = RawJson.ascii("\"kind\":");
  private static final byte[] COMMA_KIND_FIELD = RawJson.ascii(",\"kind\":");
  private static final byte[] TEXT_FIELD = RawJson.ascii("\"text\":");
  private static final byte[] COMMA_TEXT_FIELD = RawJson.ascii(",\"text\":");
  private static final byte[] LINES_FIELD = RawJson.ascii("\"lines\":");
  private static final byte[] COMMA_LINES_FIELD = RawJson.ascii(",\"lines\":");
  private static final byte[] OCCURRENCES_FIELD = RawJson.ascii("\"occurrences\":");
  private static final byte[] COMMA_OCCURRENCES_FIELD = RawJson.ascii(",\"occurrences\":");
  private static final byte[] MATCHED_FIELD = RawJson.ascii(",\"matched\":");
  private static final byte[] SYMPTOM_FIELD = RawJson.ascii(",\"symptom\":");
  private static final byte[] FIRST_STRENGTH_FIELD = RawJson.ascii("\"strength\":");
  private static final byte[] STRENGTH_FIELD = RawJson.ascii(",\"strength\":");
  private static final byte[] WEIGHT_FIELD = RawJson.ascii(",\"weight\":");
  private static final byte[] CONTRIBUTION_FIELD = RawJson.ascii(",\"contribution\":");
  private static final byte[] GOROUTINES_FIELD = RawJson.ascii(",\"goroutines\":");
  private static final byte[] REPLAY_FIELD = RawJson.ascii(",\"replay\":");
  private static final byte[] EVIDENCE_FIELD = RawJson.ascii(",\"evidence\":");

  /** Knowledge JSON keyed by the {@link Values} it was written from. */
  private final ConcurrentHashMap<Values, SerializedString> cache = new ConcurrentHashMap<>();
  /**
   * Each ranked cause's three runs by cause id, checked against the cause's values on use: one look-up per cause.
   * Two per id: a cause comes with its commands and fixes in full when it is first and in brief otherwise.
   */
  private final ConcurrentHashMap<String, CauseRuns[]> causeRuns = new ConcurrentHashMap<>();
  /** Symptom names (a record of strings) and single names: equal values write equal JSON, so keyed by value. */
  private final ConcurrentHashMap<Object, SerializedString> names = new ConcurrentHashMap<>();
  /** The mapper knowledge values are written with (the plain one: no module of ours inside). */
  private final Supplier<ObjectMapper> plain;

  AnswerJson(Supplier<ObjectMapper> plain) {
    super("gocause-answer-json");
    this.plain = plain;
    setSerializerModifier(new BeanSerializerModifier() {
      @Override
      public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
          List<BeanPropertyWriter> properties) {
        Set<String> cached = KNOWLEDGE.getOrDefault(bean.getBeanClass(), Set.of());
        for (BeanPropertyWriter w : properties) {
          if (cached.contains(w.getName())) {
            w.assignSerializer(new KnowledgeValue());
          }
        }
        return properties;
      }
    });
    addSerializer(Diagnosis.RankedCause.class, new RankedCauseJson());
    addSerializer(Diagnosis.CauseEvidence.class, new CauseEvidenceJson());
    addSerializer(Diagnosis.Evidence.class, new EvidenceJson());
    addSerializer(Diagnosis.ObservedSymptom.class, new ObservedSymptomJson());
    addSerializer(Double.class, new Thousandths<>());
    addSerializer(Double.TYPE, new Thousandths<>());
  }

  /**
   * The JSON of {@code values} as fields named {@code names} (no braces, nulls left out), or of
   * the one value when {@code names} is null; written once per identical values.
   */
  private SerializedString knowledge(List<String> names, Object... values) throws IOException {
    Object[] key = new Object[values.length + 1];
    key[0] = names;
    System.arraycopy(values, 0, key, 1, values.length);
    Values k = new Values(key);
    SerializedString json = cache.get(k);
    if (json == null) {
      StringBuilder b = new StringBuilder();
      if (names == null) {
        b.append(plain.get().writeValueAsString(values[0]));
      } else {
        for (int i = 0; i < values.length; i++) {
          if (values[i] != null) {
            b.append(b.length() == 0 ? "" : ",").append('"').append(names.get(i)).append("\":")
                .append(plain.get().writeValueAsString(values[i]));
          }
        }
        // the generator does not see raw runs: the head run ends with its comma, so the computed
        // fields after it are written as if they came first; the later runs start with theirs
        if (b.length() > 0) {
          if (names == HEAD) {
            b.append(',');
          } else {
            b.insert(0, ',');
          }
        }
      }
      json = new SerializedString(b.toString());
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(k, json);
    }
    return json;
  }

  /** The knowledge runs of one ranked cause and the values they were written from. */
  private record CauseRuns(Object[] values, SerializedString head, SerializedString middle, SerializedString tail) {
    static Object[] valuesOf(Diagnosis.RankedCause c) {
      return new Object[] {c.id(), c.nameZh(), c.nameEn(), c.severity(), c.mechanismZh(), c.mechanismEn(), c.dimensions(),
          c.commands(), c.fixes(), c.cases(), c.corrections()};
    }

    /** Whether these runs were written from exactly {@code c}'s values (the same instances). */
    boolean writtenFrom(Diagnosis.RankedCause c) {
      Object[] v = values;
      return v[0] == c.id() && v[1] == c.nameZh() && v[2] == c.nameEn() && v[3] == c.severity() && v[4] == c.mechanismZh()
          && v[5] == c.mechanismEn() && v[6] == c.dimensions() && v[7] == c.commands() && v[8] == c.fixes()
          && v[9] == c.cases() && v[10] == c.corrections();
    }
  }

  private CauseRuns runs(Diagnosis.RankedCause c) throws IOException {
    CauseRuns[] known = c.id() == null ? null : causeRuns.get(c.id());
    if (known != null) {
      for (CauseRuns r : known) {
        if (r.writtenFrom(c)) {
          return r;
        }
      }
    }
    CauseRuns r = new CauseRuns(CauseRuns.valuesOf(c), knowledge(HEAD, c.id(), c.nameZh(), c.nameEn()),
        knowledge(MIDDLE, c.severity(), c.mechanismZh(), c.mechanismEn(), c.dimensions()),
        knowledge(TAIL, c.commands(), c.fixes(), c.cases(), c.corrections()));
    if (c.id() == null) {
      return r; // no key to keep it under (the engine always sets one)
    }
    if (causeRuns.size() >= MAX_ENTRIES) {
      causeRuns.clear();
    }
    // the new runs, then the latest of the old (this cause's other form; older runs, such as a former model's, drop out)
    causeRuns.put(c.id(), known == null || known.length == 0 ? new CauseRuns[] {r} : new CauseRuns[] {r, known[0]});
    return r;
  }

  /** A name or a symptom's names ({@code Named}) as JSON, written once per distinct value. */
  private SerializedString name(Object value) throws IOException {
    SerializedString json = names.get(value);
    if (json == null) {
      json = knowledge(null, value);
      if (names.size() >= MAX_ENTRIES) {
        names.clear();
      }
      names.put(value, json);
    }
    return json;
  }

  /** A ranked cause: three pre-rendered runs of knowledge around score, coverage, confidence and evidence. */
  private final class RankedCauseJson extends JsonSerializer<Diagnosis.RankedCause> {
    @Override
    public void serialize(Diagnosis.RankedCause c, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject(c);
      CauseRuns runs = runs(c);
      gen.writeRaw(runs.head());
      gen.writeFieldName(SCORE);
      thousandths(gen, c.score());
      gen.writeFieldName(COVERAGE);
      thousandths(gen, c.coverage());
      if (c.confidence() != null) {
        gen.writeFieldName(CONFIDENCE);
        gen.writeString(c.confidence().name());
      }
      gen.writeRaw(runs.middle());
      if (c.evidence() != null) {
        // after the score: the evidence field is never the first, so it starts with its comma
        RawJson json = RawJson.take().raw(EVIDENCE_FIELD).raw('[');
        List<Diagnosis.CauseEvidence> evidence = c.evidence();
        for (int i = 0; i < evidence.size(); i++) { // by index, as for observed symptoms below
          causeEvidence(evidence.get(i), i > 0, json);
        }
        gen.writeRaw(json.raw(']'));
      }
      gen.writeRaw(runs.tail());
      gen.writeEndObject();
    }
  }

  private final class CauseEvidenceJson extends JsonSerializer<Diagnosis.CauseEvidence> {
    @Override
    public void serialize(Diagnosis.CauseEvidence e, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeRawValue(causeEvidence(e, false, RawJson.take()));
    }
  }

  private RawJson causeEvidence(Diagnosis.CauseEvidence e, boolean comma, RawJson json) throws IOException {
    json.raw(comma ? NEXT_OBJECT : OBJECT);
    common(json, e.kind(), e.text(), e.lines(), e.occurrences(), e.matched());
    if (e.symptom() != null) {
      json.raw(SYMPTOM_FIELD).raw(name(e.symptom()));
    }
    json.raw(STRENGTH_FIELD).number(e.strength());
    json.raw(WEIGHT_FIELD).number(e.weight());
    json.raw(CONTRIBUTION_FIELD).number(e.contribution());
    goroutines(json, e.goroutines());
    replay(json, e.replay());
    return json.raw('}');
  }

  private static final class EvidenceJson extends JsonSerializer<Diagnosis.Evidence> {
    @Override
    public void serialize(Diagnosis.Evidence e, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeRawValue(evidence(e, false, RawJson.take()));
    }
  }

  private static RawJson evidence(Diagnosis.Evidence e, boolean comma, RawJson json) {
    json.raw(comma ? NEXT_OBJECT : OBJECT);
    common(json, e.kind(), e.text(), e.lines(), e.occurrences(), e.matched());
    json.raw(STRENGTH_FIELD).number(e.strength());
    goroutines(json, e.goroutines());
    replay(json, e.replay());
    return json.raw('}');
  }

  /** An observed symptom: its names are knowledge, the rest written as raw JSON. */
  private final class ObservedSymptomJson extends JsonSerializer<Diagnosis.ObservedSymptom> {
    @Override
    public void serialize(Diagnosis.ObservedSymptom s, JsonGenerator gen, SerializerProvider provider) throws IOException {
      RawJson json = RawJson.take().raw('{');
      boolean first = true;
      if (s.id() != null) {
        json.raw(ID_FIELD).string(s.id());
        first = false;
      }
      if (s.nameZh() != null) {
        json.raw(first ? NAME_ZH_FIELD : COMMA_NAME_ZH_FIELD).raw(name(s.nameZh()));
        first = false;
      }
      if (s.nameEn() != null) {
        json.raw(first ? NAME_EN_FIELD : COMMA_NAME_EN_FIELD).raw(name(s.nameEn()));
        first = false;
      }
      if (s.kind() != null) {
        json.raw(first ? KIND_FIELD : COMMA_KIND_FIELD).string(s.kind());
        first = false;
      }
      json.raw(first ? FIRST_STRENGTH_FIELD : STRENGTH_FIELD).number(s.strength());
      if (s.evidence() != null) {
        json.raw(EVIDENCE_FIELD).raw('[');
        for (int i = 0; i < s.evidence().size(); i++) {
          evidence(s.evidence().get(i), i > 0, json);
        }
        json.raw(']');
      }
      gen.writeRawValue(json.raw('}'));
    }
  }

  /** The command that replays a simulated schedule (left out when there is none). */
  private static void replay(RawJson json, String replay) {
    if (replay != null) {
      json.raw(REPLAY_FIELD).string(replay);
    }
  }

  /** The goroutine ids an analysis fact cites (left out when there are none). */
  private static void goroutines(RawJson json, List<String> ids) {
    if (ids != null) {
      json.raw(GOROUTINES_FIELD).raw('[');
      for (int i = 0; i < ids.size(); i++) {
        if (i > 0) {
          json.raw(',');
        }
        json.string(ids.get(i));
      }
      json.raw(']');
    }
  }

  /**
   * The fields both evidence records start with, after the object's '{'; {@code occurrences} is
   * always written, so the fields after these start with their comma.
   */
  private static void common(RawJson json, String kind, String text, List<Integer> lines, int occurrences, String matched) {
    boolean first = true;
    if (kind != null) {
      json.raw(KIND_FIELD).string(kind);
      first = false;
    }
    if (text != null) {
      json.raw(first ? TEXT_FIELD : COMMA_TEXT_FIELD).quoted(text);
      first = false;
    }
    if (lines != null) {
      json.raw(first ? LINES_FIELD : COMMA_LINES_FIELD).raw('[');
      for (int i = 0; i < lines.size(); i++) { // by index: no iterator per evidence item
        if (i > 0) {
          json.raw(',');
        }
        Integer line = lines.get(i);
        if (line == null) {
          json.nullValue();
        } else {
          json.number(line.intValue());
        }
      }
      json.raw(']');
      first = false;
    }
    json.raw(first ? OCCURRENCES_FIELD : COMMA_OCCURRENCES_FIELD).number(occurrences);
    if (matched != null) {
      json.raw(MATCHED_FIELD).string(matched);
    }
  }

  /** A knowledge value of a bean Jackson writes (an observed symptom's names, an ask-back's wording and symptoms). */
  private final class KnowledgeValue extends JsonSerializer<Object> {
    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeRawValue(knowledge(null, value));
    }
  }

  /** Any double; see {@link #plain}. */
  static final class Thousandths<T> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      thousandths(gen, ((Number) value).doubleValue());
    }
  }

  /** The digits of k/1000 for k up to 1000 (0.001 to 1.0): nearly every score, strength and weight. */
  private static final char[][] UP_TO_ONE = new char[1001][];

  static {
    for (int k = 1; k <= 1000; k++) {
      UP_TO_ONE[k] = digits(k);
    }
  }

  /** The same digits encoded once: most numbers of an answer are among them, written as a copy of their bytes. */
  private static final SerializedString[] UP_TO_ONE_ENCODED = new SerializedString[1001];

  static {
    for (int k = 1; k <= 1000; k++) {
      UP_TO_ONE_ENCODED[k] = new SerializedString(new String(UP_TO_ONE[k]));
      UP_TO_ONE_ENCODED[k].asUnquotedUTF8(); // encode now, not on the first answer
    }
  }

  private static void thousandths(JsonGenerator gen, double d) throws IOException {
    long k = Math.round(d * 1000);
    if (k >= 1 && k <= 1000 && k / 1000.0 == d) {
      gen.writeRawValue(UP_TO_ONE_ENCODED[(int) k]);
      return;
    }
    char[] digits = plain(d);
    if (digits == null) {
      gen.writeNumber(d);
    } else {
      gen.writeNumber(digits, 0, digits.length);
    }
  }

  /**
   * {@code d} as a plain decimal when it is a positive whole number of thousandths below a
   * million (as scores, strengths and weights are rounded), printed from its digits as the
   * shortest-digits algorithms print it; null for any other double (Jackson prints those). The
   * array may be shared: read it, do not change it.
   */
  static char[] plain(double d) {
    if (!(d >= 0.001 && d < 1e6)) {
      return null;
    }
    long thousandths = Math.round(d * 1000);
    if (thousandths / 1000.0 != d) {
      return null;
    }
    return thousandths <= 1000 && UP_TO_ONE[(int) thousandths] != null ? UP_TO_ONE[(int) thousandths] : digits(thousandths);
  }

  private static char[] digits(long thousandths) {
    long whole = thousandths / 1000;
    int frac = (int) (thousandths % 1000);
    String w = Long.toString(whole);
    int fracDigits = frac % 100 == 0 ? 1 : frac % 10 == 0 ? 2 : 3;
    char[] out = new char[w.length() + 1 + fracDigits];
    w.getChars(0, w.length(), out, 0);
    out[w.length()] = '.';
    int f = fracDigits == 1 ? frac / 100 : fracDigits == 2 ? frac / 10 : frac;
    for (int i = out.length - 1; i > w.length(); i--) {
      out[i] = (char) ('0' + f % 10);
      f /= 10;
    }
    return out;
  }

  /** Values compared by identity, element by element: the same model values give the same JSON. */
  private record Values(Object[] values) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Values v) || v.values.length != values.length) {
        return false;
      }
      for (int i = 0; i < values.length; i++) {
        if (v.values[i] != values[i]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (Object x : values) {
        h = 31 * h + System.identityHashCode(x);
      }
      return h;
    }
  }
}
