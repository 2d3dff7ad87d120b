package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.ModelData.CauseDef;
import dev.gocause.graph.diagnosis.ModelData.CommandInfo;
import dev.gocause.graph.diagnosis.ModelData.FixInfo;
import dev.gocause.graph.diagnosis.ModelData.Indicates;
import dev.gocause.graph.diagnosis.ModelData.Named;
import dev.gocause.graph.diagnosis.ModelData.PrimitiveDef;
import dev.gocause.graph.diagnosis.ModelData.SignatureDef;
import dev.gocause.graph.diagnosis.ModelData.SymptomDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The graph's diagnostic knowledge compiled for matching: signatures grouped by how they
 * match, symptom and cause phrases tokenised, INDICATES weights indexed both ways. Immutable;
 * built from {@link ModelData} read out of the graph and replaced when the graph's knowledge
 * version or hash changes.
 */
public final class DiagnosisModel {

  /** A name or alias of a node, tokenised. */
  record Phrase(String nodeId, String text, List<String> tokens, boolean negates) {
    Phrase(String nodeId, String text, List<String> tokens) {
      this(nodeId, text, tokens, false);
    }
  }

  /**
   * Names and aliases of one kind of node (symptoms, causes or primitives), each node's phrases
   * next to each other. Each phrase's token count and {@link Phrase#negates()} are kept by
   * position too, so matching decides most phrases it touches from two arrays, without reading
   * the phrase.
   */
  static final class Phrases {
    private final List<Phrase> list;
    private final int[] tokenCounts;
    private final boolean[] negating;
    /**
     * Per phrase, its qualified identifiers ({@code wg.done}) whose member ({@code .done}) the phrase
     * holds too, followed by those members; null when it has none. Both tokens stand for one word
     * of the phrase, which a report naming the identifier meets twice.
     */
    private final String[][] twins;
    /** Per phrase, the tokens that name code ({@code wg.done}, {@code close(}); null when it has none. */
    private final String[][] identifiers;

    Phrases(List<Phrase> phrases) {
      this.list = List.copyOf(phrases);
      this.tokenCounts = new int[list.size()];
      this.negating = new boolean[list.size()];
      this.twins = new String[list.size()][];
      this.identifiers = new String[list.size()][];
      java.util.Set<String> done = new java.util.HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        String node = list.get(i).nodeId();
        if ((i == 0 || !list.get(i - 1).nodeId().equals(node)) && !done.add(node)) {
          throw new IllegalArgumentException("the phrases of " + node + " are not next to each other");
        }
        tokenCounts[i] = list.get(i).tokens().size();
        negating[i] = list.get(i).negates();
        twins[i] = twinsOf(list.get(i).tokens());
        String[] named = list.get(i).tokens().stream().filter(TextTokens::isIdentifier).toArray(String[]::new);
        identifiers[i] = named.length == 0 ? null : named;
      }
    }

    /** The tokens of the phrase at {@code i} that name code; null when it has none. */
    String[] identifiers(int i) {
      return identifiers[i];
    }

    private static String[] twinsOf(List<String> tokens) {
      List<String> pairs = new ArrayList<>();
      for (String t : tokens) {
        int dot = t.lastIndexOf('.');
        if (dot > 0 && tokens.contains(t.substring(dot))) {
          pairs.add(t);
        }
      }
      if (pairs.isEmpty()) {
        return null;
      }
      String[] out = new String[pairs.size() * 2];
      for (int j = 0; j < pairs.size(); j++) {
        out[j] = pairs.get(j);
        out[pairs.size() + j] = pairs.get(j).substring(pairs.get(j).lastIndexOf('.'));
      }
      return out;
    }

    /**
     * The phrase at {@code i}'s qualified identifiers whose member it holds too, then those members
     * (a pair and its member at {@code j} and {@code j + length / 2}); null when it has none.
     */
    String[] twins(int i) {
      return twins[i];
    }

    List<Phrase> list() {
      return list;
    }

    /** The number of tokens of the phrase at {@code i}. */
    int tokenCount(int i) {
      return tokenCounts[i];
    }

