package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.CauseEvidence;
import dev.gocause.graph.diagnosis.Diagnosis.Confidence;
import dev.gocause.graph.diagnosis.Diagnosis.Evidence;
import dev.gocause.graph.diagnosis.Diagnosis.GoroutineSummary;
import dev.gocause.graph.diagnosis.Diagnosis.InputSummary;
import dev.gocause.graph.diagnosis.Diagnosis.ObservedSymptom;
import dev.gocause.graph.diagnosis.Diagnosis.RaceSummary;
import dev.gocause.graph.diagnosis.Diagnosis.RankedCause;
import dev.gocause.graph.diagnosis.DiagnosisModel.CompiledRegex;
import dev.gocause.graph.diagnosis.ModelData.CauseDef;
import dev.gocause.graph.diagnosis.ModelData.Indicates;
import dev.gocause.graph.diagnosis.ModelData.Named;
import dev.gocause.graph.diagnosis.ModelData.SignatureDef;
import dev.gocause.graph.diagnosis.ModelData.SymptomDef;
import dev.gocause.graph.diagnosis.ParsedInput.MessageLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evidence extraction and ranking over a compiled {@link DiagnosisModel}; no I/O. Every
 * observed symptom gets a strength (how sure we are it was observed); a cause's score is the
 * noisy-OR of {@code strength × INDICATES weight} over its observed symptoms, plus direct hits
 * on the cause's own names and on the primitives it involves. The constants below are the
 * model's few parameters (how much to trust each kind of evidence); which text means which
 * symptom and how strongly a symptom points to a cause is graph data.
 */
final class DiagnosisEngine {

  /** A line matching a literal or regex signature: Go printed exactly this. */
  static final double SIGNATURE_STRENGTH = 1.0;
  /** A goroutine state from a dump: base, plus up to {@link #WAIT_REASON_SHARE} by its share of the goroutines. */
  static final double WAIT_REASON_BASE = 0.7;
  static final double WAIT_REASON_SHARE = 0.3;
  /** A function in a stack: corroborating, weaker than the runtime's own words. */
  static final double FRAME_STRENGTH = 0.8;
  /** A person's words matching an alias: times the share of the alias's words present. */
  static final double TEXT_STRENGTH = 0.9;
  /** Words naming a cause itself count with this weight. */
  static final double CAUSE_TEXT_WEIGHT = 0.6;
  /** A cause's own text (mechanism, description) matching the words, relative to the best match. */
  static final double SEARCH_WEIGHT = 0.6;
  /** Naming a primitive (WaitGroup, RWMutex, ...) nudges the causes involving it. */
  static final double PRIMITIVE_WEIGHT = 0.2;
  /**
   * How much explaining all of Go's observed symptoms matters: the noisy-OR score is scaled by
   * {@code 1 - w + w × coverage}, coverage being the share of machine-observed symptoms (with any
   * INDICATES link) that link to the cause. Noisy-OR alone cannot tell a cause that explains one
   * of two blocked states from one that explains both.
   */
  static final double COVERAGE_WEIGHT = 0.4;
  /** Share of an alias's tokens that must appear in the text for it to count. */
  static final double MIN_COVERAGE = 0.66;
  /** What a word seen only in a question ("is this a leak?", "是不是泄漏") counts for, against 1 for a stated word. */
  static final double QUESTIONED_WEIGHT = 0.75;
  /** Causes below this score are not reported: no guess dressed as a diagnosis. */
  static final double MIN_SCORE = 0.2;
  /**
   * No answer at all when the best cause scores below this. Chosen from the calibration tables
   * (docs/diagnosis-eval.md): on the field corpus's tuned part and eval/tune together, withholding
   * answers below 0.35 loses no right answer, any higher cut-off loses more right answers than it
   * turns wrong ones into right silences.
   */
  static final double NO_ANSWER_BELOW = 0.35;
  /** ... and a cause needs at least one piece of evidence other than a primitive mention this strong. */
  static final double MIN_DIRECT_CONTRIBUTION = 0.12;
  static final int MAX_PROSE_LINES = 400;
  private static final int MAX_TEXT_LEN = 120;

  /** Full-text relevance of free text (see {@link FullTextLookups}). */
  interface TextSearch {
    /** Per RootCause, a relevance in [0,1] of the cause's own text to the words of {@code text}. */
    Map<String, Double> causeRelevance(String text);
  }

  private DiagnosisEngine() {}


