package dev.gocause.graph.diagnosis.code;

/**
 * One static check that fired: {@code check} is the id of the Symptom it is (seed-data
 * {@code symptoms-code.yaml}), {@code line} the line of the code it cites (1-based, in the input's
 * numbering for pasted code, the file's for a source file), {@code detail} what was seen.
 */
public record CodeFinding(String check, int line, String detail) {
  public CodeFinding {
    if (check == null || check.isBlank()) {
      throw new IllegalArgumentException("a code finding needs the id of the check (Symptom) that fired");
    }
    if (line < 1) {
      throw new IllegalArgumentException("code finding " + check + ": line " + line + " is not a 1-based line");
    }
  }
}
