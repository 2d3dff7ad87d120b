package dev.gocause.cli;

/** Small helpers shared by commands. */
final class Cli {
  private Cli() {}

  /** Keeps library INFO logs (driver, store) off the console of one-shot commands, unless the user asked for them. */
  static void quietLogs() {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }
}