    /** Whether the phrase at {@code i} holds a negation itself. */
    boolean negates(int i) {
      return negating[i];
    }
  }

  /**
   * For one token, the positions of the phrases holding it in each kind's list, so an input's
   * tokens reach their phrases with one look-up and no scan of every phrase.
   */
  record TokenPhrases(int[] symptoms, int[] causes, int[] primitives) {}

  private static Map<String, TokenPhrases> byToken(Phrases symptoms, Phrases causes, Phrases primitives) {
    List<Phrases> kinds = List.of(symptoms, causes, primitives);
    Map<String, List<List<Integer>>> m = new HashMap<>();
    for (int k = 0; k < kinds.size(); k++) {
      List<Phrase> list = kinds.get(k).list();
      for (int i = 0; i < list.size(); i++) {
        for (String t : list.get(i).tokens()) {
          m.computeIfAbsent(t, x -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>())).get(k).add(i);
        }
      }
    }
    Map<String, TokenPhrases> out = new HashMap<>();
    m.forEach((t, at) -> out.put(t, new TokenPhrases(ints(at.get(0)), ints(at.get(1)), ints(at.get(2)))));
    // a HashMap, not Map.copyOf: most input tokens are misses, which Map.copyOf's open addressing probes slowly
    return java.util.Collections.unmodifiableMap(out);
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * A regex signature, compiled; {@code anchored}: it can only match at the start of a line, so
   * {@link java.util.regex.Matcher#lookingAt()} decides it (Java's {@code find()} would try every
   * position of a long line in vain).
   */
  record CompiledRegex(SignatureDef signature, Pattern pattern, boolean anchored) {
    CompiledRegex(SignatureDef signature, Pattern pattern) {
      this(signature, pattern, anchoredAtStart(pattern.pattern()));
    }
  }

  /**
   * Whether every match of {@code regex} must start at the start of the input: it begins with
   * {@code ^} and has no alternative outside parentheses that might not. Any group starting
   * {@code (?} counts as not anchored: inline flags ({@code (?m)} makes {@code ^} match after any line
   * break) are not worth telling apart from the other such groups.
   */
  static boolean anchoredAtStart(String regex) {
    if (!regex.startsWith("^") || regex.contains("(?")) {
      return false;
    }
    int depth = 0;
    boolean inClass = false;
    for (int i = 1; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++; // an escaped character is a literal
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          i++; // "[]...]": a leading ']' is a member
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return false;
      }
    }
    return true;
  }

  private static final int FRAME_CACHE_LIMIT = 20_000;
  private static final Indicates[] NO_LINKS = new Indicates[0];
  private static final int[] NO_ORDINALS = new int[0];

  private final String version;
  private final String hash;
  private final List<SignatureDef> literals;
  private final List<CompiledRegex> regexes;
  private final Map<String, List<SignatureDef>> waitReasons;
  private final List<SignatureDef> frames;
  private final Map<String, SymptomDef> symptoms;
  private final Map<String, CauseDef> causes;
  private final Map<String, PrimitiveDef> primitives;
  /** Each symptom's id and names as one shared value, so every answer citing it carries the same instance. */
  private final Map<String, Named> symptomNames;
  /** Per symptom, its INDICATES links sorted by cause id, as arrays: ranking walks every link of every observed symptom. */
  private final Map<String, Indicates[]> linksBySymptom;
  /** The causes in id order: ranking keeps its per-cause sums in arrays indexed by this ordinal, not in maps by id. */
  private final CauseDef[] causeByOrdinal;
  private final Map<String, Integer> causeOrdinals;
  /** Per cause ordinal, its commands and fixes in brief ({@link CommandInfo#brief()}, {@link FixInfo#brief()}), made once. */
  private final List<CommandInfo>[] briefCommands;
  private final List<FixInfo>[] briefFixes;
  /** Per symptom, the ordinals of the causes its {@link #links} reach, index for index. */
  private final Map<String, int[]> linkOrdinalsBySymptom;
  /** Per cause, the symptoms indicating it, in the order of {@link #symptoms()} (the ask-back walks these, not all symptoms). */
  private final Map<String, List<String>> symptomsByCause;
  /** Causes that leave goroutines parked in a state Go prints ({@link WaitStates}). */
  private final java.util.Set<String> parkingCauses;
  /** Per cause, the weight of the link from each symptom indicating it (of the last link, as {@link #indicates} lists them). */
  private final Map<String, Map<String, Double>> weightsByCause;
  /** Per primitive, the ordinals of the causes involving it, in id order (a channel is in dozens of causes). */
  private final Map<String, int[]> causeOrdinalsByPrimitive;
  private final Phrases symptomPhrases;
  private final Phrases causePhrases;
  private final Phrases primitivePhrases;
  private final Map<String, TokenPhrases> phrasesByToken;
  private final Map<String, List<SignatureDef>> frameCache = new ConcurrentHashMap<>();
  private final Map<String, AskBacks.Wording> askBackWordings = new ConcurrentHashMap<>();
  /** Per ordered pair of cause ordinals ({@code favoured * causeCount() + other}), the symptoms an ask-back may name. */
  private final Map<Integer, List<AskBacks.Candidate>> askBackCandidates = new ConcurrentHashMap<>();
  private final ThreadLocal<java.util.regex.Matcher[]> regexMatchers;
  private final FullTextIndexes fullText;
  private final FullTextLookups textLookups;
  /** The words that negate, ask or say "not a bug" (language, packaged beside this class). */
  private final ReportWords reportWords = ReportWords.packaged();
  /** The same words compiled for scanning, once per model. */
  private final ReportWords.Scanners reportScanners = reportWords.scanners();
  /** Per symptom, how Go shows it (a signature's pattern: wait reason, message), when it has one. */
  private final Map<String, SignatureDef> shownAs;

  public DiagnosisModel(
      String version,
      String hash,
      List<SignatureDef> signatures,
      List<SymptomDef> symptoms,
      List<CauseDef> causes,
      List<PrimitiveDef> primitives,
      List<Indicates> indicates,
      FullTextIndexes fullText) {
    this.fullText = java.util.Objects.requireNonNull(fullText, "fullText (use FullTextIndexes.EMPTY when the graph has none)");
    this.textLookups = new FullTextLookups(fullText);
    this.version = version == null ? "" : version;
    this.hash = hash == null ? "" : hash;
    List<SignatureDef> sorted = signatures.stream().sorted(Comparator.comparing(SignatureDef::id)).toList();
    List<SignatureDef> lit = new ArrayList<>();
    List<CompiledRegex> rx = new ArrayList<>();
    Map<String, List<SignatureDef>> wr = new HashMap<>();
    List<SignatureDef> fr = new ArrayList<>();
    for (SignatureDef s : sorted) {
      switch (s.kind()) {
        case LITERAL -> lit.add(s);
        case REGEX -> {
          try {
            rx.add(new CompiledRegex(s, Pattern.compile(s.pattern())));
          } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                "signature " + s.id() + ": pattern is not a valid Java regex: " + e.getDescription());
          }
        }
        case WAIT_REASON -> wr.computeIfAbsent(s.pattern().strip(), k -> new ArrayList<>()).add(s);
        case FRAME -> fr.add(s);
      }
    }
    this.literals = List.copyOf(lit);
    this.regexes = List.copyOf(rx);
    List<CompiledRegex> compiled = this.regexes;
    this.regexMatchers = ThreadLocal.withInitial(
        () -> compiled.stream().map(r -> r.pattern().matcher("")).toArray(java.util.regex.Matcher[]::new));
    this.waitReasons = Map.copyOf(wr);
    this.frames = List.copyOf(fr);
    this.symptoms = index(symptoms, SymptomDef::id);
    Map<String, Named> names = new HashMap<>();
    this.symptoms.forEach((id, s) -> names.put(id, new Named(id, s.nameZh(), s.nameEn())));
    this.symptomNames = Map.copyOf(names);
    this.causes = index(causes, CauseDef::id);
    this.primitives = index(primitives, PrimitiveDef::id);
    Map<String, List<Indicates>> bs = new HashMap<>();
    for (Indicates i : indicates) {
      if (this.symptoms.containsKey(i.symptomId()) && this.causes.containsKey(i.causeId())) {
        bs.computeIfAbsent(i.symptomId(), k -> new ArrayList<>()).add(i);
      }
    }
    bs.replaceAll((k, v) -> v.stream().sorted(Comparator.comparing(Indicates::causeId)).toList());
    Map<String, Indicates[]> arrays = new HashMap<>();
    bs.forEach((sid, links) -> arrays.put(sid, links.toArray(Indicates[]::new)));
    this.linksBySymptom = java.util.Collections.unmodifiableMap(arrays);
    this.causeByOrdinal = this.causes.values().toArray(CauseDef[]::new);
    Map<String, Integer> ordinals = new HashMap<>();
    for (int k = 0; k < causeByOrdinal.length; k++) {
      ordinals.put(causeByOrdinal[k].id(), k);
    }
    this.causeOrdinals = java.util.Collections.unmodifiableMap(ordinals);
    this.briefCommands = briefLists(causeByOrdinal, c -> c.commands().stream().map(CommandInfo::brief).toList());
    this.briefFixes = briefLists(causeByOrdinal, c -> c.fixes().stream().map(FixInfo::brief).toList());
    Map<String, int[]> linkOrdinals = new HashMap<>();
    arrays.forEach((sid, links) -> {
      int[] o = new int[links.length];
      for (int k = 0; k < links.length; k++) {
        o[k] = ordinals.get(links[k].causeId());
      }
      linkOrdinals.put(sid, o);
    });
    this.linkOrdinalsBySymptom = java.util.Collections.unmodifiableMap(linkOrdinals);
    Map<String, List<String>> sc = new HashMap<>();
    for (String sid : this.symptoms.keySet()) {
      for (Indicates i : bs.getOrDefault(sid, List.of())) {
        List<String> ids = sc.computeIfAbsent(i.causeId(), k -> new ArrayList<>());
        if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(sid)) {
          ids.add(sid);
        }
      }
    }
    sc.replaceAll((k, v) -> List.copyOf(v));
    this.symptomsByCause = Map.copyOf(sc);
    this.parkingCauses = WaitStates.parkingCauses(this.symptoms, bs);
    Map<String, Map<String, Double>> wc = new HashMap<>();
    bs.forEach((sid, links) -> links.forEach(i -> wc.computeIfAbsent(i.causeId(), k -> new HashMap<>()).put(sid, i.weight())));
    wc.replaceAll((k, v) -> java.util.Collections.unmodifiableMap(v));
    this.weightsByCause = java.util.Collections.unmodifiableMap(wc); // HashMaps: hits and misses alike are one probe
    Map<String, List<String>> bp = new HashMap<>();
    for (CauseDef c : this.causes.values()) {
      for (String p : c.primitiveIds()) {
        bp.computeIfAbsent(p, k -> new ArrayList<>()).add(c.id());
      }
    }
    bp.replaceAll((k, v) -> v.stream().sorted().toList());
    Map<String, int[]> bpo = new HashMap<>();
    bp.forEach((p, ids) -> bpo.put(p, ids.stream().mapToInt(ordinals::get).toArray()));
    this.causeOrdinalsByPrimitive = java.util.Collections.unmodifiableMap(bpo);
    java.util.Set<String> cueTokens = new java.util.HashSet<>();
    java.util.Set<String> wholeCues = new java.util.HashSet<>();
    for (String cue : reportWords.negation()) {
      List<String> t = TextTokens.phrase(cue);
      cueTokens.addAll(t);
      if (t.size() == 1) {
        wholeCues.add(t.get(0));
      }
    }
    this.cueTokens = java.util.Set.copyOf(cueTokens);
    this.wholeCueTokens = java.util.Set.copyOf(wholeCues);
    Map<String, SignatureDef> shown = new HashMap<>();
    for (SignatureDef sig : sorted) {
      if (sig.kind() == PatternKind.FRAME) {
        continue;
      }
      for (String id : sig.symptomIds()) {
        shown.merge(id, sig, (a, b) -> rank(b) < rank(a) ? b : a);
      }
    }
    this.shownAs = java.util.Collections.unmodifiableMap(shown); // mostly misses (symptoms only words show): a HashMap
    List<Phrase> sp = new ArrayList<>();
    for (SymptomDef s : this.symptoms.values()) {
      // what a simulation of the code found is never read from words: prose saying the code "deadlocks" is not a run
      if (!"simulation".equals(s.kind())) {
        addPhrases(sp, s.id(), List.of(s.nameZh(), s.nameEn()), s.aliasesZh(), s.aliasesEn());
      }
    }
    this.symptomPhrases = new Phrases(sp);
    List<Phrase> cp = new ArrayList<>();
    for (CauseDef c : this.causes.values()) {
      addPhrases(cp, c.id(), List.of(c.nameZh(), c.nameEn()), c.aliasesZh(), c.aliasesEn());
    }
    this.causePhrases = new Phrases(cp);
    List<Phrase> pp = new ArrayList<>();
    for (PrimitiveDef p : this.primitives.values()) {
      addPhrases(pp, p.id(), List.of(p.nameZh(), p.nameEn(), p.id().replace('-', ' ')), p.aliasesZh(), p.aliasesEn());
    }
    this.primitivePhrases = new Phrases(pp);
    this.phrasesByToken = byToken(symptomPhrases, causePhrases, primitivePhrases);
  }


  private final java.util.Set<String> cueTokens;

  /** Cues that are one token each ("not", "never", "没有"; not the "出现" of "未出现"). */
  private final java.util.Set<String> wholeCueTokens;

  /** Whether {@code token} is a whole negation cue ("not", "never", "没有"), not a part of a longer one. */
  boolean isNegationCue(String token) {
    return wholeCueTokens.contains(token);
  }

  /** Which signature shows a symptom best to a person: a wait reason, then a literal, then a regex's example. */
  private static int rank(SignatureDef s) {
    return switch (s.kind()) {
      case WAIT_REASON -> 0;
      case LITERAL -> 1;
      default -> 2;
    };
  }

  private void addPhrases(List<Phrase> out, String id, List<String> names, List<String> zh, List<String> en) {
    List<String> all = new ArrayList<>(names);
    all.addAll(zh);
    all.addAll(en);
    for (String text : all) {
      if (text == null || text.isBlank()) {
        continue;
      }
      List<String> tokens = TextTokens.phrase(text);
      if (!tokens.isEmpty()) {
        boolean negates = false;
        for (String t : tokens) {
          negates |= cueTokens.contains(t);
        }
        out.add(new Phrase(id, text, tokens, negates));
      }
    }
  }

  private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> id) {
    Map<String, T> m = new LinkedHashMap<>();
    items.stream().sorted(Comparator.comparing(id)).forEach(t -> m.put(id.apply(t), t));
    return java.util.Collections.unmodifiableMap(m);
  }

  public String version() {
    return version;
  }

  public String hash() {
    return hash;
  }

  List<SignatureDef> literals() {
    return literals;
  }

  List<CompiledRegex> regexes() {
    return regexes;
  }

  /**
   * This thread's matchers of {@link #regexes()}, position for position, to {@link java.util.regex.Matcher#reset(CharSequence)}
   * per line: every prose line meets every regex, and a fresh matcher each time was most of what a sentence allocated there.
   */
  java.util.regex.Matcher[] regexMatchers() {
    return regexMatchers.get();
  }

  List<SignatureDef> waitReason(String state) {
    return waitReasons.getOrDefault(state, List.of());
  }

  /**
   * Frame signatures naming this function exactly (a pattern ending in {@code *} matches as a
   * prefix, e.g. {@code runtime.mapassign*}); cached per function.
   */
  List<SignatureDef> framesMatching(String function) {
    List<SignatureDef> hit = frameCache.get(function);
    if (hit != null) {
      return hit;
    }
    List<SignatureDef> found = new ArrayList<>(1);
    for (SignatureDef s : frames) {
      String p = s.pattern();
      if (p.endsWith("*") ? function.startsWith(p.substring(0, p.length() - 1)) : function.equals(p)) {
        found.add(s);
      }
    }
    List<SignatureDef> result = found.isEmpty() ? List.of() : List.copyOf(found);
    if (frameCache.size() < FRAME_CACHE_LIMIT) {
      frameCache.put(function, result);
    }
    return result;
  }

  /** The wording of an ask-back for {@code key} (its causes and symptoms), made once by {@code make}; bounded like the frame cache. */
  AskBacks.Wording askBackWording(String key, java.util.function.Supplier<AskBacks.Wording> make) {
    AskBacks.Wording w = askBackWordings.get(key);
    if (w == null) {
      w = make.get();
      if (askBackWordings.size() < FRAME_CACHE_LIMIT) {
        askBackWordings.put(key, w);
      }
    }
    return w;
  }

  /**
   * The symptoms an ask-back may name for {@code favoured} over {@code other}, made once per pair by
   * {@code make}: they follow from the graph's INDICATES weights alone (the answer only decides which were observed).
   */
  List<AskBacks.Candidate> askBackCandidates(String favoured, String other, java.util.function.Supplier<List<AskBacks.Candidate>> make) {
    Integer f = causeOrdinals.get(favoured);
    Integer o = causeOrdinals.get(other);
    if (f == null || o == null) {
      return make.get();
    }
    return askBackCandidates.computeIfAbsent(f * causeByOrdinal.length + o, k -> make.get());
  }

  /** The id and names of a symptom of this model (null for an unknown id). */
  Named symptomName(String id) {
    return symptomNames.get(id);
  }

  public Map<String, SymptomDef> symptoms() {
    return symptoms;
  }

  public Map<String, CauseDef> causes() {
    return causes;
  }

  public Map<String, PrimitiveDef> primitives() {
    return primitives;
  }

  /** The ids of the symptoms that indicate {@code causeId}, in the order of {@link #symptoms()}. */
  List<String> symptomsIndicating(String causeId) {
    return symptomsByCause.getOrDefault(causeId, List.of());
  }

  /** The weights of the INDICATES links into {@code causeId}, by symptom id (empty when no symptom indicates it). */
  Map<String, Double> weightsInto(String causeId) {
    return weightsByCause.getOrDefault(causeId, Map.of());
  }

  /** Whether some wait-state symptom INDICATES the cause: it leaves goroutines parked where a dump shows them. */
  boolean parksGoroutines(String causeId) {
    return parkingCauses.contains(causeId);
  }

  /** The symptom's INDICATES links, sorted by cause id, as a list (a copy of {@link #links}). */
  List<Indicates> indicates(String symptomId) {
    return List.of(links(symptomId));
  }

  /** The symptom's INDICATES links, sorted by cause id (none for an unknown symptom): read it, do not change it. */
  Indicates[] links(String symptomId) {
    return linksBySymptom.getOrDefault(symptomId, NO_LINKS);
  }

  /** As {@link #links}, the ordinal ({@link #cause(int)}) of each link's cause: read it, do not change it. */
  int[] linkOrdinals(String symptomId) {
    return linkOrdinalsBySymptom.getOrDefault(symptomId, NO_ORDINALS);
  }

  /** How many causes there are: ordinals run from 0 to this, exclusive. */
  int causeCount() {
    return causeByOrdinal.length;
  }

  /** The cause with {@code ordinal} (causes numbered in id order). */
  CauseDef cause(int ordinal) {
    return causeByOrdinal[ordinal];
  }

  /** The commands of the cause with {@code ordinal} as a diagnosis lists them under a cause other than the first. */
  List<CommandInfo> briefCommands(int ordinal) {
    return briefCommands[ordinal];
  }

  /** The fixes of the cause with {@code ordinal} as a diagnosis lists them under a cause other than the first. */
  List<FixInfo> briefFixes(int ordinal) {
    return briefFixes[ordinal];
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T>[] briefLists(CauseDef[] causes, java.util.function.Function<CauseDef, List<T>> brief) {
    List<T>[] out = new List[causes.length];
    for (int k = 0; k < causes.length; k++) {
      out[k] = brief.apply(causes[k]);
    }
    return out;
  }

  /** The ordinal of the cause {@code causeId}, or -1 when the model has no such cause. */
  int causeOrdinal(String causeId) {
    Integer k = causeOrdinals.get(causeId);
    return k == null ? -1 : k;
  }

  /** The ordinals ({@link #cause(int)}) of the causes involving {@code primitiveId}, in id order: read it, do not change it. */
  int[] causeOrdinalsInvolving(String primitiveId) {
    return causeOrdinalsByPrimitive.getOrDefault(primitiveId, NO_ORDINALS);
  }

  Phrases symptomPhrases() {
    return symptomPhrases;
  }

  Phrases causePhrases() {
    return causePhrases;
  }

  Phrases primitivePhrases() {
    return primitivePhrases;
  }

  /** The phrases of each kind holding {@code token}; null when none does. */
  TokenPhrases phrasesWith(String token) {
    return phrasesByToken.get(token);
  }

  /** The negation, question and "not a bug" words, compiled for one pass over a text. */
  ReportWords.Scanners reportScanners() {
    return reportScanners;
  }

  /** The signature showing a symptom in Go's output (not a frame), or null. */
  SignatureDef shownAs(String symptomId) {
    return shownAs.get(symptomId);
  }

  /** Free-text look-ups through the compiled full-text indexes. */
  FullTextLookups textLookups() {
    return textLookups;
  }

  FullTextIndexes fullText() {
    return fullText;
  }

  /** Counts for logs and the eval report: signatures, symptoms, causes, links. */
  public String describe() {
    int links = linksBySymptom.values().stream().mapToInt(l -> l.length).sum();
    return "knowledge " + version + " (" + (literals.size() + regexes.size() + waitReasons.values().stream().mapToInt(List::size).sum() + frames.size())
        + " signatures, " + symptoms.size() + " symptoms, " + causes.size() + " causes, " + links + " INDICATES, full-text " + fullText.names().stream().sorted()
        .map(n -> n + ":" + fullText.size(n)).toList() + ")";
  }
}