  static Diagnosis diagnose(DiagnosisModel model, DiagnosisRequest request, TextSearch textSearch) {
    ParsedInput parsed = GoOutputParser.parse(request.text());
    String foreign = ForeignInput.describe(parsed);
    if (foreign != null) {
      return AnalysisEvidence.notGo(model, request, parsed, foreign);
    }
    Map<String, List<Evidence>> bySymptom = new TreeMap<>();
    Map<String, Evidence> byCause = new TreeMap<>();
    Map<String, Evidence> byPrimitive = new TreeMap<>();
    Map<String, Evidence> bySearch = new TreeMap<>();

    signatures(model, parsed, bySymptom);
    stacks(model, parsed, bySymptom);
    List<GoroutineGroups.Group> groups = GoroutineGroups.groups(parsed.all());
    boolean waitFacts = AnalysisEvidence.facts(model, WaitAnalyzer.analyze(parsed, groups, request.sources()), bySymptom);
    waitFacts |= AnalysisEvidence.facts(model, GoDeadlockReports.analyze(parsed), bySymptom);
    boolean raceFacts = AnalysisEvidence.facts(model, RaceAnalyzer.analyze(parsed, request.sources()), bySymptom);
    CodeEvidence.Read code = CodeEvidence.read(request, parsed);
    CodeEvidence.facts(model, code, bySymptom);
    AnalysisEvidence.explainAway(model, bySymptom, waitFacts, raceFacts);
    SimulationEvidence.Ran simulated = SimulationEvidence.run(request, code, parsed);
    SimulationEvidence.facts(model, simulated, parsed, bySymptom);
    TextEvidence.Words words = TextEvidence.read(model, parsed);
    if (!words.prose().isEmpty()) {
      TextEvidence.facts(model, words, bySymptom, byCause, byPrimitive);
      LockOrderInProse.facts(model, words.prose(), bySymptom);
      TextEvidence.search(model, words.prose(), textSearch.causeRelevance(words.proseText()), bySearch);
    }

    String lang = request.lang() != null ? request.lang() : TextTokens.hasCjk(words.proseText()) ? "zh" : "en";
    List<ObservedSymptom> observed = observed(model, bySymptom);
    InputSummary input = summary(parsed, words.lineTokens());
    ObservedSymptom outside = OutsideConcurrency.verdict(model, observed);
    if (outside != null) {
      return new Diagnosis(List.of(), observed, input, model.version(), model.hash(), lang,
          OutsideConcurrency.message(lang, outside) + CodeEvidence.note(lang, code) + SimulationEvidence.note(lang, simulated),
          GoroutineGroups.answer(groups), null);
    }
    ReportFacets facets = ReportFacets.of(model, words.prose(), observed);
    WaitStates parked = WaitStates.of(model, observed);
    Ranked ranked = rank(request.limit(), model, observed, byCause, byPrimitive, bySearch, facets, parked, crashed(model, parsed, observed),
        panickingStack(parsed));
    List<RankedCause> causes = ranked.top();
    return new Diagnosis(List.copyOf(causes), observed, input, model.version(), model.hash(), lang,
        message(lang, causes, ranked.total(), observed, input) + hiddenStates(lang, input, code) + CodeEvidence.note(lang, code) + SimulationEvidence.note(lang, simulated),
        GoroutineGroups.answer(groups), AskBacks.between(model, causes, observed));
  }

  // ---------------------------------------------------------------- evidence

  private static final class Hit {
    String text;
    int count;
    final List<Integer> lines = new ArrayList<>();

    void addAll(ParsedInput.HeaderGroup g) {
      if (text == null) {
        text = g.first();
      }
      count += g.occurrence().count();
      for (int l : g.occurrence().lines()) {
        if (lines.size() < 5) {
          lines.add(l);
        }
      }
    }

    void add(int line, String t) {
      if (text == null) {
        text = t;
      }
      count++;
      if (lines.size() < 5) {
        lines.add(line);
      }
    }
  }

  private static boolean matches(java.util.regex.Matcher m, CompiledRegex r) {
    return r.anchored() ? m.lookingAt() : m.find();
  }

  static void signatures(DiagnosisModel model, ParsedInput parsed, Map<String, List<Evidence>> out) {
    Map<SignatureDef, Hit> hits = new LinkedHashMap<>();
    List<CompiledRegex> regexes = model.regexes();
    java.util.regex.Matcher[] matchers = model.regexMatchers();
    // Immutable lists walked by index: their shared iterator's call to get() is megamorphic in a JVM
    // that iterates every kind of List.of (8 % of a sentence's answer in a profile with exact frames).
    List<SignatureDef> literals = model.literals();
    List<MessageLine> messages = parsed.messages();
    for (int j = 0; j < messages.size(); j++) {
      MessageLine m = messages.get(j);
      String t = m.text();
      for (int l = 0; l < literals.size(); l++) {
        SignatureDef s = literals.get(l);
        if (t.contains(s.pattern())) {
          hits.computeIfAbsent(s, k -> new Hit()).add(m.line(), t);
        }
      }
      for (int i = 0; i < matchers.length; i++) {
        if (matches(matchers[i].reset(t), regexes.get(i))) {
          hits.computeIfAbsent(regexes.get(i).signature(), k -> new Hit()).add(m.line(), t);
        }
      }
    }
    // goroutine headers, once per distinct form ("goroutine 1 [chan send, 5 minutes]:")
    for (ParsedInput.HeaderGroup g : parsed.headers()) {
      String t = g.normalized();
      for (int l = 0; l < literals.size(); l++) {
        SignatureDef s = literals.get(l);
        if (t.contains(s.pattern())) {
          hits.computeIfAbsent(s, k -> new Hit()).addAll(g);
        }
      }
      for (int i = 0; i < matchers.length; i++) {
        if (matches(matchers[i].reset(t), regexes.get(i))) {
          hits.computeIfAbsent(regexes.get(i).signature(), k -> new Hit()).addAll(g);
        }
      }
    }
    hits.forEach((s, h) -> {
      Evidence e = new Evidence("signature", clip(h.text), List.copyOf(h.lines), h.count, s.id(), SIGNATURE_STRENGTH);
      s.symptomIds().forEach(id -> out.computeIfAbsent(id, k -> new ArrayList<>()).add(e));
    });
  }

