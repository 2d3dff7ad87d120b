package dev.gocause.sim;

/**
 * The program uses a construct outside the simulator's Go subset, or does not parse/type-check.
 * The message reads like Go's own diagnostics: {@code file:line:column: unsupported: construct}.
 */
public class UnsupportedConstructException extends RuntimeException {
  private final String file;
  private final int line;
  private final int column;
  private final String construct;

  public UnsupportedConstructException(String file, int line, int column, String construct) {
    super(file + ":" + line + ":" + column + ": " + construct);
    this.file = file;
    this.line = line;
    this.column = column;
    this.construct = construct;
  }

  public String file() { return file; }
  public int line() { return line; }
  public int column() { return column; }
  /** What is wrong, without the position (e.g. {@code unsupported: goto}). */
  public String construct() { return construct; }
}
