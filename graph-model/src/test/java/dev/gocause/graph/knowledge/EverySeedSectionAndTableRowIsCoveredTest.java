package dev.gocause.graph.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Proves the seed is represented: every section has its Section node and entries that cite it,
 * every table row of the seed document maps to entries whose provenance ({@code source} or
 * {@code alsoIn}) is the row's section, and every external bug class exists by id.
 */
class EverySeedSectionAndTableRowIsCoveredTest {
  private static final List<String> SECTIONS = List.of(
      "1", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "4.4", "5");
  private static final Pattern CHAPTER = Pattern.compile("^第([一二三四五])章");
  private static final Pattern SUBSECTION = Pattern.compile("^(\\d\\.\\d)\\s");
  private static final Pattern SEPARATOR = Pattern.compile("^\\|[-| :]+\\|?\\s*$");

  /** Seed table rows (by first cell) → entries representing them, as key:id (key = YAML top-level key). */
  private static final Map<String, List<String>> ROWS = new LinkedHashMap<>();

  static {
    row("程序挂起无输出", "symptoms:program-hangs-no-output", "commands:sigquit-goroutine-dump");
    row("数值偶尔异常", "symptoms:numbers-occasionally-wrong", "commands:race-detector", "corrections:corr-1-schedtrace-does-not-find-races");
    row("内存持续增长", "symptoms:memory-keeps-growing", "commands:go-tool-pprof-goroutine");
    row("context 超时未生效", "symptoms:context-timeout-ineffective", "commands:check-ctx-done-listeners");
    row("启动采样", "commands:pprof-goroutine-debug2");
    row("分析堆栈", "commands:go-tool-pprof-goroutine");
    row("ch <- 1", "primitives:unbuffered-channel", "primitives:buffered-channel");
    row("<-ch", "primitives:unbuffered-channel", "primitives:buffered-channel");
    row("原始sleep", "rootCauses:context-cancel-not-propagated");
    row("time.AfterFunc(ctx, ...)", "corrections:corr-2-3-afterfunc-takes-duration");
    row("select{case <-ctx.Done(): return; case <-time.After(5s): ...}", "fixes:fix-select-on-ctx-done");
    row("显式传参捕获值", "fixes:fix-pass-copies-to-goroutine");
    row("sync.WaitGroup 同步等待", "fixes:fix-wait-for-deferred-goroutine");
    row("改用 channel 控制生命周期", "fixes:fix-goroutine-owner-stop");
    row("Goroutine 数量", "symptoms:goroutine-count-above-threshold");
    row("内存 RSS", "symptoms:memory-keeps-growing", "corrections:corr-2-5-figures-not-reproducible");
    row("GOMAXPROCS 调度延迟", "symptoms:latency-spikes", "corrections:corr-2-5-gomaxprocs-is-not-a-goroutine-limit");
    row("正常未关闭、有缓冲", "primitives:buffered-channel");
    row("已关闭", "rootCauses:send-on-closed-channel", "corrections:corr-3-1-select-default-does-not-guard-closed");
    row("未关闭、无缓冲且无接收者", "rootCauses:unbuffered-send-no-receiver", "fixes:fix-nonblocking-send-with-select");
    row("正常", "primitives:unbuffered-channel");
    row("单边阻塞", "rootCauses:unpaired-channel-operation-deadlock");
    row("超时防护", "fixes:fix-select-with-timeout");
    row("显式判空后跳过 select", "fixes:fix-explicit-nil-check-before-select");
    row("使用带缓冲 channel + len() 预检", "rootCauses:channel-length-check-race", "corrections:corr-3-3-len-precheck-races");
    row("保留 nil 但强制 default 分支兜底", "corrections:corr-3-3-nil-case-keeps-default", "rootCauses:nil-channel-in-select");
    row("MOVQ m+0(FP), AX", "corrections:corr-4-1-assembly-listing");
    row("CMPQ $0, (AX)", "corrections:corr-4-1-assembly-listing");
    row("TESTQ (AX), AX", "corrections:corr-4-1-assembly-listing");
    row("169…", "corrections:corr-4-2-race-report-layout");
    row("内嵌 goroutine(错误)", "rootCauses:once-do-async-initialization", "corrections:corr-4-3-once-starts-one-goroutine");
    row("同步调用(正确)", "fixes:fix-once-synchronous-init");
    row("#0", "corrections:corr-4-4-panic-text-and-stack");
    row("#1", "signatures:frame-waitgroup-done", "signatures:frame-waitgroup-add");
    row("#2", "corrections:corr-4-4-panic-text-and-stack");
    row("运行时检测", "commands:goroutine-count-alarm", "commands:pprof-labels");
    row("逻辑链路追踪", "commands:tracing-spans");
    row("资源守卫", "commands:goleak-ci-gate");
  }

  /** Items of the seed's lists and prose that are easy to miss, with the section they come from. */
  private static final Map<String, String> SEED_ITEMS = new LinkedHashMap<>();

