package dev.gocause.graph.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gocause.graph.Fixtures;
import dev.gocause.graph.GocauseException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedSourceReadsFoldersAndJarsTest {

  @Test
  void a_folder_gives_every_file_sorted_by_relative_path() {
    SeedSource s = SeedSource.fromDirectory(Fixtures.dir("basic"));
    List<String> paths = s.files().stream().map(SeedFile::path).toList();
    assertThat(paths).contains("knowledge.yaml", "cases/cases.yaml", "cases/lonely-receiver/buggy.go", "evidence/nil-mutex/main.go");
    assertThat(paths).isSorted();
  }

  @Test
  void seed_data_inside_a_jar_on_the_classpath_reads_the_same_as_the_folder(@TempDir Path tmp) throws Exception {
    SeedSource folder = SeedSource.fromDirectory(Fixtures.dir("basic"));
    Path jar = tmp.resolve("with-seed.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("seed-data/"));
      out.closeEntry();
      for (SeedFile f : folder.files()) {
        out.putNextEntry(new JarEntry("seed-data/" + f.path()));
        out.write(f.bytes());
        out.closeEntry();
      }
    }
    try (URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      SeedSource fromJar = SeedSource.fromClasspath(cl);
      assertThat(fromJar.files().stream().map(SeedFile::path).toList())
          .isEqualTo(folder.files().stream().map(SeedFile::path).toList());
      assertThat(SeedReader.contentHash(fromJar)).isEqualTo(SeedReader.contentHash(folder));
      KnowledgeSet ks = SeedReader.read(fromJar);
      assertThat(ks.version()).isEqualTo("0.0.1-fixture");
      assertThat(fromJar.display("symptoms.yaml")).isEqualTo("classpath:seed-data/symptoms.yaml");
    }
  }

  @Test
  void the_packaged_seed_data_is_found_on_the_test_classpath() {
    SeedSource s = SeedSource.fromClasspath();
    assertThat(s.files()).extracting(SeedFile::path).contains("README.md");
  }

  @Test
  void a_class_loader_without_seed_data_gives_one_clear_line() throws Exception {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      assertThatThrownBy(() -> SeedSource.fromClasspath(empty))
          .isInstanceOf(GocauseException.class)
          .hasMessage("no seed-data on the classpath (expected the folder 'seed-data/') — pass --seed-data DIR");
    }
  }

  @Test
  void a_missing_folder_gives_one_clear_line(@TempDir Path tmp) {
    assertThatThrownBy(() -> SeedSource.fromDirectory(tmp.resolve("nope")))
        .isInstanceOf(GocauseException.class)
        .hasMessageContaining("nope does not exist or is not a folder");
  }

  @Test
  void the_content_hash_covers_go_sources_and_not_the_reading_order() {
    SeedSource folder = SeedSource.fromDirectory(Fixtures.dir("basic"));
    List<SeedFile> reversed = new ArrayList<>(folder.files());
    java.util.Collections.reverse(reversed);
    assertThat(SeedReader.contentHash(SeedSource.ofFiles("x", reversed))).isEqualTo(SeedReader.contentHash(folder));

    List<SeedFile> goEdited = folder.files().stream()
        .map(f -> f.path().endsWith("buggy.go") ? new SeedFile(f.path(), (f.text() + "// edited\n").getBytes(StandardCharsets.UTF_8)) : f)
        .toList();
    assertThat(SeedReader.contentHash(SeedSource.ofFiles("x", goEdited))).isNotEqualTo(SeedReader.contentHash(folder));
  }

  @Test
  void section_numbers_keep_their_written_form() {
    KnowledgeSet ks = SeedReader.read(SeedSource.fromDirectory(Fixtures.dir("basic")));
    assertThat(ks.entries(Section.class)).extracting(Section::number).containsExactly("1", "2.1", "2.10");
    Symptom hang = (Symptom) ks.find(dev.gocause.graph.NodeLabel.SYMPTOM, "program-hangs-no-output").orElseThrow();
    assertThat(hang.common().alsoIn()).containsExactly("2.10");
    Signature wait = ks.entries(Signature.class).stream().filter(s -> s.id().equals("sig-wait-chan-receive")).findFirst().orElseThrow();
    assertThat(wait.goVersions()).containsExactly("1.19", ">=1.20");
    Primitive mutex = (Primitive) ks.find(dev.gocause.graph.NodeLabel.PRIMITIVE, "mutex").orElseThrow();
    assertThat(mutex.common().source()).isEqualTo("external: Go sync package documentation");
    assertThat(mutex.common().sourceSection()).isEmpty();
  }

}
