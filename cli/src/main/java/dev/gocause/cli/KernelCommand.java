package dev.gocause.cli;

import dev.gocause.graph.GocauseException;
import dev.gocause.kernel.KernelMain;
import dev.gocause.kernel.install.KernelSpecInstaller;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gocause kernel install|run}: the Jupyter kernel. */
@Command(
    name = "kernel",
    description = "The gocause Jupyter kernel: 'kernel install' writes the kernelspec.",
    mixinStandardHelpOptions = true,
    subcommands = {KernelCommand.Install.class, KernelCommand.Run.class})
public final class KernelCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.out);
    return 0;
  }

  /** Writes kernelspec {@code gocause}, like {@code jupyter kernelspec install}. */
  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = {
        "Install the Jupyter kernelspec 'gocause'.",
        "",
        "Like 'jupyter kernelspec install': the jar is copied into the kernelspec folder and argv uses"
            + " {resource_dir}. Default --user: $JUPYTER_DATA_DIR/kernels or ~/.local/share/jupyter/kernels."
      })
  static final class Install implements Callable<Integer> {
    static final class Where {
      @Option(names = "--user", description = "install for the current user (default)") boolean user;
      @Option(names = "--sys-prefix", description = "install into the Python sys.prefix (virtualenv/conda)") boolean sysPrefix;
      @Option(names = "--prefix", paramLabel = "P", description = "install into P/share/jupyter/kernels") Path prefix;
    }

    @ArgGroup(exclusive = true) Where where;

    @Option(names = "--no-archive", description = "skip the class-data archive (made by a warm-up kernel through Jupyter, some seconds; it makes every kernel start faster)")
    boolean noArchive;

    @Option(names = "--jar", paramLabel = "JAR", hidden = true, description = "the runnable jar to copy (default: the one running)")
    Path jar;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      KernelSpecInstaller.Target target;
      if (where != null && where.prefix != null) {
        target = new KernelSpecInstaller.Target.Prefix(where.prefix);
      } else if (where != null && where.sysPrefix) {
        target = new KernelSpecInstaller.Target.SysPrefix();
      } else {
        target = new KernelSpecInstaller.Target.User();
      }
      Path source = jar != null ? jar : runningJar();
      KernelSpecInstaller installer = new KernelSpecInstaller();
      Path dir = installer.install(target, new KernelSpecInstaller.Launch.Jar(source));
      spec.commandLine().getOut().println("installed kernelspec gocause in " + dir);
      if (!noArchive) {
        spec.commandLine().getErr().println("making the kernel's class-data archive (a warm-up kernel; some seconds) ...");
        spec.commandLine().getErr().flush();
        KernelSpecInstaller.ArchiveOutcome archive = installer.addClassDataArchive(dir);
        spec.commandLine().getOut().println(archive.made()
            ? "class-data archive " + archive.detail() + " (kernels start from it)"
            : "no class-data archive: " + archive.detail() + "; the kernel works, it only starts slower");
      }
      spec.commandLine().getOut().println("start Jupyter (jupyter notebook) and pick the kernel \"gocause (Go concurrency)\"; type %help in a cell");
      return 0;
    }

    private static Path runningJar() {
      try {
        Path p = Path.of(KernelCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
          return p;
        }
        throw new GocauseException("kernel install needs the packaged jar (cli/target/gocause.jar), not " + p
            + "; run it through ./gocause, or pass --jar JAR");
      } catch (URISyntaxException e) {
        throw new GocauseException("cannot locate the running jar: " + e.getMessage());
      }
    }
  }

  /** Started by Jupyter through the kernelspec's argv; not for people. */
  @Command(name = "run", hidden = true, description = "Run the kernel on a Jupyter connection file.")
  static final class Run implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONNECTION_FILE") Path connectionFile;

    @Override
    public Integer call() {
      return KernelMain.run(connectionFile);
    }
  }
}