  static {
    SEED_ITEMS.put("rootCauses:unbuffered-send-no-receiver", "1");
    SEED_ITEMS.put("rootCauses:gosched-misuse", "1");
    SEED_ITEMS.put("rootCauses:data-race-shared-variable", "1");
    SEED_ITEMS.put("rootCauses:mutex-not-unlocked", "1");
    SEED_ITEMS.put("rootCauses:waitgroup-missing-done", "1");
    SEED_ITEMS.put("rootCauses:context-cancel-not-propagated", "1");
    SEED_ITEMS.put("rootCauses:channel-read-after-close", "1");
    SEED_ITEMS.put("rootCauses:select-default-busy-loop", "1");
    SEED_ITEMS.put("rootCauses:range-over-channel-never-closed", "1");
    SEED_ITEMS.put("fixes:fix-atomic-counter", "1");
    SEED_ITEMS.put("fixes:fix-mutex-critical-section", "1");
    SEED_ITEMS.put("rootCauses:receive-without-sender", "2.1");
    SEED_ITEMS.put("rootCauses:context-cancel-not-called", "2.1");
    SEED_ITEMS.put("rootCauses:goroutine-reference-lost", "2.1");
    SEED_ITEMS.put("symptoms:goroutine-count-grows-linearly", "2.1");
    SEED_ITEMS.put("rootCauses:goroutine-in-defer-outlives-frame", "2.4");
    SEED_ITEMS.put("rootCauses:unbounded-goroutine-spawning", "2.5");
    SEED_ITEMS.put("rootCauses:send-on-closed-channel", "3.1");
    SEED_ITEMS.put("rootCauses:unpaired-channel-operation-deadlock", "3.2");
    SEED_ITEMS.put("rootCauses:nil-channel-in-select", "3.3");
    SEED_ITEMS.put("rootCauses:nil-mutex-pointer", "4.1");
    SEED_ITEMS.put("rootCauses:rwmutex-read-to-write-upgrade", "4.2");
    SEED_ITEMS.put("rootCauses:once-do-async-initialization", "4.3");
    SEED_ITEMS.put("rootCauses:waitgroup-negative-counter", "4.4");
    SEED_ITEMS.put("rootCauses:pooled-object-holds-unclosed-body", "5");
    SEED_ITEMS.put("rootCauses:time-after-in-loop", "5");
    SEED_ITEMS.put("rootCauses:select-without-exit-case", "5");
    SEED_ITEMS.put("commands:pprof-labels", "5");
    SEED_ITEMS.put("commands:tracing-spans", "5");
    SEED_ITEMS.put("commands:goroutine-count-alarm", "5");
    SEED_ITEMS.put("commands:goleak-ci-gate", "5");
    SEED_ITEMS.put("fixes:fix-traced-waitgroup", "5");
    SEED_ITEMS.put("symptoms:goleak-unexpected-goroutines", "5");
    SEED_ITEMS.put("symptoms:latency-spikes", "5");
  }

  /** Bug classes from Tu et al. (ASPLOS 2019), GoBench (CGO 2021) and Go's own checks. */
  private static final List<String> EXTERNAL_CLASSES = List.of(
      "double-locking", "ab-ba-lock-order", "recursive-rlock-with-pending-writer",
      "unpaired-channel-operation-deadlock", "send-blocked-after-receiver-gave-up", "cond-wait-without-loop",
      "cond-signal-lost-wakeup", "channel-and-lock-deadlock", "channel-and-waitgroup-deadlock",
      "data-race-shared-variable", "loop-variable-capture", "waitgroup-add-inside-goroutine",
      "waitgroup-reused-before-wait-returns", "send-on-closed-channel", "close-of-closed-channel",
      "close-of-nil-channel", "t-fatal-from-goroutine", "concurrent-map-access", "mutex-copied-by-value",
      "context-cancel-not-called", "time-after-in-loop", "ticker-not-stopped", "once-do-reentrant");

  /** Classes that exist only beyond the seed: they must say where they come from. */
  private static final List<String> EXTERNAL_ONLY = List.of(
      "double-locking", "ab-ba-lock-order", "recursive-rlock-with-pending-writer", "send-blocked-after-receiver-gave-up",
      "cond-wait-without-loop", "cond-signal-lost-wakeup", "channel-and-lock-deadlock", "channel-and-waitgroup-deadlock",
      "loop-variable-capture", "waitgroup-add-inside-goroutine", "waitgroup-reused-before-wait-returns",
      "close-of-closed-channel", "close-of-nil-channel", "t-fatal-from-goroutine", "concurrent-map-access",
      "mutex-copied-by-value", "ticker-not-stopped", "once-do-reentrant");

  private static void row(String firstCell, String... entries) {
    ROWS.put(firstCell, List.of(entries));
  }

  private final KnowledgeData data = KnowledgeData.load();

