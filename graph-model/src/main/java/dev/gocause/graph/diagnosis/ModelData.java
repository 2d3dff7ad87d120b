package dev.gocause.graph.diagnosis;

import java.util.List;
import java.util.Objects;

/**
 * Plain data the diagnosis model is compiled from: what the graph holds about signatures,
 * symptoms, causes and their links. Read from the graph by {@link GraphModelReader}.
 */
public final class ModelData {

  private ModelData() {}

  /** A node's id and its names. */
  public record Named(String id, String nameZh, String nameEn) {
    public Named {
      Objects.requireNonNull(id, "id");
      nameZh = nameZh == null ? "" : nameZh;
      nameEn = nameEn == null ? "" : nameEn;
    }

    /**
     * Written out, not generated: answers key their rendered symptom names by it, and the generated
     * one (a chain of method handles) showed in the server's profile of rendering answers.
     */
    @Override
    public int hashCode() {
      return (31 * id.hashCode() + nameZh.hashCode()) * 31 + nameEn.hashCode();
    }
  }

  public record SignatureDef(String id, String pattern, PatternKind kind, List<String> symptomIds) {
    public SignatureDef {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(pattern, "pattern of signature " + id);
      Objects.requireNonNull(kind, "patternKind of signature " + id);
      symptomIds = List.copyOf(symptomIds);
    }
  }

  public record SymptomDef(
      String id, String nameZh, String nameEn, String kind, List<String> aliasesZh, List<String> aliasesEn) {
    public SymptomDef {
      Objects.requireNonNull(id, "id");
      aliasesZh = aliasesZh == null ? List.of() : List.copyOf(aliasesZh);
      aliasesEn = aliasesEn == null ? List.of() : List.copyOf(aliasesEn);
    }
  }

  /**
   * {@code (Symptom)-[:INDICATES {weight, panickingFrame}]->(RootCause)}; {@code panickingFrames} (empty: none)
   * are function-name prefixes one of which the panicking goroutine's stack must show, when the input shows it.
   */
  public record Indicates(String symptomId, String causeId, double weight, List<String> panickingFrames) {
    public Indicates(String symptomId, String causeId, double weight) {
      this(symptomId, causeId, weight, List.of());
    }

    public Indicates {
      panickingFrames = panickingFrames == null ? List.of() : List.copyOf(panickingFrames);
      if (!(weight >= 0 && weight <= 1)) {
        throw new IllegalArgumentException(
            "INDICATES weight " + weight + " from " + symptomId + " to " + causeId + " must be within [0,1]");
      }
    }
  }

  public record CommandInfo(String id, String nameZh, String nameEn, String commandLine, String showsZh, String showsEn) {
    /** The command as a diagnosis lists it under a cause other than the first: what to run, not what it shows. */
    public CommandInfo brief() {
      return new CommandInfo(id, nameZh, nameEn, commandLine, null, null);
    }
  }

  public record FixInfo(
      String id, String nameZh, String nameEn, String before, String after, String tradeoffZh, String tradeoffEn) {
    /** The fix as a diagnosis lists it under a cause other than the first: its id and names, no code. */
    public FixInfo brief() {
      return new FixInfo(id, nameZh, nameEn, null, null, null, null);
    }
  }

  public record CaseInfo(String id, String nameZh, String nameEn, String file, String variant, String expectedOutcome) {}

  /**
   * A correction of the seed by its one-line name, and the node it corrects ({@code label:id}). Its
   * full text (claim, truth, evidence) is the cause look-up's: in a diagnosis it would only repeat
   * the source's errata around every cause (it was a quarter of a five-cause answer's bytes).
   */
  public record CorrectionInfo(String id, String nameZh, String nameEn, String corrects) {}

  public record CauseDef(
      String id,
      String nameZh,
      String nameEn,
      String severity,
      String mechanismZh,
      String mechanismEn,
      List<String> aliasesZh,
      List<String> aliasesEn,
      List<Named> dimensions,
      List<String> primitiveIds,
      List<CommandInfo> commands,
      List<FixInfo> fixes,
      List<CaseInfo> cases,
      List<CorrectionInfo> corrections) {
    public CauseDef {
      Objects.requireNonNull(id, "id");
      aliasesZh = aliasesZh == null ? List.of() : List.copyOf(aliasesZh);
      aliasesEn = aliasesEn == null ? List.of() : List.copyOf(aliasesEn);
      dimensions = List.copyOf(dimensions);
      primitiveIds = List.copyOf(primitiveIds);
      commands = List.copyOf(commands);
      fixes = List.copyOf(fixes);
      cases = List.copyOf(cases);
      corrections = List.copyOf(corrections);
    }
  }

  public record PrimitiveDef(String id, String nameZh, String nameEn, List<String> aliasesZh, List<String> aliasesEn) {
    public PrimitiveDef {
      aliasesZh = aliasesZh == null ? List.of() : List.copyOf(aliasesZh);
      aliasesEn = aliasesEn == null ? List.of() : List.copyOf(aliasesEn);
    }
  }
}
