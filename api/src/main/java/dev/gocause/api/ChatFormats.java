package dev.gocause.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a {@link ChatAnswer} as Slack Block Kit JSON or as Mattermost Markdown. */
final class ChatFormats {
  /** Mattermost's limit for a slash-command response text. */
  static final int MATTERMOST_MAX = 16_383;
  /** Slack: a section's text is at most 3000 characters. */
  private static final int SLACK_SECTION_MAX = 3000;

  private ChatFormats() {}

  static Map<String, Object> slack(ChatAnswer a) {
    List<Object> blocks = new ArrayList<>();
    if (a.stale()) {
      blocks.add(context(":warning: " + a.staleNote()));
    }
    blocks.add(section("*" + escSlack(a.headline()) + "*"));
    if (a.causes().isEmpty() && a.knowledgeVersion() != null) {
      blocks.add(section(a.noCause()));
    }
    if (a.askBack() != null) {
      StringBuilder ask = new StringBuilder("*" + escSlack(a.askBackTitle()) + "* " + escSlack(a.askBack()));
      for (String cmd : a.askBackCommands()) {
        ask.append("\n`").append(escSlack(cmd).replace("`", "'")).append('`');
      }
      blocks.add(section(ask.toString()));
    }
    for (ChatAnswer.Cause c : a.causes()) {
      blocks.add(Map.of("type", "divider"));
      StringBuilder sb = new StringBuilder();
      sb.append("*").append(c.rank()).append(". ").append(escSlack(c.name())).append("* `").append(c.id()).append("`\n")
          .append(a.zh() ? "得分 " : "score ").append(ChatAnswer.score(c.score()))
          .append(a.zh() ? " · 置信度 " : " · confidence ").append(c.confidence());
      for (String e : c.evidence()) {
        sb.append("\n• ").append(escSlack(e));
      }
      if (c.confirm() != null) {
        sb.append(a.zh() ? "\n*确认:* `" : "\n*Confirm:* `").append(escSlack(c.confirm()).replace("`", "'")).append('`');
      }
      if (c.fix() != null) {
        sb.append(a.zh() ? "\n*修复:* " : "\n*Fix:* ").append(escSlack(c.fix()));
      }
      blocks.add(section(sb.toString()));
    }
    if (a.knowledgeVersion() != null) {
      blocks.add(context("gocause · knowledge " + a.knowledgeVersion()));
    }
    Map<String, Object> msg = new LinkedHashMap<>();
    msg.put("response_type", "ephemeral");
    msg.put("text", a.headline()); // fallback for notifications
    msg.put("blocks", blocks);
    return msg;
  }

  static Map<String, Object> slackAck(boolean zh) {
    return Map.of("response_type", "ephemeral", "text", zh ? "正在诊断…" : "Diagnosing…");
  }

  static String mattermost(ChatAnswer a) {
    StringBuilder sb = new StringBuilder();
    if (a.stale()) {
      sb.append("> :warning: ").append(a.staleNote()).append("\n\n");
    }
    sb.append("**").append(a.headline()).append("**\n");
    if (a.causes().isEmpty() && a.knowledgeVersion() != null) {
      sb.append('\n').append(a.noCause()).append('\n');
    }
    if (a.askBack() != null) {
      sb.append("\n**").append(a.askBackTitle()).append("** ").append(a.askBack()).append('\n');
      for (String cmd : a.askBackCommands()) {
        sb.append("- `").append(cmd.replace("`", "'")).append("`\n");
      }
    }
    for (ChatAnswer.Cause c : a.causes()) {
      sb.append("\n#### ").append(c.rank()).append(". ").append(c.name()).append(" `").append(c.id()).append("`\n")
          .append(a.zh() ? "得分 " : "score ").append(ChatAnswer.score(c.score()))
          .append(a.zh() ? " · 置信度 " : " · confidence ").append(c.confidence()).append('\n');
      for (String e : c.evidence()) {
        sb.append("- ").append(e).append('\n');
      }
      if (c.confirm() != null) {
        sb.append(a.zh() ? "\n**确认:** `" : "\n**Confirm:** `").append(c.confirm().replace("`", "'")).append("`\n");
      }
      if (c.fix() != null) {
        sb.append(a.zh() ? "**修复:** " : "**Fix:** ").append(c.fix()).append('\n');
      }
    }
    if (a.knowledgeVersion() != null) {
      sb.append("\n_gocause · knowledge ").append(a.knowledgeVersion()).append("_\n");
    }
    return truncate(sb.toString(), MATTERMOST_MAX);
  }

  static String truncate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    String cut = "\n…";
    int end = max - cut.length();
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + cut;
  }

  private static Map<String, Object> section(String mrkdwn) {
    return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", truncate(mrkdwn, SLACK_SECTION_MAX)));
  }

  private static Map<String, Object> context(String mrkdwn) {
    return Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", truncate(mrkdwn, SLACK_SECTION_MAX))));
  }

  /** Slack mrkdwn needs &, < and > escaped. */
  static String escSlack(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