  /**
   * Wait reasons and frames, per group of goroutines with the same stack. A wait reason may
   * identify several symptoms ({@code semacquire}: Mutex, RWMutex or WaitGroup); the frames of
   * the same goroutines narrow it down to the symptoms every matching frame agrees on.
   */
  static void stacks(DiagnosisModel model, ParsedInput parsed, Map<String, List<Evidence>> out) {
    List<ParsedInput.StackGroup> stacks = parsed.goroutines().stacks();
    if (stacks.isEmpty()) {
      return;
    }
    int total = stacks.stream().filter(g -> !g.state().isEmpty()).mapToInt(g -> g.occurrence().count()).sum();
    Map<String, Agg> agg = new LinkedHashMap<>();
    for (ParsedInput.StackGroup g : stacks) {
      List<SignatureDef> waits = g.state().isEmpty() ? List.of() : model.waitReason(g.state());
      Set<String> w = new LinkedHashSet<>();
      waits.forEach(sig -> w.addAll(sig.symptomIds()));
      Set<String> narrowed = new LinkedHashSet<>(w);
      Set<String> union = new LinkedHashSet<>();
      for (String f : g.frames()) {
        for (SignatureDef sig : model.framesMatching(f)) {
          Set<String> fs = new LinkedHashSet<>(sig.symptomIds());
          fs.retainAll(w);
          if (!fs.isEmpty()) {
            union.addAll(fs);
            Set<String> next = new LinkedHashSet<>(narrowed);
            next.retainAll(fs);
            if (!next.isEmpty()) {
              narrowed = next;
            }
          }
        }
      }
      if (!union.isEmpty()) {
        narrowed.retainAll(union);
      }
      int count = g.occurrence().count();
      for (SignatureDef sig : waits) {
        for (String symptom : sig.symptomIds()) {
          if (narrowed.contains(symptom)) {
            agg.computeIfAbsent("wait-reason\u0000" + sig.id() + "\u0000" + symptom + "\u0000" + g.state(),
                k -> new Agg("wait-reason", sig.id(), symptom, g.state())).add(count, g.occurrence().lines());
          }
        }
      }
      for (int i = 0; i < g.frames().size(); i++) {
        String f = g.frames().get(i);
        for (SignatureDef sig : model.framesMatching(f)) {
          for (String symptom : sig.symptomIds()) {
            if (w.contains(symptom) && !narrowed.contains(symptom)) {
              continue;
            }
            agg.computeIfAbsent("frame\u0000" + sig.id() + "\u0000" + symptom + "\u0000" + f,
                k -> new Agg("frame", sig.id(), symptom, f)).add(count, List.of(g.frameLines().get(i)));
          }
        }
      }
    }
    for (Agg a : agg.values()) {
      Evidence e;
      if (a.kind.equals("wait-reason")) {
        double strength = round(WAIT_REASON_BASE + WAIT_REASON_SHARE * a.count / Math.max(1, total));
        String text = a.count + (a.count == 1 ? " goroutine in [" : " goroutines in [") + a.what + "]";
        e = new Evidence("wait-reason", text, List.copyOf(a.lines), a.count, a.signature, strength);
      } else {
        String text = a.what + " (" + a.count + (a.count == 1 ? " stack)" : " stacks)");
        e = new Evidence("frame", text, List.copyOf(a.lines), a.count, a.signature, FRAME_STRENGTH);
      }
      out.computeIfAbsent(a.symptom, k -> new ArrayList<>()).add(e);
    }
  }

  private static final class Agg {
    final String kind;
    final String signature;
    final String symptom;
    final String what;
    int count;
    final List<Integer> lines = new ArrayList<>();

    Agg(String kind, String signature, String symptom, String what) {
      this.kind = kind;
      this.signature = signature;
      this.symptom = symptom;
      this.what = what;
    }

    void add(int n, List<Integer> ls) {
      count += n;
      for (int l : ls) {
        if (lines.size() < 5 && !lines.contains(l)) {
          lines.add(l);
        }
      }
      lines.sort(null);
    }
  }

