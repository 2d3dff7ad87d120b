package dev.gocause.graph.query;

import java.util.List;

/**
 * One root cause with everything around it: its dimension(s), the symptoms that indicate it
 * (highest weight first), the commands that confirm it, its fixes, cases, corrections of the
 * seed about it, primitives involved and the seed sections that describe it.
 */
public record CauseDetail(
    String id,
    String nameZh,
    String nameEn,
    String mechanismZh,
    String mechanismEn,
    String severity,
    String source,
    List<NodeRef> dimensions,
    List<WeightedRef> indicatedBy,
    List<CommandInfo> commands,
    List<FixInfo> fixes,
    List<CaseInfo> cases,
    List<CorrectionInfo> corrections,
    List<NodeRef> primitives,
    List<NodeRef> sections) {}
