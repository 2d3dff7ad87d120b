package dev.gocause.graph.query;

import dev.gocause.graph.GocauseException;

/** A caller-supplied parameter (limit, cursor, depth ...) outside what a look-up accepts. */
public class InvalidParameterException extends GocauseException {
  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super("parameter '" + parameter + "': " + message);
    this.parameter = parameter;
  }

  /** The name of the offending parameter, as the caller spelled it. */
  public String parameter() {
    return parameter;
  }
}