  // ---------------------------------------------------------------- ranking

  private static List<ObservedSymptom> observed(DiagnosisModel model, Map<String, List<Evidence>> bySymptom) {
    List<ObservedSymptom> out = new ArrayList<>();
    bySymptom.forEach((id, evidence) -> {
      SymptomDef s = model.symptoms().get(id);
      if (s == null) {
        return;
      }
      List<Evidence> sorted;
      if (evidence.size() == 1) {
        sorted = List.of(evidence.get(0)); // most symptoms of a sentence have one phrase behind them
      } else {
        List<Evidence> distinct = dedupe(evidence);
        distinct.sort(SYMPTOM_EVIDENCE_ORDER);
        sorted = List.copyOf(distinct);
      }
      out.add(new ObservedSymptom(id, s.nameZh(), s.nameEn(), s.kind(), sorted.get(0).strength(), sorted));
    });
    out.sort((x, y) -> {
      int c = Double.compare(y.strength(), x.strength());
      return c != 0 ? c : x.id().compareTo(y.id());
    });
    return List.copyOf(out);
  }

  private static List<Evidence> dedupe(List<Evidence> evidence) {
    Map<String, Evidence> m = new LinkedHashMap<>();
    for (Evidence e : evidence) {
      m.merge(e.kind() + "\u0000" + e.matched(), e, (a, b) -> a.strength() >= b.strength() ? a : b);
    }
    return new ArrayList<>(m.values());
  }

  /**
   * What adds up for each cause, by ordinal, in arrays a thread reuses: a sentence reaches dozens of
   * causes and returns five, so the sums are plain numbers and the evidence items are made only for
   * the causes returned ({@link #evidence}), from what is kept here: each cause's touch order, and
   * each (observed symptom, INDICATES link) that reached it.
   */
  private static final class Sums {
    private static final ThreadLocal<Sums> OF_THREAD = new ThreadLocal<>();

    double[] notCause;
    double[] direct;
    /** Whether a symptom Go printed (not a person's words) points to the cause. */
    boolean[] fromGoOutput;
    boolean[] reached;
    /** The ordinals reached, in the order first reached. */
    int[] touched;
    int size;
    /** Per link that reached a cause: the cause's ordinal, the observed symptom's index and the link's index. */
    int[] citedCause = new int[64];
    int[] citedSymptom = new int[64];
    int[] citedLink = new int[64];
    int cited;

    /** This thread's sums for {@code causes} causes, all at zero. */
    static Sums take(int causes) {
      Sums s = OF_THREAD.get();
      if (s == null || s.notCause.length != causes) {
        s = new Sums(causes);
        OF_THREAD.set(s);
      } else {
        s.clear();
      }
      return s;
    }

    private Sums(int causes) {
      notCause = new double[causes];
      java.util.Arrays.fill(notCause, 1.0);
      direct = new double[causes];
      fromGoOutput = new boolean[causes];
      reached = new boolean[causes];
      touched = new int[causes];
    }

    /** Back to nothing reached, touching only the causes the last answer reached. */
    private void clear() {
      for (int i = 0; i < size; i++) {
        int k = touched[i];
        notCause[k] = 1.0;
        direct[k] = 0;
        fromGoOutput[k] = false;
        reached[k] = false;
      }
      size = 0;
      cited = 0;
    }

    /** Marks the cause reached; false for ordinal -1 (not a cause of this model). */
    boolean reach(int k) {
      if (k < 0) {
        return false;
      }
      if (!reached[k]) {
        reached[k] = true;
        touched[size++] = k;
      }
      return true;
    }

    void add(int k, double contribution) {
      notCause[k] *= 1 - contribution;
      direct[k] = Math.max(direct[k], contribution);
    }

    void cite(int k, int symptom, int link) {
      if (cited == citedCause.length) {
        citedCause = java.util.Arrays.copyOf(citedCause, cited * 2);
        citedSymptom = java.util.Arrays.copyOf(citedSymptom, cited * 2);
        citedLink = java.util.Arrays.copyOf(citedLink, cited * 2);
      }
      citedCause[cited] = k;
      citedSymptom[cited] = symptom;
      citedLink[cited++] = link;
    }
  }

