package dev.gocause.graph.diagnosis;

import dev.gocause.graph.GocauseException;

/** A diagnosis request the caller must fix (missing text, limit out of range, unknown language). */
public final class InvalidDiagnosisRequestException extends GocauseException {
  public InvalidDiagnosisRequestException(String message) {
    super(message);
  }
}
