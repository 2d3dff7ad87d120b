package dev.gocause.graph.seed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gocause.graph.NodeLabel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads and validates seed-data (format: {@code seed-data/README.md}). Every problem in every
 * file is collected before anything is returned; {@link #read(SeedSource)} throws a
 * {@link SeedValidationException} carrying all of them, one line each.
 *
 * <p>The accepted fields per label are a table ({@link #SPECS}), so unknown fields, missing
 * required fields, enum values and references are all checked by the same code.
 */
public final class SeedReader {

  static final String EXTERNAL_PREFIX = "external:";
  private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern SECTION_NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)*");
  private static final Pattern GO_VERSIONS = Pattern.compile(
      "(>=|<=|>|<|=)?1\\.[0-9]+(\\.[0-9]+)?|1\\.[0-9]+(\\.[0-9]+)?-1\\.[0-9]+(\\.[0-9]+)?");

  private enum Kind { ID, TEXT, TEXT_LIST, TEXT_OR_LIST, ENUM, REF, REF_LIST, INDICATIONS, TARGETS, SOURCE, SECTIONS, SECTION_NUMBER, REGEX, CASE_FILE, SEED_FILE }

  private record Field(String name, Kind kind, boolean required, List<String> values, NodeLabel ref) {
    static Field req(String name, Kind kind) {
      return new Field(name, kind, true, List.of(), null);
    }

    static Field opt(String name, Kind kind) {
      return new Field(name, kind, false, List.of(), null);
    }

    static Field enumOf(String name, boolean required, String... values) {
      return new Field(name, Kind.ENUM, required, List.of(values), null);
    }

    static Field refs(String name, NodeLabel target) {
      return new Field(name, Kind.REF_LIST, false, List.of(), target);
    }
  }

  private static final List<Field> COMMON = List.of(
      Field.req("id", Kind.ID),
      Field.req("nameZh", Kind.TEXT),
      Field.req("nameEn", Kind.TEXT),
      Field.opt("descriptionZh", Kind.TEXT),
      Field.opt("descriptionEn", Kind.TEXT),
      Field.req("source", Kind.SOURCE),
      Field.opt("alsoIn", Kind.SECTIONS));

  /** Accepted fields per label, beyond {@link #COMMON}. */
  private static final Map<NodeLabel, List<Field>> SPECS = new LinkedHashMap<>();

  static {
    SPECS.put(NodeLabel.SECTION, List.of(
        Field.req("number", Kind.SECTION_NUMBER), Field.req("titleZh", Kind.TEXT), Field.req("titleEn", Kind.TEXT)));
    SPECS.put(NodeLabel.DIMENSION, List.of());
    SPECS.put(NodeLabel.PRIMITIVE, List.of(Field.opt("aliasesZh", Kind.TEXT_LIST), Field.opt("aliasesEn", Kind.TEXT_LIST)));
    SPECS.put(NodeLabel.SYMPTOM, List.of(
        Field.enumOf("kind", true, "hang", "wrong-result", "memory-growth", "goroutine-growth", "panic", "fatal-error",
            "timeout-ineffective", "wait-state", "latency", "race-report", "leak-report", "vet-warning", "test-failure", "cpu-spin",
            "code-check", "simulation", "no-failure", "runtime-corruption", "operation", "circumstance", "operation-call",
            "cause-elsewhere"),
        Field.opt("aliasesZh", Kind.TEXT_LIST),
        Field.opt("aliasesEn", Kind.TEXT_LIST),
        Field.opt("indicates", Kind.INDICATIONS),
        Field.refs("diagnosedBy", NodeLabel.COMMAND)));
    SPECS.put(NodeLabel.SIGNATURE, List.of(
        Field.req("pattern", Kind.TEXT),
        Field.enumOf("patternKind", true, "literal", "regex", "waitReason", "frame"),
        Field.opt("goVersions", Kind.TEXT_OR_LIST),
        Field.opt("example", Kind.TEXT),
        Field.opt("verifiedBy", Kind.TEXT),
        Field.refs("identifies", NodeLabel.SYMPTOM)));
    SPECS.put(NodeLabel.ROOT_CAUSE, List.of(
        Field.opt("mechanismZh", Kind.TEXT),
        Field.opt("mechanismEn", Kind.TEXT),
        Field.enumOf("severity", false, "low", "medium", "high", "critical"),
        Field.refs("dimensions", NodeLabel.DIMENSION),
        Field.refs("involves", NodeLabel.PRIMITIVE),
        Field.refs("confirmedBy", NodeLabel.COMMAND),
        Field.refs("fixedBy", NodeLabel.FIX)));
    SPECS.put(NodeLabel.COMMAND, List.of(
        Field.req("commandLine", Kind.TEXT), Field.opt("showsZh", Kind.TEXT), Field.opt("showsEn", Kind.TEXT)));
    SPECS.put(NodeLabel.FIX, List.of(
        Field.opt("before", Kind.TEXT), Field.opt("after", Kind.TEXT),
        Field.opt("tradeoffZh", Kind.TEXT), Field.opt("tradeoffEn", Kind.TEXT)));
    SPECS.put(NodeLabel.CORRECTION, List.of(
        Field.opt("claimZh", Kind.TEXT), Field.opt("claimEn", Kind.TEXT),
        Field.opt("truthZh", Kind.TEXT), Field.opt("truthEn", Kind.TEXT),
        Field.opt("evidence", Kind.TEXT),
        Field.opt("corrects", Kind.TARGETS),
        Field.opt("evidenceProgram", Kind.SEED_FILE),
        Field.enumOf("evidenceRun", false, "run", "run-race", "build-and-signal"),
        Field.opt("evidenceExpect", Kind.REGEX)));
    SPECS.put(NodeLabel.CASE, List.of(
        Field.req("file", Kind.CASE_FILE),
        Field.enumOf("variant", true, "buggy", "fixed"),
        Field.enumOf("expectedOutcome", true, "DEADLOCK", "LEAK", "DATA RACE", "PANIC", "CLEAN"),
        Field.refs("demonstrates", NodeLabel.ROOT_CAUSE),
        Field.refs("exhibits", NodeLabel.SYMPTOM),
        new Field("fixedVariant", Kind.REF, false, List.of(), NodeLabel.CASE)));
  }

  private static final List<Field> KNOWLEDGE = List.of(
      Field.req("version", Kind.TEXT),
      Field.opt("titleZh", Kind.TEXT), Field.opt("titleEn", Kind.TEXT),
      Field.opt("descriptionZh", Kind.TEXT), Field.opt("descriptionEn", Kind.TEXT));

  /** One entry as parsed, with where it came from. */
  private record Raw(SeedFile file, String key, int index, JsonNode node, NodeLabel label) {}

  private final SeedSource source;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> paths = new HashSet<>();
  private final List<Raw> raws = new ArrayList<>();
  private final Map<NodeLabel, Map<String, Raw>> ids = new LinkedHashMap<>();
  private final Set<String> sectionNumbers = new HashSet<>();
  private Raw knowledge;
  private boolean syntaxErrors;

  private SeedReader(SeedSource source) {
    this.source = source;
    source.files().forEach(f -> paths.add(f.path()));
    NodeLabel.entryLabels().forEach(l -> ids.put(l, new LinkedHashMap<>()));
  }

  /** Reads and validates; throws {@link SeedValidationException} listing every problem. */
  public static KnowledgeSet read(SeedSource source) {
    SeedReader r = new SeedReader(source);
    r.check();
    if (!r.problems.isEmpty()) {
      throw new SeedValidationException(r.problems);
    }
    return r.build();
  }

  /** Every problem, one line each; empty when seed-data is valid. */
  public static List<String> problems(SeedSource source) {
    SeedReader r = new SeedReader(source);
    r.check();
    return List.copyOf(r.problems);
  }

  /** Hex sha256 over the sorted relative paths and bytes of all files (Go sources included). */
  public static String contentHash(SeedSource source) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (SeedFile f : source.files()) {
        md.update(f.path().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Long.toString(f.bytes().length).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(f.bytes());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  // ---------------------------------------------------------------- parsing

  private static YAMLMapper mapper() {
    YAMLMapper m = new YAMLMapper();
    // Keep "2.10" as written (a float would turn a section number into 2.1).
    m.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    m.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return m;
  }

  private void check() {
    YAMLMapper mapper = mapper();
    for (SeedFile f : source.files()) {
      if (!f.isYaml()) {
        continue;
      }
      JsonNode root;
      try {
        root = mapper.readTree(f.bytes());
      } catch (JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
        problems.add(source.display(f.path()) + where + ": YAML syntax error: " + yamlMessage(e.getOriginalMessage()));
        syntaxErrors = true;
        continue;
      } catch (IOException e) {
        problems.add(source.display(f.path()) + ": cannot read: " + e.getMessage());
        continue;
      }
      if (root == null || root.isMissingNode() || root.isNull()) {
        continue; // an empty file holds nothing
      }
      if (!root.isObject()) {
        problems.add(source.display(f.path()) + ": the top level must be a map with keys such as 'symptoms' or 'rootCauses'");
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(f, e.getKey(), e.getValue());
      }
    }
    if (knowledge == null) {
      problems.add(source.display("knowledge.yaml") + ": no file has the top-level key 'knowledge' (a map with 'version', 'titleZh', 'titleEn')");
    } else {
      checkFields(knowledge, KNOWLEDGE);
    }
    for (Raw r : raws) {
      checkEntry(r);
    }
    // A file that does not parse hides its ids: reference checks would only add noise.
    if (!syntaxErrors) {
      for (Raw r : raws) {
        checkReferences(r);
      }
    }
  }

  private void collect(SeedFile f, String key, JsonNode value) {
    NodeLabel label = NodeLabel.bySeedKey(key).orElse(null);
    if (label == null) {
      problems.add(source.display(f.path()) + ": unknown top-level key '" + key + "'; known keys: "
          + Arrays.stream(NodeLabel.values()).map(NodeLabel::seedKey).collect(Collectors.joining(", ")));
      return;
    }
    if (label == NodeLabel.KNOWLEDGE_BASE) {
      if (!value.isObject()) {
        problems.add(source.display(f.path()) + ": 'knowledge' must be a map with 'version', 'titleZh', 'titleEn'");
      } else if (knowledge != null) {
        problems.add(source.display(f.path()) + ": 'knowledge' is defined twice (also in " + source.display(knowledge.file.path()) + ")");
      } else {
        knowledge = new Raw(f, key, -1, value, label);
      }
      return;
    }
    if (value.isNull()) {
      return; // "symptoms:" with nothing under it yet
    }
    if (!value.isArray()) {
      problems.add(source.display(f.path()) + ": '" + key + "' must be a list of entries (each starting with '- id: ...')");
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode n = value.get(i);
      Raw r = new Raw(f, key, i, n, label);
      if (!n.isObject()) {
        problems.add(where(r) + ": an entry must be a map of fields (id, nameZh, nameEn, ...)");
        continue;
      }
      raws.add(r);
      if (label == NodeLabel.SECTION) {
        String number = text(n.get("number"));
        if (number != null) {
          sectionNumbers.add(number);
        }
      }
    }
  }

  // ---------------------------------------------------------------- checks

  private List<Field> fieldsOf(NodeLabel label) {
    List<Field> all = new ArrayList<>();
    for (Field c : COMMON) {
      // A Section is its own source and may go by its titles; the other common fields still apply.
      if (label == NodeLabel.SECTION && Set.of("source", "nameZh", "nameEn").contains(c.name())) {
        all.add(new Field(c.name(), c.kind(), false, c.values(), c.ref()));
      } else {
        all.add(c);
      }
    }
    all.addAll(SPECS.get(label));
    return all;
  }

  private void checkEntry(Raw r) {
    checkFields(r, fieldsOf(r.label));
    if (r.label == NodeLabel.SIGNATURE) {
      String pattern = text(r.node.get("pattern"));
      if ("regex".equals(text(r.node.get("patternKind"))) && pattern != null) {
        compile(r, "pattern", pattern);
      }
      JsonNode versions = r.node.get("goVersions");
      if (versions != null && !versions.isNull()) {
        List<JsonNode> items = new ArrayList<>();
        if (versions.isArray()) {
          versions.forEach(items::add);
        } else {
          items.add(versions);
        }
        for (JsonNode v : items) {
          String s = text(v);
          if (s != null && !GO_VERSIONS.matcher(s).matches()) {
            problems.add(where(r) + ": field 'goVersions' has '" + s + "'; write a Go version range such as \">=1.19\", \"1.19-1.24\" or \"1.20\"");
          }
        }
      }
    }
    String id = text(r.node.get("id"));
    if (id != null && KEBAB.matcher(id).matches()) {
      Raw first = ids.get(r.label).putIfAbsent(id, r);
      if (first != null) {
        problems.add(where(r) + ": duplicate " + r.label + " id '" + id + "' (first defined at " + where(first) + ")");
      }
    }
  }

  private void checkFields(Raw r, List<Field> fields) {
    Map<String, Field> byName = new LinkedHashMap<>();
    fields.forEach(f -> byName.put(f.name(), f));
    for (Iterator<String> it = r.node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!byName.containsKey(name)) {
        problems.add(where(r) + ": unknown field '" + name + "'; " + r.label + " fields are " + String.join(", ", byName.keySet()));
      }
    }
    for (Field f : fields) {
      JsonNode v = r.node.get(f.name());
      if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
        if (f.required()) {
          problems.add(where(r) + ": field '" + f.name() + "' is " + (v == null || v.isNull() ? "missing" : "empty") + requiredHint(f));
        }
        continue;
      }
      checkValue(r, f, v);
    }
  }

  private static String requiredHint(Field f) {
    if (f.name().startsWith("name")) {
      return "; every entry needs a non-empty nameZh and nameEn";
    }
    return f.kind() == Kind.ENUM ? "; must be one of " + String.join(", ", f.values()) : "; it is required";
  }

  private void checkValue(Raw r, Field f, JsonNode v) {
    String name = f.name();
    switch (f.kind()) {
      case ID -> {
        String id = scalar(r, name, v);
        if (id != null && !KEBAB.matcher(id).matches()) {
          problems.add(where(r) + ": field 'id' is '" + id + "'; ids must be kebab-case like 'send-on-closed-channel' ([a-z0-9]+(-[a-z0-9]+)*)");
        }
      }
      case TEXT, REF -> scalar(r, name, v);
      case REGEX -> {
        String s = scalar(r, name, v);
        if (s != null) {
          compile(r, name, s);
        }
      }
      case SECTION_NUMBER -> {
        String s = scalar(r, name, v);
        if (s != null && !SECTION_NUMBER.matcher(s).matches()) {
          problems.add(where(r) + ": field '" + name + "' is '" + s + "'; a section number looks like 2 or 2.1");
        }
      }
      case ENUM -> {
        String s = scalar(r, name, v);
        if (s != null && !f.values().contains(s)) {
          problems.add(where(r) + ": field '" + name + "' is '" + s + "'; must be one of " + String.join(", ", f.values()));
        }
      }
      case TEXT_LIST, REF_LIST, SECTIONS -> {
        List<String> items = list(r, name, v);
        if (f.kind() == Kind.SECTIONS) {
          for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null && !SECTION_NUMBER.matcher(items.get(i)).matches()) {
              problems.add(where(r) + ": field '" + name + "[" + i + "]' is '" + items.get(i) + "'; a section number looks like 2 or 2.1");
            }
          }
        }
        if (f.kind() != Kind.TEXT_LIST) {
          duplicates(r, name, items);
        }
      }
      case TEXT_OR_LIST -> {
        if (v.isArray()) {
          list(r, name, v);
        } else {
          scalar(r, name, v);
        }
      }
      case SOURCE -> {
        String s = source(v);
        if (s == null) {
          problems.add(where(r) + ": field 'source' must be a seed section number such as '2.1' or 'external: <reference>'");
        } else if (s.startsWith(EXTERNAL_PREFIX)) {
          if (s.substring(EXTERNAL_PREFIX.length()).isBlank()) {
            problems.add(where(r) + ": field 'source' is 'external:' without a reference; write 'external: <paper, issue or URL>'");
          }
        } else if (!SECTION_NUMBER.matcher(s).matches()) {
          problems.add(where(r) + ": field 'source' is '" + s + "'; use a seed section number such as '2.1' or 'external: <reference>'");
        }
      }
      case INDICATIONS -> {
        if (!v.isArray()) {
          problems.add(where(r) + ": field '" + name + "' must be a list of {cause: <RootCause id>, weight: 0..1}");
          return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < v.size(); i++) {
          JsonNode item = v.get(i);
          String at = name + "[" + i + "]";
          if (!item.isObject()) {
            problems.add(where(r) + ": field '" + at + "' must be a map {cause: <RootCause id>, weight: 0..1}");
            continue;
          }
          unknownSubfields(r, at, item, Set.of("cause", "weight", "panickingFrame"));
          JsonNode pf = item.get("panickingFrame");
          if (pf != null && !pf.isNull()) {
            boolean ok = pf.isArray() && pf.size() > 0;
            for (int j = 0; ok && j < pf.size(); j++) {
              ok = pf.get(j).isTextual() && !pf.get(j).asText().isBlank();
            }
            if (!ok) {
              problems.add(where(r) + ": field '" + at + ".panickingFrame' must be a non-empty list of function-name prefixes");
            }
          }
          String cause = text(item.get("cause"));
          if (cause == null || cause.isBlank()) {
            problems.add(where(r) + ": field '" + at + ".cause' is missing; it names a RootCause id");
          } else if (!seen.add(cause)) {
            problems.add(where(r) + ": field '" + at + ".cause' lists '" + cause + "' twice");
          }
          JsonNode w = item.get("weight");
          if (w == null || w.isNull()) {
            problems.add(where(r) + ": field '" + at + ".weight' is missing; weights must be within [0,1]");
          } else if (!w.isNumber()) {
            problems.add(where(r) + ": field '" + at + ".weight' is '" + w.asText() + "'; weights must be numbers within [0,1]");
          } else if (w.doubleValue() < 0 || w.doubleValue() > 1 || Double.isNaN(w.doubleValue())) {
            problems.add(where(r) + ": field '" + at + ".weight' is " + w.asText() + "; weights must be within [0,1]");
          }
        }
      }
      case TARGETS -> {
        if (!v.isArray()) {
          problems.add(where(r) + ": field '" + name + "' must be a list of {label: <Label>, id: <id>}");
          return;
        }
        for (int i = 0; i < v.size(); i++) {
          JsonNode item = v.get(i);
          String at = name + "[" + i + "]";
          if (!item.isObject()) {
            problems.add(where(r) + ": field '" + at + "' must be a map {label: <Label>, id: <id>}");
            continue;
          }
          unknownSubfields(r, at, item, Set.of("label", "id"));
          String label = text(item.get("label"));
          if (label == null || NodeLabel.byCypherName(label).filter(l -> l != NodeLabel.KNOWLEDGE_BASE).isEmpty()) {
            problems.add(where(r) + ": field '" + at + ".label' is " + (label == null ? "missing" : "'" + label + "'") + "; must be one of "
                + NodeLabel.entryLabels().stream().map(NodeLabel::cypherName).collect(Collectors.joining(", ")));
          }
          if (text(item.get("id")) == null) {
            problems.add(where(r) + ": field '" + at + ".id' is missing");
          }
        }
      }
      case CASE_FILE, SEED_FILE -> {
        String p = scalar(r, name, v);
        if (p == null) {
          return;
        }
        String full = f.kind() == Kind.CASE_FILE ? "cases/" + p : p;
        if (p.startsWith("/") || Arrays.asList(p.split("/")).contains("..")) {
          problems.add(where(r) + ": field '" + name + "' is '" + p + "'; use a path inside " + (f.kind() == Kind.CASE_FILE ? "seed-data/cases/" : "seed-data/") + " without '..'");
        } else if (!paths.contains(full)) {
          problems.add(where(r) + ": field '" + name + "' names '" + p + "', but " + source.display(full) + " does not exist");
        }
      }
    }
  }

  private void checkReferences(Raw r) {
    for (Field f : fieldsOf(r.label)) {
      JsonNode v = r.node.get(f.name());
      if (v == null || v.isNull()) {
        continue;
      }
      switch (f.kind()) {
        case REF -> ref(r, f.name(), text(v), f.ref());
        case REF_LIST -> {
          if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
              ref(r, f.name() + "[" + i + "]", text(v.get(i)), f.ref());
            }
          }
        }
        case INDICATIONS -> {
          if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
              ref(r, f.name() + "[" + i + "].cause", text(v.get(i).get("cause")), NodeLabel.ROOT_CAUSE);
            }
          }
        }
        case TARGETS -> {
          if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
              NodeLabel l = NodeLabel.byCypherName(String.valueOf(text(v.get(i).get("label")))).orElse(null);
              if (l != null && l != NodeLabel.KNOWLEDGE_BASE) {
                ref(r, f.name() + "[" + i + "].id", text(v.get(i).get("id")), l);
              }
            }
          }
        }
        case SOURCE -> {
          String s = source(v);
          if (s != null && SECTION_NUMBER.matcher(s).matches() && !sectionNumbers.contains(s)) {
            problems.add(where(r) + ": field 'source' refers to section '" + s + "', which no Section entry (number: " + s + ") defines");
          }
        }
        case SECTIONS -> {
          if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
              String s = text(v.get(i));
              if (s != null && SECTION_NUMBER.matcher(s).matches() && !sectionNumbers.contains(s)) {
                problems.add(where(r) + ": field '" + f.name() + "[" + i + "]' refers to section '" + s + "', which no Section entry defines");
              }
            }
          }
        }
        default -> {}
      }
    }
    if (r.label == NodeLabel.CASE) {
      String fixed = text(r.node.get("fixedVariant"));
      Raw target = fixed == null ? null : ids.get(NodeLabel.CASE).get(fixed);
      if (target != null && !"fixed".equals(text(target.node.get("variant")))) {
        problems.add(where(r) + ": field 'fixedVariant' names '" + fixed + "', whose variant is not 'fixed'");
      }
    }
  }

  private void ref(Raw r, String at, String id, NodeLabel target) {
    if (id != null && !id.isBlank() && !ids.get(target).containsKey(id)) {
      problems.add(where(r) + ": field '" + at + "' refers to unknown " + target + " '" + id + "'");
    }
  }

  private void unknownSubfields(Raw r, String at, JsonNode item, Set<String> known) {
    for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!known.contains(n)) {
        problems.add(where(r) + ": unknown field '" + at + "." + n + "'; expected " + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }

  private void compile(Raw r, String name, String regex) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      problems.add(where(r) + ": field '" + name + "' is not a valid Java regex: " + firstLine(e.getDescription()) + " near index " + e.getIndex());
    }
  }

  private void duplicates(Raw r, String name, List<String> items) {
    Set<String> seen = new HashSet<>();
    for (String s : items) {
      if (s != null && !seen.add(s)) {
        problems.add(where(r) + ": field '" + name + "' lists '" + s + "' twice");
      }
    }
  }

  private String scalar(Raw r, String name, JsonNode v) {
    if (!v.isValueNode()) {
      problems.add(where(r) + ": field '" + name + "' must be a single value, not a " + (v.isArray() ? "list" : "map"));
      return null;
    }
    return text(v);
  }

  private List<String> list(Raw r, String name, JsonNode v) {
    if (!v.isArray()) {
      problems.add(where(r) + ": field '" + name + "' must be a list (e.g. [a, b] or one '- item' per line)");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (!item.isValueNode() || item.isNull()) {
        problems.add(where(r) + ": field '" + name + "[" + i + "]' must be a single value");
        out.add(null);
      } else {
        out.add(text(item));
      }
    }
    return out;
  }

  private String where(Raw r) {
    String id = r.node.isObject() ? text(r.node.get("id")) : null;
    return source.display(r.file.path()) + ": " + r.key + (r.index >= 0 ? "[" + r.index + "]" : "") + (id == null ? "" : " id=" + id);
  }

  // ---------------------------------------------------------------- values

  /** Text of a scalar node; numbers keep their written form ("2.10" stays "2.10"). */
  private static String text(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode() || !n.isValueNode()) {
      return null;
    }
    if (n.isBigDecimal()) {
      return n.decimalValue().toPlainString();
    }
    return n.asText();
  }

  /** {@code source} as one string: "2.1", or "external: ref" (also from the map form {external: ref}). */
  private static String source(JsonNode v) {
    if (v.isObject() && v.size() == 1 && v.has("external")) {
      String ref = text(v.get("external"));
      return EXTERNAL_PREFIX + " " + (ref == null ? "" : ref.strip());
    }
    String s = text(v);
    if (s == null) {
      return null;
    }
    s = s.strip();
    if (s.startsWith(EXTERNAL_PREFIX)) {
      return EXTERNAL_PREFIX + " " + s.substring(EXTERNAL_PREFIX.length()).strip();
    }
    return s;
  }

  /**
   * SnakeYAML's multi-line message ("while parsing X / in 'reader', line 2 ... / expected Y")
   * as one line: "expected Y (while parsing X that starts at line 2)".
   */
  static String yamlMessage(String original) {
    if (original == null) {
      return "";
    }
    List<String> texts = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    Pattern at = Pattern.compile("^ in .*?line (\\d+), column \\d+");
    for (String line : original.split("\n")) {
      Matcher m = at.matcher(line);
      if (m.find()) {
        if (lines.size() < texts.size()) {
          lines.add(m.group(1));
        }
      } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        while (lines.size() < texts.size()) {
          lines.add(null);
        }
        texts.add(line.strip());
      }
    }
    if (texts.isEmpty()) {
      return firstLine(original);
    }
    String last = texts.get(texts.size() - 1);
    if (texts.size() == 1) {
      return last;
    }
    String ctx = texts.get(0);
    String ctxLine = lines.isEmpty() ? null : lines.get(0);
    return last + " (" + ctx + (ctxLine == null ? "" : " that starts at line " + ctxLine) + ")";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  // ---------------------------------------------------------------- building

  private KnowledgeSet build() {
    Map<String, SeedFile> byPath = new LinkedHashMap<>();
    source.files().forEach(f -> byPath.put(f.path(), f));
    List<SeedEntry> entries = new ArrayList<>();
    for (NodeLabel label : NodeLabel.entryLabels()) {
      for (Raw r : raws) {
        if (r.label == label) {
          entries.add(entry(r, byPath));
        }
      }
    }
    JsonNode k = knowledge.node;
    KnowledgeInfo info = new KnowledgeInfo(text(k.get("version")), text(k.get("titleZh")), text(k.get("titleEn")),
        text(k.get("descriptionZh")), text(k.get("descriptionEn")));
    return new KnowledgeSet(source.description(), info, entries, contentHash(source));
  }

  private static SeedEntry entry(Raw r, Map<String, SeedFile> files) {
    JsonNode n = r.node;
    String nameZh = text(n.get("nameZh"));
    String nameEn = text(n.get("nameEn"));
    if (r.label == NodeLabel.SECTION) {
      nameZh = nameZh == null ? text(n.get("titleZh")) : nameZh;
      nameEn = nameEn == null ? text(n.get("titleEn")) : nameEn;
    }
    JsonNode src = n.get("source");
    Common c = new Common(text(n.get("id")), nameZh, nameEn, text(n.get("descriptionZh")), text(n.get("descriptionEn")),
        src == null || src.isNull() ? null : source(src), strings(n.get("alsoIn")));
    return switch (r.label) {
      case SECTION -> new Section(c, text(n.get("number")), text(n.get("titleZh")), text(n.get("titleEn")));
      case DIMENSION -> new Dimension(c);
      case PRIMITIVE -> new Primitive(c, strings(n.get("aliasesZh")), strings(n.get("aliasesEn")));
      case SYMPTOM -> new Symptom(c, text(n.get("kind")), strings(n.get("aliasesZh")), strings(n.get("aliasesEn")),
          indications(n.get("indicates")), strings(n.get("diagnosedBy")));
      case SIGNATURE -> new Signature(c, text(n.get("pattern")), text(n.get("patternKind")), strings(n.get("goVersions")),
          text(n.get("example")), text(n.get("verifiedBy")), strings(n.get("identifies")));
      case ROOT_CAUSE -> new RootCause(c, text(n.get("mechanismZh")), text(n.get("mechanismEn")), text(n.get("severity")),
          strings(n.get("dimensions")), strings(n.get("involves")), strings(n.get("confirmedBy")), strings(n.get("fixedBy")));
      case COMMAND -> new Command(c, text(n.get("commandLine")), text(n.get("showsZh")), text(n.get("showsEn")));
      case FIX -> new Fix(c, text(n.get("before")), text(n.get("after")), text(n.get("tradeoffZh")), text(n.get("tradeoffEn")));
      case CORRECTION -> new Correction(c, text(n.get("claimZh")), text(n.get("claimEn")), text(n.get("truthZh")),
          text(n.get("truthEn")), text(n.get("evidence")), targets(n.get("corrects")), text(n.get("evidenceProgram")),
          text(n.get("evidenceRun")), text(n.get("evidenceExpect")));
      case CASE -> {
        String file = text(n.get("file"));
        yield new Case(c, file, text(n.get("variant")), text(n.get("expectedOutcome")), strings(n.get("demonstrates")),
            strings(n.get("exhibits")), text(n.get("fixedVariant")), files.get("cases/" + file).text());
      }
      case KNOWLEDGE_BASE -> throw new IllegalStateException("knowledge is not an entry list");
    };
  }

  /** A list of strings; a single scalar (allowed for goVersions) becomes a one-element list. */
  private static List<String> strings(JsonNode n) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      return List.of(text(n));
    }
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(text(x)));
    return List.copyOf(new LinkedHashSet<>(out));
  }

  private static List<Indication> indications(JsonNode n) {
    List<Indication> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(x -> out.add(new Indication(text(x.get("cause")), x.get("weight").doubleValue(),
          x.get("panickingFrame") == null || x.get("panickingFrame").isNull() ? List.of() : strings(x.get("panickingFrame")))));
    }
    return out;
  }

  private static List<CorrectionTarget> targets(JsonNode n) {
    List<CorrectionTarget> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(x -> out.add(new CorrectionTarget(NodeLabel.byCypherName(text(x.get("label"))).orElseThrow(), text(x.get("id")))));
    }
    return out;
  }
}