  private static Ranked rank(
      int limit,
      DiagnosisModel model,
      List<ObservedSymptom> observed,
      Map<String, Evidence> byCause,
      Map<String, Evidence> byPrimitive,
      Map<String, Evidence> bySearch,
      ReportFacets facets,
      WaitStates parked,
      boolean crashed,
      List<String> dying) {
    // order-free: causes are sorted by score, then id; kept by cause ordinal (a sentence reaches dozens)
    Sums sums = Sums.take(model.causeCount());
    for (Map.Entry<String, Evidence> s : bySearch.entrySet()) {
      int k = model.causeOrdinal(s.getKey());
      if (sums.reach(k)) { // else not a cause of this model: it would be dropped below
        sums.add(k, s.getValue().strength() * SEARCH_WEIGHT);
      }
    }
    // Symptoms Go itself showed (not inferred from words): a cause that explains more of them ranks higher.
    List<String> machine = new ArrayList<>();
    for (int o = 0; o < observed.size(); o++) { // by index: see signatures()
      ObservedSymptom s = observed.get(o);
      Indicates[] links = model.links(s.id());
      int[] causes = model.linkOrdinals(s.id());
      boolean printed = anyMachine(s.evidence());
      if (printed && links.length > 0 && !(crashed && WaitStates.WAIT_STATE.equals(s.kind()))) {
        machine.add(s.id());
      }
      for (int k = 0; k < links.length; k++) {
        if (dying != null && !showsAny(dying, links[k].panickingFrames())) {
          continue; // the link needs a frame the goroutine that died does not show
        }
        int c = causes[k];
        sums.reach(c);
        sums.add(c, s.strength() * links[k].weight());
        sums.fromGoOutput[c] |= printed;
        sums.cite(c, o, k);
      }
    }
    for (Map.Entry<String, Evidence> s : byCause.entrySet()) {
      int k = model.causeOrdinal(s.getKey());
      if (sums.reach(k)) {
        sums.add(k, s.getValue().strength() * CAUSE_TEXT_WEIGHT);
      }
    }
    // last: a primitive only nudges causes with direct evidence (alone it never passes MIN_DIRECT_CONTRIBUTION)
    for (Map.Entry<String, Evidence> p : byPrimitive.entrySet()) {
      double c = p.getValue().strength() * PRIMITIVE_WEIGHT;
      for (int k : model.causeOrdinalsInvolving(p.getKey())) {
        if (sums.reached[k]) {
          sums.notCause[k] *= 1 - c;
        }
      }
    }

    // per cause, how many of the symptoms Go showed it explains (a symptom counted once per cause)
    int[] explainedBy = machine.isEmpty() ? null : new int[model.causeCount()];
    int[] countedFor = machine.isEmpty() ? null : new int[model.causeCount()]; // 1 + the index in machine of the symptom last counted
    for (int m = 0; m < machine.size(); m++) {
      for (int k : model.linkOrdinals(machine.get(m))) {
        if (countedFor[k] != m + 1) {
          countedFor[k] = m + 1;
          explainedBy[k]++;
        }
      }
    }
    record Scored(int ordinal, double score, double coverage) {}
    List<Scored> out = new ArrayList<>(sums.size);
    for (int i = 0; i < sums.size; i++) {
      int k = sums.touched[i];
      if (sums.direct[k] < MIN_DIRECT_CONTRIBUTION) {
        continue; // dropped whatever its score: the facets' factors are not worked out for it
      }
      double coverage = machine.isEmpty() ? 1.0 : (double) explainedBy[k] / machine.size();
      double score = round(adjusted(model, k, sums, coverage, facets, parked, null));
      if (score < MIN_SCORE) {
        continue;
      }
      out.add(new Scored(k, score, coverage));
    }
    // the causes asked for, best first (by score, then id — ordinals run in id order: a total order,
    // so as sorting them all would give)
    Comparator<Scored> order = (x, y) -> {
      int c = Double.compare(y.score(), x.score());
      return c != 0 ? c : Integer.compare(x.ordinal(), y.ordinal());
    };
    List<Scored> best = new ArrayList<>(Math.min(limit, out.size()) + 1);
    for (Scored s : out) {
      int at = best.size();
      while (at > 0 && order.compare(s, best.get(at - 1)) < 0) {
        at--;
      }
      if (at < limit) {
        best.add(at, s);
        if (best.size() > limit) {
          best.remove(limit);
        }
      }
    }
    if (!best.isEmpty() && best.get(0).score() < NO_ANSWER_BELOW) {
      best.clear();
      out.clear();
    }
    // only the causes asked for get their evidence ordered and a confidence; the first carries its
    // commands and fixes in full, the others in brief (what to run, which fix; the full text is one
    // look-up away): the alternatives' full texts were a quarter of a five-cause answer's bytes
    List<RankedCause> top = new ArrayList<>(best.size());
    for (Scored r : best) {
      boolean first = top.isEmpty();
      int k = r.ordinal();
      CauseDef c = model.cause(k);
      List<CauseEvidence> ev = evidence(model, k, r.coverage(), sums, observed, byCause, byPrimitive, bySearch, facets, parked);
      long close = 0;
      for (Scored other : out) { // every cause that passed, itself included
        if (Math.abs(other.score() - r.score()) <= 0.02) {
          close++;
        }
      }
      top.add(new RankedCause(c.id(), c.nameZh(), c.nameEn(), r.score(), round(r.coverage()), confidence(r.score(), ev, close),
          c.severity(), c.mechanismZh(), c.mechanismEn(), c.dimensions(), List.copyOf(ev),
          first ? c.commands() : model.briefCommands(k), first ? c.fixes() : model.briefFixes(k),
          c.cases(), c.corrections()));
    }
    return new Ranked(List.copyOf(top), out.size());
  }

