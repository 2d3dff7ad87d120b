package dev.gocause.graph.diagnosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gocause.graph.diagnosis.Diagnosis.CauseEvidence;
import dev.gocause.graph.diagnosis.Diagnosis.RankedCause;
import dev.gocause.graph.diagnosis.ModelData.CaseInfo;
import dev.gocause.graph.diagnosis.ModelData.CommandInfo;
import dev.gocause.graph.diagnosis.ModelData.CorrectionInfo;
import dev.gocause.graph.diagnosis.ModelData.FixInfo;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a {@link Diagnosis} as plain text, Markdown or JSON, for the CLI, the API and the kernel. */
public final class DiagnosisRenderer {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int EVIDENCE_SHOWN = 6;

  private DiagnosisRenderer() {}

  /** The shared Jackson mapper for the JSON shape (records as objects, enum names as strings). */
  public static ObjectMapper mapper() {
    return JSON;
  }

  public static String json(Diagnosis d) {
    try {
      return JSON.writeValueAsString(d);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How an evidence kind reads in a Chinese answer: the kind as it is in JSON, with its Chinese label
   * ("文字 text"), so the two stay easy to match.
   */
  public static String evidenceKindZh(String kind) {
    String zh = switch (kind) {
      case "text" -> "文字";
      case "signature" -> "特征";
      case "frame" -> "栈帧";
      case "wait-reason" -> "等待原因";
      case "analysis" -> "分析";
      case "code" -> "代码";
      case "simulation" -> "模拟";
      case "search" -> "全文检索";
      case "primitive" -> "原语";
      case "cause-text" -> "根因名称";
      case "not-a-bug" -> "不是缺陷";
      case "doubt" -> "存疑";
      case "wait-state-contradiction" -> "等待状态矛盾";
      default -> null;
    };
    return zh == null ? kind : zh + " " + kind;
  }

  public static String text(Diagnosis d, String lang) {
    boolean zh = zh(d, lang);
    StringBuilder b = new StringBuilder();
    b.append(d.message()).append('\n');
    summary(b, d, zh, "");
    askBack(b, d, zh, "", "$ ", "");
    int rank = 1;
    for (RankedCause c : d.causes()) {
      b.append('\n').append(rank++).append(". ").append(name(zh, c.nameZh(), c.nameEn()))
          .append("  [").append(c.id()).append("]  ").append(zh ? "得分 " : "score ")
          .append(DiagnosisEngine.fmt(c.score())).append(zh ? ",置信度 " + c.confidence().nameZh() : ", " + c.confidence()).append('\n');
      if (!c.dimensions().isEmpty()) {
        b.append("   ").append(zh ? "维度: " : "dimensions: ")
            .append(c.dimensions().stream().map(x -> name(zh, x.nameZh(), x.nameEn())).collect(Collectors.joining(", ")))
            .append('\n');
      }
      b.append("   ").append(zh ? "证据:" : "evidence:").append('\n');
      for (CauseEvidence e : c.evidence().stream().limit(EVIDENCE_SHOWN).toList()) {
        b.append("     - ").append(evidenceLine(e, zh)).append('\n');
      }
      if (!c.commands().isEmpty()) {
        b.append("   ").append(zh ? "确认:" : "confirm with:").append('\n');
        for (CommandInfo k : c.commands()) {
          b.append("     $ ").append(k.commandLine()).append('\n');
        }
      }
      if (!c.fixes().isEmpty()) {
        b.append("   ").append(zh ? "修复:" : "fix:").append('\n');
        for (FixInfo f : c.fixes()) {
          b.append("     * ").append(name(zh, f.nameZh(), f.nameEn())).append("  [").append(f.id()).append("]\n");
        }
      }
      for (CaseInfo k : c.cases()) {
        b.append("   ").append(zh ? "案例: " : "case: ").append(k.id()).append(" (").append(k.variant()).append(")\n");
      }
      for (CorrectionInfo k : c.corrections()) {
        b.append("   ").append(zh ? "勘误: " : "correction: ").append(name(zh, k.nameZh(), k.nameEn())).append("  [").append(k.id()).append("]\n");
      }
    }
    return b.toString();
  }

  public static String markdown(Diagnosis d, String lang) {
    boolean zh = zh(d, lang);
    StringBuilder b = new StringBuilder();
    b.append(zh ? "## 诊断\n\n" : "## Diagnosis\n\n").append(d.message()).append("\n\n");
    summary(b, d, zh, "- ");
    askBack(b, d, zh, "\n> ", "> - `", "`");
    int rank = 1;
    for (RankedCause c : d.causes()) {
      b.append("\n### ").append(rank++).append(". ").append(name(zh, c.nameZh(), c.nameEn()))
          .append(" — `").append(c.id()).append("`\n\n")
          .append(zh ? "**得分** " : "**Score** ").append(DiagnosisEngine.fmt(c.score()))
          .append(zh ? " · **置信度** " + c.confidence().nameZh() : " · **confidence** " + c.confidence());
      if (!c.dimensions().isEmpty()) {
        b.append(zh ? " · **维度** " : " · **dimensions** ")
            .append(c.dimensions().stream().map(x -> name(zh, x.nameZh(), x.nameEn())).collect(Collectors.joining(", ")));
      }
      b.append("\n\n").append(name(zh, c.mechanismZh(), c.mechanismEn())).append("\n\n");
      b.append(zh ? "| 证据 | 匹配 | 行 | 症状 | 权重 | 贡献 |\n" : "| evidence | matched | lines | symptom | weight | contribution |\n");
      b.append("|---|---|---|---|---|---|\n");
      for (CauseEvidence e : c.evidence().stream().limit(EVIDENCE_SHOWN).toList()) {
        b.append("| ").append(zh ? evidenceKindZh(e.kind()) : e.kind()).append(": `").append(cell(e.text())).append('`')
            .append(e.replay() == null ? "" : (zh ? " 重放: `" : " replay: `") + cell(e.replay()) + "`")
            .append(" | ").append(cell(e.matched()))
            .append(" | ").append(lines(e.lines())).append(" | ")
            .append(e.symptom() == null ? "—" : cell(name(zh, e.symptom().nameZh(), e.symptom().nameEn())))
            .append(" | ").append(DiagnosisEngine.fmt(e.weight())).append(" | ")
            .append(DiagnosisEngine.fmt(e.contribution())).append(" |\n");
      }
      if (!c.commands().isEmpty()) {
        b.append(zh ? "\n**确认**\n\n" : "\n**Confirm**\n\n");
        for (CommandInfo k : c.commands()) {
          b.append("- `").append(k.commandLine()).append('`');
          if (k.showsZh() != null || k.showsEn() != null) { // a cause after the first lists its commands in brief
            b.append(" — ").append(name(zh, k.showsZh(), k.showsEn()));
          }
          b.append('\n');
        }
      }
      for (FixInfo f : c.fixes()) {
        b.append(zh ? "\n**修复:** " : "\n**Fix:** ").append(name(zh, f.nameZh(), f.nameEn()));
        if (f.before() == null && f.after() == null) { // no code here (a later cause's fix, in brief): name and id
          b.append(" (`").append(f.id()).append("`)\n");
          continue;
        }
        b.append("\n\n");
        if (f.before() != null && !f.before().isBlank()) {
          b.append("```go\n// before\n").append(f.before().strip()).append("\n```\n\n");
        }
        if (f.after() != null && !f.after().isBlank()) {
          b.append("```go\n// after\n").append(f.after().strip()).append("\n```\n");
        }
      }
      if (!c.cases().isEmpty()) {
        b.append(zh ? "\n**案例:** " : "\n**Cases:** ")
            .append(c.cases().stream().map(k -> "`" + k.id() + "`").collect(Collectors.joining(", "))).append('\n');
      }
      for (CorrectionInfo k : c.corrections()) {
        b.append(zh ? "\n> 勘误:" : "\n> Correction: ").append(name(zh, k.nameZh(), k.nameEn())).append(" (`").append(k.id()).append("`)\n");
      }
    }
    return b.toString();
  }

  /** When the leading causes are close: the question that separates them and the commands that answer it. */
  private static void askBack(StringBuilder b, Diagnosis d, boolean zh, String lead, String commandLead, String commandEnd) {
    Diagnosis.AskBack a = d.askBack();
    if (a == null) {
      return;
    }
    b.append(lead.isEmpty() ? "\n" : lead).append(zh ? "要区分前两个根因,请确认:" : "To tell the leading causes apart: ")
        .append(name(zh, a.questionZh(), a.questionEn())).append('\n');
    for (CommandInfo k : a.commands()) {
      b.append(lead.isEmpty() ? "   " : "").append(commandLead).append(k.commandLine()).append(commandEnd).append('\n');
    }
  }

  private static void summary(StringBuilder b, Diagnosis d, boolean zh, String bullet) {
    var in = d.input();
    if (in.goroutines() != null) {
      var g = in.goroutines();
      b.append(bullet).append(zh ? "goroutine 按状态: " : "goroutines by state: ")
          .append(g.byState().entrySet().stream().limit(8).map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(", ")))
          .append(" (").append(zh ? "共 " : "total ").append(g.total()).append(")\n");
      if (!g.topFrames().isEmpty()) {
        b.append(bullet).append(zh ? "最多的用户栈帧: " : "top user frames: ")
            .append(g.topFrames().stream().limit(3).map(f -> f.frame() + " [" + f.state() + "] ×" + f.count())
                .collect(Collectors.joining("; ")))
            .append('\n');
      }
      if (!d.groups().isEmpty()) {
        b.append(bullet).append(zh ? "goroutine 分组(相同状态与栈):" : "goroutine groups (same state and stack):").append('\n');
        for (Diagnosis.GoroutineGroup x : d.groups().subList(0, Math.min(10, d.groups().size()))) {
          b.append("    ").append(String.format(java.util.Locale.ROOT, "%6d× ", x.count())).append('[').append(x.state());
          if (x.waitMinutes() != null) {
            int lo = x.waitMinutes().get(0);
            int hi = x.waitMinutes().get(1);
            b.append(", ").append(lo == hi ? String.valueOf(lo) : lo + "-" + hi).append(zh ? " 分钟" : " min");
          }
          // a debug=1 profile record may show no frame at all (its runtime frames are hidden)
          b.append("] ").append(x.top().isEmpty() ? (zh ? "(没有打印栈帧)" : "(no frames printed)") : x.top())
              .append(x.location().isEmpty() ? "" : " " + x.location());
          if (x.createdBy() != null) {
            b.append(zh ? " ← 创建于 " : " <- created by ").append(x.createdBy());
          }
          if (!x.goroutines().isEmpty()) {
            b.append(" (").append(String.join(", ", x.goroutines())).append(x.count() > x.goroutines().size() ? ", …)" : ")");
          }
          b.append('\n');
        }
      }
      if (g.longWaiting() > 0) {
        b.append(bullet).append(zh ? "长时间等待: " : "waiting for minutes: ").append(g.longWaiting())
            .append(zh ? " 个,最长 " : ", longest ").append(g.maxWaitMinutes()).append(zh ? " 分钟\n" : " minutes\n");
      }
    }
    for (var r : in.races()) {
      b.append(bullet).append(zh ? "数据竞争 (第 " : "data race (line ").append(r.line()).append(zh ? " 行): " : "): ")
          .append(r.accesses().stream().map(a -> a.access() + " " + a.userFrame() + " by " + a.goroutine())
              .collect(Collectors.joining(" / ")))
          .append('\n');
    }
    if (in.leakedGoroutines() > 0) {
      b.append(bullet).append(zh ? "goleak 报告泄漏 goroutine: " : "goleak leaked goroutines: ").append(in.leakedGoroutines()).append('\n');
    }
    if (!d.observedSymptoms().isEmpty()) {
      b.append(bullet).append(zh ? "观察到的症状: " : "observed symptoms: ")
          .append(d.observedSymptoms().stream().map(s -> s.id() + " (" + DiagnosisEngine.fmt(s.strength()) + ")")
              .collect(Collectors.joining(", ")))
          .append('\n');
    }
  }

  private static String evidenceLine(CauseEvidence e, boolean zh) {
    StringBuilder b = new StringBuilder();
    b.append(zh ? evidenceKindZh(e.kind()) : e.kind()).append(": \"").append(e.text()).append('"');
    if (!e.lines().isEmpty()) {
      b.append(zh ? " (第 " : " (line").append(e.lines().size() > 1 && !zh ? "s " : zh ? "" : " ")
          .append(lines(e.lines())).append(zh ? " 行)" : ")");
    }
    if (e.symptom() != null) {
      b.append(" → ").append(e.symptom().id());
    }
    b.append(zh ? ",权重 " : ", weight ").append(DiagnosisEngine.fmt(e.weight()))
        .append(zh ? ",贡献 " : ", contribution ").append(DiagnosisEngine.fmt(e.contribution()));
    if (e.replay() != null) {
      b.append(zh ? "\n       重放: " : "\n       replay: ").append(e.replay());
    }
    return b.toString();
  }

  private static String lines(List<Integer> lines) {
    return lines.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("`", "'").replace("\n", " ");
  }

  private static boolean zh(Diagnosis d, String lang) {
    String l = lang != null ? lang : d.lang();
    return "zh".equals(l);
  }

  private static String name(boolean zh, String z, String e) {
    String first = zh ? z : e;
    String other = zh ? e : z;
    return first != null && !first.isBlank() ? first : other == null ? "" : other;
  }

}
