package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.seed.SeedReader;
import dev.gocause.graph.seed.SeedSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel finds the compilation of the seed-data packaged in its own jar by the jar alone (a
 * file named after the jar holds the content hash), without reading or hashing a seed-data
 * file; seed-data from anywhere else is read and hashed as before, and a pointer to a
 * compilation that is gone or damaged costs a compile, never a wrong answer.
 */
class PackagedSeedDataIsFoundByItsJarAloneTest {
  @TempDir Path tmp;

  @Test
  void the_first_start_compiles_and_names_the_content_and_the_next_finds_it_by_the_jar() throws IOException {
    Path jar = jarWithSeedData(tmp.resolve("code.jar"));
    CompiledSeedCache cache = CompiledSeedCache.at(tmp.resolve("cache"), "code-1", jar);
    String hash = SeedReader.contentHash(SeedSource.fromDirectory(RealKnowledge.repo().resolve("seed-data")));
    try (URLClassLoader loader = loaderOf(jar)) {
      assertThat(cache.packagedHashFile()).doesNotExist();
      CompiledSeedCache.Compiled first = cache.compiledFromClasspath(loader);
      assertThat(first.snapshot().hash()).isEqualTo(hash);
      assertThat(Files.readString(cache.packagedHashFile()).strip()).isEqualTo(hash);

      CompiledSeedCache.Compiled second = cache.compiledFromClasspath(loader);
      assertThat(second.snapshot()).isEqualTo(first.snapshot());
      assertThat(ModelCompiler.compile(second.snapshot(), second.fullText()).describe())
          .isEqualTo(ModelCompiler.compile(first.snapshot(), first.fullText()).describe());
    }
  }

  @Test
  void other_code_has_another_name_and_seed_data_outside_the_code_jar_is_read_as_before() throws IOException {
    Path jar = jarWithSeedData(tmp.resolve("seed.jar"));
    Path otherCode = Files.write(tmp.resolve("other-code.jar"), new byte[] {1});
    assertThat(CompiledSeedCache.at(tmp, "code-2", jar).packagedHashFile())
        .isNotEqualTo(CompiledSeedCache.at(tmp, "code-1", jar).packagedHashFile());
    CompiledSeedCache cache = CompiledSeedCache.at(tmp.resolve("cache"), "code-1", otherCode);
    try (URLClassLoader loader = loaderOf(jar)) {
      CompiledSeedCache.Compiled c = cache.compiledFromClasspath(loader);
      assertThat(c.snapshot().nodes()).isNotEmpty();
      assertThat(cache.packagedHashFile()).as("seed-data of another jar is not trusted by name").doesNotExist();
    }
  }

  @Test
  void a_pointer_to_a_compilation_that_is_gone_or_damaged_compiles_again() throws IOException {
    Path jar = jarWithSeedData(tmp.resolve("code.jar"));
    CompiledSeedCache cache = CompiledSeedCache.at(tmp.resolve("cache"), "code-1", jar);
    try (URLClassLoader loader = loaderOf(jar)) {
      CompiledSeedCache.Compiled first = cache.compiledFromClasspath(loader);
      Path compiled = cache.file(first.snapshot().hash());
      Files.delete(compiled);
      assertThat(cache.compiledFromClasspath(loader).snapshot()).isEqualTo(first.snapshot());
      assertThat(compiled).exists();

      Files.writeString(cache.packagedHashFile(), "not a hash\n");
      assertThat(cache.compiledFromClasspath(loader).snapshot()).isEqualTo(first.snapshot());
      assertThat(Files.readString(cache.packagedHashFile()).strip()).isEqualTo(first.snapshot().hash());
    }
  }

  private static URLClassLoader loaderOf(Path jar) throws IOException {
    return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
  }

  /** A jar holding the repository's seed-data under {@code seed-data/}, as the shaded jar does. */
  private static Path jarWithSeedData(Path jar) throws IOException {
    Path from = RealKnowledge.repo().resolve("seed-data");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      for (Path p : files) {
        j.putNextEntry(new JarEntry(SeedSource.CLASSPATH_FOLDER + "/" + from.relativize(p).toString().replace('\\', '/')));
        j.write(Files.readAllBytes(p));
        j.closeEntry();
      }
    }
    return jar;
  }
}