  /**
   * A cause's score from its sums and its coverage of what Go showed, after the report's facets and the wait
   * states; the factors recorded in {@code evidence} unless it is null.
   */
  private static double adjusted(DiagnosisModel model, int k, Sums sums, double coverage, ReportFacets facets,
      WaitStates parked, List<CauseEvidence> evidence) {
    double raw = (1 - sums.notCause[k]) * (1 - COVERAGE_WEIGHT + COVERAGE_WEIGHT * coverage);
    double score = round(facets.adjust(k, round(raw), sums.fromGoOutput[k], evidence));
    return parked == null ? score : parked.adjust(model, model.cause(k).id(), score, evidence);
  }

  /**
   * A returned cause's evidence, best first: the items {@link #rank} summed for it, made in the
   * order it met them (search, cause text, primitives, the factors), then the evidence of each
   * observed symptom pointing to it.
   */
  private static List<CauseEvidence> evidence(DiagnosisModel model, int k, double coverage, Sums sums,
      List<ObservedSymptom> observed, Map<String, Evidence> byCause, Map<String, Evidence> byPrimitive,
      Map<String, Evidence> bySearch, ReportFacets facets, WaitStates parked) {
    String id = model.cause(k).id();
    List<CauseEvidence> out = new ArrayList<>();
    Evidence search = bySearch.get(id);
    if (search != null) {
      out.add(new CauseEvidence("search", search.text(), search.lines(), search.occurrences(), search.matched(), null,
          search.strength(), SEARCH_WEIGHT, round(search.strength() * SEARCH_WEIGHT)));
    }
    Evidence text = byCause.get(id);
    if (text != null) {
      out.add(new CauseEvidence("cause-text", text.text(), text.lines(), text.occurrences(), text.matched(), null,
          text.strength(), CAUSE_TEXT_WEIGHT, round(text.strength() * CAUSE_TEXT_WEIGHT)));
    }
    for (Map.Entry<String, Evidence> p : byPrimitive.entrySet()) {
      if (involves(model.causeOrdinalsInvolving(p.getKey()), k)) {
        Evidence e = p.getValue();
        out.add(new CauseEvidence("primitive", e.text(), e.lines(), e.occurrences(), p.getKey(), null,
            e.strength(), PRIMITIVE_WEIGHT, round(e.strength() * PRIMITIVE_WEIGHT)));
      }
    }
    adjusted(model, k, sums, coverage, facets, parked, out);
    for (int i = 0; i < sums.cited; i++) {
      if (sums.citedCause[i] != k) {
        continue;
      }
      ObservedSymptom s = observed.get(sums.citedSymptom[i]);
      double weight = model.links(s.id())[sums.citedLink[i]].weight();
      Named symptom = model.symptomName(s.id());
      List<Evidence> seen = s.evidence();
      for (int j = 0; j < seen.size(); j++) {
        Evidence e = seen.get(j);
        out.add(new CauseEvidence(e.kind(), e.text(), e.lines(), e.occurrences(), e.matched(), symptom,
            e.strength(), weight, round(e.strength() * weight), e.goroutines(), e.replay()));
      }
    }
    out.sort(EVIDENCE_ORDER);
    return out;
  }

  private static boolean involves(int[] ordinals, int k) {
    for (int o : ordinals) {
      if (o == k) {
        return true;
      }
    }
    return false;
  }

  /** The best causes asked for, and how many causes passed the thresholds in all. */
  private record Ranked(List<RankedCause> top, int total) {}

  // Explicit comparators: chains of Comparator.comparing* share call sites JVM-wide and stay slow.
  private static final Comparator<CauseEvidence> EVIDENCE_ORDER = (x, y) -> {
    int c = Double.compare(y.contribution(), x.contribution());
    if (c == 0) {
      c = x.kind().compareTo(y.kind());
    }
    return c != 0 ? c : x.matched().compareTo(y.matched());
  };

  private static final Comparator<Evidence> SYMPTOM_EVIDENCE_ORDER = (x, y) -> {
    int c = Double.compare(y.strength(), x.strength());
    if (c == 0) {
      c = x.kind().compareTo(y.kind());
    }
    return c != 0 ? c : x.matched().compareTo(y.matched());
  };

