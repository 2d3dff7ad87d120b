package dev.gocause.graph.diagnosis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.neo4j.graphdb.schema.AnalyzerProvider;

/**
 * The graph's node full-text indexes rebuilt in memory from the same nodes, so a diagnosis looks
 * free text up without a graph round trip and gets the scores {@code db.index.fulltext.queryNodes}
 * gives on a freshly loaded graph (a test holds the two side by side).
 *
 * <p>Each index is built once with Lucene and the analyzer the index names (Neo4j's own
 * providers); then every (term, node) score is precomputed with Lucene's BM25 similarity and the
 * index's statistics, and Lucene is dropped. A query is what Neo4j's {@code MultiFieldQueryParser}
 * makes of {@code a OR b OR c*}: the sum over clauses of each analysed term's BM25 score, a prefix
 * clause adding a constant 1 per node it reaches. That keeps a look-up to microseconds, where a
 * Lucene query costs a few hundred (parsing, weights, prefix automata). Compiled with the
 * {@link DiagnosisModel} and replaced with it; immutable and thread-safe.
 */
final class FullTextIndexes {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FullTextIndexes.class);

  /** A full-text index as the graph declares it. */
  record Definition(String name, List<String> labels, List<String> properties, String analyzer) {
    Definition {
      Objects.requireNonNull(name, "name");
      labels = List.copyOf(labels);
      properties = List.copyOf(properties);
      Objects.requireNonNull(analyzer, "analyzer");
      if (properties.isEmpty()) {
        throw new IllegalArgumentException("full-text index " + name + " declares no properties");
      }
    }
  }

  /** A node with its labels and the string values of its properties (a list of strings as several values). */
  record Node(String id, List<String> labels, Map<String, List<String>> values) {
    Node {
      Objects.requireNonNull(id, "id");
      labels = List.copyOf(labels);
      values = Map.copyOf(values);
    }
  }

  /** One clause of a query: a word (analysed like the indexed text) or, with {@code prefix}, every term starting with it. */
  record Clause(String text, boolean prefix) {
    Clause {
      Objects.requireNonNull(text, "text");
    }

    // written out: a clause is a cache key looked up for every word of every diagnosis
    @Override
    public int hashCode() {
      return text.hashCode() * 2 + (prefix ? 1 : 0);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Clause c && c.prefix == prefix && c.text.equals(text);
    }

    /** In Lucene's query syntax, special characters escaped. */
    String lucene() {
      StringBuilder b = new StringBuilder();
      for (char c : text.toCharArray()) {
        if ("+-&|!(){}[]^\"~*?:\\/ ".indexOf(c) >= 0) {
          b.append('\\');
        }
        b.append(c);
      }
      return prefix ? b + "*" : b.toString();
    }
  }

  /** One hit: the node's id and labels, and its score. */
  record Hit(String id, List<String> labels, double score) {}

  static final FullTextIndexes EMPTY = new FullTextIndexes(Map.of());

  /** Stored only (not indexed), so it changes no term statistics. */
  private static final String ID_FIELD = "__gocause_node__";

  /** Documents (nodes in index order) holding a term, and the term's BM25 score in each. */
  private record Postings(int[] docs, float[] scores) {}

  private record Posting(int doc, float score) {}

  private static float[] toFloats(List<Posting> list) {
    float[] out = new float[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i).score();
    }
    return out;
  }

  /** One property of an index: its terms, sorted (for prefixes), with their postings. */
  private record FieldIndex(String property, String[] sortedTerms, Map<String, Postings> postings) {}

  private static final int MAX_RESOLVED = 10_000;
  private static final Postings NONE = new Postings(new int[0], new float[0]);

  /**
   * An index, and what each clause seen so far came to in each of its fields (its analysed terms'
   * scores summed, or its prefix expanded), since people's words repeat: one look-up per clause.
   * Bounded: emptied when it outgrows {@link #MAX_RESOLVED}. {@code scores}: each thread's {@link Scores}
   * of this index, emptied and reused by every {@link #score} on it.
   */
  private record Built(Definition definition, Analyzer analyzer, Node[] nodes, List<FieldIndex> fields,
      java.util.concurrent.ConcurrentHashMap<Clause, Postings[]> resolved, ThreadLocal<Scores> scores) {
    Built(Definition definition, Analyzer analyzer, Node[] nodes, List<FieldIndex> fields) {
      this(definition, analyzer, nodes, fields, new java.util.concurrent.ConcurrentHashMap<>(), new ThreadLocal<>());
    }
  }

  private final Map<String, Built> indexes;

  private FullTextIndexes(Map<String, Built> indexes) {
    this.indexes = indexes;
  }

  /**
   * Indexes every node carrying one of a definition's labels and a string value in one of its
   * properties, as Neo4j does. An index whose analyzer this Neo4j does not ship (a plugin's) is
   * left out, with a warning: look-ups then behave as if the graph had no such index.
   */
  static FullTextIndexes build(List<Definition> definitions, List<Node> nodes) {
    Map<String, Built> built = new LinkedHashMap<>();
    for (Definition d : definitions) {
      AnalyzerProvider provider = PROVIDERS.get(d.analyzer());
      if (provider == null) {
        LOG.warn("full-text index {} uses analyzer '{}', which is not built in (known: {}); diagnoses will not use it",
            d.name(), d.analyzer(), new TreeSet<>(PROVIDERS.keySet()));
        continue;
      }
      try {
        built.put(d.name(), index(d, provider.createAnalyzer(), nodes));
      } catch (IOException e) {
        throw new UncheckedIOException("building the in-memory copy of full-text index " + d.name(), e);
      }
    }
    return new FullTextIndexes(Map.copyOf(built));
  }

  private static Built index(Definition d, Analyzer analyzer, List<Node> nodes) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    List<Node> indexed = new ArrayList<>();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (Node n : nodes) {
        if (n.labels().stream().noneMatch(d.labels()::contains)) {
          continue;
        }
        Document doc = new Document();
        for (String p : d.properties()) {
          for (String v : n.values().getOrDefault(p, List.of())) {
            doc.add(new TextField(p, v, Field.Store.NO));
          }
        }
        if (!doc.getFields().isEmpty()) {
          doc.add(new StoredField(ID_FIELD, indexed.size()));
          indexed.add(n);
          w.addDocument(doc);
        }
      }
    }
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Similarity similarity = searcher.getSimilarity();
      Node[] byDoc = new Node[reader.maxDoc()];
      var stored = reader.storedFields();
      for (int doc = 0; doc < byDoc.length; doc++) {
        byDoc[doc] = indexed.get(stored.document(doc).getField(ID_FIELD).numericValue().intValue());
      }
      List<FieldIndex> fields = new ArrayList<>();
      for (String field : d.properties()) {
        CollectionStatistics stats = searcher.collectionStatistics(field);
        Map<String, List<Posting>> collected = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
          Terms terms = leaf.reader().terms(field);
          if (terms == null || stats == null) {
            continue;
          }
          TermsEnum te = terms.iterator();
          for (BytesRef t = te.next(); t != null; t = te.next()) {
            Term term = new Term(field, BytesRef.deepCopyOf(t));
            Similarity.SimScorer scorer = similarity.scorer(1f, stats,
                searcher.termStatistics(term, reader.docFreq(term), reader.totalTermFreq(term)));
            NumericDocValues norms = leaf.reader().getNormValues(field);
            PostingsEnum pe = te.postings(null, PostingsEnum.FREQS);
            List<Posting> list = collected.computeIfAbsent(term.text(), k -> new ArrayList<>());
            for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
              long norm = norms != null && norms.advanceExact(doc) ? norms.longValue() : 1L;
              list.add(new Posting(leaf.docBase + doc, scorer.score(pe.freq(), norm)));
            }
          }
        }
        Map<String, Postings> postings = new HashMap<>();
        // leaves come in docBase order and docs in order within a leaf: the lists are sorted by doc
        collected.forEach((term, list) -> postings.put(term, new Postings(
            list.stream().mapToInt(Posting::doc).toArray(), toFloats(list))));
        String[] sorted = postings.keySet().toArray(String[]::new);
        Arrays.sort(sorted);
        fields.add(new FieldIndex(field, sorted, Map.copyOf(postings)));
      }
      return new Built(d, analyzer, byDoc, List.copyOf(fields));
    }
  }

  /** The built indexes in {@link Binary} form: per index its definition, nodes (id, labels) and postings. */
  void writeTo(Binary.Writer out) {
    out.i32(indexes.size());
    indexes.keySet().stream().sorted().forEach(name -> {
      Built b = indexes.get(name);
      Definition d = b.definition();
      out.str(d.name()).strings(d.labels()).strings(d.properties()).str(d.analyzer());
      out.i32(b.nodes().length);
      for (Node n : b.nodes()) {
        out.str(n.id()).strings(n.labels());
      }
      for (FieldIndex f : b.fields()) {
        out.i32(f.sortedTerms().length);
        for (String term : f.sortedTerms()) {
          Postings p = f.postings().get(term);
          out.str(term).i32(p.docs().length);
          for (int i = 0; i < p.docs().length; i++) {
            out.i32(p.docs()[i]).f32(p.scores()[i]);
          }
        }
      }
    });
  }

  /**
   * What {@link #writeTo} wrote, the analyzers created again from their names. Nodes come back
   * without their property values, which only building needs.
   *
   * @throws Binary.Malformed when the bytes are not such indexes, or name an analyzer this Neo4j lacks
   */
  static FullTextIndexes readFrom(Binary.Reader in) throws Binary.Malformed {
    int count = in.count(16);
    Map<String, Built> built = new LinkedHashMap<>();
    for (int x = 0; x < count; x++) {
      Definition d;
      try {
        d = new Definition(in.str(), in.strings(), in.strings(), in.str());
      } catch (IllegalArgumentException e) {
        throw new Binary.Malformed(e.getMessage());
      }
      AnalyzerProvider provider = PROVIDERS.get(d.analyzer());
      if (provider == null) {
        throw new Binary.Malformed("analyzer " + d.analyzer() + " is not built in");
      }
      Node[] nodes = new Node[in.count(8)];
      for (int i = 0; i < nodes.length; i++) {
        nodes[i] = new Node(in.str(), in.strings(), Map.of());
      }
      List<FieldIndex> fields = new ArrayList<>();
      for (String property : d.properties()) {
        String[] sorted = new String[in.count(8)];
        Map<String, Postings> postings = new HashMap<>(sorted.length * 2);
        for (int t = 0; t < sorted.length; t++) {
          sorted[t] = in.str();
          int[] docs = new int[in.count(8)];
          float[] scores = new float[docs.length];
          for (int i = 0; i < docs.length; i++) {
            docs[i] = in.i32();
            scores[i] = in.f32();
            if (docs[i] < 0 || docs[i] >= nodes.length) {
              throw new Binary.Malformed("posting of " + sorted[t] + " names document " + docs[i] + " of " + nodes.length);
            }
          }
          postings.put(sorted[t], new Postings(docs, scores));
        }
        fields.add(new FieldIndex(property, sorted, Map.copyOf(postings)));
      }
      built.put(d.name(), new Built(d, provider.createAnalyzer(), nodes, List.copyOf(fields)));
    }
    return new FullTextIndexes(Map.copyOf(built));
  }

  boolean has(String index) {
    return indexes.containsKey(index);
  }

  Set<String> names() {
    return indexes.keySet();
  }

  /** Number of nodes in an index (0 when it does not exist). */
  int size(String index) {
    Built b = indexes.get(index);
    return b == null ? 0 : b.nodes().length;
  }

  /**
   * The best {@code limit} nodes for the clauses OR'ed, best first (ties in index order, as Lucene).
   *
   * @throws IllegalArgumentException when the index does not exist
   */
  List<Hit> query(String index, List<Clause> clauses, int limit) {
    Scores scores = score(index, clauses);
    long[] keys = scores.keys();
    Arrays.sort(keys, 0, scores.count);
    int take = Math.min(Math.max(1, limit), scores.count);
    List<Hit> out = new ArrayList<>(take);
    for (int i = 0; i < take; i++) {
      int doc = (int) keys[i];
      Node node = scores.built.nodes()[doc];
      out.add(new Hit(node.id(), node.labels(), (float) scores.score[doc]));
    }
    return out;
  }

  /** The documents of an index whose node carries one of {@code labels}. */
  java.util.BitSet docsWithLabel(String index, Set<String> labels) {
    Built b = built(index);
    java.util.BitSet out = new java.util.BitSet(b.nodes().length);
    for (int doc = 0; doc < b.nodes().length; doc++) {
      for (String l : b.nodes()[doc].labels()) {
        if (labels.contains(l)) {
          out.set(doc);
          break;
        }
      }
    }
    return out;
  }

  /** Every document's score for the clauses OR'ed, computed once for several look-ups. */
  Scores score(String index, List<Clause> clauses) {
    Built b = built(index);
    Scores scores = b.scores().get();
    if (scores == null) {
      scores = new Scores(b);
      b.scores().set(scores);
    }
    scores.clear();
    for (Clause c : clauses) {
      Postings[] byField = b.resolved().get(c);
      if (byField == null) {
        byField = new Postings[b.fields().size()];
        for (int f = 0; f < byField.length; f++) {
          byField[f] = resolve(b.analyzer(), b.fields().get(f), c, b.nodes().length);
        }
        if (b.resolved().size() >= MAX_RESOLVED) {
          b.resolved().clear();
        }
        b.resolved().put(c, byField);
      }
      for (Postings p : byField) { // field after field, as ever: the same sums in the same order
        scores.add(p);
      }
    }
    return scores;
  }

  /**
   * Scores of one query over one index: per document the sum of its clause scores, and the
   * documents some clause reached (only those are ever looked at again). A thread reuses one per
   * index, so a Scores holds until the same thread's next {@link #score} on that index: read it
   * at once (the arrays span every document; a sentence reaches a few hundred of them).
   */
  static final class Scores {
    private final Built built;
    private final double[] score;
    private final boolean[] hit;
    private final int[] matched;
    private final long[] keys;
    /** Scratch for {@link #best}. */
    private final int[] kept;
    private int count;

    private Scores(Built built) {
      this.built = built;
      int docs = built.nodes().length;
      this.score = new double[docs];
      this.hit = new boolean[docs];
      this.matched = new int[docs];
      this.keys = new long[docs];
      this.kept = new int[docs];
    }

    /** Back to no document reached, touching only those the last query reached. */
    private void clear() {
      for (int i = 0; i < count; i++) {
        score[matched[i]] = 0;
        hit[matched[i]] = false;
      }
      count = 0;
    }

    private void add(Postings p) {
      int[] docs = p.docs();
      float[] scores = p.scores();
      for (int i = 0; i < docs.length; i++) {
        int doc = docs[i];
        score[doc] += scores[i];
        if (!hit[doc]) {
          hit[doc] = true;
          matched[count++] = doc;
        }
      }
    }

    /**
     * The matched documents as (inverted score bits, doc) keys in the first {@link #count} places:
     * ascending keys rank best first, ties in index order (as Lucene).
     */
    private long[] keys() {
      for (int i = 0; i < count; i++) {
        keys[i] = key(matched[i]);
      }
      return keys;
    }

    private long key(int doc) {
      return ((long) (Integer.MAX_VALUE - Float.floatToIntBits((float) score[doc])) << 32) | doc;
    }

    /**
     * Of the documents in {@code keep} among the best {@code limit} hits (as {@link FullTextIndexes#query}
     * ranks them), the {@code few} best by score and any that tie with the last of them (the caller breaks
     * ties), in no particular order: without ranking every hit, since a sentence reaches hundreds of
     * documents and a few causes are wanted.
     */
    void best(int limit, java.util.BitSet keep, int few, java.util.function.ObjDoubleConsumer<Node> into) {
      // the kept documents reached, and the few smallest keys among them, ascending
      int[] kept = this.kept;
      int keptCount = 0;
      long[] smallest = new long[few];
      int found = 0;
      for (int i = 0; i < count; i++) {
        int doc = matched[i];
        if (!keep.get(doc)) {
          continue;
        }
        kept[keptCount++] = doc;
        long k = key(doc);
        if (found == few && k >= smallest[few - 1]) {
          continue;
        }
        int at = found == few ? few - 1 : found++;
        while (at > 0 && smallest[at - 1] > k) {
          smallest[at] = smallest[at - 1];
          at--;
        }
        smallest[at] = k;
      }
      if (found == 0) {
        return;
      }
      // the candidates: every kept document scoring at least the last of those (ties with it included)
      float floor = (float) score[(int) smallest[found - 1]];
      int candidates = 0;
      long weakest = Long.MIN_VALUE;
      for (int i = 0; i < keptCount; i++) {
        int doc = kept[i];
        if ((float) score[doc] >= floor) {
          kept[candidates++] = doc;
          weakest = Math.max(weakest, key(doc));
        }
      }
      // a candidate is among the best `limit` hits when fewer than `limit` hits rank before it; when the
      // weakest is, all are
      boolean allIn = count <= limit || ranksBefore(weakest) < limit;
      for (int i = 0; i < candidates; i++) {
        int doc = kept[i];
        if (allIn || ranksBefore(key(doc)) < limit) {
          into.accept(built.nodes()[doc], (float) score[doc]);
        }
      }
    }

    /** How many reached documents rank before the one with {@code key}. */
    private int ranksBefore(long key) {
      int n = 0;
      for (int i = 0; i < count; i++) {
        if (key(matched[i]) < key) {
          n++;
        }
      }
      return n;
    }
  }

  private Built built(String index) {
    Built b = indexes.get(index);
    if (b == null) {
      throw new IllegalArgumentException("no full-text index named " + index + " (have " + indexes.keySet() + ")");
    }
    return b;
  }

  /**
   * What one clause adds to each document's score in one field: the BM25 scores of its analysed
   * terms summed (a nested OR, which scores as a float of its own before the outer sum), or a
   * constant 1 per document holding any term with its prefix (Lucene's constant-score rewrite).
   */
  private static Postings resolve(Analyzer analyzer, FieldIndex field, Clause c, int docs) {
    double[] score = new double[docs];
    boolean[] hit = new boolean[docs];
    if (c.prefix()) {
      String prefix = analyzer.normalize(field.property(), c.text()).utf8ToString();
      String[] terms = field.sortedTerms();
      int i = Arrays.binarySearch(terms, prefix);
      for (i = i < 0 ? -i - 1 : i; i < terms.length && terms[i].startsWith(prefix); i++) {
        for (int doc : field.postings().get(terms[i]).docs()) {
          score[doc] = 1.0;
          hit[doc] = true;
        }
      }
    } else {
      for (String term : analyze(analyzer, field.property(), c.text())) {
        Postings p = field.postings().get(term);
        for (int i = 0; p != null && i < p.docs().length; i++) {
          score[p.docs()[i]] += p.scores()[i];
          hit[p.docs()[i]] = true;
        }
      }
    }
    int n = 0;
    for (boolean h : hit) {
      n += h ? 1 : 0;
    }
    if (n == 0) {
      return NONE;
    }
    int[] at = new int[n];
    float[] scores = new float[n];
    for (int doc = 0, i = 0; doc < docs; doc++) {
      if (hit[doc]) {
        at[i] = doc;
        scores[i++] = (float) score[doc];
      }
    }
    return new Postings(at, scores);
  }

  /**
   * The tokens of a clause. The analyzers our indexes name ({@code cjk}, {@code standard}) emit one
   * token per position, so no clause becomes a synonym query.
   */
  private static List<String> analyze(Analyzer analyzer, String field, String text) {
    List<String> out = new ArrayList<>(4);
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a query term", e);
    }
    return out;
  }

  private static final Map<String, AnalyzerProvider> PROVIDERS = providers();

  private static Map<String, AnalyzerProvider> providers() {
    Map<String, AnalyzerProvider> m = new HashMap<>();
    for (AnalyzerProvider p : ServiceLoader.load(AnalyzerProvider.class, FullTextIndexes.class.getClassLoader())) {
      m.put(p.getName(), p);
    }
    return Map.copyOf(m);
  }
}
