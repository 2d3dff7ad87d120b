package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gocause.graph.seed.KnowledgeSet;
import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import dev.gocause.graph.seed.SeedValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled seed-data cache saves a cold diagnose reading YAML and building full-text indexes,
 * and must never answer from other knowledge or other code: every file's content and the code
 * that compiled it name the cache file, and a damaged file is compiled again.
 */
class CompiledSeedDataIsReusedOnlyForTheSameContentAndCodeTest {
  private static SeedSource seed;
  private static KnowledgeSet knowledge;

  @TempDir Path tmp;

  @BeforeAll
  static void readSeed() {
    seed = SeedSource.fromDirectory(RealKnowledge.repo().resolve("seed-data"));
    knowledge = SeedReader.read(seed);
  }

  @Test
  void what_is_read_back_equals_what_was_compiled_and_answers_every_eval_input_alike() {
    CompiledSeedCache cache = CompiledSeedCache.at(tmp, "code-1");
    CompiledSeedCache.Compiled compiled = CompiledSeedCache.compile(knowledge);
    cache.write(compiled);

    Optional<CompiledSeedCache.Compiled> back = cache.read(knowledge.contentHash());
    assertThat(back).isPresent();
    assertThat(back.get().snapshot()).isEqualTo(compiled.snapshot());

    DiagnosisModel fresh = ModelCompiler.compile(compiled.snapshot(), compiled.fullText());
    DiagnosisModel cached = ModelCompiler.compile(back.get().snapshot(), back.get().fullText());
    assertThat(cached.describe()).isEqualTo(fresh.describe());
    List<Evaluation.EvalCase> cases = Evaluation.load(RealKnowledge.repo().resolve("eval"), "all");
    assertThat(cases).hasSizeGreaterThan(100);
    for (Evaluation.EvalCase c : cases) {
      DiagnosisRequest request = new DiagnosisRequest(c.text(), DiagnosisRequest.MAX_LIMIT, null);
      assertThat(DiagnosisRenderer.json(DiagnosisEngine.diagnose(cached, request, cached.textLookups())))
          .as(c.set() + "/" + c.file())
          .isEqualTo(DiagnosisRenderer.json(DiagnosisEngine.diagnose(fresh, request, fresh.textLookups())));
    }
  }

  @Test
  void the_first_run_compiles_and_writes_and_the_next_reads_the_same_model() {
    CompiledSeedCache cache = CompiledSeedCache.at(tmp, "code-1");
    assertThat(cache.read(knowledge.contentHash())).isEmpty();
    DiagnosisModel first = cache.model(seed);
    assertThat(cache.file(knowledge.contentHash())).exists();
    assertThat(cache.read(knowledge.contentHash())).isPresent();
    assertThat(cache.model(seed).describe()).isEqualTo(first.describe());
  }

  @Test
  void other_code_does_not_read_what_this_code_compiled() {
    CompiledSeedCache.at(tmp, "code-1").model(seed);
    CompiledSeedCache other = CompiledSeedCache.at(tmp, "code-2");
    assertThat(other.file(knowledge.contentHash())).isNotEqualTo(CompiledSeedCache.at(tmp, "code-1").file(knowledge.contentHash()));
    assertThat(other.read(knowledge.contentHash())).isEmpty();
  }

  @Test
  void a_changed_or_added_seed_file_is_never_answered_from_the_old_compilation() throws IOException {
    Path copy = copyOfSeedData();
    CompiledSeedCache cache = CompiledSeedCache.at(tmp.resolve("cache"), "code-1");
    DiagnosisModel before = cache.model(SeedSource.fromDirectory(copy));
    assertThat(before.hash()).isEqualTo(knowledge.contentHash());

    // a comment changes no knowledge but the content: compiled again, under the new hash
    Files.writeString(copy.resolve("symptoms.yaml"), "\n# edited\n", StandardOpenOption.APPEND);
    SeedSource edited = SeedSource.fromDirectory(copy);
    String editedHash = SeedReader.contentHash(edited);
    assertThat(editedHash).isNotEqualTo(knowledge.contentHash());
    assertThat(cache.read(editedHash)).isEmpty();
    assertThat(cache.model(edited).hash()).isEqualTo(editedHash);

    // a new file that does not validate: read and refused, not answered from the cache
    Files.writeString(copy.resolve("symptoms-new.yaml"), "symptoms:\n  - id: Not An Id\n");
    assertThatThrownBy(() -> cache.model(SeedSource.fromDirectory(copy)))
        .isInstanceOf(SeedValidationException.class)
        .hasMessageContaining("symptoms-new.yaml");
  }

  @Test
  void a_damaged_or_truncated_file_is_ignored_and_compiled_again() throws IOException {
    CompiledSeedCache cache = CompiledSeedCache.at(tmp, "code-1");
    cache.model(seed);
    Path file = cache.file(knowledge.contentHash());
    byte[] bytes = Files.readAllBytes(file);

    byte[] flipped = bytes.clone();
    flipped[flipped.length / 2] ^= 0x40;
    Files.write(file, flipped);
    assertThat(cache.read(knowledge.contentHash())).isEmpty();

    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    assertThat(cache.read(knowledge.contentHash())).isEmpty();
    assertThat(cache.model(seed).hash()).isEqualTo(knowledge.contentHash());
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void it_is_off_when_asked_or_when_no_jar_identifies_the_code() {
    assertThat(CompiledSeedCache.from(Map.of("GOCAUSE_CACHE", "off"), "/home/u", Optional.of("jar")).enabled()).isFalse();
    assertThat(CompiledSeedCache.from(Map.of(), "/home/u", Optional.empty()).enabled()).isFalse();
    assertThat(CompiledSeedCache.from(Map.of(), "/home/u", Optional.of("jar")).file("h"))
        .startsWithRaw(Path.of("/home/u/.cache/gocause"));
    assertThat(CompiledSeedCache.from(Map.of("XDG_CACHE_HOME", "/x"), "/home/u", Optional.of("jar")).file("h"))
        .startsWithRaw(Path.of("/x/gocause"));
    assertThat(CompiledSeedCache.from(Map.of("GOCAUSE_CACHE", "/c"), "/home/u", Optional.of("jar")).file("h"))
        .startsWithRaw(Path.of("/c"));
    // tests run from class folders: no jar, no cache
    assertThat(CompiledSeedCache.codeOfThisJar()).isEmpty();
  }

  private Path copyOfSeedData() throws IOException {
    Path from = RealKnowledge.repo().resolve("seed-data");
    Path to = tmp.resolve("seed-data");
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