  @Test
  void every_seed_section_has_a_section_node_and_entries_citing_it() {
    for (String number : SECTIONS) {
      String id = "section-" + number.replace('.', '-');
      JsonNode section = data.find("sections", id).orElseThrow(() -> new AssertionError("no Section " + id));
      assertThat(section.path("number").asText()).isEqualTo(number);
      assertThat(section.path("titleZh").asText()).as("%s titleZh", id).isNotBlank();
      assertThat(section.path("titleEn").asText()).as("%s titleEn", id).isNotBlank();
      long citing = allEntries().stream()
          .filter(e -> !e.key().equals("sections") && !e.key().equals("dimensions") && !e.key().equals("primitives"))
          .filter(e -> provenance(e.node()).contains(number)).count();
      assertThat(citing).as("entries (causes, symptoms, commands, fixes, signatures, corrections) citing section %s", number)
          .isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void every_table_row_of_the_seed_is_represented_with_provenance() {
    Optional<Path> seed = data.seedDocument();
    KnowledgeData.require(seed.isPresent(), "the seed document under ../shared/seed/");
    List<SeedRow> rows = tableRows(read(seed.get()));
    assertThat(rows).as("table rows parsed from the seed").hasSizeGreaterThanOrEqualTo(35);
    List<String> unmapped = new ArrayList<>();
    for (SeedRow r : rows) {
      List<String> entries = ROWS.get(r.firstCell());
      if (entries == null) {
        unmapped.add(r.section() + " | " + r.firstCell());
        continue;
      }
      for (String ref : entries) {
        JsonNode node = resolve(ref);
        assertThat(provenance(node)).as("%s represents seed row '%s' of section %s, so its source/alsoIn cites %s",
            ref, r.firstCell(), r.section(), r.section()).contains(r.section());
      }
    }
    assertThat(unmapped).as("seed table rows with no entry representing them").isEmpty();
    Set<String> seen = new LinkedHashSet<>();
    rows.forEach(r -> seen.add(r.firstCell()));
    assertThat(ROWS.keySet()).as("mapped rows that no longer exist in the seed").isSubsetOf(seen);
  }

  @Test
  void list_items_and_prose_of_the_seed_are_represented_with_provenance() {
    SEED_ITEMS.forEach((ref, section) ->
        assertThat(provenance(resolve(ref))).as("%s cites section %s", ref, section).contains(section));
  }

  @Test
  void every_external_bug_class_exists_and_names_its_reference() {
    for (String id : EXTERNAL_CLASSES) {
      JsonNode cause = resolve("rootCauses:" + id);
      assertThat(cause.path("mechanismEn").asText()).as("%s mechanism", id).isNotBlank();
    }
    for (String id : EXTERNAL_ONLY) {
      assertThat(resolve("rootCauses:" + id).path("source").asText()).as("%s source", id).startsWith("external: ");
    }
  }

  record SeedRow(String section, String firstCell) {}

  record Keyed(String key, JsonNode node) {}

  /**
   * Rows of every table: after a separator line, cells are collected (code cells may start a line
   * without the leading bar) until a line without a bar; every {@code columns} cells form one row.
   */
  static List<SeedRow> tableRows(String text) {
    List<String> lines = text.lines().toList();
    List<SeedRow> rows = new ArrayList<>();
    String section = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher ch = CHAPTER.matcher(line);
      if (ch.find()) {
        section = String.valueOf("一二三四五".indexOf(ch.group(1)) + 1);
      }
      Matcher sub = SUBSECTION.matcher(line);
      if (sub.find()) {
        section = sub.group(1);
      }
      if (!SEPARATOR.matcher(line).matches()) {
        continue;
      }
      int columns = (int) line.chars().filter(c -> c == '|').count() - 1;
      List<String> cells = new ArrayList<>();
      int j = i + 1;
      for (; j < lines.size() && lines.get(j).contains("|") && !SEPARATOR.matcher(lines.get(j)).matches(); j++) {
        for (String cell : lines.get(j).split("\\|")) {
          if (!cell.isBlank()) {
            cells.add(cell.strip());
          }
        }
      }
      for (int k = 0; k + columns <= cells.size(); k += columns) {
        rows.add(new SeedRow(section, cells.get(k)));
      }
      i = j - 1;
    }
    return rows;
  }

  private JsonNode resolve(String ref) {
    String[] kv = ref.split(":", 2);
    return data.find(kv[0], kv[1]).orElseThrow(() -> new AssertionError("no entry " + ref));
  }

  private List<Keyed> allEntries() {
    List<Keyed> out = new ArrayList<>();
    for (String key : List.of("sections", "dimensions", "primitives", "symptoms", "signatures", "rootCauses", "commands", "fixes", "corrections")) {
      data.entries(key).forEach(n -> out.add(new Keyed(key, n)));
    }
    return out;
  }

  static Set<String> provenance(JsonNode node) {
    Set<String> out = new LinkedHashSet<>();
    out.add(node.path("source").asText());
    out.addAll(KnowledgeData.texts(node.path("alsoIn")));
    return out;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + p, e);
    }
  }
}
