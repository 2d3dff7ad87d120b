package dev.gocause.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gocause.graph.GocauseException;
import dev.gocause.kernel.install.KernelSpecInstaller;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gocause kernel install}: the kernelspec's folder, argv, jar copy and logos; Jupyter finds it. */
class KernelSpecInstallsLikeJupyterKernelspecInstallTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void user_install_honours_JUPYTER_DATA_DIR_copies_the_jar_and_uses_resource_dir(@TempDir Path tmp) throws Exception {
    Path jar = Files.writeString(tmp.resolve("built.jar"), "not really a jar");
    Path data = tmp.resolve("data");
    Path dir = new KernelSpecInstaller(Map.of("JUPYTER_DATA_DIR", data.toString()))
        .install(new KernelSpecInstaller.Target.User(), new KernelSpecInstaller.Launch.Jar(jar));
    assertThat(dir).isEqualTo(data.resolve("kernels/gocause"));
    assertThat(dir.resolve("gocause.jar")).hasContent("not really a jar");
    JsonNode spec = JSON.readTree(dir.resolve("kernel.json").toFile());
    assertThat(spec.get("interrupt_mode").asText()).isEqualTo("message");
    assertThat(spec.get("language").asText()).isEqualTo("gocause");
    String argv = spec.get("argv").toString();
    assertThat(argv).contains("\"-cp\",\"{resource_dir}/gocause.jar\",\"dev.gocause.kernel.KernelMain\",\"{connection_file}\"");
    assertThat(argv).as("no class-data archive is named before one was made").doesNotContain("SharedArchiveFile");
    for (int size : new int[] {32, 64}) {
      BufferedImage logo = ImageIO.read(dir.resolve("logo-" + size + "x" + size + ".png").toFile());
      assertThat(logo.getWidth()).isEqualTo(size);
      assertThat(logo.getHeight()).isEqualTo(size);
    }
  }

  @Test
  void prefix_install_goes_under_share_jupyter_kernels_and_replaces_an_old_spec(@TempDir Path tmp) throws Exception {
    Path jar = Files.writeString(tmp.resolve("built.jar"), "v2");
    Path old = Files.createDirectories(tmp.resolve("p/share/jupyter/kernels/gocause"));
    Files.writeString(old.resolve("stale.txt"), "old");
    Path dir = new KernelSpecInstaller(Map.of())
        .install(new KernelSpecInstaller.Target.Prefix(tmp.resolve("p")), new KernelSpecInstaller.Launch.Jar(jar));
    assertThat(dir).isEqualTo(old);
    assertThat(dir.resolve("stale.txt")).doesNotExist();
    assertThat(dir.resolve("gocause.jar")).hasContent("v2");
  }

  @Test
  void a_missing_jar_is_one_clear_error(@TempDir Path tmp) {
    assertThatThrownBy(() -> new KernelSpecInstaller(Map.of("JUPYTER_DATA_DIR", tmp.toString()))
            .install(new KernelSpecInstaller.Target.User(), new KernelSpecInstaller.Launch.Jar(tmp.resolve("nope.jar"))))
        .isInstanceOf(GocauseException.class)
        .hasMessageContaining("nope.jar does not exist");
  }

  @Test
  void jupyter_lists_the_installed_kernelspec() throws Exception {
    Jupyter j = Jupyter.get();
    Jupyter.Run run = j.python(Map.of(), 120, "-m", "jupyter_client.kernelspecapp", "list", "--json");
    assertThat(run.exit()).as(run.out()).isZero();
    JsonNode specs = JSON.readTree(run.out().substring(run.out().indexOf('{'))).get("kernelspecs");
    assertThat(specs.has("gocause")).as(run.out()).isTrue();
    assertThat(Path.of(specs.get("gocause").get("resource_dir").asText())).isEqualTo(j.kernelDir);
    assertThat(specs.get("gocause").get("spec").get("interrupt_mode").asText()).isEqualTo("message");
  }
}
