package dev.gocause.graph.diagnosis;

import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed-data compiled once: the {@link KnowledgeSnapshot} the loader would write and its built
 * full-text indexes, kept in a file named after the content hash of every seed-data file (any
 * added, removed or changed file, YAML or not, gives another name) and the code that compiled it
 * (the jar's path, size and time: any rebuild gives another name). A one-line diagnose then skips
 * reading YAML, validating and building the indexes, which is most of its time in a cold JVM.
 *
 * <p>What comes back from the file goes through the same {@link ModelCompiler} as everything
 * else. A file that is damaged, truncated, of another format or for other content is ignored and
 * rewritten; when the cache cannot be written (read-only home), answers are compiled every time.
 * Running from class folders (a build in progress, tests) there is no code identity to key on,
 * so the cache is off.
 *
 * <p>{@code GOCAUSE_CACHE}: the folder (default {@code $XDG_CACHE_HOME/gocause}, else
 * {@code ~/.cache/gocause}); {@code off} turns the cache off.
 */
final class CompiledSeedCache {
  private static final Logger LOG = LoggerFactory.getLogger(CompiledSeedCache.class);

  /** Raise when the file layout or what the snapshot holds changes meaning. */
  static final int FORMAT = 1;
  private static final String MAGIC = "gocause compiled seed-data";
  private static final String PREFIX = "seed-";
  private static final String SUFFIX = ".bin";
  private static final String PACKAGED_PREFIX = "packaged-";
  private static final String PACKAGED_SUFFIX = ".hash";
  /** Files of other contents or builds kept next to the current one (other checkouts share the folder). */
  private static final int KEEP = 8;

  /**
   * The snapshot and its full-text indexes, as compiled from seed-data. Read from a file, the
   * indexes are decoded on first use: look-ups need the snapshot only, and a kernel's first
   * {@code %cause} should not wait for Lucene.
   */
  static final class Compiled {
    private final KnowledgeSnapshot snapshot;
    private Supplier<FullTextIndexes> pending;
    private FullTextIndexes fullText;

    Compiled(KnowledgeSnapshot snapshot, FullTextIndexes fullText) {
      this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
      this.fullText = Objects.requireNonNull(fullText, "fullText");
    }

    /** Indexes decoded by {@code decode} when first asked for. */
    private Compiled(KnowledgeSnapshot snapshot, Supplier<FullTextIndexes> decode) {
      this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
      this.pending = Objects.requireNonNull(decode, "decode");
    }

    KnowledgeSnapshot snapshot() {
      return snapshot;
    }

    synchronized FullTextIndexes fullText() {
      if (fullText == null) {
        fullText = pending.get();
        pending = null;
      }
      return fullText;
    }
  }

  private final Path dir;
  private final String codeVersion;
  /** The jar {@link #codeVersion} names, when the code runs from one. */
  private final Path codeJar;

  private CompiledSeedCache(Path dir, String codeVersion, Path codeJar) {
    this.dir = dir;
    this.codeVersion = codeVersion;
    this.codeJar = codeJar;
  }

  /** Kept in {@code dir} for code identified by {@code codeVersion} (tests, tools). */
  static CompiledSeedCache at(Path dir, String codeVersion) {
    return new CompiledSeedCache(Objects.requireNonNull(dir, "dir"), Objects.requireNonNull(codeVersion, "codeVersion"), null);
  }

  /** As {@link #at(Path, String)}, for code in {@code codeJar} (whose packaged seed-data {@link #compiledFromClasspath} trusts). */
  static CompiledSeedCache at(Path dir, String codeVersion, Path codeJar) {
    return new CompiledSeedCache(Objects.requireNonNull(dir, "dir"), Objects.requireNonNull(codeVersion, "codeVersion"),
        Objects.requireNonNull(codeJar, "codeJar").toAbsolutePath());
  }

  /** No cache: always compiled. */
  static CompiledSeedCache off() {
    return new CompiledSeedCache(null, null, null);
  }

  /** From {@code GOCAUSE_CACHE} and the jar this class was loaded from. */
  static CompiledSeedCache fromSystem() {
    Optional<Path> jar = thisJar();
    CompiledSeedCache c = from(System.getenv(), System.getProperty("user.home"), jar.flatMap(CompiledSeedCache::codeOf));
    return c.enabled() && jar.isPresent() ? at(c.dir, c.codeVersion, jar.get()) : c;
  }

  /**
   * The seed-data on the classpath: when it is packaged in the jar this code runs from, a small
   * file named after that jar (path, size, time) holds the content hash of its compilation, so
   * the compilation is found without reading or hashing a seed-data file (reading 300 files out
   * of a jar of 60,000 entries and hashing them was most of a kernel's first look-up). Otherwise
   * (class folders, seed-data outside this jar, the first run) as {@link #compiled(SeedSource)}.
   */
  Compiled compiledFromClasspath(ClassLoader loader) {
    boolean packagedHere = enabled() && seedDataIsInThisJar(loader);
    if (packagedHere) {
      Optional<Compiled> known = packagedHash().flatMap(this::read);
      if (known.isPresent()) {
        return known.get();
      }
    }
    Compiled compiled = compiled(SeedSource.fromClasspath(loader));
    if (packagedHere) {
      writePackagedHash(compiled.snapshot().hash());
    }
    return compiled;
  }

  /** Whether the classpath seed-data is the folder packaged in the jar that {@link #codeVersion} names. */
  private boolean seedDataIsInThisJar(ClassLoader loader) {
    if (codeJar == null) {
      return false;
    }
    java.net.URL readme = loader.getResource(SeedSource.CLASSPATH_FOLDER + "/README.md");
    if (readme == null) {
      return false;
    }
    String url = readme.toString();
    int bang = url.indexOf("!/");
    if (!url.startsWith("jar:") || bang < 0) {
      return false;
    }
    try {
      return Path.of(java.net.URI.create(url.substring("jar:".length(), bang))).toAbsolutePath().equals(codeJar);
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return false;
    }
  }

  /** The file naming the content hash of the seed-data packaged in this code's jar. */
  Path packagedHashFile() {
    return dir.resolve(PACKAGED_PREFIX + sha256(FORMAT + "|" + codeVersion).substring(0, 32) + PACKAGED_SUFFIX);
  }

  private Optional<String> packagedHash() {
    try {
      String hash = Files.readString(packagedHashFile(), StandardCharsets.UTF_8).strip();
      return hash.matches("[0-9a-f]{64}") ? Optional.of(hash) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void writePackagedHash(String contentHash) {
    Path file = packagedHashFile();
    try {
      replace(file, (contentHash + "\n").getBytes(StandardCharsets.UTF_8), PACKAGED_PREFIX, PACKAGED_SUFFIX);
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot write {}: {}", file, e.toString());
    }
  }

  static CompiledSeedCache from(Map<String, String> env, String home, Optional<String> code) {
    String setting = env.getOrDefault("GOCAUSE_CACHE", "").strip();
    if (setting.equalsIgnoreCase("off") || code.isEmpty()) {
      return off();
    }
    Path dir;
    if (!setting.isEmpty()) {
      dir = Path.of(setting);
    } else if (!env.getOrDefault("XDG_CACHE_HOME", "").isBlank()) {
      dir = Path.of(env.get("XDG_CACHE_HOME").strip(), "gocause");
    } else if (home != null) {
      dir = Path.of(home, ".cache", "gocause");
    } else {
      return off();
    }
    return at(dir, code.get());
  }

  /** The jar holding this class as path, size and modification time; empty when loaded from a folder. */
  static Optional<String> codeOfThisJar() {
    return thisJar().flatMap(CompiledSeedCache::codeOf);
  }

  /** A jar as path, size and modification time: what names the code in the cache. */
  static Optional<String> codeOf(Path jar) {
    try {
      BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
      return Optional.of(jar.toAbsolutePath() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The jar this class was loaded from (absolute); empty when loaded from a folder. */
  private static Optional<Path> thisJar() {
    try {
      CodeSource cs = CompiledSeedCache.class.getProtectionDomain().getCodeSource();
      if (cs == null || cs.getLocation() == null) {
        return Optional.empty();
      }
      Path jar = Path.of(cs.getLocation().toURI()).toAbsolutePath();
      return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  boolean enabled() {
    return dir != null;
  }

  /**
   * The diagnosis model of {@code source}: from the cache when it holds this content compiled by
   * this code, else read, validated and compiled (throws on invalid seed-data) and then cached.
   */
  DiagnosisModel model(SeedSource source) {
    Compiled c = compiled(source);
    return ModelCompiler.compile(c.snapshot(), c.fullText());
  }

  /** The snapshot and indexes of {@code source}, cached or compiled as for {@link #model}. */
  Compiled compiled(SeedSource source) {
    String hash = SeedReader.contentHash(source);
    Optional<Compiled> cached = read(hash);
    if (cached.isPresent()) {
      return cached.get();
    }
    Compiled compiled = compile(SeedReader.read(source));
    write(compiled);
    return compiled;
  }

  /** The snapshot and indexes of seed-data already read and validated, cached or compiled. */
  Compiled compiled(KnowledgeSet knowledge) {
    Optional<Compiled> cached = read(knowledge.contentHash());
    if (cached.isPresent()) {
      return cached.get();
    }
    Compiled compiled = compile(knowledge);
    write(compiled);
    return compiled;
  }

  static Compiled compile(KnowledgeSet knowledge) {
    KnowledgeSnapshot snapshot = KnowledgeSnapshot.of(knowledge);
    return new Compiled(snapshot, ModelCompiler.fullText(snapshot));
  }

  /** The file for seed-data with this content hash. */
  Path file(String contentHash) {
    return dir.resolve(PREFIX + sha256(FORMAT + "|" + contentHash + "|" + codeVersion).substring(0, 32) + SUFFIX);
  }

  /** What the cache holds for this content and code, if it is there and intact. */
  Optional<Compiled> read(String contentHash) {
    if (dir == null) {
      return Optional.empty();
    }
    Path file = file(contentHash);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      LOG.debug("no compiled seed-data in {} ({})", file, e.toString());
      return Optional.empty();
    }
    try {
      Compiled c = decode(bytes, key(contentHash));
      if (!c.snapshot().hash().equals(contentHash)) {
        throw new Binary.Malformed("holds content " + c.snapshot().hash());
      }
      LOG.debug("compiled seed-data {} read from {}", contentHash, file);
      return Optional.of(c);
    } catch (Binary.Malformed | RuntimeException e) {
      LOG.debug("ignoring compiled seed-data in {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** Stores a compilation for later runs; a failure only costs those runs the compile time. */
  void write(Compiled compiled) {
    if (dir == null) {
      return;
    }
    Path file = file(compiled.snapshot().hash());
    try {
      byte[] bytes = encode(compiled, key(compiled.snapshot().hash()));
      replace(file, bytes, PREFIX, SUFFIX);
      LOG.debug("compiled seed-data cached in {} ({} bytes)", file, bytes.length);
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot cache the compiled seed-data in {}: {}", file, e.toString());
    }
  }

  /**
   * Writes {@code file} whole or not at all (a temporary file moved over it: other runs may read it
   * meanwhile), then keeps the newest few files of its kind ({@code prefix}, {@code suffix}).
   */
  private void replace(Path file, byte[] bytes, String prefix, String suffix) throws IOException {
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, prefix, ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    prune(file, prefix, suffix);
  }

  /** Keeps the newest few files of this kind besides {@code current}. */
  private void prune(Path current, String prefix, String suffix) throws IOException {
    List<Path> others;
    try (Stream<Path> s = Files.list(dir)) {
      others = s.filter(p -> !p.equals(current))
          .filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(suffix))
          .sorted(Comparator.comparing(CompiledSeedCache::modified).reversed())
          .toList();
    }
    for (Path p : others.subList(Math.min(KEEP, others.size()), others.size())) {
      Files.deleteIfExists(p);
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0L;
    }
  }

  private String key(String contentHash) {
    return FORMAT + "|" + contentHash + "|" + codeVersion;
  }

  /** Magic, key, snapshot, indexes, then a CRC32 of everything before it. */
  static byte[] encode(Compiled c, String key) {
    Binary.Writer w = new Binary.Writer();
    w.str(MAGIC).str(key);
    c.snapshot().writeTo(w);
    c.fullText().writeTo(w);
    byte[] body = w.toBytes();
    CRC32 crc = new CRC32();
    crc.update(body);
    byte[] out = Arrays.copyOf(body, body.length + 8);
    java.nio.ByteBuffer.wrap(out, body.length, 8).putLong(crc.getValue());
    return out;
  }

  static Compiled decode(byte[] bytes, String key) throws Binary.Malformed {
    if (bytes.length < 8) {
      throw new Binary.Malformed("is " + bytes.length + " bytes long");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    if (crc.getValue() != java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
      throw new Binary.Malformed("is damaged (checksum)");
    }
    Binary.Reader r = new Binary.Reader(Arrays.copyOf(bytes, bytes.length - 8));
    if (!r.str().equals(MAGIC)) {
      throw new Binary.Malformed("is not a compiled seed-data file");
    }
    String found = r.str();
    if (!found.equals(key)) {
      throw new Binary.Malformed("was compiled for " + found);
    }
    KnowledgeSnapshot snapshot = KnowledgeSnapshot.readFrom(r);
    return new Compiled(snapshot, () -> {
      // the checksum held, so only a bug could fail here: the indexes are built again from the snapshot
      try {
        FullTextIndexes fullText = FullTextIndexes.readFrom(r);
        if (!r.atEnd()) {
          throw new Binary.Malformed("has bytes after its end");
        }
        return fullText;
      } catch (Binary.Malformed | RuntimeException e) {
        LOG.warn("compiled seed-data: cannot decode its full-text indexes ({}); building them again", e.getMessage());
        return ModelCompiler.fullText(snapshot);
      }
    });
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
