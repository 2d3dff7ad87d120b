package dev.gocause.graph.seed;

import dev.gocause.graph.NodeLabel;
import java.util.List;
import java.util.Map;

/** Where the seed is wrong, what is true, and the evidence (optionally a Go program to run). */
public record Correction(Common common, String claimZh, String claimEn, String truthZh, String truthEn, String evidence, List<CorrectionTarget> corrects, String evidenceProgram, String evidenceRun, String evidenceExpect) implements SeedEntry {
  public Correction {
    corrects = List.copyOf(corrects);
  }

  @Override
  public NodeLabel label() {
    return NodeLabel.CORRECTION;
  }

  @Override
  public Map<String, Object> ownProperties() {
    return Props.of("claimZh", claimZh, "claimEn", claimEn, "truthZh", truthZh, "truthEn", truthEn, "evidence", evidence, "evidenceProgram", evidenceProgram, "evidenceRun", evidenceRun, "evidenceExpect", evidenceExpect);
  }
}
