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

  /**
   * One property of an index: its terms, sorted (for prefixes), with their postings; and what
   * each clause seen so far came to (its analysed terms' scores summed, or its prefix expanded),
   * since people's words repeat. Bounded: emptied when it outgrows {@link #MAX_RESOLVED}.
   */
  private record FieldIndex(String property, String[] sortedTerms, Map<String, Postings> postings,
      java.util.concurrent.ConcurrentHashMap<Clause, Postings> resolved) {}

  private static final int MAX_RESOLVED = 10_000;
  private static final Postings NONE = new Postings(new int[0], new float[0]);

  private record Built(Definition definition, Analyzer analyzer, Node[] nodes, List<FieldIndex> fields) {}

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
        fields.add(new FieldIndex(field, sorted, Map.copyOf(postings), new java.util.concurrent.ConcurrentHashMap<>()));
      }
      return new Built(d, analyzer, byDoc, List.copyOf(fields));
    }
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
    Built b = built(index);
    double[] score = scores(b, clauses);
    long[] keys = new long[score.length];
    int n = ranked(score, keys);
    int take = Math.min(Math.max(1, limit), n);
    List<Hit> out = new ArrayList<>(take);
    for (int i = 0; i < take; i++) {
      int doc = (int) keys[i];
      Node node = b.nodes()[doc];
      out.add(new Hit(node.id(), node.labels(), (float) score[doc]));
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
    return new Scores(b, scores(b, clauses));
  }

  /** Scores of one query over one index. */
  static final class Scores {
    private final Built built;
    private final double[] score;
    private final int matched;
    /** Matching documents best first as (inverted score bits, doc) keys; sorted on first need. */
    private long[] sorted;

    private Scores(Built built, double[] score) {
      this.built = built;
      this.score = score;
      int n = 0;
      for (double s : score) {
        n += Double.isNaN(s) ? 0 : 1;
      }
      this.matched = n;
    }

    /**
     * The documents among the best {@code limit} hits (as {@link FullTextIndexes#query} ranks them)
     * that are in {@code keep}, in no particular order.
     */
    void best(int limit, java.util.BitSet keep, java.util.function.ObjDoubleConsumer<Node> into) {
      if (matched <= limit) {
        for (int doc = keep.nextSetBit(0); doc >= 0; doc = keep.nextSetBit(doc + 1)) {
          if (!Double.isNaN(score[doc])) {
            into.accept(built.nodes()[doc], (float) score[doc]);
          }
        }
        return;
      }
      if (sorted == null) {
        sorted = new long[score.length];
        ranked(score, sorted);
      }
      for (int i = 0; i < limit; i++) {
        int doc = (int) sorted[i];
        if (keep.get(doc)) {
          into.accept(built.nodes()[doc], (float) score[doc]);
        }
      }
    }
  }

  private Built built(String index) {
    Built b = indexes.get(index);
    if (b == null) {
      throw new IllegalArgumentException("no full-text index named " + index + " (have " + indexes.keySet() + ")");
    }
    return b;
  }

  /** Per document, the sum of its clause scores; NaN where no clause matched. */
  private static double[] scores(Built b, List<Clause> clauses) {
    double[] score = new double[b.nodes().length];
    boolean[] hit = new boolean[score.length];
    for (Clause c : clauses) {
      for (FieldIndex field : b.fields()) {
        Postings p = field.resolved().get(c);
        if (p == null) {
          p = resolve(b.analyzer(), field, c, score.length);
          if (field.resolved().size() >= MAX_RESOLVED) {
            field.resolved().clear();
          }
          field.resolved().put(c, p);
        }
        add(p, score, hit);
      }
    }
    for (int doc = 0; doc < score.length; doc++) {
      if (!hit[doc]) {
        score[doc] = Double.NaN;
      }
    }
    return score;
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
        add(field.postings().get(term), score, hit);
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
   * Fills {@code keys} with the matching documents, best first with ties in index order (as
   * Lucene), as (inverted score bits, doc) keys; returns their number.
   */
  private static int ranked(double[] score, long[] keys) {
    int n = 0;
    for (int doc = 0; doc < score.length; doc++) {
      if (!Double.isNaN(score[doc])) {
        keys[n++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits((float) score[doc])) << 32) | doc;
      }
    }
    Arrays.sort(keys, 0, n);
    return n;
  }

  private static void add(Postings p, double[] score, boolean[] hit) {
    if (p == null) {
      return;
    }
    for (int i = 0; i < p.docs().length; i++) {
      score[p.docs()[i]] += p.scores()[i];
      hit[p.docs()[i]] = true;
    }
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
