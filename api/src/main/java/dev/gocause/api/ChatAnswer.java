package dev.gocause.api;

import dev.gocause.graph.diagnosis.Diagnosis;
import dev.gocause.graph.diagnosis.ModelData;
import java.util.List;
import java.util.Locale;

/**
 * The chat-platform-neutral answer to a slash command: what Slack (Block Kit) and Mattermost
 * (Markdown) both render. Built from one diagnosis, in the language of the question.
 */
record ChatAnswer(String headline, boolean stale, List<Cause> causes, String knowledgeVersion, boolean zh, String askBack,
    List<String> askBackCommands) {

  /** One cause as chat shows it: rank, name, id, score, confidence, why, how to confirm and fix. */
  record Cause(int rank, String id, String name, double score, String confidence, List<String> evidence,
      String confirm, String fix) {}

  static final int MAX_CAUSES = 3;
  static final int MAX_EVIDENCE = 3;

  static ChatAnswer of(Diagnoser.Result r) {
    Diagnosis d = r.diagnosis();
    boolean zh = "zh".equals(d.lang());
    List<Cause> causes = new java.util.ArrayList<>();
    int rank = 1;
    for (Diagnosis.RankedCause c : d.causes().stream().limit(MAX_CAUSES).toList()) {
      List<String> ev = c.evidence().stream().limit(MAX_EVIDENCE)
          .map(e -> e.kind() + ": " + oneLine(e.text()) + (e.occurrences() > 1 ? " ×" + e.occurrences() : ""))
          .toList();
      ModelData.CommandInfo cmd = c.commands().isEmpty() ? null : c.commands().get(0);
      ModelData.FixInfo fix = c.fixes().isEmpty() ? null : c.fixes().get(0);
      causes.add(new Cause(rank++, c.id(), pick(zh, c.nameZh(), c.nameEn()), c.score(),
          c.confidence() == null ? "" : c.confidence().name(), ev,
          cmd == null ? null : cmd.commandLine(), fix == null ? null : pick(zh, fix.nameZh(), fix.nameEn())));
    }
    Diagnosis.AskBack ask = d.askBack();
    return new ChatAnswer(oneLine(d.message()), r.stale(), List.copyOf(causes), d.knowledgeVersion(), zh,
        ask == null ? null : pick(zh, ask.questionZh(), ask.questionEn()),
        ask == null ? List.of() : ask.commands().stream().map(ModelData.CommandInfo::commandLine).toList());
  }

  static ChatAnswer help(boolean zh, String command) {
    return new ChatAnswer(zh
        ? "用法:" + command + " <panic、fatal error、goroutine dump 或一句描述>"
        : "Usage: " + command + " <a panic, fatal error, goroutine dump, race report, or a sentence>", false, List.of(), null, zh,
        null, List.of());
  }

  String staleNote() {
    return zh ? "注意:知识图谱暂时不可达,此答案来自上次加载的知识。"
        : "Note: the knowledge graph is unreachable; this answer comes from the last loaded knowledge.";
  }

  /** The heading of the ask-back: what would separate the two leading causes. */
  String askBackTitle() {
    return zh ? "要区分前两个根因,请确认:" : "To tell the leading causes apart:";
  }

  String noCause() {
    return zh ? "没有指向已知根因的证据。" : "Nothing points to a known cause.";
  }

  static String pick(boolean zh, String nameZh, String nameEn) {
    String v = zh ? nameZh : nameEn;
    return v == null || v.isBlank() ? (zh ? nameEn : nameZh) : v;
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip().replace('\n', ' ').replace('\r', ' ');
    return t.length() > 200 ? t.substring(0, 200) + "…" : t;
  }

  static String score(double s) {
    return String.format(Locale.ROOT, "%.2f", s);
  }
}