  /**
   * Whether Go's output shows the program dying of a panic or fatal error in a goroutine that was running:
   * the runtime then prints the other goroutines as they were at that moment (a fatal error prints them
   * all), and where they wait is no part of the failure, so the wait states they show are left out of
   * what a cause must explain (they still count as evidence for the causes they indicate). A crash is a
   * panic or fatal error none of whose causes leaves goroutines parked (seed-data: no wait-state symptom
   * INDICATES them); a deadlock's fatal error is no crash: nothing runs, and its wait states are the failure.
   */
  static boolean crashed(DiagnosisModel model, ParsedInput parsed, List<ObservedSymptom> observed) {
    boolean running = false;
    for (ParsedInput.Goroutine g : parsed.all()) {
      running |= "running".equals(g.state());
    }
    if (!running) {
      return false;
    }
    for (ObservedSymptom s : observed) {
      if (!CRASH_KINDS.contains(s.kind()) || !anyMachine(s.evidence())) {
        continue;
      }
      Indicates[] links = model.links(s.id());
      boolean parks = links.length == 0;
      for (Indicates link : links) {
        parks |= model.parksGoroutines(link.causeId());
      }
      if (!parks) {
        return true;
      }
    }
    return false;
  }

  /**
   * The functions on the stack of the goroutine that panicked or died of a fatal error, top first: the first
   * {@code running} goroutine printed after the {@code panic:} (else {@code fatal error:}) line, as Go prints
   * it first. Null when the input shows no such goroutine (a message alone, a stack cut off).
   */
  static List<String> panickingStack(ParsedInput parsed) {
    int at = parsed.panicLine() > 0 ? parsed.panicLine() : parsed.fatalLine();
    if (at <= 0) {
      return null;
    }
    for (ParsedInput.Goroutine g : parsed.all()) {
      if (g.line() > at && "running".equals(g.state()) && !g.frames().isEmpty()) {
        List<String> out = new ArrayList<>(g.frames().size());
        g.frames().forEach(f -> out.add(f.function()));
        return out;
      }
    }
    return null;
  }

