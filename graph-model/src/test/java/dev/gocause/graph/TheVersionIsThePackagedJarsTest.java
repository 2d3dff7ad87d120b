package dev.gocause.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI, the API's OpenAPI document and the kernel once said three different versions of one jar. */
class TheVersionIsThePackagedJarsTest {

  @Test
  void a_jar_with_an_implementation_version_reports_it(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("gocause.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "4.5.6-test");
    String entry = GocauseVersion.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream in = GocauseVersion.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> packaged = loader.loadClass(GocauseVersion.class.getName());
      assertThat(packaged.getMethod("current").invoke(null)).isEqualTo("4.5.6-test");
    }
  }

  @Test
  void classes_from_build_folders_say_they_are_a_development_build() {
    assertThat(GocauseVersion.current()).isEqualTo(GocauseVersion.DEVELOPMENT);
  }
}
