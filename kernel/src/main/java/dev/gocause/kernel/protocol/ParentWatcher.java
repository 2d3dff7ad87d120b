package dev.gocause.kernel.protocol;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the JVM when the process that started it (Jupyter) is gone. The base library never
 * notices, so a crashed or killed notebook server would leave kernels (and their embedded
 * graphs) running forever. Jupyter names itself in {@code JPY_PARENT_PID}; without it the OS
 * parent is watched.
 */
public final class ParentWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ParentWatcher.class);

  private ParentWatcher() {}

  /** Starts a daemon thread polling the parent every {@code period}; calls {@code onDeath} once. */
  public static Optional<ProcessHandle> start(Duration period, Runnable onDeath) {
    Optional<ProcessHandle> parent = parent();
    parent.ifPresent(p -> {
      Thread t = new Thread(() -> {
        while (p.isAlive()) {
          try {
            Thread.sleep(period.toMillis());
          } catch (InterruptedException e) {
            return;
          }
        }
        LOG.warn("parent process {} is gone; stopping the kernel", p.pid());
        onDeath.run();
      }, "gocause-parent-watcher");
      t.setDaemon(true);
      t.start();
    });
    return parent;
  }

  static Optional<ProcessHandle> parent() {
    String env = System.getenv("JPY_PARENT_PID");
    if (env != null && !env.isBlank()) {
      try {
        long pid = Long.parseLong(env.strip());
        if (pid > 1) {
          return ProcessHandle.of(pid);
        }
      } catch (NumberFormatException e) {
        LOG.debug("ignoring JPY_PARENT_PID={}", env);
      }
    }
    return ProcessHandle.current().parent().filter(p -> p.pid() > 1);
  }
}