  /** Whether a link's frame condition holds: none set, or one of the stack's functions starts with one of them. */
  static boolean showsAny(List<String> stack, List<String> prefixes) {
    if (prefixes.isEmpty()) {
      return true;
    }
    for (String f : stack) {
      for (String p : prefixes) {
        if (f.startsWith(p)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Symptom kinds of a program's death: a panic, a fatal error. */
  private static final java.util.Set<String> CRASH_KINDS = java.util.Set.of("panic", "fatal-error");

  static Confidence confidence(double score, List<CauseEvidence> evidence, long closeScores) {
    boolean machine = false;
    for (CauseEvidence e : evidence) {
      machine |= isMachineKind(e.kind());
    }
    int level = score >= 0.7 ? (machine ? 2 : 1) : score >= 0.4 ? 1 : 0;
    if (closeScores >= 3 && level > 0) {
      level--;
    }
    return level == 2 ? Confidence.high : level == 1 ? Confidence.medium : Confidence.low;
  }

  private static boolean anyMachine(List<Evidence> evidence) {
    for (int i = 0; i < evidence.size(); i++) { // by index: see signatures()
      if (isMachineKind(evidence.get(i).kind())) {
        return true;
      }
    }
    return false;
  }

  static boolean isMachineKind(String kind) {
    return kind.equals("signature") || kind.equals("wait-reason") || kind.equals("frame") || kind.equals("analysis")
        || kind.equals("code") || kind.equals("simulation");
  }

  // ---------------------------------------------------------------- summary

  private static InputSummary summary(ParsedInput p, List<Set<String>> proseTokens) {
    Set<String> kinds = new LinkedHashSet<>();
    if (!p.races().isEmpty()) {
      kinds.add("race");
    }
    if (p.goleakLine() > 0 || !p.leaks().isEmpty()) {
      kinds.add("goleak");
    }
    if (p.panicLine() > 0) {
      kinds.add("panic");
    }
    if (p.fatalLine() > 0) {
      kinds.add("fatal");
    }
    if (kinds.isEmpty() && p.goroutines().total() > 0) {
      kinds.add("dump");
    }
    for (MessageLine m : p.messages()) {
      if (isVetLine(m.text())) {
        kinds.add("vet");
        break;
      }
    }
    for (MessageLine m : p.messages()) {
      if (m.text().startsWith(GoDeadlockReports.HEADER)) {
        kinds.add("go-deadlock");
        break;
      }
    }
    long words = 0;
    for (Set<String> tokens : proseTokens) {
      words += tokens.size();
    }
    String kind;
    if (kinds.isEmpty()) {
      kind = words > 0 ? "text" : p.messages().isEmpty() ? "empty" : "text";
    } else if (kinds.size() > 1 || words >= 6) {
      kind = kinds.size() == 1 && words < 6 ? kinds.iterator().next() : "mixed";
    } else {
      kind = kinds.iterator().next();
    }
    ParsedInput.Goroutines g = p.goroutines();
    GoroutineSummary gs = g.total() == 0 ? null
        : new GoroutineSummary(g.total(), g.byState(), g.topFrames(), g.createdBy(), g.longWaiting(), g.maxWaitMinutes(),
            g.lockedToThread());
    List<RaceSummary> races = p.races().isEmpty() ? List.of()
        : p.races().stream().map(r -> new RaceSummary(r.line(), r.accesses())).toList();
    return new InputSummary(kind, p.lineCount(), gs, races, p.leaks().size());
  }

  /** {@code ./main.go:14:15: message}: a vet (or compiler) diagnostic. */
  static boolean isVetLine(String t) {
    int go = t.indexOf(".go:");
    if (go <= 0 || t.substring(0, go).indexOf(' ') >= 0) {
      return false;
    }
    int i = go + 4;
    int colons = 0;
    while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == ':')) {
      if (t.charAt(i) == ':') {
        colons++;
      }
      i++;
    }
    return colons >= 2 && i < t.length() && t.charAt(i) == ' ';
  }

  private static String message(
      String lang, List<RankedCause> causes, int total, List<ObservedSymptom> observed, InputSummary input) {
    boolean zh = "zh".equals(lang);
    String what = switch (input.kind()) {
      case "dump" -> zh ? "goroutine dump(" + input.goroutines().total() + " 个 goroutine)"
          : "goroutine dump (" + input.goroutines().total() + " goroutines)";
      case "empty" -> zh ? "空输入" : "empty input";
      case "text" -> zh ? "文字描述" : "text";
      case "mixed" -> zh ? "文字和程序输出" : "mixed";
      case "race" -> zh ? "竞态报告" : "race";
      case "goleak" -> zh ? "goleak 报告" : "goleak";
      case "vet" -> zh ? "go vet 输出" : "vet";
      default -> input.kind();
    };
    if (!causes.isEmpty()) {
      RankedCause top = causes.get(0);
      return zh
          ? "输入类型 " + what + ";" + total + " 个可能根因,最可能:" + top.nameZh() + "(" + top.id() + ",得分 "
              + fmt(top.score()) + ",置信度 " + top.confidence().nameZh() + ")"
          : "Input: " + what + "; " + total + " possible root cause" + (total == 1 ? "" : "s") + ", most likely: "
              + top.nameEn() + " (" + top.id() + ", score " + fmt(top.score()) + ", " + top.confidence() + " confidence)";
    }
    if (!observed.isEmpty()) {
      return zh
          ? "输入类型 " + what + ";观察到症状 " + observed.get(0).nameZh() + ",但证据不足以指向任何已知根因。请贴出 goroutine dump、panic 或 race 报告。"
          : "Input: " + what + "; observed " + observed.get(0).nameEn()
              + ", but the evidence does not point to any known root cause. Paste the goroutine dump, panic or race report.";
    }
    return zh
        ? "输入类型 " + what + ";没有发现指向已知根因的证据。请贴出 panic、fatal error、goroutine dump、race 或 goleak 报告,或描述现象(卡住、数值不对、内存增长)。"
        : "Input: " + what + "; nothing in it points to a known root cause. Paste a panic, fatal error, goroutine dump,"
            + " race or goleak report, or describe what you see (hang, wrong numbers, growing memory).";
  }

  /**
   * Empty, or a sentence saying that most goroutines' wait states were not printed — a pprof
   * debug=1 profile hides the runtime frames that say what a goroutine waits on, a stack pasted
   * without its header has none — and how to get them, when no code was read to make up for it.
   */
  private static String hiddenStates(String lang, InputSummary input, CodeEvidence.Read code) {
    Diagnosis.GoroutineSummary g = input.goroutines();
    if (g == null || g.total() == 0 || code.units() > 0 || 2 * g.byState().getOrDefault("unknown", 0) < g.total()) {
      return "";
    }
    return "zh".equals(lang)
        ? "多数 goroutine 没有等待状态(pprof debug=1 隐去了运行时的栈帧,没有 goroutine N [状态]: 头的栈也看不出):用 ?debug=2 或 SIGQUIT"
            + " 取完整 dump,或提供帧所在的 Go 源码(diagnose --source DIR、API 的 files、%%diagnose --source),以读出那些代码行。"
        : " Most goroutines show no wait state (a pprof debug=1 profile hides the runtime's frames; a stack pasted without its"
            + " 'goroutine N [state]:' header has none): fetch ?debug=2 or send SIGQUIT for the full dump, or give the Go files"
            + " behind the frames (diagnose --source DIR, the API's \"files\", %%diagnose --source) so their lines are read.";
  }

  /**
   * Two decimals rounded half up, as {@code %.2f} prints the scores (already rounded to three
   * decimals), without the cost of a Formatter.
   */
  static String fmt(double d) {
    long cents = (Math.round(Math.abs(d) * 1000) + 5) / 10;
    String frac = String.valueOf(cents % 100);
    return (d < 0 && cents > 0 ? "-" : "") + cents / 100 + "." + (frac.length() == 1 ? "0" + frac : frac);
  }

  static double round(double d) {
    return Math.round(d * 1000.0) / 1000.0;
  }

  static String clip(String s) {
    String t = s.strip();
    return t.length() <= MAX_TEXT_LEN ? t : t.substring(0, MAX_TEXT_LEN - 1) + "…";
  }
}
